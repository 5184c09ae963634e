import Testing

@testable import LearningModel

/// The intent changes of the record commands (`review update` and the review process commands,
/// `finding update`, `recommendation update`, `agency update`, catalogue updates, `dissemination
/// update`, `section11 update`, `action escalate`, `timetable`/`checklist`, `privacy`) applied
/// through `ChangeSet`, undone as the history undoes them, and refused by the same `DomainRules`
/// verdict whichever way the record is changed.
@Suite struct RecordIntentTests {
  let today = CalendarDay("2026-11-23") ?? CalendarDay(dayNumber: 0)
  let action = ActionReference(review: "RR-1", action: "1.1")
  let recommendation = RecommendationReference(review: "RR-1", recommendation: "R1")

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func sample() -> Tracker { ChangeSetTests().sample() }

  /// Applies `changes`, checks `check` on the result, undoes them and checks the store is back.
  func roundTrip(_ changes: [StoreChange], _ check: (Tracker) -> Void = { _ in }) throws {
    try intentRoundTrip(changes, today: today, check)
  }

  /// The refusal of `changes` on the sample; a refused change leaves the store as it was.
  func refusal(_ changes: [StoreChange]) -> ChangeRefusal? {
    ChangeSetTests().refusal(changes)
  }

  @Test func updatingAReviewChangesItsFieldsAndTouchesTheReviewAlone() throws {
    var tracker = sample()
    let touched = try ChangeSet([
      .updateReview(
        "RR-1",
        [
          .title("Child B"), .day(.aware, day("2025-01-10")), .addTheme("neglect-recognition"),
          .removeTheme("voice-of-the-child"),
          .summary("A summary"),
        ])
    ]).apply(to: &tracker, today: today)
    #expect(touched == [.review("RR-1")])
    let review = tracker.reviews[0]
    #expect(
      review.title == "Child B" && review.dates.aware == day("2025-01-10") && review.summary == "A summary")
    #expect(review.themes == ["neglect-recognition"])
    #expect(review.findings == sample().reviews[0].findings)
    try roundTrip([.updateReview("RR-1", [.day(.aware, day("2025-01-10")), .addCategory("neglect-recent")])])
    { _ in }
  }

  @Test func aReviewsProcessRecordsAreIntentsOnTheReview() throws {
    let tick = ChecklistTick(item: "website", day: day("2026-02-01"))
    try roundTrip([
      .updateReview(
        "RR-1",
        [
          .recordStep(StepRecord(step: "aware", done: day("2025-01-10"))),
          .recordStep(StepRecord(step: "meeting", planned: day("2025-03-01"), note: "Panel agreed")),
          .publication(decision: .publish, justification: nil, reviewer: "A Reviewer", clears: []),
          .tickChecklistItem(tick),
        ])
    ]) { tracker in
      let review = tracker.reviews[0]
      #expect(review.dates.aware == day("2025-01-10"))
      #expect(review.steps == [StepRecord(step: "meeting", planned: day("2025-03-01"), note: "Panel agreed")])
      #expect(review.publication?.reviewer == "A Reviewer" && review.publication?.checklist == [tick])
    }
    var tracker = sample()
    try ChangeSet([.updateReview("RR-1", [.recordStep(StepRecord(step: "aware", done: day("2025-01-10")))])])
      .apply(to: &tracker, today: today)
    try ChangeSet([.updateReview("RR-1", [.clearStep("aware")])]).apply(to: &tracker, today: today)
    #expect(tracker == sample())
  }

  @Test func anEmbargoThatCannotBeLiftedIsAGovernedRefusal() {
    #expect(
      refusal([.updateReview("RR-1", [.liftEmbargo(on: today)])])
        == .governed(.review("RR-1"), .notEmbargoed(review: "RR-1")))
    #expect(
      refusal([.updateReview("RR-1", [.placeUnderEmbargo(reason: " ", on: today)])])?.description
        == "an embargo needs a reason")
  }

  @Test func anIntentOnARecordThatIsNotThereIsRefusedWithTheNearest() {
    #expect(refusal([.updateReview("RR-2", [.title("X")])]) == .notFound(.review("RR-2"), suggestion: "RR-1"))
    #expect(
      refusal([.updateDissemination("D2", [.reach(3)])])
        == .notFound(.dissemination("D2"), suggestion: "dissemination:D1"))
    #expect(
      refusal([.changeEscalations(ActionReference(review: "RR-1", action: "9.9"), .removeLatest)]) != nil)
  }

  @Test func recordsCorrectedFieldByFieldAreUndone() throws {
    try roundTrip([.updateFinding(review: "RR-1", finding: "F1", [.text("Not heard"), .goodPractice(true)])])
    {
      #expect($0.reviews[0].findings[0].text == "Not heard" && $0.reviews[0].findings[0].goodPractice)
    }
    try roundTrip([
      .updateRecommendation(
        recommendation, [.addAgency("police"), .text("Hear every child"), .responded(today)])
    ]) {
      let stored = $0.reviews[0].recommendations[0]
      #expect(stored.agencies == ["la", "police"] && stored.responded == today)
      #expect(stored.actions == sample().reviews[0].recommendations[0].actions)
    }
    try roundTrip([
      .updateAgency("school", [.statutoryPartner(true), .workforce(40), .addAlias("St Mary's")])
    ]) {
      #expect($0.agency("school")?.aliases == ["St Mary's"] && $0.agency("school")?.workforce == 40)
    }
    try roundTrip([.updateCatalogueEntry(.theme, "neglect-recognition", [.name("Neglect and its effects")])])
    {
      #expect($0.themes.first { $0.id == "neglect-recognition" }?.name == "Neglect and its effects")
    }
    try roundTrip([
      .updateSection11(agency: "police", cycle: "2025-26", [.moderate(standard: "s11-8", .partiallyMet)])
    ]) {
      #expect($0.section11[0].ratings[0].moderated == .partiallyMet)
    }
    try roundTrip([.changePrivacy(.addName("Jane Doe"))]) {
      #expect($0.partnership.privacy?.names == ["Jane Doe"])
    }
  }

  @Test func aDisseminationUpdateRecordsItsLandingAndTheTotalReach() throws {
    var landing = DisseminationLanding()
    landing.reachBy = [AgencyReach(agency: "police", reach: 12), AgencyReach(agency: "la", reach: 8)]
    try roundTrip([.updateDissemination("D1", [.status(.delivered), .landing(landing, reach: nil)])]) {
      #expect($0.disseminations[0].status == .delivered && $0.disseminations[0].reach == 20)
    }
  }

  @Test func escalationsAreAddedRepliedCorrectedAndRemoved() throws {
    let escalation = Escalation(
      date: day("2026-04-01"), level: "chase", to: "Head of QA", replyBy: day("2026-04-15"))
    var tracker = sample()
    try ChangeSet([.changeEscalations(action, .escalate(escalation))]).apply(to: &tracker, today: today)
    try ChangeSet([.changeEscalations(action, .reply("On it", on: day("2026-04-10")))]).apply(
      to: &tracker, today: today)
    var correction = EscalationCorrection()
    correction.to = "Chief Inspector"
    try ChangeSet([.changeEscalations(action, .correctLatest(correction))]).apply(to: &tracker, today: today)
    let stored = tracker.reviews[0].recommendations[0].actions[0].escalations
    #expect(
      stored?.count == 1 && stored?[0].to == "Chief Inspector" && stored?[0].replied == day("2026-04-10"))
    try ChangeSet([.changeEscalations(action, .removeLatest)]).apply(to: &tracker, today: today)
    #expect(tracker == sample())
  }

  @Test func aTimetableRevisionIsOneRecordAndKeepsTheTimetablesRules() throws {
    let original = sample()
    var tracker = original
    let step = TimetableStep(id: "panel-call", name: "Call with the Panel")
    let touched = try ChangeSet([
      .reviseTimetable([
        .addStep(step, before: "decision"), .addChecklistItem(CatalogueEntry(id: "mp", name: "MP told")),
      ])
    ]).apply(to: &tracker, today: today)
    #expect(touched == [.timetable])
    let steps = tracker.timetable.steps.map(\.id)
    #expect(steps.firstIndex(of: "panel-call").map { $0 + 1 } == steps.firstIndex(of: "decision"))
    #expect(tracker.timetable.publicationChecklist.last?.id == "mp")
    // Undo puts the timetable in force back (the standard one, now held in the store).
    try ChangeSet([.restore(.timetable, original.record(at: .timetable), position: 0)]).apply(
      to: &tracker, today: today)
    #expect(tracker.timetable == original.timetable)
    // A step whose deadline runs from a step that is not there breaks `Timetable.problems`.
    let broken = TimetableStep(
      id: "late", name: "Late", deadline: StepDeadline(after: "nowhere", workingDays: 5))
    guard
      case .breaksRule(.timetable, let violation)? = refusal([
        .reviseTimetable([.addStep(broken, before: nil)])
      ])
    else {
      Issue.record("a timetable that breaks a rule is refused")
      return
    }
    #expect(violation.check == .settings)
  }

  /// A rule broken by an intent is refused with the very violation a whole-record correction of
  /// the same record (as `edit` makes) draws: the one home of the rule is `DomainRules`.
  @Test func aRuleBrokenGivesTheSameVerdictWhicheverChangeAsks() {
    func sameVerdict(_ intent: StoreChange, _ whole: (inout Tracker) -> Record) {
      var edited = sample()
      let record = whole(&edited)
      let byIntent = refusal([intent])
      #expect(byIntent != nil)
      #expect(byIntent == refusal([.update(record)]))
    }
    sameVerdict(.updateReview("RR-1", [.addTheme("neglect-recognitio")])) { tracker in
      tracker.reviews[0].themes.append("neglect-recognitio")
      return .review(tracker.reviews[0])
    }
    sameVerdict(.updateFinding(review: "RR-1", finding: "F1", [.addTheme("neglect-recognitio")])) { tracker in
      tracker.reviews[0].findings[0].themes.append("neglect-recognitio")
      return .finding(review: "RR-1", tracker.reviews[0].findings[0])
    }
    sameVerdict(.updateDissemination("D1", [.audience(["polise"])])) { tracker in
      tracker.disseminations[0].audience = ["polise"]
      return .dissemination(tracker.disseminations[0])
    }
    sameVerdict(.updateDissemination("D1", [.status(.cancelled)])) { tracker in
      tracker.disseminations[0].status = .cancelled
      return .dissemination(tracker.disseminations[0])
    }
    sameVerdict(.updateRecommendation(recommendation, [.response(.notAccepted)])) { tracker in
      var changed = tracker.reviews[0].recommendations[0]
      changed.response = .notAccepted
      return .recommendation(review: "RR-1", changed)
    }
    sameVerdict(.updateSection11(agency: "police", cycle: "2025-26", [.rate(standard: "s11-99", .met)])) {
      tracker in
      tracker.section11[0].ratings.append(Section11StandardRating(standard: "s11-99", self: .met))
      return .section11(tracker.section11[0])
    }
  }
}

