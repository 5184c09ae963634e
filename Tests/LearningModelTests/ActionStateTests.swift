import Testing

@testable import LearningModel

/// The derived-state rules of docs/FORMAT.md, one test per rule and edge case.
@Suite struct ActionStateTests {
  let settings = Settings(dueSoonDays: 28, staleAfterDays: 90)

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func action(agreed: String? = "2025-09-15", due: String = "2026-03-31", _ updates: [ActionUpdate] = [])
    -> Action
  {
    Action(
      id: "1.1", description: "Deliver training", owner: "la", lead: "Lead", measureOfSuccess: "Audit",
      agreed: agreed.map(day), due: day(due), updates: updates)
  }

  func update(_ date: String, _ status: ActionStatus? = nil, due: String? = nil, note: String? = nil)
    -> ActionUpdate
  {
    ActionUpdate(date: day(date), status: status, due: due.map { .onDay(day($0)) }, note: note)
  }

  @Test func anUndatedActionNeverUpdatedIsStaleFromItsReviewsDay() {
    let undated = action(agreed: nil, due: "2027-03-31")
    // Without a review day nothing says when it was last heard of.
    #expect(!undated.state(asOf: day("2026-11-20"), settings: settings, heardFrom: nil).isStale)
    let review = Review(
      id: "LCSPR-2025-01", title: "Child A", kind: .lcspr,
      dates: ReviewDates(decision: day("2025-01-10"), published: day("2026-01-15")))
    #expect(review.planDay == day("2026-01-15"))
    let placed = PlacedAction(
      review: review, recommendation: Recommendation(id: "R1", text: "Share chronologies"), action: undated)
    let state = placed.state(asOf: day("2026-11-20"), settings: settings)
    #expect(state.lastHeard == day("2026-01-15"))
    #expect(state.isStale)
    // Within 90 days of publication it is not stale yet; before it, the review's day is not used.
    #expect(!placed.state(asOf: day("2026-03-01"), settings: settings).isStale)
    #expect(placed.state(asOf: day("2026-01-01"), settings: settings).lastHeard == nil)
  }

  @Test func noUpdateMeansNotStarted() {
    let state = action().state(asOf: day("2025-10-01"), settings: settings, heardFrom: nil)
    #expect(state.status == .notStarted)
    #expect(state.isOpen)
    #expect(state.due.day == day("2026-03-31"))
    #expect(state.brag == .green)
  }

  @Test func actionAgreedInTheFutureDoesNotExistYet() {
    let future = action(agreed: "2026-01-10")
    #expect(!future.state(asOf: day("2026-01-09"), settings: settings, heardFrom: nil).exists)
    #expect(future.state(asOf: day("2026-01-10"), settings: settings, heardFrom: nil).exists)
    #expect(action(agreed: nil).state(asOf: day("2000-01-01"), settings: settings, heardFrom: nil).exists)
  }

  @Test func updatesAfterTheAsOfDayAreIgnored() {
    let logged = action([update("2025-10-01", .inProgress), update("2026-02-01", .completed)])
    #expect(logged.state(asOf: day("2026-01-31"), settings: settings, heardFrom: nil).status == .inProgress)
    #expect(logged.state(asOf: day("2026-02-01"), settings: settings, heardFrom: nil).status == .completed)
    #expect(logged.state(asOf: day("2025-09-30"), settings: settings, heardFrom: nil).status == .notStarted)
  }

  @Test func onTheSameDateTheLaterEntryWins() {
    let logged = action([update("2025-10-01", .blocked), update("2025-10-01", .inProgress)])
    #expect(logged.state(asOf: day("2025-10-01"), settings: settings, heardFrom: nil).status == .inProgress)
    let reversed = action([update("2025-10-01", .inProgress), update("2025-10-01", .blocked)])
    #expect(reversed.state(asOf: day("2025-10-01"), settings: settings, heardFrom: nil).status == .blocked)
  }

