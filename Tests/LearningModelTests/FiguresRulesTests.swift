import LearningModel
import Testing

private func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

private func tracker(_ reviews: [Review]) -> Tracker {
  Tracker(
    partnership: Partnership(name: "Northshire Safeguarding Children Partnership"),
    agencies: [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)],
    reviews: reviews)
}

@Suite struct CaseTests {
  @Test func aRapidReviewAndTheReviewsThatFollowItAreOneCase() {
    let store = tracker([
      Review(
        id: "RR-1", title: "Child A", kind: .rapidReview, dates: ReviewDates(notified: day("2025-01-14"))),
      Review(
        id: "LCSPR-1", title: "Child A", kind: .lcspr, follows: "RR-1",
        dates: ReviewDates(notified: day("2025-01-14"), decision: day("2025-02-03"))),
      Review(id: "TR-1", title: "Theme", kind: .thematicReview, follows: "LCSPR-1"),
      Review(
        id: "RR-2", title: "Child B", kind: .rapidReview, dates: ReviewDates(referred: day("2025-03-01"))),
      // A loop in `follows` ends the walk rather than running for ever.
      Review(id: "X-1", title: "Loop", kind: .other, follows: "X-2"),
      Review(id: "X-2", title: "Loop", kind: .other, follows: "X-1"),
    ])
    let cases = CaseIndex(store)
    #expect(cases.caseID(of: "LCSPR-1") == "RR-1")
    #expect(cases.caseID(of: "TR-1") == "RR-1")
    #expect(cases.caseID(of: "RR-2") == "RR-2")
    #expect(cases.caseID(of: "X-1") == cases.caseID(of: "X-2"))
    let notified = cases.earliest(CaseIndex.notifiedOrReferred)
    #expect(notified.map(\.caseID) == ["RR-1", "RR-2"])
    #expect(notified[0].reviews == ["RR-1", "LCSPR-1", "TR-1"])
  }

  @Test func aThemeRecursOnlyInADifferentCase() {
    let sameCase = [ThemeSighting(caseID: "RR-1", year: 2024), ThemeSighting(caseID: "RR-1", year: 2025)]
    #expect(!sameCase.recurs(in: 2025))
    let another = sameCase + [ThemeSighting(caseID: "RR-2", year: 2025)]
    #expect(another.recurs(in: 2025))
    #expect(!another.recurs(in: 2024))
    #expect(another.caseCount == 2)
  }
}

@Suite struct PublicationSafetyTests {
  @Test func aPublishedKindIsInProgressUntilItsPublishedDay() {
    let review = Review(
      id: "LCSPR-1", title: "Child A", kind: .lcspr, dates: ReviewDates(published: day("2026-05-11")))
    #expect(review.withheld(on: day("2026-05-10")) == .inProgress)
    #expect(review.withheld(on: day("2026-05-11")) == nil)
    for kind in [ReviewKind.thematicReview, .safeguardingAdultReview, .domesticHomicideReview] {
      #expect(Review(id: "A", title: "A", kind: kind).withheld(on: day("2026-01-01")) == .inProgress)
    }
    // A Rapid Review's immediate learning is shareable unless under embargo.
    #expect(Review(id: "RR", title: "A", kind: .rapidReview).withheld(on: day("2026-01-01")) == nil)
  }

