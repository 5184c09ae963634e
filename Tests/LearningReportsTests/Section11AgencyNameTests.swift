import LearningModel
import Testing

@testable import LearningReports

/// The Section 11 report's tables name agencies where a person reads them; its JSON keeps the IDs.
@Suite struct Section11AgencyNameTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func report() -> Section11Report {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test")
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Constabulary", kind: .police, statutoryPartner: true),
    ]
    tracker.reviews = [
      Review(
        id: "A", title: "Child A", kind: .lcspr, dates: ReviewDates(published: day("2025-03-01")),
        recommendations: [
          Recommendation(id: "R1", text: "x", agencies: ["la", "police"], response: .accepted)
        ])
    ]
    tracker.section11 = [
      Section11Return(
        agency: "la", cycle: "2025-26", due: day("2025-11-28"), submitted: day("2025-11-20"),
        ratings: [Section11StandardRating(standard: "s11-1", self: .met, moderated: .partiallyMet)],
        learning: [Section11Learning(review: "A")]),
      Section11Return(
        agency: "police", cycle: "2025-26", due: day("2025-11-28"), submitted: day("2025-11-20"),
        ratings: [Section11StandardRating(standard: "s11-1", self: .met, moderated: .met)]),
    ]
    return Section11Report.build(tracker, ReportOptions(asOf: day("2026-01-10")), cycle: "2025-26")
  }

  func table(_ caption: String) -> Table? {
    for section in report().document.sections {
      for block in section.blocks {
        if case .table(let table) = block, table.caption.hasPrefix(caption) { return table }
      }
    }
    return nil
  }

  @Test func evidenceColumnsAreHeadedByName() {
    #expect(table("Learning evidenced")?.columns.map(\.title) == ["Review", "Constabulary", "Council"])
  }

  @Test func ratingsAndGapsNameTheAgency() {
    #expect(table("Self rating")?.rows.map { $0[0].text } == ["Council", "Constabulary"])
    #expect(table("Gaps to chase")?.rows.map { $0[0].text } == ["Constabulary"])
  }

  @Test func jsonKeepsTheIDs() {
    let report = report()
    #expect(report.ratings.map(\.agency) == ["la", "police"])
    #expect(report.gaps.map(\.agency) == ["police"])
  }
}
