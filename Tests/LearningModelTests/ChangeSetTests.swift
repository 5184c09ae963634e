import Testing

@testable import LearningModel

/// The one change path: each domain rule, refusals that name the field and value, and removals
/// refused while anything refers to the record.
@Suite struct ChangeSetTests {
  let today = CalendarDay("2026-11-23") ?? CalendarDay(dayNumber: 0)

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// One review with a finding, a recommendation and an action; a dissemination activity and a
  /// Section 11 return that refer to the review, the police and a standard.
  func sample() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test Partnership")
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
      Agency(id: "school", name: "School", kind: .education, statutoryPartner: false),
    ]
    let action = Action(
      id: "1.1", description: "Train staff", owner: "police", lead: "Head of QA",
      measureOfSuccess: "Audit of 20 cases", agreed: day("2025-09-15"), due: day("2026-03-31"))
    tracker.reviews = [
      Review(
        id: "RR-1", title: "Child A", kind: .rapidReview, themes: ["voice-of-the-child"],
        findings: [Finding(id: "F1", text: "Seen but not heard", themes: ["voice-of-the-child"])],
        recommendations: [
          Recommendation(
            id: "R1", text: "Hear the child", agencies: ["la"], response: .accepted,
            themes: ["voice-of-the-child"],
            actions: [action])
        ]),
      Review(id: "LCSPR-1", title: "Child A", kind: .lcspr, follows: "RR-1"),
    ]
    tracker.disseminations = [
      Dissemination(
        id: "D1", date: day("2026-02-01"), status: .planned, method: "seven-minute-briefing",
        title: "Briefing",
        reviews: ["RR-1"], themes: ["voice-of-the-child"], audience: ["police"])
    ]
    tracker.section11 = [
      Section11Return(
        agency: "police", cycle: "2025-26", due: day("2026-01-31"),
        ratings: [Section11StandardRating(standard: "s11-8", self: .met)],
        learning: [Section11Learning(review: "RR-1")])
    ]
    return tracker
  }

  func refusal(_ changes: [StoreChange], on tracker: Tracker? = nil) -> ChangeRefusal? {
    var store = tracker ?? sample()
    let before = store
    do {
      try ChangeSet(changes).apply(to: &store, today: today)
      return nil
    } catch {
      // A refused change leaves the store exactly as it was.
      #expect(store == before)
      return error
    }
  }

  @Test func theSampleIsValid() {
    #expect(Validator(today: today).validate(sample()).allSatisfy { $0.severity == .warning })
  }

  @Test func addingAnActionReturnsWhatItTouched() throws {
    var tracker = sample()
    let action = Action(
      id: "1.2", description: "Audit referrals", owner: "la", lead: "QA lead", measureOfSuccess: "20 cases",
      agreed: day("2026-01-01"), due: day("2026-06-30"))
    let touched = try ChangeSet([.add(.action(review: "RR-1", recommendation: "R1", action))]).apply(
      to: &tracker, today: today)
    #expect(touched == [.action(ActionReference(review: "RR-1", action: "1.2"))])
    #expect(tracker.reviews[0].recommendations[0].actions.map(\.id) == ["1.1", "1.2"])
  }

  @Test func dueBeforeAgreedNamesBothFieldsAndValues() {
    let action = Action(
      id: "1.2", description: "Audit referrals", owner: "la", agreed: day("2026-11-23"),
      due: day("2020-07-01"))
    guard
      case .breaksRule(let record, let violation)? = refusal([
        .add(.action(review: "RR-1", recommendation: "R1", action))
      ])
    else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(record == .action(ActionReference(review: "RR-1", action: "1.2")))
    #expect(violation.check == .dueBeforeAgreed)
    #expect(violation.field == "due")
    #expect(violation.value == "2020-07-01")
    #expect(violation.relatedField == "agreed")
    #expect(violation.relatedValue == "2026-11-23")
    // The same predicate gives the validator's message.
    #expect(violation.message == "due 2020-07-01 is before the agreed day 2026-11-23")
  }

  @Test func anUpdateBeforeTheAgreedDayIsRefused() {
    let refused = refusal([
      .addActionUpdate(
        ActionReference(review: "RR-1", action: "1.1"), ActionUpdate(date: day("2025-01-01"), note: "x"))
    ])
    guard case .breaksRule(_, let violation)? = refused else {
      Issue.record("expected a broken rule, got \(String(describing: refused))")
      return
    }
    #expect(violation.check == .updateBeforeAgreed)
    #expect(violation.field == "updates[0].date")
  }

  @Test func withdrawingNeedsANote() {
    let refused = refusal([
      .addActionUpdate(
        ActionReference(review: "RR-1", action: "1.1"),
        ActionUpdate(date: day("2026-01-01"), status: .withdrawn))
    ])
    guard case .breaksRule(_, let violation)? = refused else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(violation.check == .withdrawnNote)
    #expect(violation.field == "updates[0].note")
  }

  @Test func aPartlyAcceptedRecommendationNeedsItsReason() {
    var recommendation = sample().reviews[0].recommendations[0]
    recommendation.response = .partiallyAccepted
    guard
      case .breaksRule(_, let violation)? = refusal([.update(.recommendation(review: "RR-1", recommendation))]
      )
    else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(violation.check == .responseNote)
  }

  @Test func unknownIDsGetDidYouMean() {
    var finding = Finding(id: "F2", text: "Drift", themes: ["voice-of-the-chld"])
    guard case .breaksRule(_, let theme)? = refusal([.add(.finding(review: "RR-1", finding))]) else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(theme.field == "themes[0]")
    #expect(theme.suggestion == "voice-of-the-child")
    finding.themes = []
    var review = sample().reviews[1]
    review.categories = ["bulying"]
    guard case .breaksRule(_, let category)? = refusal([.update(.review(review))]) else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(category.suggestion == "bullying")
    var action = sample().reviews[0].recommendations[0].actions[0]
    action.owner = "polise"
    guard
      case .breaksRule(_, let owner)? = refusal([
        .update(.action(review: "RR-1", recommendation: "R1", action))
      ])
    else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(owner.field == "owner")
    #expect(owner.value == "polise")
    #expect(owner.suggestion == "police")
    var activity = sample().disseminations[0]
    activity.method = "seven-minute-brefing"
    guard case .breaksRule(_, let method)? = refusal([.update(.dissemination(activity))]) else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(method.suggestion == "seven-minute-briefing")
    var section11Return = sample().section11[0]
    section11Return.ratings[0].standard = "s11-88"
    guard case .breaksRule(_, let standard)? = refusal([.update(.section11(section11Return))]) else {
      Issue.record("expected a broken rule")
      return
    }
    #expect(standard.field == "ratings[0].standard")
    #expect(standard.suggestion != nil)
  }

  @Test func newIDsMustBeIdentifiers() {
    for id in ["x/../../p5esc", "has space", "esc\u{1B}[2J", ""] {
      let refused = refusal([.add(.review(Review(id: id, title: "Child B", kind: .rapidReview)))])
      guard case .invalidIdentifier(_, let given, _)? = refused else {
        Issue.record("\(id) was not refused as an identifier: \(String(describing: refused))")
        continue
      }
      #expect(given == id)
    }
    let theme = refusal([.add(.catalogue(.theme, CatalogueEntry(id: "bad theme", name: "Bad")))])
    #expect(theme != nil)
  }

  @Test func addingWhatExistsAndChangingWhatDoesNotAreRefused() {
    #expect(
      refusal([.add(.agency(Agency(id: "la", name: "x", kind: .other, statutoryPartner: false)))])
        == .alreadyExists(.agency("la")))
    let duplicateAction = sample().reviews[0].recommendations[0].actions[0]
    #expect(
      refusal([.add(.action(review: "RR-1", recommendation: "R1", duplicateAction))])
        == .alreadyExists(.action(ActionReference(review: "RR-1", action: "1.1"))))
    #expect(
      refusal([.remove(.agency("polic"))]) == .notFound(.agency("polic"), suggestion: "agency:police"))
    #expect(
      refusal([.add(.finding(review: "RR-9", Finding(id: "F1", text: "x")))])
        == .notFound(.review("RR-9"), suggestion: "RR-1"))
  }

  @Test func removingAReferredAgencyListsEveryReference() {
    guard case .stillReferenced(_, let referrers)? = refusal([.remove(.agency("police"))]) else {
      Issue.record("expected a refusal")
      return
    }
    #expect(
      referrers.map(\.description) == [
        "action RR-1/1.1 (owner)", "dissemination activity D1 (audience)",
        "the Section 11 return of police for 2025-26 (agency)",
      ])
    guard case .stillReferenced(_, let la)? = refusal([.remove(.agency("la"))]) else {
      Issue.record("expected a refusal")
      return
    }
    #expect(la.map(\.description) == ["recommendation RR-1/R1 (agencies)"])
  }

  @Test func removingACatalogueEntryInUseListsEveryUse() {
    guard case .stillReferenced(_, let theme)? = refusal([.remove(.catalogue(.theme, "voice-of-the-child"))])
    else {
      Issue.record("expected a refusal")
      return
    }
    #expect(
      theme.map(\.description) == [
        "review RR-1 (themes)", "finding RR-1/F1 (themes)", "recommendation RR-1/R1 (themes)",
        "dissemination activity D1 (themes)",
      ])
    guard
      case .stillReferenced(_, let method)? = refusal([.remove(.catalogue(.method, "seven-minute-briefing"))])
    else {
      Issue.record("expected a refusal")
      return
    }
    #expect(method.map(\.description) == ["dissemination activity D1 (method)"])
    guard case .stillReferenced(_, let standard)? = refusal([.remove(.catalogue(.standard, "s11-8"))]) else {
      Issue.record("expected a refusal")
      return
    }
    #expect(standard.map(\.description) == ["the Section 11 return of police for 2025-26 (ratings)"])
    var tracker = sample()
    tracker.reviews[1].categories = ["bullying"]
    guard
      case .stillReferenced(_, let category)? = refusal(
        [.remove(.catalogue(.category, "bullying"))], on: tracker)
    else {
      Issue.record("expected a refusal")
      return
    }
    #expect(category.map(\.description) == ["review LCSPR-1 (categories)"])
  }

  @Test func removingAReviewThatOthersNameIsRefused() {
    guard case .stillReferenced(_, let referrers)? = refusal([.remove(.review("RR-1"))]) else {
      Issue.record("expected a refusal")
      return
    }
    #expect(
      referrers.map(\.description) == [
        "review LCSPR-1 (follows)", "dissemination activity D1 (reviews)",
        "the Section 11 return of police for 2025-26 (learning)",
      ])
  }

  @Test func removingWhatNothingNamesWorksAndRecordsTheActionsFirst() throws {
    var tracker = sample()
    let touched = try ChangeSet([
      .remove(.recommendation(RecommendationReference(review: "RR-1", recommendation: "R1")))
    ])
    .apply(to: &tracker, today: today)
    #expect(
      touched == [
        .action(ActionReference(review: "RR-1", action: "1.1")),
        .recommendation(RecommendationReference(review: "RR-1", recommendation: "R1")),
      ])
    #expect(tracker.reviews[0].recommendations.isEmpty)
    // An agency nothing names can go.
    try ChangeSet([.remove(.agency("school"))]).apply(to: &tracker, today: today)
    #expect(tracker.agency("school") == nil)
  }

  @Test func updatingKeepsWhatIsInsideTheRecord() throws {
    var tracker = sample()
    var recommendation = Recommendation(
      id: "R1", text: "Hear every child", agencies: ["la"], response: .accepted)
    recommendation.themes = ["voice-of-the-child"]
    try ChangeSet([.update(.recommendation(review: "RR-1", recommendation))]).apply(
      to: &tracker, today: today)
    #expect(tracker.reviews[0].recommendations[0].text == "Hear every child")
    #expect(tracker.reviews[0].recommendations[0].actions.count == 1)
    var review = tracker.reviews[0]
    review.findings = []
    review.dates.published = day("2026-10-01")
    try ChangeSet([.update(.review(review))]).apply(to: &tracker, today: today)
    #expect(tracker.reviews[0].dates.published == day("2026-10-01"))
    #expect(tracker.reviews[0].findings.count == 1)
  }

  @Test func restoringPutsARecordBackInPlace() throws {
    var tracker = sample()
    let original = tracker
    let reference = RecordReference.agency("la")
    let record = tracker.record(at: reference)
    try ChangeSet([.restore(reference, nil, position: nil)]).apply(to: &tracker, today: today)
    #expect(tracker.agency("la") == nil)
    try ChangeSet([.restore(reference, record, position: 0)]).apply(to: &tracker, today: today)
    #expect(tracker == original)
  }

  @Test func aChangeThatChangesNothingTouchesTheRecordButLeavesTheStoreEqual() throws {
    var tracker = sample()
    let original = tracker
    let agency = tracker.agencies[0]
    try ChangeSet([.update(.agency(agency))]).apply(to: &tracker, today: today)
    #expect(tracker == original)
  }

  @Test func referencesReadBackFromTheirText() {
    let references: [RecordReference] = [
      .agency("police"), .catalogue(.theme, "neglect"), .catalogue(.standard, "s11-1"), .review("RR-1"),
      .finding(review: "RR-1", finding: "F1"),
      .recommendation(RecommendationReference(review: "RR-1", recommendation: "R1")),
      .action(ActionReference(review: "RR-1", action: "1.1")), .dissemination("D1"),
      .section11(agency: "police", cycle: "2025-26"),
    ]
    for reference in references {
      #expect(RecordReference(kind: reference.kind, reference: reference.description) == reference)
    }
    let tracker = sample()
    #expect(RecordReference(reference: "RR-1/R1", in: tracker) == references[5])
    #expect(RecordReference(reference: "RR-1/F1", in: tracker) == references[4])
    #expect(RecordReference(reference: "RR-1/1.1", in: tracker) == references[6])
  }
}