  @Test func anEmbargoHoldsFromItsDayUntilLifted() throws {
    var store = tracker([Review(id: "RR-1", title: "Child A", kind: .rapidReview)])
    try store.placeUnderEmbargo(review: "RR-1", reason: "Criminal proceedings", on: day("2026-03-01"))
    #expect(throws: GovernedChangeError.alreadyEmbargoed(review: "RR-1", since: day("2026-03-01"))) {
      try store.placeUnderEmbargo(review: "RR-1", reason: "Inquest", on: day("2026-03-02"))
    }
    #expect(throws: GovernedChangeError.reasonMissing(what: "an embargo")) {
      var other = store
      try other.liftEmbargo(review: "RR-1", on: day("2026-04-01"))
      try other.placeUnderEmbargo(review: "RR-1", reason: "  ", on: day("2026-04-02"))
    }
    let review = store.reviews[0]
    #expect(review.withheld(on: day("2026-02-28")) == nil)
    #expect(
      review.withheld(on: day("2026-03-01"))
        == .embargoed(reason: "Criminal proceedings", since: day("2026-03-01")))
    #expect(
      throws: GovernedChangeError.dayBeforeEmbargo(
        review: "RR-1", since: day("2026-03-01"), day: day("2026-02-01"))
    ) {
      try store.liftEmbargo(review: "RR-1", on: day("2026-02-01"))
    }
    try store.liftEmbargo(review: "RR-1", on: day("2026-06-01"))
    #expect(store.reviews[0].withheld(on: day("2026-05-31")) != nil)
    #expect(store.reviews[0].withheld(on: day("2026-06-01")) == nil)
    #expect(throws: GovernedChangeError.notEmbargoed(review: "RR-1")) {
      try store.liftEmbargo(review: "RR-1", on: day("2026-07-01"))
    }
  }

  @Test func theCommissioningBodyFollowsTheKindUnlessRecorded() {
    let name = "Northshire Safeguarding Children Partnership"
    #expect(
      Review(id: "S", title: "A", kind: .safeguardingAdultReview).commissioningBody(partnership: name)
        == "the Safeguarding Adults Board")
    #expect(
      Review(id: "D", title: "A", kind: .domesticHomicideReview).commissioningBody(partnership: name)
        == "the Community Safety Partnership")
    #expect(Review(id: "L", title: "A", kind: .lcspr).commissioningBody(partnership: name) == name)
    #expect(
      Review(
        id: "S", title: "A", kind: .safeguardingAdultReview,
        commissionedBy: "Northshire Safeguarding Adults Board"
      )
      .commissioningBody(partnership: name) == "Northshire Safeguarding Adults Board")
  }
}

@Suite struct DueRequestTests {
  static let reference = ActionReference(review: "LCSPR-1", action: "1.1")

  static func store(updates: [ActionUpdate]) -> Tracker {
    let action = Action(
      id: "1.1", description: "Train", owner: "la", agreed: day("2025-01-01"), due: day("2025-06-30"),
      updates: updates)
    return tracker([
      Review(
        id: "LCSPR-1", title: "Child A", kind: .lcspr,
        recommendations: [Recommendation(id: "R1", text: "Do", response: .accepted, actions: [action])])
    ])
  }

  static func state(_ store: Tracker, _ on: String) -> ActionState {
    store.reviews[0].recommendations[0].actions[0].state(asOf: day(on), settings: Settings(), heardFrom: nil)
  }

  @Test func aRequestedDueDayLeavesTheActionRedUntilApplied() throws {
    var store = Self.store(updates: [
      ActionUpdate(
        date: day("2025-09-01"), by: "Agency lead", requestedDue: day("2026-03-31"),
        requestReason: "Post vacant")
    ])
    let waiting = Self.state(store, "2025-10-01")
    #expect(waiting.due.day == day("2025-06-30"))
    #expect(waiting.brag == .red)
    #expect(waiting.pendingRequest?.due == day("2026-03-31"))
    #expect(waiting.pendingRequest?.reason == "Post vacant")
    #expect(Self.state(store, "2025-08-31").pendingRequest == nil)
    let applied = try store.applyDueRequest(
      Self.reference, on: day("2025-10-02"), reason: "Agreed at QA subgroup", by: "QA subgroup")
    #expect(applied.due?.day == day("2026-03-31"))
    let after = Self.state(store, "2025-10-02")
    #expect(after.due.day == day("2026-03-31"))
    #expect(after.pendingRequest == nil)
    #expect(after.brag == .amber)
    #expect(throws: GovernedChangeError.noPendingRequest(Self.reference)) {
      try store.declineDueRequest(Self.reference, on: day("2025-10-03"), reason: "No", by: "QA subgroup")
    }
  }

  @Test func aDeclinedRequestKeepsTheDueDayAndIsRecorded() throws {
    var store = Self.store(updates: [
      ActionUpdate(date: day("2025-09-01"), requestedDue: day("2026-03-31"), requestReason: "Post vacant")
    ])
    #expect(throws: GovernedChangeError.reasonMissing(what: "declining a requested due day")) {
      try store.declineDueRequest(Self.reference, on: day("2025-10-01"), reason: "", by: "QA subgroup")
    }
    // A request made after the day cannot be decided on it.
    #expect(throws: GovernedChangeError.noPendingRequest(Self.reference)) {
      try store.declineDueRequest(
        Self.reference, on: day("2025-08-01"), reason: "Too late", by: "QA subgroup")
    }
    let update = try store.declineDueRequest(
      Self.reference, on: day("2025-10-01"), reason: "Interim cover agreed", by: "QA subgroup")
    #expect(update.declinedDue == day("2026-03-31"))
    #expect(update.note?.contains("Interim cover agreed") == true)
    let state = Self.state(store, "2025-10-01")
    #expect(state.pendingRequest == nil)
    #expect(state.due.day == day("2025-06-30"))
    #expect(state.brag == .red)
  }

  @Test func theStoreAsOfADayHasNothingAfterIt() {
    var store = Self.store(updates: [
      ActionUpdate(date: day("2025-02-01"), status: .inProgress),
      ActionUpdate(date: day("2025-09-01"), status: .completed),
    ])
    store.reviews[0].dates = ReviewDates(decision: day("2025-01-01"), published: day("2025-08-01"))
    store.reviews.append(
      Review(id: "RR-9", title: "Later", kind: .rapidReview, dates: ReviewDates(aware: day("2025-12-01"))))
    let view = store.asOf(day("2025-06-30"))
    #expect(view.reviews.map(\.id) == ["LCSPR-1"])
    #expect(view.reviews[0].dates.published == nil)
    #expect(view.reviews[0].dates.decision == day("2025-01-01"))
    #expect(view.reviews[0].recommendations[0].actions[0].updates.count == 1)
    #expect(store.asOf(day("2026-01-01")) == store)
  }
}

