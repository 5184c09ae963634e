import Foundation
import LearningModel
import LearningStore
import Testing

/// A small store (`init` gives agencies la, police and icb) in which every kind of record refers to others: agencies owning actions and
/// receiving learning, a review that a later one follows, dissemination and a Section 11 return.
func referringStore() throws -> String {
  let path = try temporaryFolder().appendingPathComponent("tracker.json").path
  let steps: [[String]] = [
    ["init"],
    ["agency", "add", "--id", "spare", "--name", "Added by mistake"],
    [
      "review", "add", "--id", "RR-2026-01", "--title", "Child P", "--kind", "rapidReview", "--theme",
      "voice-of-the-child", "--category", "neglect-recent",
    ],
    ["finding", "add", "RR-2026-01", "--text", "Father not seen", "--theme", "invisible-men"],
    ["recommendation", "add", "RR-2026-01/R1", "--text", "See fathers", "--agency", "la"],
    [
      "action", "add", "RR-2026-01/1.1", "--recommendation", "R1", "--description", "Audit home visits",
      "--owner", "police", "--due", "2027-03-01",
    ],
    [
      "action", "add", "RR-2026-01/1.2", "--recommendation", "R1", "--description", "Train on fathers",
      "--owner", "la", "--due", "2027-03-01",
    ],
    [
      "review", "add", "--id", "LCSPR-2026-02", "--title", "Child P", "--kind", "lcspr", "--follows",
      "RR-2026-01",
    ],
    [
      "dissemination", "add", "--id", "D-01", "--method", "seven-minute-briefing", "--title", "Briefing",
      "--date", "2026-12-01", "--review", "LCSPR-2026-02", "--audience", "la", "--theme", "safe-sleep",
    ],
    ["section11", "add", "--agency", "la", "--cycle", "2025-26", "--due", "2026-06-30"],
    ["section11", "update", "--agency", "la", "--cycle", "2025-26", "--rate", "s11-1=met"],
  ]
  for step in steps {
    let outcome = runTracker(step, data: path)
    #expect(outcome.status == 0, "\(step): \(outcome.err)")
  }
  return path
}

