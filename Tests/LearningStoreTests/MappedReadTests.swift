import Foundation
import Testing

@testable import LearningStore

/// A large store is mapped and its pages let go behind the reading; what is read must be exactly
/// what reading the whole file gives, problems and their places included.
@Suite struct MappedReadTests {
  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Seeds/tracker.json").path

  @Test func aMappedReadGivesTheSameStoreAndBytes() throws {
    let whole = try StoreReader.read(path: Self.seed, mappingFrom: Int.max, releaseWindow: 4096)
    let mapped = try StoreReader.read(path: Self.seed, mappingFrom: 0, releaseWindow: 4096)
    #expect(mapped.tracker == whole.tracker)
    #expect(mapped.originalBytes == whole.originalBytes)
    #expect(mapped.originalBytes == (try Data(contentsOf: URL(fileURLWithPath: Self.seed))))
  }

  @Test func problemsInAMappedReadKeepTheirPlaces() throws {
    var text = try String(contentsOfFile: Self.seed, encoding: .utf8)
    // A problem near the end, after most pages have been let go.
    guard let range = text.range(of: "\"date\" : \"", options: .backwards) else {
      Issue.record("the seed has no dated record")
      return
    }
    text.replaceSubrange(range.upperBound..<text.index(range.upperBound, offsetBy: 10), with: "2025-02-30")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mapped-\(UUID().uuidString).json"
    )
    .path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    func message(mappingFrom: Int) -> String {
      do {
        _ = try StoreReader.read(path: path, mappingFrom: mappingFrom, releaseWindow: 4096)
        return "read"
      } catch {
        return "\(error)"
      }
    }
    let whole = message(mappingFrom: Int.max)
    #expect(whole.contains("2025-02-30"))
    #expect(message(mappingFrom: 0) == whole)
  }
}
