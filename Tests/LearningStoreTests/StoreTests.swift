import Foundation
import LearningModel
import Testing

@testable import LearningStore

@Suite struct StoreTests {
  func folder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  let today = CalendarDay("2026-11-22") ?? CalendarDay(dayNumber: 0)

  @Test func rewritingAnUnchangedStoreGivesIdenticalBytes() throws {
    let path = try folder() + "/tracker.json"
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test")
    tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
    try StoreWriter.create(tracker, at: path, today: today)
    let first = try StoreReader.read(path: path)
    #expect(first.tracker == tracker)
    try StoreWriter.replace(first, with: first.tracker, today: today)
    let second = try StoreReader.read(path: path)
    #expect(second.originalBytes == first.originalBytes)
    #expect(second.unknownFields.isEmpty)
  }

  @Test func newStoresAreOwnerOnly() throws {
    let path = try folder() + "/tracker.json"
    try StoreWriter.create(DefaultCatalogues.newTracker(partnershipName: "T"), at: path, today: today)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
  }

  @Test func aStoreThatFailsValidationIsNotWritten() throws {
    let path = try folder() + "/tracker.json"
    var tracker = DefaultCatalogues.newTracker(partnershipName: "T")
    try StoreWriter.create(tracker, at: path, today: today)
    let loaded = try StoreReader.read(path: path)
    tracker.reviews = [Review(id: "X", title: "", kind: .lcspr)]
    #expect(throws: StoreError.self) { try StoreWriter.replace(loaded, with: tracker, today: today) }
    #expect(try StoreReader.read(path: path).originalBytes == loaded.originalBytes)
  }

  @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
    let path = try folder() + "/tracker.json"
    try StoreWriter.create(DefaultCatalogues.newTracker(partnershipName: "T"), at: path, today: today)
    let loaded = try StoreReader.read(path: path)
    var other = loaded.tracker
    other.partnership.name = "Someone else's change"
    try StoreWriter.replace(loaded, with: other, today: today)
    var mine = loaded.tracker
    mine.partnership.name = "Mine"
    #expect(throws: StoreError.changedOnDisk(file: path)) {
      try StoreWriter.replace(loaded, with: mine, today: today)
    }
    #expect(try StoreReader.read(path: path).tracker.partnership.name == "Someone else's change")
  }

  @Test func noTemporaryFilesAreLeftBehind() throws {
    let dir = try folder()
    let path = dir + "/tracker.json"
    try StoreWriter.create(DefaultCatalogues.newTracker(partnershipName: "T"), at: path, today: today)
    let loaded = try StoreReader.read(path: path)
    try StoreWriter.replace(loaded, with: loaded.tracker, today: today)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["tracker.json"])
  }

  @Test func unknownFieldsAreFoundWhateverTheirValue() throws {
    let text =
      #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "nickname": null, "settings": {"dueSoonDays": 2, "staleAfterDays": 3}}, "extra": {"a": [1]}}"#
    let loaded = try StoreReader.decode(bytes: Array(text.utf8), file: "t.json")
    #expect(loaded.unknownFields == ["partnership.nickname", "extra"])
  }

  @Test func validityDoesNotDependOnNestingDepth() throws {
    let deep = String(repeating: "[", count: 100) + "null" + String(repeating: "]", count: 100)
    let text =
      #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "privacy": {"names": null}, "settings": {"dueSoonDays": 2, "staleAfterDays": 3}}, "notes": "#
      + deep + "}"
    let loaded = try StoreReader.decode(bytes: Array(text.utf8), file: "t.json")
    #expect(loaded.unknownFields == ["notes"])
    #expect(loaded.tracker.partnership.privacy == Privacy(names: []))
  }

  @Test func namesGivenTwiceAreRefusedEvenInsideUnknownFields() {
    let text = """
      {"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01",
       "settings": {"dueSoonDays": 2, "staleAfterDays": 3}}, "extra": [{"a": 1, "a": 2}]}
      """
    #expect(
      throws: StoreError.problems(
        file: "t.json",
        [
          StoreProblem(
            line: 2, column: 75, path: "extra[0].a",
            message:
              "\"a\" is given twice in one object; only one value can be kept, so remove the other (first given at 2:67, extra[0].a)"
          ),
          StoreProblem(
            line: 2, column: 56, path: "extra",
            message:
              "unknown field: the store format has no such field, and it would be lost when the store is written"
          ),
        ].sorted { $0.column < $1.column })
    ) {
      try StoreReader.decode(bytes: Array(text.utf8), file: "t.json")
    }
  }

  @Test func decodingErrorsNameTheJSONPath() {
    let text = """
      {"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 28, "staleAfterDays": 90}},
       "reviews": [{"id": "A", "title": "T", "kind": "lcspr", "dates": {"published": "2025-02-30"}}]}
      """
    #expect(
      throws: StoreError.problems(
        file: "t.json",
        [
          StoreProblem(
            line: 2, column: 80, path: "reviews[0].dates.published",
            message: "\"2025-02-30\" is not a calendar day (expected YYYY-MM-DD, a real day)")
        ])
    ) {
      try StoreReader.decode(bytes: Array(text.utf8), file: "t.json")
    }
  }

  @Test func historyWrittenBeforeTheChainIsStillRead() throws {
    let path = try folder() + "/tracker.json"
    let line =
      #"{"at":"2026-11-22T09:00:00Z","by":"QA","changes":[{"after":{"id":"1"},"reference":"A/1"}],"command":["action","update"],"storeDigest":"00000000000000aa"}"#
    try Data((line + "\n" + line + "\n").utf8).write(to: URL(fileURLWithPath: path + ".history.jsonl"))
    let entries = try History.read(store: path)
    #expect(entries.count == 2)
    #expect(entries.map(\.operatorName) == ["QA", "QA"])
    #expect(
      entries[0].changes == [
        HistoryChange(reference: "A/1", before: nil, after: .object([("id", .string("1"))]))
      ])
    #expect(entries[0].legacyStoreDigest == "00000000000000aa")
    #expect(History.verify(entries, file: path) == nil)
  }
}
