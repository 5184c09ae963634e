import Foundation
import LearningDemo
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// "As of means as of": a report run for a day on a store equals the same report on a copy of the
/// store from which everything dated after the day has been removed. The copy is cut here again from
/// the store's JSON, independently of `Tracker.asOf`.
@Suite struct AsOfTests {
  static let seeds = Fixture.folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Seeds/tracker.json")

  /// The store cut at the end of `day`, edited as JSON: days are `YYYY-MM-DD`, so text order is day order.
  static func cut(_ tracker: Tracker, at day: CalendarDay) throws -> Tracker {
    let limit = day.description
    func after(_ value: Any?) -> Bool { (value as? String).map { $0 > limit } ?? false }
    let data = Data(try StoreWriter.encode(tracker))
    guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw CocoaError(.coderInvalidValue)
    }
    var reviews: [[String: Any]] = []
    for var review in root["reviews"] as? [[String: Any]] ?? [] {
      var dates = review["dates"] as? [String: Any] ?? [:]
      let recorded = dates.values.compactMap { $0 as? String }
      if !recorded.isEmpty && recorded.allSatisfy({ $0 > limit }) { continue }
      for (key, value) in dates where after(value) { dates[key] = nil }
      review["dates"] = dates
      if var embargo = review["embargo"] as? [String: Any] {
        if after(embargo["since"]) {
          review["embargo"] = nil
        } else {
          if after(embargo["lifted"]) { embargo["lifted"] = nil }
          review["embargo"] = embargo
        }
      }
      // The review as it happens: steps done, letters, ratifications and checklist items after the
      // day had not happened.
      if let steps = review["steps"] as? [[String: Any]] {
        review["steps"] = steps.map { step in
          var kept = step
          if after(step["done"]) { kept["done"] = nil }
          return kept
        }
      }
      if let letters = review["correspondence"] as? [[String: Any]] {
        let kept = letters.filter { !after($0["day"]) }
        review["correspondence"] = kept.isEmpty ? nil : kept
      }
      if var decision = review["decisionRecord"] as? [String: Any] {
        let kept = (decision["ratifications"] as? [[String: Any]] ?? []).filter { !after($0["day"]) }
        decision["ratifications"] = kept.isEmpty ? nil : kept
        review["decisionRecord"] = decision
      }
      if var publication = review["publication"] as? [String: Any] {
        let kept = (publication["checklist"] as? [[String: Any]] ?? []).filter { !after($0["day"]) }
        publication["checklist"] = kept.isEmpty ? nil : kept
        review["publication"] = publication
      }
      var recommendations: [[String: Any]] = []
      for var recommendation in review["recommendations"] as? [[String: Any]] ?? [] {
        var actions: [[String: Any]] = []
        for var action in recommendation["actions"] as? [[String: Any]] ?? [] where !after(action["agreed"]) {
          action["updates"] = (action["updates"] as? [[String: Any]] ?? []).filter { !after($0["date"]) }
          // An escalation made after the day was not made; a reply that came after it had not come.
          let escalations = (action["escalations"] as? [[String: Any]] ?? []).filter { !after($0["date"]) }
            .map { escalation -> [String: Any] in
              guard after(escalation["replied"]) else { return escalation }
              var unanswered = escalation
              unanswered["replied"] = nil
              unanswered["reply"] = nil
              return unanswered
            }
          action["escalations"] = escalations.isEmpty ? nil : escalations
          actions.append(action)
        }
        recommendation["actions"] = actions
        recommendations.append(recommendation)
      }
      review["recommendations"] = recommendations
      reviews.append(review)
    }
    root["reviews"] = reviews
    root["disseminations"] = (root["disseminations"] as? [[String: Any]] ?? []).map { activity in
      guard after(activity["date"]) else {
        var kept = activity
        if let followUp = activity["followUp"] as? [String: Any], after(followUp["date"]) {
          kept["followUp"] = nil
        }
        return kept
      }
      var planned = activity
      planned["status"] = "planned"
      for field in ["reach", "reachByAgency", "evaluation", "followUp"] { planned[field] = nil }
      return planned
    }
    root["section11"] = (root["section11"] as? [[String: Any]] ?? []).map { entry in
      guard after(entry["submitted"]) else { return entry }
      var unsent = entry
      unsent["submitted"] = nil
      unsent["ratings"] = []
      unsent["learning"] = []
      return unsent
    }
    return try StoreReader.decode(data: JSONSerialization.data(withJSONObject: root), file: "cut store")
      .tracker
  }

  /// Every report of the registry as JSON, for a day, built as `report NAME --as-of DAY` builds it
  /// (`ReportKind.build`, which cuts the store once); `review` is the review for the reports that
  /// need one. A report refused on a store is its refusal.
  static func reports(_ tracker: Tracker, _ day: CalendarDay, review: String?) -> [String: String] {
    var result: [String: String] = [:]
    for kind in ReportRegistry.all {
      var options = ReportOptions(asOf: day, since: day.adding(days: -75))
      if kind.honours(.year) { options.year = tracker.partnership.reportingYear(containing: day) }
      if kind.requiredFilters.contains(.review) {
        guard let review else { continue }
        options.review = review
        options.includeUnpublished = true
      }
      do {
        result[kind.name] = try kind.build(tracker, options).rendered(as: .json)
      } catch {
        result[kind.name] = "refused: \(error)"
      }
    }
    return result
  }

  /// Random days across the store's life, from a fixed seed so a failure can be replayed.
  static func days(_ tracker: Tracker, count: Int, seed: UInt64) -> [CalendarDay] {
    var all: [CalendarDay] = []
    for review in tracker.reviews { all += review.dates.all }
    for placed in tracker.placedActions { all += placed.action.updates.map(\.date) }
    guard let first = all.min(), let last = all.max() else { return [] }
    var random = SeededGenerator(seed: seed)
    let span = last.days(since: first) + 60
    return (0..<count).map { _ in first.adding(days: Int.random(in: 0...span, using: &random)) }
  }

  static func expectSameAsCut(_ tracker: Tracker, days: [CalendarDay]) throws {
    #expect(!days.isEmpty)
    for day in days {
      let cut = try cut(tracker, at: day)
      // A review that has begun on the day, with recommendations if one has them.
      let review = (cut.reviews.last { !$0.recommendations.isEmpty } ?? cut.reviews.last)?.id
      let whole = reports(tracker, day, review: review)
      let truncated = reports(cut, day, review: review)
      for (name, text) in whole.sorted(by: { $0.key < $1.key }) {
        let other = truncated[name] ?? ""
        guard text != other else { continue }
        let left = text.split(separator: "\n", omittingEmptySubsequences: false)
        let right = other.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
        let context = (max(0, first - 3)..<min(left.count, first + 3)).map { index -> String in
          let kept: String = index < right.count ? String(right[index]) : "(end)"
          return String(left[index]) + "  |  " + kept
        }
        let message: String =
          "report \(name) as of \(day) differs from the store cut at \(day), line \(first + 1):\n"
          + context.joined(separator: "\n")
        Issue.record(Comment(rawValue: message))
      }
    }
  }

  @Test func seedsReportsAsOfEqualTheStoreCutAtTheDay() throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    try Self.expectSameAsCut(tracker, days: Self.days(tracker, count: 12, seed: 11))
  }

  @Test func fixtureReportsAsOfEqualTheStoreCutAtTheDay() throws {
    let tracker = try Fixture.tracker()
    try Self.expectSameAsCut(tracker, days: Self.days(tracker, count: 8, seed: 5))
  }

  @Test(arguments: [UInt64(3), 17])
  func syntheticReportsAsOfEqualTheStoreCutAtTheDay(seed: UInt64) throws {
    var tracker = SyntheticPartnership.generate(
      reviews: 14, seed: seed, asOf: CalendarDay("2026-06-30") ?? CalendarDay(dayNumber: 0))
    // An embargo begun and lifted inside the store's life, so both sides of each day are met.
    if let first = tracker.reviews.indices.first, let day = tracker.reviews[first].dates.all.max() {
      tracker.reviews[first].embargo = Embargo(
        reason: "Criminal proceedings", since: day.adding(days: 10), lifted: day.adding(days: 200))
    }
    try Self.expectSameAsCut(tracker, days: Self.days(tracker, count: 6, seed: seed))
  }

  /// The issue's own example: an LCSPR published in November 2025 was not published on 31 March 2025.
  @Test func timelinessAsAtMarchDoesNotKnowALaterPublication() throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    let day = CalendarDay("2025-03-31") ?? CalendarDay(dayNumber: 0)
    let report = TimelinessReport.build(tracker, ReportOptions(asOf: day))
    let rows = report.rows.filter { $0.review == "LCSPR-2024-06" && $0.result.clock == .publication }
    #expect(rows.count == 1)
    #expect(rows.first?.result.actual == nil)
    #expect(rows.first?.result.verdict == .pending)
    let dissemination = DisseminationReport.build(tracker, ReportOptions(asOf: day))
    for id in dissemination.reviewsWithNone {
      let published = tracker.reviews.first { $0.id == id }?.dates.published
      #expect(published.map { $0 <= day } == true, "\(id) was not published on \(day)")
    }
  }

  @Test func aStoreWithNothingLaterIsTheSameStore() throws {
    let tracker = try Fixture.tracker()
    let late = CalendarDay("2099-01-01") ?? CalendarDay(dayNumber: 0)
    #expect(tracker.asOf(late) == tracker)
  }
}
