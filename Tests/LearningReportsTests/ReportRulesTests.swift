import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// Checks the reports against the rules of docs/FORMAT.md, computed here again from scratch, on the
/// demo store for as-of days across four years.
@Suite struct ReportRulesTests {
  static let seeds = Fixture.folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Seeds/tracker.json")

  /// An independent reading of the rules: the log sorted by date (stable), nothing after the day.
  struct Oracle {
    var status = ActionStatus.notStarted
    /// The due day in force; nil while the plan says "TBC".
    var due: CalendarDay?
    var slipped = false
    var lastHeard: CalendarDay?
    var exists: Bool

    init(_ action: Action, _ day: CalendarDay) {
      due = action.due.day
      exists = action.agreed.map { $0 <= day } ?? true
      lastHeard = action.agreed
      var log: [(Int, ActionUpdate)] = Array(action.updates.enumerated())
      log.sort { $0.1.date == $1.1.date ? $0.0 < $1.0 : $0.1.date < $1.1.date }
      for (_, update) in log where update.date <= day {
        if let s = update.status { status = s }
        if let revised = update.due {
          if let d = revised.day, let current = due, d > current { slipped = true }
          due = revised.day
        }
        lastHeard = update.date
      }
    }

    var open: Bool { ![.completed, .assured, .withdrawn].contains(status) }
  }

  static var days: [CalendarDay] {
    let start = CalendarDay(year: 2023, month: 6, day: 1) ?? CalendarDay(dayNumber: 0)
    return stride(from: 0, through: 1400, by: 47).map { start.adding(days: $0) }
  }

  @Test(arguments: days)
  func listsAndBRAGFollowTheRules(_ day: CalendarDay) throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    let settings = tracker.partnership.settings
    var overdue = Set<String>()
    var dueSoon = Set<String>()
    var stale = Set<String>()
    var counts: [String: Int] = [:]
    for placed in tracker.placedActions {
      let oracle = Oracle(placed.action, day)
      guard oracle.exists else { continue }
      let reference = "\(placed.review.id)/\(placed.action.id)"
      let isOverdue = oracle.open && oracle.due.map { $0 < day } == true
      let isDueSoon =
        oracle.open && !isOverdue
        && oracle.due.map { $0.dayNumber - day.dayNumber <= settings.dueSoonDays } == true
      if isOverdue { overdue.insert(reference) }
      if isDueSoon { dueSoon.insert(reference) }
      if oracle.open, let heard = oracle.lastHeard, day.dayNumber - heard.dayNumber > settings.staleAfterDays
      {
        stale.insert(reference)
      }
      let colour: String
      if oracle.status == .withdrawn {
        colour = "withdrawn"
      } else if isOverdue {
        colour = "red"
      } else if oracle.status == .assured {
        colour = "blue"
      } else if oracle.status == .completed {
        colour = "green"
      } else if isDueSoon || oracle.status == .blocked || oracle.slipped || oracle.due == nil {
        colour = "amber"
      } else {
        colour = "green"
      }
      counts[colour, default: 0] += 1
    }
    let report = OverdueReport.build(tracker, ReportOptions(asOf: day))
    #expect(Set(report.overdue.map(\.reference)) == overdue)
    #expect(Set(report.dueSoon.map(\.reference)) == dueSoon)
    #expect(Set(report.stale.map(\.reference)) == stale)
    #expect(report.overdue.map(\.daysOverdue) == report.overdue.map(\.daysOverdue).sorted(by: >))
    let progress = ProgressReport.build(tracker, ReportOptions(asOf: day))
    #expect(progress.brag.red == counts["red", default: 0])
    #expect(progress.brag.amber == counts["amber", default: 0])
    #expect(progress.brag.green == counts["green", default: 0])
    #expect(progress.brag.blue == counts["blue", default: 0])
    #expect(progress.brag.withdrawn == counts["withdrawn", default: 0])
  }

  @Test(arguments: [2023, 2024, 2025, 2026])
  func digestCountsOnlyTheYear(_ year: Int) throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    let period = tracker.partnership.reportingYear(year)
    let digest = DigestReport.build(tracker, ReportOptions(asOf: CalendarDay("2027-06-01")!, year: year))
    let agreed = tracker.placedActions.filter { $0.action.agreed.map(period.contains) ?? false }.count
    #expect(digest.actions.agreed == agreed)
    let published = tracker.reviews.filter { $0.dates.published.map(period.contains) ?? false }.map(\.id)
    #expect(digest.reviewsPublished.map(\.id) == published)
    let delivered = tracker.disseminations.filter { $0.status == .delivered && period.contains($0.date) }
    #expect(digest.dissemination.delivered == delivered.count)
    // Attendance and circulation are counted apart, each from its own methods.
    let circulation = Set(tracker.disseminationMethods.filter { $0.reach == .circulation }.map(\.id))
    let circulated = delivered.filter { circulation.contains($0.method) }.reduce(0) { $0 + ($1.reach ?? 0) }
    let attended = delivered.filter { !circulation.contains($0.method) }.reduce(0) { $0 + ($1.reach ?? 0) }
    #expect(digest.dissemination.totalReach == ReachSplit(attended: attended, circulated: circulated))
    for line in digest.section11 { #expect(line.cycle.hasPrefix("\(year)-")) }
    for theme in digest.themes { #expect(theme.firstSeen <= year) }
  }

  @Test func chaseListsCoverEveryAgencyWithOpenActions() throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    let options = ReportOptions(asOf: Fixture.asOf)
    let agencies = OverdueReport.agenciesToChase(tracker, options)
    let open = Set(
      tracker.placedActions.filter {
        $0.action.state(asOf: Fixture.asOf, settings: tracker.partnership.settings, heardFrom: nil).isOpen
          && ($0.action.agreed ?? Fixture.asOf) <= Fixture.asOf
      }.flatMap(\.action.owners))
    #expect(Set(agencies) == open)
    for agency in agencies {
      var filtered = options
      filtered.agency = agency
      let chase = OverdueReport.build(tracker, filtered)
      // A joint action is on each of its owners' lists.
      #expect([chase.overdue, chase.dueSoon, chase.stale].joined().allSatisfy { $0.owners.contains(agency) })
    }
  }
}
