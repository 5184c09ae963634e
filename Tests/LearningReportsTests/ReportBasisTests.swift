import LearningDemo
import LearningModel
import Testing

@testable import LearningReports

/// `report all` builds the meeting pack from one `ReportBasis`: what it shares must never change
/// a report, whichever report made it first.
@Suite struct ReportBasisTests {
  static let asOf = CalendarDay(year: 2026, month: 11, day: 20) ?? CalendarDay(dayNumber: 0)
  static let store = SyntheticPartnership.generate(reviews: 120, seed: 5, asOf: asOf, texts: .prose)

  @Test func everyPackReportFromOneBasisIsTheReportBuiltAlone() throws {
    let tracker = Self.store
    let basis = ReportBasis(tracker)
    let entries = ReportRegistry.packEntries(
      tracker, asOf: Self.asOf, since: Self.asOf.adding(days: -56), year: 2025)
    #expect(entries.contains { $0.skipped == nil && $0.kind.name == "digest" })
    for entry in entries where entry.skipped == nil {
      let shared = try entry.build(basis)
      let alone = try entry.build(tracker)
      #expect(shared.jsonBytes == alone.jsonBytes, "\(entry.kind.name)")
      for format in entry.formats {
        #expect(shared.rendered(as: format) == alone.rendered(as: format), "\(entry.kind.name) \(format)")
      }
    }
    // The annual report, built last in the pack, reads the digest year's cut the digest made.
    let annual = try #require(ReportRegistry.kind(named: "annual"))
    var options = ReportOptions(asOf: Self.asOf)
    options.year = 2024
    #expect(try annual.build(basis, options).jsonBytes == annual.build(tracker, options).jsonBytes)
  }

  @Test func aCutIsMadeOnceAndNarrowsAsTheWholeStoreWould() {
    let basis = ReportBasis(Self.store)
    let day = CalendarDay(year: 2026, month: 3, day: 31) ?? Self.asOf
    #expect(basis.cut(day).tracker == TrackerAsOf(Self.store, asOf: day).tracker)
    #expect(basis.narrowed(basis.cut(Self.asOf), to: day).tracker == basis.cut(day).tracker)
    // A later day than the cut's leaves the cut as it is.
    #expect(basis.narrowed(basis.cut(day), to: Self.asOf).day == day)
  }

  @Test func findingsAreComparedOnceForEachDayAndThreshold() {
    let basis = ReportBasis(Self.store)
    let cut = basis.cut(Self.asOf)
    let shared = basis.findingRepeats(cut, asOf: Self.asOf, threshold: 0.5, limit: 1)
    let alone = FindingRepeats(cut.tracker, asOf: Self.asOf, threshold: 0.5, limit: 1)
    #expect(shared.entries.map(\.reference) == alone.entries.map(\.reference))
    #expect(shared.closest == alone.closest)
    let stricter = basis.findingRepeats(cut, asOf: Self.asOf, threshold: 0.9, limit: 1)
    #expect(
      stricter.closest == FindingRepeats(cut.tracker, asOf: Self.asOf, threshold: 0.9, limit: 1).closest)
  }
}
