import Foundation
import Testing

/// Changes through the command line: refused when wrong, and never half-made.
@Suite struct ChangeTests {
  func newStore() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "review", "add", "--id", "RR-2026-01", "--title", "Child A", "--kind", "rapidReview", "--notified",
          "2026-01-05",
        ],
        data: path
      ).status == 0)
    #expect(
      runTracker(
        [
          "recommendation", "add", "RR-2026-01/R1", "--text", "Share information", "--agency", "police",
          "--response", "accepted",
        ], data: path
      ).status == 0)
    #expect(
      runTracker(
        [
          "action", "add", "RR-2026-01/1.1", "--recommendation", "R1", "--description",
          "Review the referral pathway", "--owner", "police",
          "--lead", "Detective inspector", "--measure", "Dip sample of 20 referrals", "--agreed",
          "2026-02-01", "--due", "2026-05-31",
        ],
        data: path
      ).status == 0)
    return path
  }

  @Test func withdrawingNeedsANoteAndRevisingNeedsAReason() throws {
    let path = try newStore()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let withdraw = runTracker(["action", "update", "RR-2026-01/1.1", "--status", "withdrawn"], data: path)
    #expect(withdraw.status == 64)
    #expect(withdraw.err.contains("needs a note") && withdraw.err.contains("--note"))
    let revise = runTracker(["action", "update", "RR-2026-01/1.1", "--due", "2026-08-31"], data: path)
    #expect(revise.status == 64)
    #expect(revise.err.contains("--due needs --reason"))
    let early = runTracker(
      ["action", "update", "RR-2026-01/1.1", "--note", "x", "--date", "2026-01-01"], data: path)
    #expect(early.status == 64)
    #expect(early.err.contains("--date 2026-01-01 is before the agreed day already recorded, 2026-02-01"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func unknownReferencesAreUsageErrorsWithSuggestions() throws {
    let path = try newStore()
    let outcome = runTracker(["action", "show", "RR-2026-01/1.2"], data: path)
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("no action RR-2026-01/1.2; did you mean RR-2026-01/1.1?"))
    let owner = runTracker(
      [
        "action", "add", "RR-2026-01/1.2", "--recommendation", "R1", "--description", "d", "--owner",
        "polise", "--due", "2026-06-01",
      ],
      data: path)
    #expect(owner.status == 64)
    #expect(owner.err.contains("did you mean police?"))
  }

  @Test func aFileWithUnknownFieldsIsNotRewritten() throws {
    let path = try newStore()
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"lead\" :", with: "\"leadOfficer\" : \"x\", \"lead\" :")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = runTracker(["action", "update", "RR-2026-01/1.1", "--note", "progress"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("reviews[0].recommendations[0].actions[0].leadOfficer"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  }

  @Test func aHeldLockMeansBusy() throws {
    let path = try newStore()
    let descriptor = open(path + ".lock", O_RDWR)
    #expect(flock(descriptor, LOCK_EX) == 0)
    defer { close(descriptor) }
    _ = "pid 1, QA subgroup".withCString { pwrite(descriptor, $0, strlen($0), 0) }
    let outcome = runTracker(
      ["action", "update", "RR-2026-01/1.1", "--note", "x"], data: path,
      environment: ["LEARNING_TRACKER_LOCK_WAIT": "1"])
    #expect(outcome.status == 75)
    #expect(outcome.err.contains("another learning-tracker is writing this store (pid 1, QA subgroup)"))
  }

  @Test func validateReportsJSONFindings() throws {
    let path = try newStore()
    let outcome = runTracker(["validate", "--format", "json"], data: path)
    #expect(outcome.status == 0)
    #expect(outcome.out == "[\n\n]\n" || outcome.out == "[]\n")
  }
}
