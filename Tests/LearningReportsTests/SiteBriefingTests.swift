import LearningDemo
import LearningModel
import Testing

@testable import LearningReports

/// Every review free to share has its 7-minute briefing in the site, and a briefing built from the
/// site's one basis (findings compared and reviews grouped by case once) is the briefing built
/// alone.
@Suite struct SiteBriefingTests {
  static let asOf = CalendarDay("2026-11-20") ?? CalendarDay(dayNumber: 0)

  @Test func everyShareableReviewHasItsBriefingBuiltFromTheSharedBasis() throws {
    let tracker = SyntheticPartnership.generate(reviews: 60, seed: 11, asOf: Self.asOf)
    let reports = SiteReport.reports(
      tracker, asOf: Self.asOf, since: Self.asOf.adding(days: -56), year: 2025, isPublic: false)
    let briefed = Set(reports.filter { $0.kind.name == "briefing" }.compactMap(\.review))
    let planned = Set(reports.filter { $0.kind.name == "plan" }.compactMap(\.review))
    let shareable = tracker.reviews.filter {
      $0.withheld(on: Self.asOf) == nil && ($0.dates.started.map { $0 <= Self.asOf } ?? true)
    }
    #expect(!shareable.isEmpty)
    #expect(briefed == Set(shareable.map(\.id)))
    #expect(briefed == planned)
    let basis = ReportBasis(tracker)
    let cut = TrackerAsOf(tracker, asOf: Self.asOf)
    for report in reports where report.kind.name == "briefing" {
      let shared = try report.build(basis, cut: cut)
      let alone = try report.kind.build(tracker, report.options)
      #expect(shared.rendered(as: .json) == alone.rendered(as: .json), "briefing of \(report.review ?? "")")
    }
  }
}
