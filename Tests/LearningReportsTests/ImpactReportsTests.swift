import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// The assurance queue, the impact report and the yearly report on the demo store, checked against
/// counts made here from the store itself, and against the digest and progress.
@Suite struct ImpactReportsTests {
  static func seeds() throws -> Tracker { try StoreReader.read(path: ReportRulesTests.seeds.path).tracker }
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// The last status set on or before the day, by a plain reading of the log.
  static func status(_ action: Action, _ day: CalendarDay) -> ActionStatus? {
    if let agreed = action.agreed, agreed > day { return nil }
    var status = ActionStatus.notStarted
    var latest: CalendarDay?
    for update in action.updates where update.date <= day {
      guard let set = update.status else { continue }
      if latest.map({ update.date >= $0 }) ?? true {
        status = set
        latest = update.date
      }
    }
    return status
  }

  @Test(arguments: ["2024-06-30", "2025-03-31", "2026-03-31", "2026-11-20"])
  func assuranceQueueListsExactlyTheCompletedNotAssuredActions(_ text: String) throws {
    let tracker = try Self.seeds()
    let asOf = Self.day(text)
    var expected: [String] = []
    for review in tracker.reviews {
      for recommendation in review.recommendations {
        for action in recommendation.actions where Self.status(action, asOf) == .completed {
          expected.append("\(review.id)/\(action.id)")
        }
      }
    }
    let report = AssuranceReport.build(tracker, ReportOptions(asOf: asOf))
    #expect(report.rows.map(\.reference).sorted() == expected.sorted())
    // Longest waiting first, ties by reference.
    for (earlier, later) in zip(report.rows, report.rows.dropFirst()) {
      #expect(
        earlier.daysWaiting > later.daysWaiting
          || (earlier.daysWaiting == later.daysWaiting && naturalOrder(earlier.reference, later.reference)))
    }
  }

  @Test func assuranceQueueOnTheDemoStoreAtTheBoardsDay() throws {
    let report = AssuranceReport.build(try Self.seeds(), ReportOptions(asOf: Self.day("2026-11-20")))
    #expect(report.rows.count == 15)
    let workshop = try #require(report.rows.first { $0.reference == "LCSPR-2023-05/2.2" })
    #expect(!workshop.canBeAssured)
    #expect(workshop.evidence.map(\.kind) == [.output])
    #expect(workshop.missing.contains(ImpactRule.missingImpact))
    #expect(workshop.missing.contains { $0.contains("re-measure was due by 2025-03-31") })
    let csv = report.csvTable
    #expect(csv.columns.suffix(2).map(\.title) == ["Decision", "Comments"])
    #expect(csv.rows.allSatisfy { $0.suffix(2).allSatisfy { $0.text.isEmpty } })
  }

  @Test func impactReportListsOutputsAloneAndOverdueRemeasures() throws {
    let tracker = try Self.seeds()
    let asOf = Self.day("2026-11-20")
    let report = ImpactReport.build(tracker, ReportOptions(asOf: asOf))
    var outputsOnly: [String] = []
    var remeasure: [String] = []
    for placed in tracker.placedActions {
      let status = Self.status(placed.action, asOf)
      let log = placed.action.updates.filter { $0.date <= asOf }
      let shows = log.contains { !($0.impactEvidence ?? []).isEmpty || $0.result != nil }
      if status == .completed || status == .assured, !shows {
        outputsOnly.append(placed.reference.description)
      }
      if let day = placed.action.remeasure, day < asOf, status != .withdrawn, status != nil,
        !log.contains(where: { $0.result != nil })
      {
        remeasure.append(placed.reference.description)
      }
    }
    #expect(report.rows.map(\.reference).sorted() == outputsOnly.sorted())
    #expect(report.remeasureDue.map(\.reference).sorted() == remeasure.sorted())
    #expect(report.rows.contains { $0.reference == "LCSPR-2023-05/2.2" })
  }

  @Test(arguments: [2024, 2025])
  func annualFiguresAreTheDigestsAndProgresss(_ year: Int) throws {
    let tracker = try Self.seeds()
    let asOf = Self.day("2026-11-20")
    let annual = AnnualReport.build(tracker, ReportOptions(asOf: asOf, year: year))
    let digest = DigestReport.build(tracker, ReportOptions(asOf: asOf, year: year))
    let figures = annual.current
    #expect(figures.asOf == digest.asOf)
    #expect(figures.notifications == digest.reviewsNotified.count)
    #expect(
      figures.deaths + figures.seriousHarm + figures.notificationTypeNotRecorded == figures.notifications)
    #expect(figures.themes == digest.themes.count)
    #expect(figures.recurrentThemes == digest.themes.filter(\.recurrent).count)
    #expect(figures.actionsAgreed == digest.actions.agreed)
    #expect(figures.actionsClosed == digest.actions.closed)
    #expect(figures.actionsOverdueAtYearEnd == digest.actions.overdueAtYearEnd.count)
    #expect(figures.disseminationDelivered == digest.dissemination.delivered)
    #expect(figures.reach == digest.dissemination.totalReach)
    #expect(figures.section11Returns == digest.section11.count)
    #expect(annual.littleProgress.count >= figures.actionsOverdueAtYearEnd)
    // Progress as at the year's last day agrees on the state of the actions.
    let progress = ProgressReport.build(tracker, ReportOptions(asOf: digest.asOf))
    #expect(figures.bragAtYearEnd == progress.brag)
    #expect(figures.actionsOpenAtYearEnd == progress.headline.open)
    #expect(figures.actionsOverdueAtYearEnd == progress.headline.overdue)
    // The previous year's column is that year's own figures.
    #expect(annual.previous == AnnualReport.build(tracker, ReportOptions(asOf: asOf, year: year - 1)).current)
  }

  @Test func annualRapidReviewsAndLateReviewsOnTheDemoStore() throws {
    let tracker = try Self.seeds()
    let annual = AnnualReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20"), year: 2024))
    // 2024-25: RR-2024-02 and RR-2024-05, the Rapid Review LCSPR-2024-06 holds in its own record,
    // and RR-2025-01 (sent to the Panel in January 2025): the ones the timeliness report counts.
    #expect(annual.rapidReviews.map(\.id) == ["RR-2024-02", "RR-2024-05", "LCSPR-2024-06", "RR-2025-01"])
    #expect(annual.current.toLCSPR == 3 && annual.current.otherLearning == 1)
    #expect(annual.current.conversionRate == 75)
    let later = AnnualReport.build(tracker, ReportOptions(asOf: Self.day("2026-11-20"), year: 2025))
    #expect(later.lcsprsLate.map(\.id) == ["LCSPR-2024-06", "LCSPR-2025-02"])
    #expect(later.lcsprsLate.allSatisfy { !$0.detail.contains("not recorded") })
    #expect(later.improvements.allSatisfy { $0.status == .assured })
  }

  @Test func noReportAddsCirculationToAttendance() throws {
    let tracker = try Self.seeds()
    let asOf = Self.day("2026-11-20")
    let options = ReportOptions(asOf: asOf, year: 2025)
    let reports: [any Report] = [
      ProgressReport.build(tracker, ReportOptions(asOf: asOf)), DigestReport.build(tracker, options),
      DisseminationReport.build(tracker, options), AnnualReport.build(tracker, options),
    ]
    for report in reports {
      let text = report.rendered(as: .text)
      #expect(!text.contains("Practitioners reached"))
      #expect(text.contains("attended") || text.contains("Attended"))
      #expect(text.contains("Circulat"))
    }
    let progress = ProgressReport.build(tracker, ReportOptions(asOf: asOf))
    #expect(progress.disseminationReach.attended > 0 && progress.disseminationReach.circulated > 0)
  }

  @Test(arguments: OutputFormat.allCases)
  func annualGolden(_ format: OutputFormat) throws {
    let report = AnnualReport.build(try Self.seeds(), ReportOptions(asOf: Self.day("2026-11-20"), year: 2025))
    try assertGolden(report.rendered(as: format), "annual-2025.\(format.fileExtension)")
  }

  @Test(arguments: OutputFormat.allCases)
  func assuranceGolden(_ format: OutputFormat) throws {
    let report = AssuranceReport.build(try Self.seeds(), ReportOptions(asOf: Self.day("2026-11-20")))
    try assertGolden(report.rendered(as: format), "assurance.\(format.fileExtension)")
  }
}
