import Foundation
import Testing

@testable import LearningModel

/// The one list of the store's text fields (`StoreTextField.all`) is the list docs/FORMAT.md gives,
/// and every field in it is reached by `validate`, `format --fix-text`, `check privacy` and `redact`.
@Suite struct StoreTextFieldTests {
  static let format: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)) ?? ""
  }()

  /// The rows of FORMAT.md's "Text fields" table: the field and its kind.
  static var documented: [String: String] {
    guard let start = format.range(of: "\n## Text fields\n") else { return [:] }
    let section = format[start.upperBound...].prefix { _ in true }
    let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
    var rows: [String: String] = [:]
    for line in section[..<end].split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
    }
    return rows
  }

  @Test func theTableIsTheListFormatGives() {
    let documented = Self.documented
    #expect(documented.count >= 30)
    let table = Dictionary(StoreTextField.all.map { ($0.pattern, $0.kind) }, uniquingKeysWith: { $1 })
    #expect(table.count == StoreTextField.all.count, "a field is listed twice")
    for (pattern, kind) in table {
      let words = documented[pattern]
      #expect(words != nil, "\(pattern) is a text field not listed in FORMAT.md")
      switch kind {
      case .freeText: #expect(words == "free text", "\(pattern)")
      case .privacyName: #expect(words?.hasPrefix("privacy name") == true, "\(pattern)")
      case .label: #expect(words?.hasPrefix("label") == true, "\(pattern)")
      }
    }
    for pattern in documented.keys {
      #expect(table[pattern] != nil, "FORMAT.md lists \(pattern) as a text field; the table does not")
    }
  }

  /// Every row typed `text` or `list of text` in FORMAT.md's record tables is in the list.
  @Test func everyFieldFormatTypesAsTextIsInTheList() {
    let expansions = [
      "...recommendations[].actions[]": "reviews[].recommendations[].actions[]",
      "...actions[].updates[]": "reviews[].recommendations[].actions[].updates[]",
      "...actions[].escalations[]": "reviews[].recommendations[].actions[].escalations[]",
    ]
    var heading: String?
    var found = 0
    for line in Self.format.split(separator: "\n") {
      if line.hasPrefix("## ") { heading = nil }
      if line.hasPrefix("### `") {
        let name = line.dropFirst(5).prefix { $0 != "`" }
        heading = expansions[String(name)] ?? String(name)
        continue
      }
      guard let heading, line.hasPrefix("| `") else { continue }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, cells[1] == "text" || cells[1] == "list of text" else { continue }
      let field = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      let pattern = heading + "." + field + (cells[1] == "list of text" ? "[]" : "")
      found += 1
      #expect(Self.documented[pattern] != nil, "FORMAT.md types \(pattern) as text but does not list it")
      #expect(StoreTextField.all.contains { $0.pattern == pattern }, "\(pattern) is not in the table")
    }
    #expect(found >= 25)
  }

  @Test func oneReviewOnlyReachesThatReviewsFieldsAlone() {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.reviews = [
      Review(id: "A", title: "Child A", kind: .lcspr, dates: ReviewDates()),
      Review(id: "B", title: "Child B", kind: .lcspr, dates: ReviewDates()),
    ]
    #expect(tracker.freeTextFields(review: "B").map(\.path) == ["reviews[1].title"])
    #expect(tracker.freeTextFields().contains { $0.path == "partnership.name" })
  }
}
