import Foundation
import Testing

/// Nothing unpublished leaves the tool for practitioners without being asked for, and review days
/// in an impossible order stop the store.
@Suite struct UnpublishedTests {
  static var seeds: String { packageRoot.appendingPathComponent("Seeds/tracker.json").path }

  @Test func briefingAndPlanOfAReviewInProgressAreRefusedUnlessAsked() throws {
    let lcspr = "LCSPR-2026-01"
    for report in ["briefing", "plan"] {
      let refused = runTracker(
        ["report", report, "--review", lcspr, "--as-of", "2026-11-20"], data: Self.seeds)
      #expect(refused.status == 1, "\(report): \(refused.err)")
      #expect(refused.out.isEmpty)
      #expect(refused.err.contains("in progress: not yet published"), "\(refused.err)")
      #expect(refused.err.contains("--include-unpublished"))
      let draft = runTracker(
        ["report", report, "--review", lcspr, "--as-of", "2026-11-20", "--include-unpublished"],
        data: Self.seeds)
      #expect(draft.status == 0, "\(report): \(draft.err)")
    }
    // As at a day before its publication, a published review is in progress too.
    let early = runTracker(
      ["report", "briefing", "--review", "LCSPR-2025-02", "--as-of", "2025-08-31"], data: Self.seeds)
    #expect(early.status == 1)
    let later = runTracker(
      ["report", "briefing", "--review", "LCSPR-2025-02", "--as-of", "2025-09-01"], data: Self.seeds)
    #expect(later.status == 0)
    let notBegun = runTracker(
      ["report", "briefing", "--review", "RR-2026-02", "--as-of", "2026-01-01"], data: Self.seeds)
    #expect(notBegun.status == 64)
    #expect(notBegun.err.contains("had not begun on 2026-01-01"))
  }

  @Test func digestOnSeedsShowsNoFindingOfTheReviewInProgress() throws {
    let digest = runTracker(
      ["report", "digest", "--year", "2025", "--as-of", "2026-11-20"], data: Self.seeds)
    #expect(digest.status == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.seeds))
    let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let reviews = root?["reviews"] as? [[String: Any]] ?? []
    let review = try #require(reviews.first { $0["id"] as? String == "LCSPR-2026-01" })
    for finding in review["findings"] as? [[String: Any]] ?? [] {
      let text = try #require(finding["text"] as? String)
      #expect(!digest.out.contains(text))
    }
    #expect(digest.out.contains("Left out: the findings and recommendations of "))
    #expect(digest.out.contains("LCSPR-2026-01 ("))
  }

  @Test func aReviewPublishedBeforeItsDecisionFailsValidation() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    var text = try String(contentsOfFile: Self.seeds, encoding: .utf8)
    // LCSPR-2025-02 was decided on 2025-02-03; say it was published a day earlier.
    text = text.replacingOccurrences(
      of: "\"published\" : \"2025-09-01\"", with: "\"published\" : \"2025-02-02\"")
    try text.write(to: store, atomically: true, encoding: .utf8)
    let outcome = runTracker(["validate"], data: store.path)
    #expect(outcome.status == 65, "\(outcome.err)")
    #expect(
      outcome.out.contains("published 2025-02-02 is before decision 2025-02-03 [reviewDayOrder]"),
      "\(outcome.out)")
  }
}
