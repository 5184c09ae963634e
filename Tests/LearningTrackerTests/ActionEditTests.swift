import Foundation
import LearningModel
import LearningStore
import Testing

/// `action edit`: corrections of an action as agreed, which are not revisions.
@Suite struct ActionEditTests {
  func action(_ path: String, _ reference: String) throws -> Action {
    let tracker = try storedTracker(path)
    let placed = tracker.placedActions.first { $0.reference.description == reference }
    return try #require(placed).action
  }

  @Test func everyFieldAsAgreedIsCorrected() throws {
    let path = try copyOfDemonstrationStore()
    let before = try action(path, "LCSPR-2025-02/1.2")
    let outcome = runTracker(
      [
        "action", "edit", "LCSPR-2025-02/1.2", "--description", "Officers record the child's account.",
        "--measure", "Quarterly audit of 30 forms", "--owner", "education", "--lead",
        "Detective superintendent",
        "--agreed", "2025-09-16", "--due", "2026-07-31", "--baseline", "50%", "--target", "70%",
        "--remeasure", "2026-10-31",
      ], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("corrected action LCSPR-2025-02/1.2"))
    let after = try action(path, "LCSPR-2025-02/1.2")
    #expect(after.description == "Officers record the child's account.")
    #expect(after.measureOfSuccess == "Quarterly audit of 30 forms")
    #expect(after.owner == "education")
    #expect(after.lead == "Detective superintendent")
    #expect(after.agreed == CalendarDay("2025-09-16"))
    #expect(after.baseline == "50%" && after.target == "70%")
    #expect(after.remeasure == CalendarDay("2026-10-31"))
    // The original due day is corrected in place (actions[].due): not a revision, so the log is
    // as it was and nothing slipped.
    #expect(after.due.day == CalendarDay("2026-07-31"))
    #expect(after.updates == before.updates)
    let state = after.state(
      asOf: try #require(CalendarDay("2026-11-22")), settings: Settings(), heardFrom: nil)
    #expect(state.slips == 0)
    #expect(runTracker(["validate"], data: path).status == 0)
  }

  @Test func optionalFieldsAreCleared() throws {
    let path = try copyOfDemonstrationStore()
    let outcome = runTracker(
      [
        "action", "edit", "LCSPR-2025-02/1.2", "--clear", "lead", "--clear", "baseline", "--clear", "target",
        "--clear", "remeasure", "--clear", "agreed",
      ], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("names no lead"))
    let after = try action(path, "LCSPR-2025-02/1.2")
    #expect(after.lead == nil && after.baseline == nil && after.target == nil)
    #expect(after.remeasure == nil && after.agreed == nil)
    #expect(after.measureOfSuccess != nil)
    #expect(runTracker(["validate"], data: path).status == 0)
  }

  @Test func mistakesAreRefusedNamingTheOptionAndValue() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let cases: [([String], String)] = [
      (["--due", "2020-01-31"], "--due 2020-01-31 is before the agreed day already recorded, 2025-09-15"),
      (["--agreed", "2027-01-01"], "--agreed 2027-01-01 is after"),
      (["--owner", "polise"], "--owner polise: unknown agency \"polise\"; did you mean police?"),
      (
        ["--clear", "meausre"],
        "--clear: \"meausre\" is not a field that can be cleared (did you mean measure?)"
      ),
      (["--lead", "x", "--clear", "lead"], "--lead and --clear lead go against each other"),
      (["--agreed", "2025-09-01", "--clear", "agreed"], "--agreed and --clear agreed go against each other"),
      (["--lead", " "], "--lead \"\" is empty; to unset it, give --clear lead"),
      (["--description", ""], "--description \"\" is empty"),
      (["--due", "2026-02-30"], "--due: \"2026-02-30\" is not a due day"),
      ([], "give at least one thing to correct"),
    ]
    for (options, message) in cases {
      let outcome = runTracker(["action", "edit", "LCSPR-2025-02/1.2"] + options, data: path)
      #expect(outcome.status == 64, "\(options)")
      #expect(outcome.err.contains(message), "\(options): \(outcome.err)")
    }
    let unknown = runTracker(["action", "edit", "LCSPR-2025-02/1.9", "--lead", "x"], data: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("no action LCSPR-2025-02/1.9; did you mean"))
    #expect(try storeBytes(path) == before)
  }

  @Test func helpSaysACorrectionIsNotARevision() {
    let help = runTracker(["action", "edit", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(
      separator: " ")
    #expect(help.contains("action update --due DAY --reason TEXT"))
    #expect(help.contains("only revisions count as slippage"))
  }

  @Test func jointOwnersPlannedEvidenceAndDueAsPlansGiveThem() throws {
    let path = try copyOfDemonstrationStore()
    let edited = runTracker(
      [
        "action", "edit", "LCSPR-2025-02/1.1", "--add-joint-owner", "police", "--evidence-planned",
        "Audit of 20 strategy meetings", "--due", "2026-06",
      ], data: path)
    #expect(edited.status == 0, "\(edited.err)")
    var after = try action(path, "LCSPR-2025-02/1.1")
    #expect(after.jointOwners == ["police"])
    #expect(after.evidencePlanned == "Audit of 20 strategy meetings")
    #expect(after.due == PlannedDue("2026-06"))
    #expect(after.due.day == CalendarDay("2026-06-30"))
    let cleared = runTracker(
      [
        "action", "edit", "LCSPR-2025-02/1.1", "--remove-joint-owner", "police", "--clear",
        "evidence-planned",
        "--due", "tbc",
      ], data: path)
    #expect(cleared.status == 0, "\(cleared.err)")
    after = try action(path, "LCSPR-2025-02/1.1")
    #expect(after.jointOwners == nil && after.evidencePlanned == nil)
    #expect(after.due == .notYetSet)
    let bytes = try storeBytes(path)
    for (arguments, message) in [
      (["--add-joint-owner", "polise"], "did you mean police?"),
      (["--remove-joint-owner", "police"], "is not a joint owner"),
      (["--due", "June"], "--due"),
    ] {
      let refused = runTracker(["action", "edit", "LCSPR-2025-02/1.1"] + arguments, data: path)
      #expect(refused.status == 64, "\(arguments)")
      #expect(refused.err.contains(message), "\(arguments): \(refused.err)")
    }
    #expect(try storeBytes(path) == bytes)
  }
}