  @Test func logsOutOfDateOrderAreFoldedByDate() {
    let logged = action([update("2026-01-05", .completed), update("2025-10-01", .inProgress)])
    #expect(logged.state(asOf: day("2026-02-01"), settings: settings, heardFrom: nil).status == .completed)
  }

  @Test func revisedDueDatesCountAsSlips() {
    let logged = action([
      update("2026-03-10", due: "2026-06-30", note: "delayed"),
      update("2026-06-01", due: "2026-09-30", note: "again"),
    ])
    let before = logged.state(asOf: day("2026-03-09"), settings: settings, heardFrom: nil)
    #expect(before.due.day == day("2026-03-31"))
    #expect(before.slips == 0)
    let after = logged.state(asOf: day("2026-07-01"), settings: settings, heardFrom: nil)
    #expect(after.due.day == day("2026-09-30"))
    #expect(after.originalDue.day == day("2026-03-31"))
    #expect(after.slips == 2)
    #expect(after.slipDays == 183)
    #expect(after.brag == .amber)  // open and slipped
  }

  @Test func bringingTheDueDayForwardIsNotASlip() {
    let logged = action([update("2025-10-10", due: "2026-01-31", note: "earlier")])
    let state = logged.state(asOf: day("2025-11-01"), settings: settings, heardFrom: nil)
    #expect(state.due.day == day("2026-01-31"))
    #expect(state.slips == 0)
  }

  @Test func dueOnTheAsOfDayIsNotOverdue() {
    let state = action().state(asOf: day("2026-03-31"), settings: settings, heardFrom: nil)
    #expect(!state.isOverdue)
    #expect(state.isDueSoon)
    #expect(state.brag == .amber)
    let next = action().state(asOf: day("2026-04-01"), settings: settings, heardFrom: nil)
    #expect(next.isOverdue)
    #expect(next.daysOverdue == 1)
    #expect(next.brag == .red)
  }

  @Test func dueSoonIsInclusiveOfTheLastDay() {
    // 28 days, then 29 days.
    #expect(action().state(asOf: day("2026-03-03"), settings: settings, heardFrom: nil).isDueSoon)
    #expect(!action().state(asOf: day("2026-03-02"), settings: settings, heardFrom: nil).isDueSoon)
  }

  @Test func staleCountsFromTheLastUpdateOrAgreedDay() {
    // Agreed 2025-09-15, no update: stale after 90 days.
    #expect(!action().state(asOf: day("2025-12-14"), settings: settings, heardFrom: nil).isStale)  // 90 days
    #expect(action().state(asOf: day("2025-12-15"), settings: settings, heardFrom: nil).isStale)  // 91 days
    let updated = action([update("2025-12-01", .inProgress)])
    #expect(!updated.state(asOf: day("2025-12-15"), settings: settings, heardFrom: nil).isStale)
    // Closed actions are never stale.
    let closed = action([update("2025-10-01", .completed)])
    #expect(!closed.state(asOf: day("2026-12-01"), settings: settings, heardFrom: nil).isStale)
  }

  @Test func closedActionsAreNeverOverdue() {
    let done = action([update("2026-05-01", .completed)])
    let state = done.state(asOf: day("2026-06-01"), settings: settings, heardFrom: nil)
    #expect(!state.isOverdue)
    #expect(state.brag == .green)
    #expect(state.completedOn == day("2026-05-01"))
    #expect(!state.completedOnTime)
  }

