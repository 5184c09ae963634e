import Testing

@testable import LearningModel

/// The rules of findings that come back and of learning that lands.
@Suite struct FindingRepeatsTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func tracker() -> Tracker {
    var tracker = Tracker(partnership: Partnership(name: "Northshire"))
    tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
    var early = Review(id: "A", title: "Child A", kind: .lcspr)
    early.dates.published = day("2023-06-01")
    early.findings = [Finding(id: "F1", text: "Neglect judged episode by episode")]
    var late = Review(id: "B", title: "Child B", kind: .lcspr)
    late.dates.published = day("2025-06-01")
    late.findings = [Finding(id: "F1", text: "Neglect again judged one episode at a time", repeats: "A/F1")]
    tracker.reviews = [late, early]
    return tracker
  }

  @Test func aLinkMustNameAFindingOfAnEarlierReview() {
    var store = tracker()
    let known = KnownIdentifiers(store)
    #expect(
      DomainRules.repeatsViolations(of: store.reviews[0].findings[0], review: "B", known: known).isEmpty)
    let backwards = Finding(id: "F1", text: "x", repeats: "B/F1")
    #expect(
      DomainRules.repeatsViolations(of: backwards, review: "A", known: known).first?.check == .references)
    let missing = Finding(id: "F2", text: "x", repeats: "A/F9")
    #expect(DomainRules.repeatsViolations(of: missing, review: "B", known: known).count == 1)
    let own = Finding(id: "F2", text: "x", repeats: "B/F1")
    #expect(DomainRules.repeatsViolations(of: own, review: "B", known: known).count == 1)
    // An undated review comes after every dated one.
    store.reviews[0].dates.published = nil
    #expect(
      DomainRules.repeatsViolations(
        of: store.reviews[0].findings[0], review: "B", known: KnownIdentifiers(store)
      )
      .isEmpty)
  }

  @Test func aRecordedLinkIsConfirmedAndOrderedByLearningDay() {
    let repeats = FindingRepeats(tracker(), threshold: 0.5, limit: 3)
    #expect(repeats.entries.map(\.reference) == ["A/F1", "B/F1"])
    let parent = repeats.parent(of: 1)
    #expect(parent?.earlier == 0 && parent?.confirmed == true)
    #expect(repeats.parent(of: 0) == nil)
  }

  @Test func landingIsRecordedOnlyOnceDeliveredAndAddsUp() {
    let known = KnownIdentifiers(tracker())
    var activity = Dissemination(
      id: "D1", date: day("2025-10-01"), status: .planned, method: "m", title: "t")
    activity.evaluation = DisseminationEvaluation(responses: 10, rating: 4)
    #expect(DomainRules.landingViolations(of: activity, known: known).count == 1)
    activity.status = .delivered
    activity.reach = 50
    #expect(DomainRules.landingViolations(of: activity, known: known).isEmpty)
    activity.reachByAgency = [AgencyReach(agency: "la", reach: 60)]
    #expect(DomainRules.landingViolations(of: activity, known: known).map(\.field) == ["reach"])
    activity.reachByAgency = [AgencyReach(agency: "la", reach: 20), AgencyReach(agency: "la", reach: 5)]
    #expect(DomainRules.landingViolations(of: activity, known: known).map(\.check) == [.uniqueIds])
    activity.reachByAgency = nil
    activity.evaluation = DisseminationEvaluation(responses: 10, rating: 5.5, willChange: 11)
    #expect(DomainRules.landingViolations(of: activity, known: known).count == 2)
    activity.evaluation = nil
    activity.followUp = DisseminationFollowUp(date: day("2025-09-30"), note: "Audit")
    #expect(DomainRules.landingViolations(of: activity, known: known).map(\.field) == ["followUp"])
    let agency = Agency(id: "x", name: "X", kind: .other, statutoryPartner: false, workforce: 0)
    #expect(DomainRules.violations(of: agency).count == 1)
  }

  @Test func followUpsAfterTheDayAreLeftOut() {
    var store = tracker()
    var activity = Dissemination(
      id: "D1", date: day("2025-10-01"), status: .delivered, method: "m", title: "t", reach: 10)
    activity.followUp = DisseminationFollowUp(date: day("2025-12-01"), note: "Audit")
    activity.evaluation = DisseminationEvaluation(responses: 5, rating: 4)
    store.disseminations = [activity]
    #expect(store.asOf(day("2025-11-01")).disseminations[0].followUp == nil)
    #expect(store.asOf(day("2025-11-01")).disseminations[0].evaluation != nil)
    #expect(store.asOf(day("2025-09-01")).disseminations[0].evaluation == nil)
    #expect(store.asOf(day("2025-12-01")).disseminations[0].followUp != nil)
  }
}
