import Foundation
import LearningDemo
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// `action show` and `action list` are views of the same cut of the store as the reports, with the
/// same state: for every action of a store on any day, they agree with `report overdue` on overdue,
/// due soon, stale and BRAG.
@Suite struct ActionViewAgreementTests {
  /// The facts the overdue report gives about each action it lists, read from its JSON.
  struct Listed {
    var overdue: Set<String> = []
    var dueSoon: Set<String> = []
    var stale: Set<String> = []
    var brag: [String: String] = [:]
  }

  static func listed(_ tracker: Tracker, on day: CalendarDay) throws -> Listed {
    let kind = try #require(ReportRegistry.kind(named: "overdue"))
    let json = try kind.build(tracker, ReportOptions(asOf: day)).rendered(as: .json)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    var listed = Listed()
    func lines(_ key: String) -> [[String: Any]] { root[key] as? [[String: Any]] ?? [] }
    for key in ["overdue", "dueSoon", "stale", "notYetTimeBound", "reportedBetter"] {
      for line in lines(key) {
        guard let reference = line["reference"] as? String else { continue }
        listed.brag[reference] = line["brag"] as? String ?? "withdrawn"
      }
    }
    listed.overdue = Set(lines("overdue").compactMap { $0["reference"] as? String })
    listed.dueSoon = Set(lines("dueSoon").compactMap { $0["reference"] as? String })
    listed.stale = Set(lines("stale").compactMap { $0["reference"] as? String })
    return listed
  }

  /// Each action's facts as `action list` (every action of the cut) and `action show` (one action
  /// looked up in the cut) derive them, against the report's.
  static func expectAgreement(_ tracker: Tracker, days: [CalendarDay]) throws {
    #expect(!days.isEmpty)
    for day in days {
      let report = try listed(tracker, on: day)
      let cut = TrackerAsOf(tracker, asOf: day)
      var seen = Set<String>()
      for (placed, state) in cut.actions {
        let reference = placed.reference.description
        seen.insert(reference)
        let shown = try #require(cut.placedAction(placed.reference)).state
        #expect(shown == state, "\(reference) on \(day): action show and action list differ")
        #expect(state.isOverdue == report.overdue.contains(reference), "\(reference) on \(day): overdue")
        #expect(state.isDueSoon == report.dueSoon.contains(reference), "\(reference) on \(day): due soon")
        #expect(state.isStale == report.stale.contains(reference), "\(reference) on \(day): stale")
        if let brag = report.brag[reference] {
          #expect((state.brag?.rawValue ?? "withdrawn") == brag, "\(reference) on \(day): BRAG")
        }
      }
      // The report lists no action the views do not have.
      #expect(
        report.brag.keys.allSatisfy(seen.contains), "on \(day): the report lists actions the views lack")
    }
  }

  @Test func theDemoStoreAgreesOnEveryDay() throws {
    let tracker = try StoreReader.read(path: AsOfTests.seeds.path).tracker
    try Self.expectAgreement(tracker, days: AsOfTests.days(tracker, count: 10, seed: 23))
  }

  @Test(arguments: [UInt64(5), 29])
  func generatedStoresAgreeOnEveryDay(seed: UInt64) throws {
    let tracker = SyntheticPartnership.generate(
      reviews: 12, seed: seed, asOf: CalendarDay("2026-06-30") ?? CalendarDay(dayNumber: 0))
    try Self.expectAgreement(tracker, days: AsOfTests.days(tracker, count: 6, seed: seed))
  }

  /// An undated imported action (no agreed day, no update) of a review decided, then published
  /// after the day: stale on the day by its review's decision, in the view as in the report.
  @Test func anUndatedActionIsStaleInTheViewAsInTheReport() throws {
    var tracker = try Fixture.tracker()
    let r = try #require(tracker.reviews.firstIndex { !$0.recommendations.isEmpty })
    let m = try #require(tracker.reviews[r].recommendations.firstIndex { !$0.actions.isEmpty })
    let decided = CalendarDay("2025-01-10") ?? CalendarDay(dayNumber: 0)
    let day = CalendarDay("2025-09-01") ?? CalendarDay(dayNumber: 0)
    tracker.reviews[r].dates = ReviewDates(decision: decided, published: CalendarDay("2026-01-15"))
    tracker.reviews[r].embargo = nil
    var action = tracker.reviews[r].recommendations[m].actions[0]
    action.agreed = nil
    action.updates = []
    action.due = .onDay(CalendarDay("2027-12-31") ?? day)
    tracker.reviews[r].recommendations[m].actions[0] = action
    let reference = ActionReference(review: tracker.reviews[r].id, action: action.id)
    let shown = try #require(TrackerAsOf(tracker, asOf: day).placedAction(reference)).state
    #expect(shown.isStale)
    #expect(try Self.listed(tracker, on: day).stale.contains(reference.description))
  }
}
