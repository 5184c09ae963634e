import Foundation
import LearningDemo
import LearningModel
import Testing

@testable import LearningReports

/// `report repeats` on generated stores, with prose-like and templated texts.
@Suite struct RepeatsReportTests {
  static let asOf = CalendarDay(year: 2026, month: 11, day: 20) ?? CalendarDay(dayNumber: 0)

  static let prose = SyntheticPartnership.generateRecordingRepeats(
    reviews: 600, seed: 11, asOf: asOf, texts: .prose, plantedRepeats: 1)

  /// How often each reference is named in a rendering (references as whole words).
  static func mentions(_ text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") })
    where word.contains("/R") {
      counts[String(word), default: 0] += 1
    }
    return counts
  }

  @Test func plantedRepeatsAcrossYearsAreGrouped() {
    let (tracker, planted) = Self.prose
    #expect(planted.count >= 10)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf))
    let family = Dictionary(
      report.recommendations.map { ($0.reference, $0.family) }, uniquingKeysWith: { a, _ in a })
    let year = Dictionary(
      report.recommendations.map { ($0.reference, $0.year) }, uniquingKeysWith: { a, _ in a })
    for pair in planted {
      #expect(family[pair.later] != nil && family[pair.later] == family[pair.earlier], "\(pair)")
      #expect(year[pair.later] != year[pair.earlier], "\(pair)")
    }
  }

  @Test func proseWithoutRepeatsHasAlmostNothingMatched() {
    let (tracker, planted) = Self.prose
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf))
    let plantedReferences = Set(planted.flatMap { [$0.earlier, $0.later] })
    #expect(report.recommendations.count * 20 <= report.recommendationsCompared)
    let unplanted = report.recommendations.filter { !plantedReferences.contains($0.reference) }
    #expect(unplanted.count * 100 <= report.recommendationsCompared)
    let none = SyntheticPartnership.generate(reviews: 600, seed: 12, asOf: Self.asOf, texts: .prose)
    let clean = RepeatsReport.build(none, ReportOptions(asOf: Self.asOf))
    #expect(clean.recommendations.count * 100 <= clean.recommendationsCompared)
  }

  @Test func aRecommendationWithWordsFoundNowhereElseIsNeverMatched() throws {
    var tracker = Self.prose.tracker
    var review = try #require(tracker.reviews.last)
    review.id = "LCSPR-2026-999"
    review.dates = tracker.reviews[300].dates
    review.recommendations = [
      Recommendation(id: "R1", text: "Quixotic zephyrs befuddle xylophonists"),
      Recommendation(id: "R2", text: tracker.reviews[0].recommendations[0].text),
    ]
    tracker.reviews.append(review)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf), threshold: 0.01)
    #expect(!report.recommendations.contains { $0.reference == "LCSPR-2026-999/R1" })
    #expect(report.recommendations.contains { $0.reference == "LCSPR-2026-999/R2" && !$0.matches.isEmpty })
    for listed in report.recommendations { for match in listed.matches { #expect(!match.shared.isEmpty) } }
  }

  @Test(arguments: [SyntheticPartnership.RecommendationTexts.prose, .templated])
  func noRecommendationIsListedMoreThanAHandfulOfTimes(texts: SyntheticPartnership.RecommendationTexts) {
    let tracker = SyntheticPartnership.generate(
      reviews: 300, seed: 3, asOf: Self.asOf, texts: texts, plantedRepeats: 2)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf))
    #expect(!report.families.isEmpty)
    for format in [OutputFormat.text, .markdown, .html] {
      let most = Self.mentions(report.rendered(as: format)).values.max() ?? 0
      #expect(most <= 6, "\(texts) \(format): \(most)")
    }
    // Each recommendation once in the families, and all members in CSV.
    let members = report.families.flatMap { [$0.earliest] + $0.members }
    #expect(Set(members).count == members.count)
    #expect(report.csvTable.rows.count == members.count)
  }

  @Test func familiesShowTenMembersThenHowManyMore() throws {
    let tracker = SyntheticPartnership.generate(reviews: 400, seed: 5, asOf: Self.asOf, texts: .templated)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf))
    let largest = try #require(report.families.max { $0.members.count < $1.members.count })
    #expect(largest.members.count > 10)
    let markdown = report.rendered(as: .markdown)
    #expect(markdown.contains("and \(largest.members.count - 10) more"))
    let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(largest.earliest) (") })
    #expect(!row.contains(try #require(largest.members.last)))
    #expect(report.rendered(as: .json).contains(try #require(largest.members.last)))
    // Families spanning more than one reporting year come first.
    let spans = report.families.map { $0.years.count > 1 }
    #expect(spans == spans.sorted { $0 && !$1 })
  }

  @Test func undatedReviewsAreShownAsUndated() throws {
    var tracker = Self.prose.tracker
    var review = try #require(tracker.reviews.first)
    review.id = "TR-undated"
    review.dates = ReviewDates()
    review.recommendations = [Recommendation(id: "R1", text: tracker.reviews[5].recommendations[0].text)]
    tracker.reviews.append(review)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf))
    // Undated as known on the day: the new review, and any review begun by then whose learning
    // day (notification, decision, Rapid Review, publication) came after it.
    let cut = TrackerAsOf(tracker, asOf: Self.asOf).tracker
    let before = TrackerAsOf(Self.prose.tracker, asOf: Self.asOf).tracker
    #expect(report.undatedReviews == cut.reviews.filter { $0.learningDay == nil }.count)
    #expect(report.undatedReviews == before.reviews.filter { $0.learningDay == nil }.count + 1)
    let listed = try #require(report.recommendations.first { $0.reference == "TR-undated/R1" })
    #expect(listed.day == nil && !listed.matches.isEmpty)
    #expect(report.rendered(as: .text).contains("TR-undated/R1 (undated)"))
  }

  @Test func filtersNarrowTheLaterRecommendations() throws {
    let (tracker, _) = Self.prose
    let year = 2024
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf, year: year))
    let matched = report.recommendations.filter { !$0.matches.isEmpty }
    #expect(!matched.isEmpty)
    #expect(matched.allSatisfy { $0.year == year })
    let since = try #require(CalendarDay(year: 2025, month: 1, day: 1))
    let recent = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf, since: since))
    #expect(recent.recommendations.filter { !$0.matches.isEmpty }.allSatisfy { ($0.day ?? since) >= since })
    let theme = try #require(matched.first?.themes.first)
    let themed = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf), theme: theme)
    #expect(themed.recommendations.filter { !$0.matches.isEmpty }.allSatisfy { $0.themes.contains(theme) })
    #expect(themed.themes.allSatisfy { $0.id == theme })
  }

  @Test func matchesAreAtMostTheLimitAndAtLeastTheThreshold() {
    let tracker = SyntheticPartnership.generate(reviews: 200, seed: 8, asOf: Self.asOf, texts: .templated)
    let report = RepeatsReport.build(tracker, ReportOptions(asOf: Self.asOf), threshold: 0.6, matches: 2)
    #expect(report.recommendations.contains { $0.matches.count == 2 })
    for listed in report.recommendations {
      #expect(listed.matches.count <= 2)
      #expect(listed.matches.allSatisfy { $0.similarity >= 0.6 })
    }
    #expect(report.rendered(as: .text).contains("IDF-weighted Jaccard, at least 0.6"))
  }
}