  @Test func bragRulesFirstMatchWins() {
    let asOf = day("2026-01-15")
    // Red: overdue even when blocked.
    #expect(
      action(due: "2026-01-01", [update("2025-10-01", .blocked)]).state(
        asOf: asOf, settings: settings, heardFrom: nil
      ).brag
        == .red)
    // Blue: assured.
    #expect(
      action([update("2025-12-01", .completed), update("2026-01-10", .assured)]).state(
        asOf: asOf, settings: settings, heardFrom: nil
      ).brag == .blue)
    // Green: completed.
    #expect(
      action([update("2025-12-01", .completed)]).state(asOf: asOf, settings: settings, heardFrom: nil).brag
        == .green)
    // Amber: blocked.
    #expect(
      action([update("2025-12-01", .blocked)]).state(asOf: asOf, settings: settings, heardFrom: nil).brag
        == .amber)
    // Green: on track.
    #expect(
      action([update("2025-12-01", .inProgress)]).state(asOf: asOf, settings: settings, heardFrom: nil).brag
        == .green)
    // Withdrawn: no colour.
    #expect(
      action([update("2025-12-01", .withdrawn, note: "superseded")]).state(
        asOf: asOf, settings: settings, heardFrom: nil
      )
      .brag == nil)
  }

  @Test func completedOnTimeUsesTheOriginalDueDay() {
    let onTime = action([update("2026-03-31", .completed), update("2026-05-01", .assured)])
    let state = onTime.state(asOf: day("2026-06-01"), settings: settings, heardFrom: nil)
    #expect(state.completedOn == day("2026-03-31"))
    #expect(state.completedOnTime)
    let reopened = action([
      update("2026-02-01", .completed), update("2026-02-10", .inProgress), update("2026-04-10", .completed),
    ])
    #expect(
      reopened.state(asOf: day("2026-05-01"), settings: settings, heardFrom: nil).completedOn
        == day("2026-04-10"))
  }

  @Test func recommendationRatingIsItsWorstAction() {
    let asOf = day("2026-04-15")
    let overdue = action(due: "2026-04-01")
    var assured = action([update("2026-01-01", .assured)])
    assured.id = "1.2"
    var withdrawn = action([update("2026-01-01", .withdrawn, note: "superseded")])
    withdrawn.id = "1.3"
    let mixed = Recommendation(id: "R1", text: "x", actions: [assured, overdue, withdrawn])
    #expect(mixed.rating(asOf: asOf, settings: settings) == .red)
    let allAssured = Recommendation(id: "R2", text: "x", actions: [assured, withdrawn])
    #expect(allAssured.rating(asOf: asOf, settings: settings) == .blue)
    #expect(Recommendation(id: "R3", text: "x").rating(asOf: asOf, settings: settings) == nil)
    // An action agreed after the day does not count.
    let later = Recommendation(
      id: "R4", text: "x", actions: [assured, action(agreed: "2026-05-01", due: "2026-04-02")])
    #expect(later.rating(asOf: asOf, settings: settings) == .blue)
  }
}

@Suite struct StatusTimelineTests {
  @Test func statusesOnManyDaysMatchTheFold() {
    let day = { (text: String) in CalendarDay(text) ?? CalendarDay(dayNumber: 0) }
    let logs: [[ActionUpdate]] = [
      [
        ActionUpdate(date: day("2025-10-01"), status: .inProgress),
        ActionUpdate(date: day("2025-10-01"), status: .blocked),
        ActionUpdate(date: day("2026-01-05"), status: .completed),
        ActionUpdate(date: day("2026-03-01"), status: .assured),
      ],
      [
        ActionUpdate(date: day("2026-01-05"), status: .completed),
        ActionUpdate(date: day("2025-10-01"), status: .inProgress),
      ],
      [],
    ]
    let days = stride(from: 0, to: 400, by: 17).map { day("2025-09-01").adding(days: $0) }
    for updates in logs {
      let action = Action(
        id: "1", description: "d", owner: "la", agreed: day("2025-09-20"), due: day("2026-02-01"),
        updates: updates)
      let expected = days.map { d -> ActionStatus? in
        let state = action.state(asOf: d, settings: Settings(), heardFrom: nil)
        return state.exists ? state.status : nil
      }
      #expect(action.statuses(on: days) == expected)
    }
  }
}
