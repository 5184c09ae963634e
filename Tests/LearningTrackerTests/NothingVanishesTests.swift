import Foundation
import Testing

/// A review with no day and a statement about an empty scope are shown for what they are, never
/// silently left out or made to sound like good news.
@Suite struct NothingVanishesTests {
  static func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    let steps: [[String]] = [
      ["init"],
      ["theme", "add", "neglect-x", "--name", "Neglect (test)"],
      [
        "review", "add", "--id", "RR-X-01", "--kind", "rapidReview", "--title", "Child X", "--theme",
        "neglect-x",
      ],
      ["finding", "add", "RR-X-01", "--text", "No one saw the home", "--theme", "neglect-x"],
    ]
    for step in steps {
      let outcome = runTracker(step, data: path)
      #expect(outcome.status == 0, "\(step): \(outcome.err)")
    }
    return path
  }

  @Test func anUndatedReviewIsWarnedOfAndListedAsUndated() throws {
    let path = try Self.store()
    let validate = runTracker(["validate"], data: path)
    #expect(validate.out.contains("review RR-X-01 has no day recorded"), "\(validate.out)")
    let themes = runTracker(["report", "themes", "--format", "json"], data: path)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(themes.out.utf8)) as? [String: Any])
    #expect(json["undatedReviews"] as? [String] == ["RR-X-01 (Child X)"])
    let text = runTracker(["report", "themes"], data: path)
    #expect(text.out.contains("Undated"))
    #expect(text.out.contains("RR-X-01 (Child X), undated"))
    let digest = runTracker(["report", "digest", "--year", "2025"], data: path)
    #expect(digest.out.contains("so in no reporting year"))
    #expect(digest.out.contains("RR-X-01 (Child X)"))
  }

  @Test func statementsAboutAnEmptyScopeSaySo() throws {
    let path = try Self.store()
    let digest = runTracker(["report", "digest", "--year", "2025"], data: path)
    #expect(digest.out.contains("No review was published in the year"))
    #expect(!digest.out.contains("Every review published in the year had learning delivered"))
    let dissemination = runTracker(["report", "dissemination"], data: path)
    #expect(dissemination.out.contains("No review in scope is published"))
    let progress = runTracker(["report", "progress"], data: path)
    #expect(progress.out.contains("No review in scope is published yet"))
    let smart = runTracker(["check", "smart"], data: path)
    #expect(smart.out.contains("No action in scope to check."), "\(smart.out)")
  }
}
