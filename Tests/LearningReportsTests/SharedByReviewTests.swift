import LearningDemo
import LearningModel
import Testing

@testable import LearningReports

/// Work shared out among the cores by review gives what walking the store in order gives.
@Suite struct SharedByReviewTests {
  static let asOf = CalendarDay(year: 2026, month: 11, day: 20) ?? CalendarDay(dayNumber: 0)

  @Test func sharesCoverEveryReviewOnceInOrder() {
    let tracker = SyntheticPartnership.generate(reviews: 30, asOf: Self.asOf)
    for minimumReviews in [1, 7, 1_000] {
      let shares = tracker.sharedByReview(minimumReviews: minimumReviews) { $0 }
      #expect(Array(shares.joined()) == Array(tracker.reviews.indices), "shares from \(minimumReviews)")
      let placed = tracker.sharedByReview(minimumReviews: minimumReviews) { range in
        var references: [String] = []
        tracker.forEachPlacedAction(ofReviews: range) { references.append($0.reference.description) }
        return references
      }
      #expect(Array(placed.joined()) == tracker.placedActions.map(\.reference.description))
    }
  }

  /// A store large enough to be shared among the cores: the year's action counts of the digest
  /// are those counted one action at a time.
  @Test func theDigestsActionCountsAreThoseCountedInOrder() {
    let tracker = SyntheticPartnership.generate(reviews: 1_100, asOf: Self.asOf)
    let year = 2025
    let digest = DigestReport.build(tracker, ReportOptions(asOf: Self.asOf, year: year))
    let period = tracker.partnership.reportingYear(year)
    let asOf = min(period.upperBound, Self.asOf)
    let dayBefore = period.lowerBound.adding(days: -1)
    let settings = tracker.partnership.settings
    var expected = DigestReport.ActionProgress()
    var overdue: [String] = []
    for placed in tracker.placedActions {
      let now = placed.state(asOf: asOf, settings: settings)
      guard now.exists else { continue }
      let then = placed.state(asOf: dayBefore, settings: settings)
      if let agreed = placed.action.agreed, period.contains(agreed) { expected.agreed += 1 }
      if now.isClosed && !(then.exists && then.isClosed) { expected.closed += 1 }
      if now.slips > then.slips { expected.slipped += 1 }
      if now.isOpen { expected.openAtYearEnd += 1 }
      expected.bragAtYearEnd.add(now.brag)
      if now.isOverdue && placed.review.withheld(on: asOf) == nil {
        overdue.append(placed.reference.description)
      }
    }
    #expect(digest.actions.agreed == expected.agreed && expected.agreed > 0)
    #expect(digest.actions.closed == expected.closed)
    #expect(digest.actions.slipped == expected.slipped)
    #expect(digest.actions.openAtYearEnd == expected.openAtYearEnd)
    #expect(digest.actions.bragAtYearEnd == expected.bragAtYearEnd)
    #expect(digest.actions.overdueAtYearEnd.map(\.reference).sorted() == overdue.sorted())
    let annual = AnnualReport.build(tracker, ReportOptions(asOf: Self.asOf, year: year))
    #expect(annual.current.actionsOverdueAtYearEnd == overdue.count)
    #expect(annual.littleProgress.count >= overdue.count)
  }
}
