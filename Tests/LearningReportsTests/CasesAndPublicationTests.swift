import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// Cases counted once, one rule for the statutory clocks in a year, and nothing unpublished in what
/// practitioners and the public read; checked on the demo store.
@Suite struct CasesAndPublicationTests {
  static func seeds() throws -> Tracker { try StoreReader.read(path: AsOfTests.seeds.path).tracker }
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  @Test func digestCountsCasesNotRecords() throws {
    let digest = DigestReport.build(try Self.seeds(), ReportOptions(asOf: Self.day("2026-11-20"), year: 2024))
    // 2024-25: four notifications (RR-2024-02 with its LCSPR, RR-2024-05, LCSPR-2024-06, RR-2025-01 with
    // its LCSPR) and one referral (SAR-2025-01).
    #expect(
      digest.reviewsNotified.map(\.id) == [
        "RR-2024-02", "RR-2024-05", "LCSPR-2024-06", "RR-2025-01", "SAR-2025-01",
      ])
    #expect(digest.reviewsNotified.first?.reviews == ["RR-2024-02", "LCSPR-2024-03"])
    #expect(digest.reviewsNotified.first?.day == Self.day("2024-04-26"))
    #expect(digest.reviewsDecided.count == 6)
    #expect(digest.document.asText.contains("are one case"))
  }

  @Test func digestCountsEachClockInTheYearItClosed() throws {
    let tracker = try Self.seeds()
    let digest = DigestReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20"), year: 2025))
    let publication = digest.timeliness.first { $0.clock == .publication }
    // LCSPR-2025-02 (2025-09-01) and LCSPR-2024-06 (2025-11-10) were published in 2025-26: both are
    // counted there, whenever their clocks started.
    #expect((publication?.met ?? 0) + (publication?.missed ?? 0) == 2)
    let finalReport = digest.timeliness.first { $0.clock == .finalReportToPanel }
    #expect((finalReport?.met ?? 0) + (finalReport?.missed ?? 0) == 2)
    // And every clock lands in exactly one year.
    let calendar = tracker.workingDayCalendar
    for review in tracker.reviews {
      for clock in review.clocks(asOf: Self.day("2026-11-20"), calendar: calendar) {
        let years = (2022...2026).filter {
          tracker.partnership.reportingYear($0).contains(clock.countingDay(asOf: Self.day("2026-11-20")))
        }
        #expect(years.count == 1)
      }
    }
  }

  @Test func digestLeavesOutFindingsOfAReviewInProgress() throws {
    let tracker = try Self.seeds()
    let inProgress = try #require(tracker.reviews.first { $0.id == "LCSPR-2026-01" })
    for year in [2025, 2026] {
      let digest = DigestReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20"), year: year))
      for format in OutputFormat.allCases {
        let text = digest.rendered(as: format)
        for finding in inProgress.findings { #expect(!text.contains(finding.text)) }
        for recommendation in inProgress.recommendations { #expect(!text.contains(recommendation.text)) }
      }
    }
    let digest = DigestReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20"), year: 2025))
    // As at the year end (31 March 2026) the SAR published in May 2026 was still in progress too.
    #expect(digest.withheld.map(\.review) == ["SAR-2025-01", "LCSPR-2026-01"])
    #expect(digest.document.asText.contains("Left out: the findings and recommendations of "))
    #expect(digest.document.asText.contains("LCSPR-2026-01 (Child P, in progress: not yet published)"))
    let themes = ThemesReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20")), theme: nil)
    let pack = themes.rendered(as: .markdown)
    for finding in inProgress.findings { #expect(!pack.contains(finding.text)) }
    #expect(themes.withheld.map(\.review).contains("LCSPR-2026-01"))
  }

  @Test func briefingOfAReviewInProgressLeavesOutItsLearningAndSaysSo() throws {
    let tracker = try Self.seeds()
    let options = ReportOptions(asOf: Self.day("2026-11-20"))
    let review = try #require(tracker.reviews.first { $0.id == "LCSPR-2026-01" })
    let briefing = try #require(BriefingReport.build(tracker, options, review: "LCSPR-2026-01"))
    let text = briefing.rendered(as: .markdown)
    for finding in review.findings { #expect(!text.contains(finding.text)) }
    #expect(briefing.leftOut)
    #expect(text.contains("in progress: not yet published"))
    let draft = try #require(
      BriefingReport.build(tracker, options, review: "LCSPR-2026-01", includeUnpublished: true))
    #expect(draft.rendered(as: .markdown).contains("Not for circulation"))
    #expect(review.findings.contains { draft.rendered(as: .markdown).contains($0.text) })
  }

  @Test func embargoedRapidReviewIsLeftOutUntilLifted() throws {
    var tracker = try Self.seeds()
    let id = "RR-2026-02"
    try tracker.placeUnderEmbargo(review: id, reason: "Criminal proceedings", on: Self.day("2026-10-10"))
    let finding = try #require(tracker.reviews.first { $0.id == id }?.findings.first?.text)
    let during = try #require(
      BriefingReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20")), review: id))
    #expect(!during.rendered(as: .json).contains(finding))
    #expect(during.withheld == "under embargo since 2026-10-10: Criminal proceedings")
    try tracker.liftEmbargo(review: id, on: Self.day("2026-11-01"))
    let after = try #require(
      BriefingReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20")), review: id))
    #expect(after.rendered(as: .json).contains(finding))
    // As at a day during the embargo, it still holds.
    let asAt = try #require(
      BriefingReport.build(tracker, ReportOptions(asOf: Self.day("2026-10-20")), review: id))
    #expect(asAt.leftOut)
  }

  @Test func briefingRecurrenceCountsEarlierCasesNotTheCaseOwnRapidReview() throws {
    let tracker = try Self.seeds()
    let briefing = try #require(
      BriefingReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20")), review: "LCSPR-2025-02"))
    let review = try #require(tracker.reviews.first { $0.id == "LCSPR-2025-02" })
    let cases = CaseIndex(tracker)
    let names = Dictionary(uniqueKeysWithValues: tracker.themes.map { ($0.id, $0.name) })
    let why = briefing.parts[1].paragraphs.joined(separator: " ")
    for theme in review.themes where theme != "good-practice" {
      // Counted here again: earlier reviews of other cases carrying the theme, one per case.
      let expected = Set(
        tracker.reviews.filter { other in
          cases.caseID(of: other.id) != cases.caseID(of: review.id) && other.themes.contains(theme)
            && (DigestReport.reportingDay(other).map { day in
              DigestReport.reportingDay(review).map { day < $0 } ?? false
            } ?? false)
        }.map { cases.caseID(of: $0.id) }
      ).count
      let name = names[theme] ?? theme
      // Proper plurals, and new learning named as new.
      let count = expected == 1 ? "1 earlier case" : "\(expected) earlier cases"
      #expect(
        expected == 0
          ? why.contains("New learning for the partnership:") && why.contains(name)
          : why.contains("\(name) (\(count))"))
      #expect(!why.contains("case(s)"))
    }
  }

  @Test func briefingNamesTheBodyThatCommissionedTheReview() throws {
    let tracker = try Self.seeds()
    let options = ReportOptions(asOf: Self.day("2026-11-20"))
    let sar = try #require(BriefingReport.build(tracker, options, review: "SAR-2025-01"))
    #expect(sar.parts[0].paragraphs.contains { $0.contains("carried out by the Safeguarding Adults Board") })
    let lcspr = try #require(BriefingReport.build(tracker, options, review: "LCSPR-2025-02"))
    #expect(lcspr.parts[0].paragraphs.contains { $0.contains("carried out by \(tracker.partnership.name)") })
  }

  @Test func overdueListsAPendingDueRequestBesideTheAction() throws {
    var tracker = try Self.seeds()
    let asOf = Self.day("2026-11-20")
    let before = OverdueReport.build(tracker, ReportOptions(asOf: asOf))
    let line = try #require(before.overdue.first)
    let reference = try #require(ActionReference(line.reference))
    let (r, m, a) = try #require(tracker.actionIndex(reference))
    tracker.reviews[r].recommendations[m].actions[a].updates.append(
      ActionUpdate(
        date: asOf, by: "Agency lead", requestedDue: Self.day("2027-06-30"), requestReason: "System release"))
    let after = OverdueReport.build(tracker, ReportOptions(asOf: asOf))
    let same = try #require(after.overdue.first { $0.reference == line.reference })
    #expect(same.brag == .red)
    #expect(same.pendingRequest?.due == Self.day("2027-06-30"))
    #expect(after.overdue.count == before.overdue.count)
    #expect(after.rendered(as: .csv).contains("System release"))
    #expect(after.rendered(as: .text).contains("2027-06-30, asked \(asOf)"))
  }
}