/// Runs a command that must be refused with exit 64, leaving the file's bytes as they were;
/// returns its error stream.
func refused(_ arguments: [String], _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> String
{
  let before = try storeBytes(path)
  let outcome = runTracker(arguments, data: path)
  #expect(outcome.status == 64, "\(arguments): \(outcome.err)", sourceLocation: sourceLocation)
  #expect(try storeBytes(path) == before, "\(arguments) changed the store", sourceLocation: sourceLocation)
  return outcome.err
}

/// Runs a command that must succeed, then checks the store validates.
func succeeds(_ arguments: [String], _ path: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> String
{
  let outcome = runTracker(arguments, data: path)
  #expect(outcome.status == 0, "\(arguments): \(outcome.err)", sourceLocation: sourceLocation)
  #expect(
    runTracker(["validate"], data: path).status == 0, "after \(arguments)", sourceLocation: sourceLocation)
  return outcome.err
}

/// `agency remove` and `remove REF`: records made by mistake taken out through the change path,
/// refused while anything refers to them.
@Suite struct RemoveCommandTests {
  @Test func anAgencyStillReferredToIsRefusedNamingEveryReference() throws {
    let path = try referringStore()
    let police = try refused(["agency", "remove", "police"], path)
    #expect(police.contains("agency \"police\" is still referred to, so nothing was changed"))
    #expect(police.contains("  action RR-2026-01/1.1 (owner)\n"))
    let la = try refused(["agency", "remove", "la", "--by", "Chair"], path)
    for line in [
      "recommendation RR-2026-01/R1 (agencies)", "action RR-2026-01/1.2 (owner)",
      "dissemination activity D-01 (audience)", "the Section 11 return of la for 2025-26 (agency)",
    ] {
      #expect(la.contains("  " + line + "\n"), "\(line)")
    }
    let unknown = try refused(["agency", "remove", "spar"], path)
    #expect(unknown.contains("no agency \"spar\"; did you mean spare?"))
  }

  @Test func anAgencyNothingRefersToIsRemovedAndUndoPutsItBack() throws {
    let path = try referringStore()
    let before = try storeRecords(path)
    #expect(succeeds(["agency", "remove", "spare", "--by", "Chair"], path).contains("removed agency spare"))
    #expect(try StoreReader.read(path: path).tracker.agency("spare") == nil)
    let history = runTracker(["history"], data: path)
    #expect(history.out.contains("agency remove spare"))
    #expect(succeeds(["undo"], path).contains("undid"))
    #expect(try storeRecords(path) == before)
  }

  @Test func aReviewAnotherFollowsIsRefused() throws {
    let path = try referringStore()
    let follows = try refused(["remove", "RR-2026-01"], path)
    #expect(follows.contains("review RR-2026-01 is still referred to"))
    #expect(follows.contains("  review LCSPR-2026-02 (follows)"))
    let disseminated = try refused(["remove", "LCSPR-2026-02"], path)
    #expect(disseminated.contains("  dissemination activity D-01 (reviews)"))
    #expect(try refused(["remove", "RR-2026-0"], path).contains("did you mean RR-2026-01?"))
    #expect(try refused(["remove", "RR-2026-01/R9"], path).contains("no recommendation RR-2026-01/R9"))
    #expect(try refused(["remove", "RR-2026-01/F9"], path).contains("no finding RR-2026-01/F9"))
    #expect(try refused(["remove", "RR-2026-01/1.9"], path).contains("did you mean RR-2026-01/1.1?"))
    #expect(try refused(["remove", "section11:la"], path).contains("is not a record reference"))
    #expect(try refused(["remove", "dissemination:D-02"], path).contains("did you mean dissemination:D-01?"))
  }

  @Test func eachKindOfRecordIsRemovedAndUndoRestoresTheFile() throws {
    let path = try referringStore()
    for reference in [
      "RR-2026-01/1.1", "RR-2026-01/R1", "RR-2026-01/F1", "dissemination:D-01", "section11:la:2025-26",
    ] {
      let before = try storeRecords(path)
      #expect(succeeds(["remove", reference, "--by", "Chair"], path).contains("removed"))
      #expect(try storeRecords(path) != before, "\(reference)")
      _ = succeeds(["undo"], path)
      #expect(try storeRecords(path) == before, "undo of \(reference)")
    }
    let recommendation = runTracker(["remove", "RR-2026-01/R1"], data: path)
    #expect(recommendation.err.contains("removed recommendation RR-2026-01/R1 with its 2 actions"))
    _ = succeeds(["undo"], path)
  }

  @Test func aReviewIsRemovedWithEverythingInItAndUndoGivesBackTheSameBytes() throws {
    let path = try referringStore()
    let original = try storeRecords(path)
    _ = succeeds(["remove", "dissemination:D-01"], path)
    _ = succeeds(["remove", "LCSPR-2026-02"], path)
    let beforeReview = try storeRecords(path)
    let removed = succeeds(["remove", "RR-2026-01"], path)
    #expect(removed.contains("removed review RR-2026-01 with its 1 finding, 1 recommendation and 2 actions"))
    let tracker = try StoreReader.read(path: path).tracker
    #expect(tracker.reviews.isEmpty)
    #expect(tracker.placedActions.isEmpty)
    // With the review gone, the agencies that owned its actions can go too.
    _ = succeeds(["agency", "remove", "police"], path)
    _ = succeeds(["undo"], path)
    _ = succeeds(["undo"], path)
    #expect(try storeRecords(path) == beforeReview)
    _ = succeeds(["undo"], path)
    _ = succeeds(["undo"], path)
    #expect(try storeRecords(path) == original)
    _ = succeeds(["redo"], path)
    #expect(try StoreReader.read(path: path).tracker.disseminations.isEmpty)
  }

  @Test func removeRunsAsTheBuiltProgram() throws {
    let path = try referringStore()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let before = try storeBytes(path)
    let refusal = try runBinary(["agency", "remove", "police", "--data", path], in: folder)
    #expect(refusal.status == 64)
    #expect(refusal.err.contains("action RR-2026-01/1.1 (owner)"))
    #expect(try storeBytes(path) == before)
    let removal = try runBinary(["remove", "section11:la:2025-26", "--data", path], in: folder)
    #expect(removal.status == 0, "\(removal.err)")
  }
}
