import Foundation
import LearningModel
import LearningStore
import Testing

/// `review update`: a review added on the day its Rapid Review met is completed and corrected later,
/// each change landing where the store format says, the store valid after every step.
@Suite struct ReviewUpdateTests {
  static func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "review", "add", "--id", "RR-2026-01", "--title", "Chlid P", "--kind", "rapidReview", "--aware",
          "2026-02-02", "--notified", "2026-02-04",
        ], data: path
      ).status == 0)
    return path
  }

  static func review(_ path: String) throws -> Review {
    try #require(try StoreReader.read(path: path).tracker.reviews.first { $0.id == "RR-2026-01" })
  }

  @Test func aRapidReviewIsCompletedAndCorrectedLater() throws {
    let path = try Self.store()
    let steps: [[String]] = [
      ["--title", "Child P"],
      ["--decision", "2026-02-20", "--rapid-review", "2026-02-20", "--rapid-review-outcome", "lcspr"],
      ["--add-theme", "voice-of-the-child", "--add-category", "neglect-recent"],
      ["--notification-type", "seriousHarm", "--summary", "A baby known to health visiting."],
      ["--published", "2026-09-01"],
      ["--clear", "published", "--remove-category", "neglect-recent"],
    ]
    for step in steps {
      let outcome = runTracker(["review", "update", "RR-2026-01"] + step, data: path)
      #expect(outcome.status == 0, "\(step): \(outcome.err)")
      #expect(runTracker(["validate"], data: path).status == 0, "\(step)")
    }
    let review = try Self.review(path)
    #expect(review.title == "Child P")
    #expect(review.dates.decision == CalendarDay("2026-02-20"))
    #expect(review.dates.published == nil)
    #expect(review.rapidReviewOutcome == .lcspr)
    #expect(review.notificationType == .seriousHarm)
    #expect(review.themes == ["voice-of-the-child"])
    #expect(review.categories.isEmpty)
    // Undo steps back one command at a time.
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.review(path).dates.published == CalendarDay("2026-09-01"))
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.review(path).dates.published == nil)
    #expect(runTracker(["redo"], data: path).status == 0)
    #expect(try Self.review(path).dates.published == CalendarDay("2026-09-01"))
  }

  @Test func mistakesAreRefusedNamingTheOptionAndNothingChanges() throws {
    let path = try Self.store()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let cases: [([String], String)] = [
      (["--add-theme", "voice-of-teh-child"], "did you mean voice-of-the-child?"),
      (["--clear", "decison"], "did you mean decision?"),
      (
        ["--published", "2026-01-01", "--decision", "2026-02-20"],
        "--published 2026-01-01 is before --decision 2026-02-20"
      ),
      (["--remove-theme", "safe-sleep"], "does not carry theme"),
      (["--follows", "RR-2099-01"], "--follows: no review"),
      ([], "give at least one thing to change"),
      (["--embargo", "Criminal proceedings", "--lift-embargo"], "--embargo"),
    ]
    for (arguments, message) in cases {
      let outcome = runTracker(["review", "update", "RR-2026-01"] + arguments, data: path)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.err.contains(message), "\(arguments): \(outcome.err)")
    }
    let unknown = runTracker(["review", "update", "RR-2026-O1", "--title", "X"], data: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("did you mean RR-2026-01?"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func anEmbargoWithholdsLearningUntilLifted() throws {
    let path = try Self.store()
    let placed = runTracker(
      ["review", "update", "RR-2026-01", "--embargo", "Criminal proceedings"], data: path, today: "2026-03-02"
    )
    #expect(placed.status == 0, "\(placed.err)")
    #expect(try Self.review(path).embargo?.reason == "Criminal proceedings")
    let lifted = runTracker(
      ["review", "update", "RR-2026-01", "--lift-embargo"], data: path, today: "2026-05-01")
    #expect(lifted.status == 0, "\(lifted.err)")
    #expect(try Self.review(path).embargo?.lifted == CalendarDay("2026-05-01"))
  }
}