extension RecordIntentTests {
  /// A step a review records, a step another step's deadline runs from, and a checklist item a
  /// review ticked stay: the change path refuses to take them away, naming what refers to them,
  /// by the same `DomainRules` predicates `timetable remove` and `checklist remove` word first.
  @Test func aStepOrItemStillReferredToIsNotTakenAway() throws {
    var tracker = sample()
    try ChangeSet([
      .updateReview(
        "RR-1",
        [
          .recordStep(StepRecord(step: "meeting", planned: day("2025-03-01"))),
          .tickChecklistItem(ChecklistTick(item: "website", day: day("2026-02-01"))),
        ])
    ]).apply(to: &tracker, today: today)
    #expect(DomainRules.reviewsRecording(step: "meeting", in: tracker) == ["RR-1"])
    #expect(DomainRules.stepsRunning(from: "notified", in: tracker.timetable).contains("meeting"))
    func refusal(_ revision: TimetableRevision) -> ChangeRefusal? {
      var store = tracker
      do {
        try ChangeSet([.reviseTimetable([revision])]).apply(to: &store, today: today)
        return nil
      } catch { return error }
    }
    #expect(
      refusal(.removeStep("meeting"))
        == .stillReferenced(.timetable, by: [RecordReferrer(record: .review("RR-1"), field: "steps")]))
    guard case .stillReferenced(_, let referrers)? = refusal(.removeStep("notified")) else {
      Issue.record("a step other deadlines run from stays")
      return
    }
    #expect(referrers.contains(RecordReferrer(record: .timetable, field: "steps.meeting.deadline")))
    #expect(
      refusal(.removeChecklistItem("website"))
        == .stillReferenced(
          .timetable, by: [RecordReferrer(record: .review("RR-1"), field: "publication.checklist")]))
    #expect(refusal(.removeChecklistItem("family")) == nil)
  }
}

extension RecordIntentTests {
  /// A moderation or evidence for a standard the agency has not rated is refused by the change
  /// path; after the self rating, in the same change, it is recorded.
  @Test func aStandardIsRatedBeforeItIsModerated() throws {
    guard
      case .breaksRule(.section11(agency: "police", cycle: "2025-26"), let violation)? = refusal([
        .updateSection11(agency: "police", cycle: "2025-26", [.moderate(standard: "s11-1", .met)])
      ])
    else {
      Issue.record("moderating a standard not rated is refused")
      return
    }
    #expect(violation.value == "s11-1")
    try roundTrip([
      .updateSection11(
        agency: "police", cycle: "2025-26",
        [.rate(standard: "s11-1", .notMet), .evidence(standard: "s11-1", "Audit")])
    ]) {
      #expect($0.section11[0].ratings.last?.evidence == "Audit")
    }
  }
}
