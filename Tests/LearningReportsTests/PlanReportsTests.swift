import LearningModel
import Testing

@testable import LearningReports

/// Reports over plans as published: a joint action is chased from each owner, an action due TBC is
/// listed as not yet time-bound, and an agency that rates an overdue action Green is named.
@Suite struct PlanReportsTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }
  static let asOf = day("2026-11-20")

  static func tracker() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.agencies = [
      Agency(id: "la", name: "Children's Social Care", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Northshire Police", kind: .police, statutoryPartner: true),
      Agency(id: "icb", name: "Northshire ICB", kind: .other, statutoryPartner: true),
    ]
    let joint = Action(
      id: "1.1", description: "Joint audit of strategy discussions", owner: "la", jointOwners: ["police"],
      lead: "Head of service", measureOfSuccess: "Audit of 20 strategy discussions",
      agreed: day("2026-01-05"),
      due: PlannedDue("2026-06") ?? .notYetSet,
      updates: [
        ActionUpdate(
          date: day("2026-10-01"), status: .inProgress, note: "Audit tool agreed", reported: .green)
      ],
      evidencePlanned: "Audit report to the QA subgroup")
    let tbc = Action(
      id: "1.2", description: "Agree a joint protocol for escalation between agencies", owner: "icb",
      lead: "Designated nurse", measureOfSuccess: "Protocol in use in 90% of escalations",
      agreed: day("2026-01-05"), due: .notYetSet)
    var review = Review(id: "LCSPR-2026-01", title: "Child Q", kind: .lcspr)
    review.recommendations = [
      Recommendation(
        id: "R1", text: "Strategy discussions", agencies: ["la", "police", "icb"], response: .accepted,
        actions: [joint, tbc])
    ]
    tracker.reviews = [review]
    return tracker
  }

  @Test func aJointActionIsOnEachOwnersChaseListAndReturnSheet() {
    let tracker = Self.tracker()
    #expect(
      OverdueReport.agenciesToChase(tracker, ReportOptions(asOf: Self.asOf)) == ["la", "police", "icb"])
    for agency in ["la", "police"] {
      let chase = OverdueReport.build(tracker, ReportOptions(asOf: Self.asOf, agency: agency))
      #expect(chase.overdue.map(\.reference) == ["LCSPR-2026-01/1.1"], "\(agency)")
      let sheet = AgencyReturnSheet.build(tracker, agency: agency, asOf: Self.asOf)
      #expect(sheet.table.rows.count == 1, "\(agency)")
      #expect(sheet.table.rows.first?.first?.text == agency)
    }
    let icb = OverdueReport.build(tracker, ReportOptions(asOf: Self.asOf, agency: "icb"))
    #expect(icb.overdue.isEmpty)
    #expect(icb.notYetTimeBound.map(\.reference) == ["LCSPR-2026-01/1.2"])
    let text = OverdueReport.build(tracker, ReportOptions(asOf: Self.asOf, agency: "police")).rendered(
      as: .text)
    #expect(text.contains("Children's Social Care, with Northshire Police"))
  }

  @Test func anActionDueTBCIsListedApartAndNeverOverdue() {
    let report = OverdueReport.build(Self.tracker(), ReportOptions(asOf: Self.asOf))
    #expect(report.notYetTimeBound.map(\.reference) == ["LCSPR-2026-01/1.2"])
    #expect(!report.overdue.contains { $0.reference == "LCSPR-2026-01/1.2" })
    #expect(report.notYetTimeBound.first?.brag == .amber)
    let text = report.rendered(as: .text)
    #expect(text.contains("Not yet time-bound"))
  }

  @Test func anAgencyRatingAnOverdueActionGreenIsListed() {
    let tracker = Self.tracker()
    let progress = ProgressReport.build(tracker, ReportOptions(asOf: Self.asOf))
    #expect(progress.headline.reportedBetter == 1)
    #expect(progress.reportedBetter.map(\.reference) == ["LCSPR-2026-01/1.1"])
    #expect(progress.reportedBetter.first?.brag == .red)
    #expect(progress.reportedBetter.first?.reported == .green)
    let text = progress.rendered(as: .text)
    #expect(text.contains("Agency rates better than the rules"))
    #expect(text.contains("1: LCSPR-2026-01/1.1"))
    var detailed = progress
    detailed.detail = true
    #expect(detailed.rendered(as: .text).contains("Actions the owning agency rates better than the rules do"))
    let overdue = OverdueReport.build(tracker, ReportOptions(asOf: Self.asOf))
    #expect(overdue.reportedBetter.map(\.reference) == ["LCSPR-2026-01/1.1"])
    #expect(overdue.rendered(as: .csv).contains("rated better by the agency"))
  }

  @Test func progressByAgencyCountsAJointActionForEachOwnerAndSaysSo() {
    let progress = ProgressReport.build(Self.tracker(), ReportOptions(asOf: Self.asOf))
    #expect(progress.byAgency.map(\.id) == ["la", "police", "icb"])
    #expect(progress.byAgency.map(\.actions) == [1, 1, 1])
    #expect(progress.headline.actions == 2)
    #expect(progress.rendered(as: .text).contains("joint actions are counted for each owner"))
    let police = ProgressReport.build(Self.tracker(), ReportOptions(asOf: Self.asOf, agency: "police"))
    #expect(police.headline.actions == 1)
  }

  @Test func thePlanShowsMonthsTBCTheAgencysRatingAndBothKindsOfEvidence() throws {
    let plan = try #require(
      PlanReport.build(Self.tracker(), ReportOptions(asOf: Self.asOf), review: "LCSPR-2026-01"))
    let text = plan.rendered(as: .markdown)
    #expect(text.contains("June 2026"))
    #expect(text.contains("TBC"))
    #expect(text.contains("Red (in progress); agency: Green"))
    #expect(text.contains("Audit report to the QA subgroup"))
    #expect(text.contains("Evidence received"))
    #expect(text.contains("Children's Social Care and Northshire Police"))
  }

  @Test func theImpactReportShowsTheEvidencePlannedBesideTheEvidenceReceived() {
    var tracker = Self.tracker()
    tracker.reviews[0].recommendations[0].actions[0].updates.append(
      ActionUpdate(date: Self.day("2026-11-01"), status: .completed, evidence: ["Audit tool issued"]))
    let impact = ImpactReport.build(tracker, ReportOptions(asOf: Self.asOf))
    #expect(impact.rows.map(\.reference) == ["LCSPR-2026-01/1.1"])
    let text = impact.rendered(as: .markdown)
    #expect(text.contains("| Evidence planned |"))
    #expect(text.contains("Audit report to the QA subgroup"))
    #expect(text.contains("Audit tool issued"))
    #expect(text.contains("la + police"))
  }
}
