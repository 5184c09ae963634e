import Foundation
import LearningJSON
import LearningStore
import Testing

/// Takes the demo store and, for fields of every kind of record, sets the field to null, removes
/// it, gives it a value of the wrong type, or adds a deeply nested unknown field beside it. Each
/// kind of change to one field must get the same verdict and the same message (but for the path
/// and the place) wherever in the file the field is, and the message must name the right path.
@Suite struct StoreMutationTests {
  enum Step: Hashable {
    case key(String)
    case index(Int)
  }

  /// One field of the store: where it is, and the same field's place in any record of its kind.
  struct Field {
    var steps: [Step]
    var path: String
    var kindPath: String
  }

  enum Change: String, CaseIterable {
    case null, removed, wrongType, deepUnknownField
  }

  /// What reading a changed store gives, without the path and the place.
  enum Verdict: Equatable, CustomStringConvertible {
    case reads(unknownFields: Int)
    case problem(String)
    case refused(String)

    var description: String {
      switch self {
      case .reads(let count): "reads (\(count) unknown fields)"
      case .problem(let message): "problem: \(message)"
      case .refused(let message): "refused: \(message)"
      }
    }
  }

  static let seeds: JSONValue = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Seeds/tracker.json")
    let bytes = (try? Data(contentsOf: url)).map { Array($0) } ?? []
    return (try? JSONValue.parse(bytes)) ?? .null
  }()

  /// Every member of every object, with its path.
  static func fields(of value: JSONValue, steps: [Step] = [], path: String = "", kindPath: String = "")
    -> [Field]
  {
    switch value {
    case .object(let members):
      return members.flatMap { member -> [Field] in
        let childPath = path.isEmpty ? member.key : path + "." + member.key
        let childKind = kindPath.isEmpty ? member.key : kindPath + "." + member.key
        let field = Field(steps: steps + [.key(member.key)], path: childPath, kindPath: childKind)
        return [field]
          + fields(of: member.value, steps: field.steps, path: childPath, kindPath: childKind)
      }
    case .array(let elements):
      return elements.enumerated().flatMap { index, element in
        fields(
          of: element, steps: steps + [.index(index)], path: path + "[\(index)]", kindPath: kindPath + "[]")
      }
    default:
      return []
    }
  }

  /// The fields to change: for each kind of field, its first and last occurrence in the file.
  static let sample: [Field] = {
    let all = fields(of: seeds)
    var byKind: [String: [Field]] = [:]
    var order: [String] = []
    for field in all {
      if byKind[field.kindPath] == nil { order.append(field.kindPath) }
      byKind[field.kindPath, default: []].append(field)
    }
    return order.flatMap { kind -> [Field] in
      let occurrences = byKind[kind] ?? []
      guard let first = occurrences.first, let last = occurrences.last else { return [] }
      return occurrences.count > 1 ? [first, last] : [first]
    }
  }()

  /// `value` with `change` made to the member at `steps`.
  static func changed(_ value: JSONValue, at steps: ArraySlice<Step>, _ change: Change) -> JSONValue {
    guard let step = steps.first else { return value }
    switch (value, step) {
    case (.array(var elements), .index(let index)):
      elements[index] = changed(elements[index], at: steps.dropFirst(), change)
      return .array(elements)
    case (.object(var members), .key(let key)):
      guard let index = members.firstIndex(where: { $0.key == key }) else { return value }
      if steps.count > 1 {
        members[index].value = changed(members[index].value, at: steps.dropFirst(), change)
        return .object(members)
      }
      switch change {
      case .null: members[index].value = .null
      case .removed: members.remove(at: index)
      case .wrongType: members[index].value = wrongType(for: members[index].value)
      case .deepUnknownField:
        var deep = JSONValue.object([("b", .null)])
        for level in 0..<80 { deep = level.isMultiple(of: 2) ? .array([deep]) : .object([("a", deep)]) }
        members.insert(("zzUnknown", deep), at: index + 1)
      }
      return .object(members)
    default:
      return value
    }
  }

  static func wrongType(for value: JSONValue) -> JSONValue {
    switch value {
    case .string: .number("7")
    case .number: .string("7")
    case .bool: .string("yes")
    case .array: .object([])
    case .object: .array([])
    case .null: .bool(true)
    }
  }

  /// The path a change's message should name.
  static func expectedPath(_ field: Field, _ change: Change) -> String {
    change == .deepUnknownField
      ? String(field.path.dropLast(field.path.split(separator: ".").last?.count ?? 0)) + "zzUnknown"
      : field.path
  }

  static func verdict(of value: JSONValue, field: Field, change: Change) throws -> Verdict {
    let bytes = try JSONWriter.compact(value)
    do {
      let loaded = try StoreReader.decode(bytes: bytes, file: "t.json")
      if change == .deepUnknownField {
        #expect(loaded.unknownFields == [expectedPath(field, change)], "\(field.path) \(change)")
      }
      return .reads(unknownFields: loaded.unknownFields.count)
    } catch .problems(_, let problems) {
      #expect(problems.count == 1, "\(field.path) \(change): \(problems)")
      #expect(problems.first?.path == expectedPath(field, change), "\(field.path) \(change): \(problems)")
      return .problem(problems.first?.message ?? "")
    } catch {
      return .refused(error.localizedDescription.replacingOccurrences(of: "t.json", with: ""))
    }
  }

  @Test func theSampleCoversEveryKindOfField() {
    #expect(Set(Self.sample.map(\.kindPath)).count >= 90)
    #expect(Self.sample.contains { $0.path.hasPrefix("section11[") })
    #expect(Self.sample.contains { $0.path.contains(".updates[") })
  }

  @Test(arguments: Change.allCases)
  func sameVerdictWhereverTheFieldIs(_ change: Change) throws {
    var verdicts: [String: (path: String, verdict: Verdict)] = [:]
    for field in Self.sample {
      let verdict = try Self.verdict(
        of: Self.changed(Self.seeds, at: field.steps[...], change), field: field, change: change)
      if let earlier = verdicts[field.kindPath] {
        #expect(
          earlier.verdict == verdict,
          "\(change): \(earlier.path) gives \(earlier.verdict) but \(field.path) gives \(verdict)")
      } else {
        verdicts[field.kindPath] = (field.path, verdict)
      }
      switch change {
      case .wrongType:
        #expect(verdict != .reads(unknownFields: 0), "\(field.path) accepted a value of the wrong type")
      case .deepUnknownField:
        #expect(verdict == .reads(unknownFields: 1), "\(field.path): \(verdict)")
      case .null, .removed:
        break
      }
    }
  }

  @Test func requiredAndOptionalFieldsAreTreatedAlike() throws {
    let title = try #require(Self.sample.first { $0.kindPath == "reviews[].title" })
    let summary = try #require(Self.sample.first { $0.kindPath == "reviews[].summary" })
    let names = Self.fields(of: Self.seeds).first { $0.kindPath == "partnership.privacy.names" }
    #expect(
      try Self.verdict(of: Self.changed(Self.seeds, at: title.steps[...], .null), field: title, change: .null)
        == .problem("expected a string, found null"))
    #expect(
      try Self.verdict(
        of: Self.changed(Self.seeds, at: title.steps[...], .removed), field: title, change: .removed)
        == .problem("required field is missing"))
    #expect(
      try Self.verdict(
        of: Self.changed(Self.seeds, at: summary.steps[...], .null), field: summary, change: .null)
        == .reads(unknownFields: 0))
    if let names {
      #expect(
        try Self.verdict(
          of: Self.changed(Self.seeds, at: names.steps[...], .null), field: names, change: .null)
          == .reads(unknownFields: 0))
    }
  }
}
