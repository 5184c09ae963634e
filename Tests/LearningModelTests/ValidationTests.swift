import Testing

@testable import LearningModel

/// One test per validation rule: each shows the check's name, its severity and its path.
@Suite struct ValidationTests {
  let today = CalendarDay("2026-11-22") ?? CalendarDay(dayNumber: 0)

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// A small valid store: one review, one accepted recommendation, one action.
  func sample() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test Partnership")
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
    ]
    let action = Action(
      id: "1.1", description: "Train staff", owner: "la", lead: "Head of QA",
      measureOfSuccess: "Audit of 20 cases",
      agreed: day("2025-09-15"), due: day("2026-03-31"),
      updates: [ActionUpdate(date: day("2025-10-01"), status: .inProgress, note: "Started")])
    tracker.reviews = [
      Review(
        id: "LCSPR-2025-02", title: "Child M", kind: .lcspr, dates: ReviewDates(decision: day("2025-06-01")),
        themes: ["voice-of-the-child"],
        findings: [Finding(id: "F1", text: "Seen but not heard", themes: ["voice-of-the-child"])],
        recommendations: [
          Recommendation(
            id: "R1", text: "Hear the child", agencies: ["la"], response: .accepted, actions: [action])
        ])
    ]
    return tracker
  }

  func diagnostics(_ tracker: Tracker) -> [Diagnostic] { Validator(today: today).validate(tracker) }

  @Test func sampleIsClean() {
    #expect(diagnostics(sample()).isEmpty)
  }

  @Test func duplicateActionIdsAcrossRecommendations() {
    var tracker = sample()
    var second = Recommendation(id: "R2", text: "More", agencies: ["la"], response: .accepted)
    second.actions = [tracker.reviews[0].recommendations[0].actions[0]]
    tracker.reviews[0].recommendations.append(second)
    let found = diagnostics(tracker)
    #expect(
      found.contains {
        $0.check == .uniqueIds && $0.path == "reviews[0].recommendations[1].actions[0].id"
          && $0.severity == .error
      })
  }

  @Test func duplicateReviewAndAgencyIds() {
    var tracker = sample()
    tracker.reviews.append(tracker.reviews[0])
    tracker.agencies.append(tracker.agencies[0])
    let found = diagnostics(tracker)
    #expect(found.contains { $0.check == .uniqueIds && $0.path == "reviews[1].id" })
    #expect(found.contains { $0.check == .uniqueIds && $0.path == "agencies[2].id" })
  }

  @Test func danglingReferencesAreErrorsWithSuggestions() {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].actions[0].owner = "polise"
    tracker.reviews[0].themes.append("no-such-theme")
    tracker.reviews[0].categories = ["neglect"]
    tracker.reviews[0].follows = "RR-1999-01"
    tracker.disseminations = [
      Dissemination(
        id: "D1", date: day("2026-01-01"), status: .delivered, method: "podcast", title: "T", reviews: ["X"],
        reach: 5)
    ]
    tracker.section11 = [
      Section11Return(
        agency: "nhs", cycle: "2025-26", due: day("2025-11-30"),
        ratings: [Section11StandardRating(standard: "s11-9", self: .met)])
    ]
    let found = diagnostics(tracker).filter { $0.check == .references }
    let paths = Set(found.map(\.path))
    #expect(paths.contains("reviews[0].recommendations[0].actions[0].owner"))
    #expect(paths.contains("reviews[0].themes[1]"))
    #expect(paths.contains("reviews[0].categories[0]"))
    #expect(paths.contains("reviews[0].follows"))
    #expect(paths.contains("disseminations[0].method"))
    #expect(paths.contains("disseminations[0].reviews[0]"))
    #expect(paths.contains("section11[0].agency"))
    #expect(paths.contains("section11[0].ratings[0].standard"))
    #expect(found.first { $0.path.hasSuffix("owner") }?.hint?.contains("did you mean \"police\"") == true)
  }

  @Test(arguments: [RecommendationResponse.partiallyAccepted, .notAccepted])
  func responsesThatNeedAReason(_ response: RecommendationResponse) {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].response = response
    #expect(diagnostics(tracker).contains { $0.check == .responseNote && $0.severity == .error })
    tracker.reviews[0].recommendations[0].responseNote = "Already covered by the neglect strategy"
    #expect(!diagnostics(tracker).contains { $0.check == .responseNote })
  }

  @Test func withdrawnNeedsANote() {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].actions[0].updates.append(
      ActionUpdate(date: day("2025-11-01"), status: .withdrawn))
    #expect(
      diagnostics(tracker).contains {
        $0.check == .withdrawnNote && $0.path == "reviews[0].recommendations[0].actions[0].updates[1].note"
      })
  }

  @Test func updateBeforeAgreedAndDueBeforeAgreed() {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].actions[0].updates.append(
      ActionUpdate(date: day("2025-09-01"), note: "early"))
    tracker.reviews[0].recommendations[0].actions[0].due = .onDay(day("2025-09-01"))
    let found = diagnostics(tracker)
    #expect(found.contains { $0.check == .updateBeforeAgreed && $0.severity == .error })
    #expect(
      found.contains {
        $0.check == .dueBeforeAgreed && $0.path == "reviews[0].recommendations[0].actions[0].due"
      })
  }

  @Test func warningsDoNotBlock() {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].actions[0].measureOfSuccess = nil
    tracker.reviews[0].recommendations[0].actions[0].lead = "  "
    tracker.reviews[0].recommendations[0].actions[0].updates.append(
      ActionUpdate(date: day("2026-12-01"), note: "planned"))
    tracker.reviews[0].recommendations.append(Recommendation(id: "R2", text: "Another", response: .accepted))
    let found = diagnostics(tracker)
    #expect(found.allSatisfy { $0.severity == .warning })
    let checks = Set(found.map(\.check))
    #expect(checks == [.measureOfSuccess, .lead, .futureUpdate, .acceptedWithoutActions])
  }

  @Test func disseminationAndSection11Rules() {
    var tracker = sample()
    tracker.disseminations = [
      Dissemination(
        id: "D1", date: day("2026-01-01"), status: .delivered, method: "webinar", title: "T", reach: -1),
      Dissemination(id: "D2", date: day("2026-01-01"), status: .cancelled, method: "webinar", title: "T"),
    ]
    tracker.section11 = [
      Section11Return(agency: "la", cycle: "2025-26", due: day("2025-11-30")),
      Section11Return(agency: "la", cycle: "2025-26", due: day("2025-11-30")),
    ]
    let found = diagnostics(tracker)
    #expect(
      found.contains {
        $0.check == .dissemination && $0.path == "disseminations[0].reach" && $0.severity == .error
      })
    #expect(found.contains { $0.check == .dissemination && $0.path == "disseminations[1].note" })
    #expect(found.contains { $0.check == .section11 && $0.path == "section11[1]" })
  }

  @Test func everyFindingIsReportedInOnePass() {
    var tracker = sample()
    tracker.reviews[0].recommendations[0].actions[0].owner = "x"
    tracker.reviews[0].recommendations[0].response = .notAccepted
    tracker.partnership.settings.dueSoonDays = -1
    let errors = diagnostics(tracker).filter { $0.severity == .error }
    #expect(Set(errors.map(\.check)) == [.references, .responseNote, .settings])
  }

  @Test func suggestsNearWords() {
    #expect(nearest("polise", in: ["police", "la", "icb"]) == "police")
    #expect(nearest("zzzzzz", in: ["police", "la"]) == nil)
    #expect(editDistance("kitten", "sitting") == 3)
  }

  @Test func anUndatedReviewIsWarnedOf() {
    var tracker = sample()
    tracker.reviews[0].dates = ReviewDates()
    let found = Validator(today: day("2026-11-22")).validate(tracker).filter { $0.check == .undatedReview }
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.message == "review LCSPR-2025-02 has no day recorded")
  }
}
