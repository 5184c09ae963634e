import Foundation
import LearningModel
import Testing

/// Every file under BadInput/ is a store that must be refused with its documented exit code and a
/// message naming the place; `NAME.expected` holds the code on its first line and a fragment of the
/// message on its second.
@Suite struct BadInputTests {
  static let folder = testsFolder.appendingPathComponent("BadInput")

  static var cases: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }.sorted()
  }

  /// Store files are validated; CSV files are imported as agencies' returns into a copy of the demo store.
  @Test(arguments: cases)
  func refusedWithPlaceAndCode(_ name: String) throws {
    let stem = String(name.split(separator: ".").dropLast().joined(separator: "."))
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent(stem + ".expected"), encoding: .utf8
    )
    .split(separator: "\n", omittingEmptySubsequences: false)
    let code = try #require(Int32(expected[0]))
    let fragment = String(expected[1])
    let file = Self.folder.appendingPathComponent(name).path
    let outcome: Outcome
    if name.hasSuffix(".csv") {
      let store = try temporaryFolder().appendingPathComponent("tracker.json")
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
      let before = try Data(contentsOf: store)
      outcome = runTracker(
        ["import", "returns", file, "--by", "Lead", "--date", "2026-11-22"], data: store.path)
      #expect(try Data(contentsOf: store) == before, "\(name) changed the store")
    } else {
      outcome = runTracker(["validate", "--data", file])
    }
    #expect(outcome.status == code, "\(name): \(outcome.err)")
    #expect((outcome.out + outcome.err).contains(fragment), "\(name): \(outcome.out)\(outcome.err)")
    #expect(!(outcome.out + outcome.err).contains("Fatal error"))
    let raw = (outcome.out + outcome.err).unicodeScalars.filter { ControlCharacters.contains($0) }
    #expect(
      raw.isEmpty, "\(name): control characters reached the terminal: \(raw.map(ControlCharacters.spelled))")
  }

  @Test func corpusIsNotEmpty() {
    #expect(Self.cases.count >= 40)
  }

  @Test func missingFileExits66() {
    let outcome = runTracker(["validate", "--data", "/nonexistent/folder/tracker.json"])
    #expect(outcome.status == 66)
    #expect(outcome.err.contains("/nonexistent/folder/tracker.json: no such file"))
  }

  @Test func aByteOrderMarkIsAccepted() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(runTracker(["validate"], data: path).status == 0)
  }
}
