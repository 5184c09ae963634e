import Foundation
import Testing

/// Every file under BadInput/ is a store that must be refused with its documented exit code and a
/// message naming the place; `NAME.expected` holds the code on its first line and a fragment of the
/// message on its second.
@Suite struct BadInputTests {
  static let folder = testsFolder.appendingPathComponent("BadInput")

  static var cases: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }

  @Test(arguments: cases)
  func refusedWithPlaceAndCode(_ name: String) throws {
    let expected = try String(contentsOf: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".expected")), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let code = try #require(Int32(expected[0]))
    let fragment = String(expected[1])
    let outcome = runTracker(["validate", "--data", Self.folder.appendingPathComponent(name).path])
    #expect(outcome.status == code, "\(name): \(outcome.err)")
    #expect((outcome.out + outcome.err).contains(fragment), "\(name): \(outcome.out)\(outcome.err)")
    #expect(!(outcome.out + outcome.err).contains("Fatal error"))
  }

  @Test func corpusIsNotEmpty() {
    #expect(Self.cases.count >= 20)
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
