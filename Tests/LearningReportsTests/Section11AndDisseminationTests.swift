import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

@Suite struct Section11AndDisseminationTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// A store built for the checks: two agencies with returns, one without, two reviews.
  func store() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test")
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
      Agency(id: "icb", name: "ICB", kind: .health, statutoryPartner: true),
      Agency(id: "housing", name: "Housing", kind: .other, statutoryPartner: false),
    ]
    tracker.reviews = [
      Review(
        id: "A", title: "Child A", kind: .lcspr, dates: ReviewDates(published: day("2025-03-01")),
        recommendations: [
          Recommendation(id: "R1", text: "x", agencies: ["la", "police"], response: .accepted),
          Recommendation(
            id: "R2", text: "y", agencies: ["housing"], response: .notAccepted, responseNote: "n"),
        ]),
      Review(
        id: "B", title: "Child B", kind: .lcspr, dates: ReviewDates(published: day("2022-01-01")),
        recommendations: [Recommendation(id: "R1", text: "x", agencies: ["la"], response: .accepted)]),
    ]
    tracker.section11 = [
      Section11Return(
        agency: "la", cycle: "2025-26", due: day("2025-11-28"), submitted: day("2025-11-20"),
        ratings: [
          Section11StandardRating(standard: "s11-1", self: .met, moderated: .partiallyMet),
          Section11StandardRating(standard: "s11-2", self: .partiallyMet, moderated: .met),
          Section11StandardRating(standard: "s11-5", self: .met, moderated: .notMet),
        ],
        learning: [Section11Learning(review: "A")]),
      Section11Return(
        agency: "police", cycle: "2025-26", due: day("2025-11-28"), submitted: day("2025-12-02"),
        ratings: [
          Section11StandardRating(standard: "s11-1", self: .met, moderated: .notMet),
          Section11StandardRating(standard: "s11-2", self: .met),
        ]),
    ]
    tracker.disseminations = [
      Dissemination(
        id: "D1", date: day("2025-03-20"), status: .delivered, method: "webinar", title: "t", reviews: ["A"],
        audience: ["la", "police"], reach: 40),
      Dissemination(
        id: "D2", date: day("2025-05-01"), status: .delivered, method: "webinar", title: "t", reviews: ["A"],
        audience: ["la"], reach: 10),
      Dissemination(
        id: "D3", date: day("2025-06-01"), status: .cancelled, method: "roadshow", title: "t", reviews: ["B"],
        note: "n"),
    ]
    return tracker
  }

  @Test func gapsAreExactlyThePairsWithoutEvidence() {
    let report = Section11Report.build(store(), ReportOptions(asOf: day("2026-01-10")), cycle: "2025-26")
    // Review B is older than 24 months before the due day; A's not-accepted recommendation to housing does not count.
    #expect(report.reviewsInScope == ["A"])
    #expect(report.gaps.map { "\($0.agency)/\($0.review)" } == ["police/A"])
    #expect(report.evidence.filter(\.evidenced).map(\.agency) == ["la"])
  }

  @Test func optimismGapCounts() {
    let report = Section11Report.build(store(), ReportOptions(asOf: day("2026-01-10")), cycle: "2025-26")
    #expect(
      report.optimismByAgency.map { "\($0.id):\($0.optimistic)/\($0.moderated)" } == ["la:2/3", "police:1/1"])
    #expect(
      report.optimismByStandard.map { "\($0.id):\($0.optimistic)/\($0.moderated)" } == [
        "s11-1:2/2", "s11-2:0/1", "s11-5:1/1",
      ])
  }

  @Test func returnsOnTimeLateAndMissing() {
    let report = Section11Report.build(store(), ReportOptions(asOf: day("2026-01-10")), cycle: "2025-26")
    #expect(report.returns.map { "\($0.agency):\($0.state)" } == ["la:onTime", "police:late", "icb:missing"])
    let early = Section11Report.build(store(), ReportOptions(asOf: day("2025-11-01")), cycle: "2025-26")
    #expect(early.returns.first { $0.agency == "icb" }?.state == "notYetDue")
  }

  @Test func disseminationByReview() {
    let report = DisseminationReport.build(store(), ReportOptions(asOf: day("2026-01-10")))
    #expect(report.totalDelivered == 2)
    #expect(report.totalReach == ReachSplit(attended: 50))
    let a = report.byReview.first { $0.review == "A" }
    #expect(a?.daysFromPublication == 19)
    #expect(a?.delivered == 2)
    #expect(report.reviewsWithNone == ["B"])
    #expect(report.byAgency.map { "\($0.agency):\($0.activities)" } == ["la:2", "police:1"])
    // Before D1 was delivered, A had none.
    let before = DisseminationReport.build(store(), ReportOptions(asOf: day("2025-03-10")))
    #expect(before.reviewsWithNone == ["A", "B"])
  }

  @Test func deliveredWithoutReachIsAnError() {
    var tracker = store()
    tracker.disseminations[0].reach = nil
    let found = Validator(today: day("2026-01-10")).validate(tracker)
    #expect(
      found.contains {
        $0.check == .dissemination && $0.severity == .error && $0.path == "disseminations[0].reach"
      })
  }
}
