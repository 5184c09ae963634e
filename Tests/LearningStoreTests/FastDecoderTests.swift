import Foundation
import LearningModel
import Testing

@testable import LearningStore

/// The fast decoder gives exactly what JSONDecoder gives, and never accepts what JSONDecoder refuses.
@Suite struct FastDecoderTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var files: [String] {
    let bad = root.appendingPathComponent("Tests/LearningTrackerTests/BadInput")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: bad.path)) ?? []
    return ["Seeds/tracker.json", "Tests/LearningReportsTests/Fixtures/store.json"]
      + names.filter { $0.hasSuffix(".json") }.sorted().map { "Tests/LearningTrackerTests/BadInput/" + $0 }
  }

  @Test(arguments: files)
  func agreesWithJSONDecoder(_ file: String) throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent(file))
    let slow = try? JSONDecoder().decode(Tracker.self, from: data)
    let fast = FastStoreDecoder.decode(data)
    if let fast {
      #expect(
        fast == slow, "\(file): the fast decoder accepted what JSONDecoder decodes differently or refuses")
    }
    if file.hasPrefix("Seeds") || file.contains("Fixtures") { #expect(fast != nil) }
  }

  @Test func agreesOnAGeneratedStore() throws {
    let tracker = SyntheticPartnership.generate(reviews: 60, seed: 7, asOf: CalendarDay("2026-11-20")!)
    let data = Data(try StoreWriter.encode(tracker))
    #expect(FastStoreDecoder.decode(data) == tracker)
    #expect(try JSONDecoder().decode(Tracker.self, from: data) == tracker)
  }

  @Test func escapesAndUnicode() throws {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Tab\there \"quoted\" \\ é 😀 \u{01}")
    tracker.agencies = [
      Agency(id: "la", name: "Line\nbreak / slash", kind: .localAuthority, statutoryPartner: true)
    ]
    let data = Data(try StoreWriter.encode(tracker))
    #expect(FastStoreDecoder.decode(data) == tracker)
    let escaped = Data(
      #"{"schemaVersion": 1, "partnership": {"name": "\u00e9\ud83d\ude00", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 1, "staleAfterDays": 2}}}"#
        .utf8)
    #expect(FastStoreDecoder.decode(escaped)?.partnership.name == "é😀")
    #expect(FastStoreDecoder.decode(escaped) == (try JSONDecoder().decode(Tracker.self, from: escaped)))
  }
}
