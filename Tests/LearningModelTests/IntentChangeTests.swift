import Testing

@testable import LearningModel

/// Each intent change (add a record, add an update to an action, correct an action's fields,
/// remove a record) applied through `ChangeSet`, then undone as the history undoes it (each
/// touched record put back as it was, in reverse): the store is as it was.
@Suite struct IntentChangeTests {
  let today = CalendarDay("2026-11-23") ?? CalendarDay(dayNumber: 0)
  let action = ActionReference(review: "RR-1", action: "1.1")

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func sample() -> Tracker { ChangeSetTests().sample() }

  /// Applies `changes`, checks `check` on the result, undoes them and checks the store is back.
  func roundTrip(_ changes: [StoreChange], _ check: (Tracker) -> Void = { _ in }) throws {
    try intentRoundTrip(changes, today: today, check)
  }

  func stored(_ tracker: Tracker) -> Action? {
    tracker.actionIndex(action).map { tracker.reviews[$0].recommendations[$1].actions[$2] }
  }

  @Test func addingAnUpdateToAnActionAppendsItAndUndoTakesItOff() throws {
    let update = ActionUpdate(date: day("2026-01-10"), status: .inProgress, note: "Begun", by: "QA")
    try roundTrip([.addActionUpdate(action, update)]) { tracker in
      #expect(stored(tracker)?.updates == [update])
    }
  }

  @Test func revisingTheDueDayIsAnUpdateThatKeepsTheAgreedDue() throws {
    let update = ActionUpdate(
      date: day("2026-03-01"), due: .onDay(day("2026-06-30")), note: "Due revised: contract delayed", by: "QA"
    )
    try roundTrip([.addActionUpdate(action, update)]) { tracker in
      #expect(stored(tracker)?.due == .onDay(day("2026-03-31")))
      #expect(stored(tracker)?.updates.last?.due == .onDay(day("2026-06-30")))
    }
  }

  @Test func correctingFieldsChangesOnlyThoseFields() throws {
    let corrections: [ActionCorrection] = [
      .description("Train every front-line officer"), .text(.lead, nil), .addJointOwner("la"),
      .due(.onDay(day("2026-04-30"))), .agreed(day("2025-09-01")),
    ]
    try roundTrip([.correctAction(action, corrections)]) { tracker in
      let corrected = stored(tracker)
      #expect(corrected?.description == "Train every front-line officer")
      #expect(corrected?.lead == nil)
      #expect(corrected?.jointOwners == ["la"])
      #expect(corrected?.due == .onDay(day("2026-04-30")))
      #expect(corrected?.agreed == day("2025-09-01"))
      #expect(corrected?.measureOfSuccess == "Audit of 20 cases")
    }
  }

  @Test func addingARecordAndRemovingOneAreUndone() throws {
    let added = Action(
      id: "1.2", description: "Audit strategy minutes", owner: "la", agreed: day("2025-09-15"),
      due: .onDay(day("2026-06-30")))
    try roundTrip([.add(.action(review: "RR-1", recommendation: "R1", added))]) { tracker in
      #expect(tracker.actionIndex(ActionReference(review: "RR-1", action: "1.2")) != nil)
    }
    try roundTrip([.add(.agency(Agency(id: "icb", name: "ICB", kind: .health, statutoryPartner: true)))]) {
      #expect($0.agency("icb") != nil)
    }
    try roundTrip([.remove(.action(action))]) { tracker in
      #expect(tracker.actionIndex(action) == nil)
    }
  }

  @Test func ownerRulesAreDomainRulesWhicheverIntentBreaksThem() {
    func refusal(_ changes: [StoreChange]) -> ChangeRefusal? {
      var tracker = sample()
      do {
        try ChangeSet(changes).apply(to: &tracker, today: today)
        return nil
      } catch { return error }
    }
    // An owner that is no agency, a joint owner that is the owner, one listed twice.
    guard case .breaksRule(_, let unknown)? = refusal([.correctAction(action, [.owner("polise")])]) else {
      Issue.record("an unknown owner is refused")
      return
    }
    #expect(unknown.field == "owner" && unknown.suggestion == "police")
    guard case .breaksRule(_, let same)? = refusal([.correctAction(action, [.addJointOwner("police")])])
    else {
      Issue.record("the owner as a joint owner is refused")
      return
    }
    #expect(same.field == "jointOwners[0]")
    guard
      case .breaksRule(_, let twice)? = refusal([
        .correctAction(action, [.addJointOwner("la"), .addJointOwner("la")])
      ])
    else {
      Issue.record("a joint owner listed twice is refused")
      return
    }
    #expect(twice.field == "jointOwners[1]")
    // A joint owner to remove that is not one; an action that exists already.
    guard case .breaksRule? = refusal([.correctAction(action, [.removeJointOwner("la")])]) else {
      Issue.record("removing an agency that is no joint owner is refused")
      return
    }
    let again = Action(id: "1.1", description: "Again", owner: "la", due: .notYetSet)
    #expect(
      refusal([.add(.action(review: "RR-1", recommendation: "R1", again))]) == .alreadyExists(.action(action))
    )
  }

  @Test func correctionsBetweenTwoVersionsOfAnActionMakeTheOneFromTheOther() {
    guard let before = stored(sample()) else {
      Issue.record("the sample has action 1.1")
      return
    }
    var after = before
    after.owner = "la"
    after.jointOwners = ["police"]
    after.measureOfSuccess = "Re-audit"
    after.due = .notYetSet
    var corrected = before
    for correction in ActionCorrection.between(before, after) { correction.apply(to: &corrected) }
    #expect(corrected == after)
    #expect(ActionCorrection.between(before, before).isEmpty)
  }
}