@Suite struct FiguresValidationTests {
  static func diagnostics(_ review: Review) -> [Diagnostic] {
    Validator(today: day("2026-11-20")).validate(tracker([review]))
  }

  @Test func reviewDaysInAnImpossibleOrderAreErrors() {
    let review = Review(
      id: "LCSPR-1", title: "Child A", kind: .lcspr,
      dates: ReviewDates(
        aware: day("2025-01-10"), notified: day("2025-01-09"), decision: day("2025-01-08"),
        sentToPanel: day("2025-09-01"), published: day("2025-01-07")))
    let errors = Self.diagnostics(review).filter { $0.check == .reviewDayOrder }
    #expect(errors.allSatisfy { $0.severity == .error })
    #expect(
      errors.map(\.path) == [
        "reviews[0].dates.notified", "reviews[0].dates.decision", "reviews[0].dates.published",
        "reviews[0].dates.sentToPanel",
      ])
    let referred = Review(
      id: "SAR-1", title: "Adult A", kind: .safeguardingAdultReview,
      dates: ReviewDates(referred: day("2025-03-03"), decision: day("2025-03-01")))
    #expect(Self.diagnostics(referred).map(\.path).contains("reviews[0].dates.decision"))
    // The Panel publishes a national review before the partnership decides its local response.
    let national = Review(
      id: "NR-1", title: "National", kind: .nationalReview,
      dates: ReviewDates(decision: day("2024-09-10"), published: day("2024-07-15")))
    #expect(!Self.diagnostics(national).contains { $0.check == .reviewDayOrder })
  }

  @Test func anAcceptedRecommendationWithOnlyWithdrawnActionsIsAWarning() {
    let withdrawn = Action(
      id: "1.1", description: "Train", owner: "la", lead: "Lead", measureOfSuccess: "Audit",
      due: day("2025-06-30"),
      updates: [ActionUpdate(date: day("2025-03-01"), status: .withdrawn, note: "Superseded")])
    for response in [RecommendationResponse.accepted, .partiallyAccepted] {
      let review = Review(
        id: "LCSPR-1", title: "Child A", kind: .lcspr,
        recommendations: [
          Recommendation(
            id: "R1", text: "Do", response: response, responseNote: "Part", actions: [withdrawn])
        ])
      let warnings = Self.diagnostics(review).filter { $0.check == .acceptedWithoutActions }
      #expect(warnings.count == 1)
      #expect(warnings.first?.severity == .warning)
      #expect(warnings.first?.message.contains("only withdrawn actions") == true)
    }
    var live = withdrawn
    live.updates = [ActionUpdate(date: day("2025-03-01"), status: .inProgress)]
    let answered = Review(
      id: "LCSPR-1", title: "Child A", kind: .lcspr,
      recommendations: [
        Recommendation(id: "R1", text: "Do", response: .accepted, actions: [withdrawn, live])
      ])
    #expect(!Self.diagnostics(answered).contains { $0.check == .acceptedWithoutActions })
  }
}
