import Foundation
import LearningJSON
import LearningModel

/// One command's changes to a store, as appended to the history file beside it.
public struct HistoryEntry: Codable, Equatable, Sendable {
  /// When, as an ISO 8601 UTC timestamp.
  public var at: String
  /// Who made the change.
  public var by: String
  /// The command's words, as given.
  public var command: [String]
  public var changes: [HistoryChange]
  /// The digest of the store as this command wrote it (`StoreWriter.digest`), so that `undo` can
  /// tell whether the store changed since in any other way.
  public var storeDigest: String?

  public init(at: String, by: String, command: [String], changes: [HistoryChange], storeDigest: String? = nil)
  {
    self.at = at
    self.by = by
    self.command = command
    self.changes = changes
    self.storeDigest = storeDigest
  }
}

/// A record touched by a command: its reference, and its JSON before and after (absent when
/// the record did not exist before, or no longer exists after).
public struct HistoryChange: Codable, Equatable, Sendable {
  public var reference: String
  public var before: JSONValue?
  public var after: JSONValue?

  public init(reference: String, before: JSONValue?, after: JSONValue?) {
    self.reference = reference
    self.before = before
    self.after = after
  }
}

/// The append-only change history kept beside a store (`STORE.history.jsonl`, JSON Lines).
public enum History {
  /// The history file for a store.
  public static func path(forStore store: String) -> String { store + ".history.jsonl" }

  /// Appends one entry as one line; the file is never rewritten.
  public static func append(_ entry: HistoryEntry, store: String) throws(StoreError) {
    guard let bytes = try? JSONWriter.compact(entry) else {
      throw .cannotWrite(file: path(forStore: store), reason: "the history entry could not be encoded")
    }
    try AtomicFile.append(String(decoding: bytes, as: UTF8.self) + "\n", to: path(forStore: store))
  }

  /// Every entry, oldest first; an absent file is an empty history.
  public static func read(store: String) throws(StoreError) -> [HistoryEntry] {
    let file = path(forStore: store)
    guard let data = FileManager.default.contents(atPath: file) else { return [] }
    var entries: [HistoryEntry] = []
    let decoder = JSONDecoder()
    for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
      guard !line.trimmingSpacesAndNothingElse.isEmpty else { continue }
      do {
        entries.append(try decoder.decode(HistoryEntry.self, from: Data(line.utf8)))
      } catch {
        throw .syntax(file: file, line: number + 1, column: 1, message: "not a history entry")
      }
    }
    return entries
  }

  /// A store record as a JSON value, for the history.
  public static func snapshot(_ value: some Encodable) -> JSONValue? {
    guard let bytes = try? JSONWriter.compact(value) else { return nil }
    return try? JSONValue.parse(bytes)
  }
}

extension Substring {
  fileprivate var trimmingSpacesAndNothingElse: Substring {
    drop { $0 == " " || $0 == "\r" || $0 == "\t" }
  }
}

extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      var elements: [JSONValue] = []
      while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
      self = .array(elements)
      return
    }
    if let object = try? decoder.container(keyedBy: AnyKey.self) {
      var members: [(key: String, value: JSONValue)] = []
      for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
        members.append((key.stringValue, try object.decode(JSONValue.self, forKey: key)))
      }
      self = .object(members)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let flag = try? single.decode(Bool.self) {
      self = .bool(flag)
    } else if let integer = try? single.decode(Int.self) {
      self = .number(String(integer))
    } else if let number = try? single.decode(Double.self) {
      self = .number(String(number))
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let flag):
      var single = encoder.singleValueContainer()
      try single.encode(flag)
    case .number(let text):
      var single = encoder.singleValueContainer()
      if let integer = Int(text) { try single.encode(integer) } else { try single.encode(Double(text) ?? 0) }
    case .string(let text):
      var single = encoder.singleValueContainer()
      try single.encode(text)
    case .array(let elements):
      var array = encoder.unkeyedContainer()
      for element in elements { try array.encode(element) }
    case .object(let members):
      var object = encoder.container(keyedBy: AnyKey.self)
      for member in members { try object.encode(member.value, forKey: AnyKey(member.key)) }
    }
  }
}

struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
