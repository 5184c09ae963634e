import Foundation
import LearningModel
import LearningStore
import Testing

/// `theme`, `category`, `method` and `standard` `add|update|list|remove`: the partnership's
/// catalogues kept through the change path.
@Suite struct CatalogueCommandTests {
  /// Each catalogue's noun, an entry the referring store uses, and the line naming who uses it.
  static let inUse: [(noun: String, id: String, referrers: [String])] = [
    ("theme", "voice-of-the-child", ["review RR-2026-01 (themes)"]),
    ("theme", "invisible-men", ["finding RR-2026-01/F1 (themes)"]),
    ("theme", "safe-sleep", ["dissemination activity D-01 (themes)"]),
    ("category", "neglect-recent", ["review RR-2026-01 (categories)"]),
    ("method", "seven-minute-briefing", ["dissemination activity D-01 (method)"]),
    ("standard", "s11-1", ["the Section 11 return of la for 2025-26 (ratings)"]),
  ]

  @Test func anEntryInUseIsRefusedNamingEveryReference() throws {
    let path = try referringStore()
    for (noun, id, referrers) in Self.inUse {
      let err = try refused([noun, "remove", id], path)
      #expect(err.contains("is still referred to, so nothing was changed"), "\(noun) \(id)")
      for referrer in referrers { #expect(err.contains("  " + referrer), "\(noun) \(id): \(err)") }
    }
  }

  @Test(arguments: ["theme", "category", "method", "standard"])
  func entriesAreAddedCorrectedListedAndRemoved(_ noun: String) throws {
    let path = try referringStore()
    let original = try storeRecords(path)
    let kind = try #require(CatalogueKind(rawValue: noun))
    #expect(
      succeeds([noun, "add", "local-1", "--name", "Local entry", "--by", "Chair"], path).contains("added"))
    _ = succeeds([noun, "update", "local-1", "--name", "Local entry, renamed"], path)
    var entries = try StoreReader.read(path: path).tracker[keyPath: kind.entries]
    #expect(entries.last == CatalogueEntry(id: "local-1", name: "Local entry, renamed"))
    let text = runTracker([noun, "list"], data: path)
    #expect(text.status == 0)
    #expect(
      text.out.contains("local-1") && text.out.contains("Local entry, renamed")
        && text.out.contains("Used by"))
    let json = runTracker([noun, "list", "--format", "json"], data: path)
    #expect(json.status == 0)
    #expect(json.out.contains("\"id\" : \"local-1\"") || json.out.contains("\"id\": \"local-1\""))
    // Mistakes are refused, naming what was wrong, and nothing changes.
    #expect(try refused([noun, "add", "local-1", "--name", "Again"], path).contains("already exists"))
    #expect(try refused([noun, "add", "../escapes", "--name", "X"], path).contains("is not a valid"))
    #expect(try refused([noun, "add", "local-2", "--name", " "], path).contains("--name \"\" is empty"))
    #expect(try refused([noun, "update", "local-l", "--name", "X"], path).contains("did you mean local-1?"))
    #expect(try refused([noun, "update", "local-1"], path).contains("give at least one thing to change"))
    #expect(try refused([noun, "remove", "local-"], path).contains("did you mean local-1?"))
    _ = succeeds([noun, "remove", "local-1", "--by", "Chair"], path)
    entries = try StoreReader.read(path: path).tracker[keyPath: kind.entries]
    #expect(!entries.contains { $0.id == "local-1" })
    let history = runTracker(["history"], data: path)
    #expect(history.out.contains("\(noun) remove local-1"))
    for _ in 0..<3 { _ = succeeds(["undo"], path) }
    #expect(try storeRecords(path) == original)
  }

  @Test func aMethodSaysWhatItsReachCounts() throws {
    let path = try referringStore()
    _ = succeeds(["method", "add", "podcast", "--name", "Podcast", "--reach", "circulation"], path)
    var method = try StoreReader.read(path: path).tracker.disseminationMethods.last
    #expect(method == CatalogueEntry(id: "podcast", name: "Podcast", reach: .circulation))
    _ = succeeds(["method", "update", "podcast", "--reach", "attendance"], path)
    method = try StoreReader.read(path: path).tracker.disseminationMethods.last
    #expect(method?.reach == .attendance)
    #expect(runTracker(["method", "list"], data: path).out.contains("attendance"))
    _ = succeeds(["method", "update", "podcast", "--no-reach"], path)
    method = try StoreReader.read(path: path).tracker.disseminationMethods.last
    #expect(method == CatalogueEntry(id: "podcast", name: "Podcast"))
    let both = try refused(["method", "update", "podcast", "--reach", "attendance", "--no-reach"], path)
    #expect(both.contains("--reach") && both.contains("--no-reach"))
    let wrong = try refused(["method", "add", "radio", "--name", "Radio", "--reach", "listeners"], path)
    #expect(wrong.contains("--reach: \"listeners\""))
  }
}
