import Foundation
import Testing

/// A change refused because of what the user typed names the option and the value, and where the
/// value it was compared with came from; the store is left as it was.
@Suite struct RefusalWordingTests {
  /// A store with one review, one recommendation and one action agreed on 2026-11-01.
  static func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    let steps: [[String]] = [
      ["init"],
      ["review", "add", "--id", "RR-2026-01", "--kind", "rapidReview", "--title", "Child A"],
      ["review", "update", "RR-2026-01", "--decision", "2026-03-01", "--published", "2026-09-01"],
      ["recommendation", "add", "RR-2026-01/R1", "--text", "Share chronologies", "--agency", "la"],
      [
        "action", "add", "RR-2026-01/1.1", "--recommendation", "R1", "--description", "Audit chronologies",
        "--owner", "la", "--due", "2027-03-31", "--agreed", "2026-11-01",
      ],
    ]
    for step in steps {
      let outcome = runTracker(step, data: path, today: "2026-11-23")
      #expect(outcome.status == 0, "\(step): \(outcome.err)")
    }
    return path
  }

  @Test(arguments: [
    (
      [
        "action", "add", "RR-2026-01/1.2", "--recommendation", "R1", "--description", "Train staff",
        "--owner", "la", "--due", "2020-07-01",
      ],
      "--due 2020-07-01 is before --agreed, which defaulted to today, 2026-11-23"
    ),
    (
      [
        "action", "add", "RR-2026-01/1.2", "--recommendation", "R1", "--description", "Train staff",
        "--owner", "la", "--due", "2026-05-01", "--agreed", "2026-06-01",
      ],
      "--due 2026-05-01 is before --agreed 2026-06-01"
    ),
    (
      ["action", "update", "RR-2026-01/1.1", "--status", "inProgress", "--date", "2026-10-01"],
      "--date 2026-10-01 is before the agreed day already recorded, 2026-11-01"
    ),
    (
      ["action", "update", "RR-2026-01/1.1", "--due", "2026-10-01", "--reason", "Staff shortage"],
      "--due 2026-10-01 is before the agreed day already recorded, 2026-11-01"
    ),
    (
      ["review", "update", "RR-2026-01", "--decision", "2026-10-01"],
      "--decision 2026-10-01 is after the published day already recorded, 2026-09-01"
    ),
    (
      ["review", "update", "RR-2026-01", "--published", "2026-02-01"],
      "--published 2026-02-01 is before the decision day already recorded, 2026-03-01"
    ),
    (
      [
        "review", "add", "--id", "LCSPR-2026-01", "--kind", "lcspr", "--title", "Child A", "--follows",
        "RR-2026-10",
      ],
      "--follows RR-2026-10: unknown review \"RR-2026-10\"; did you mean RR-2026-01?"
    ),
  ])
  func namesTheOptionAndLeavesTheStore(arguments: [String], message: String) throws {
    let path = try Self.store()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let outcome = runTracker(arguments, data: path, today: "2026-11-23")
    #expect(outcome.status == 64)
    #expect(outcome.err.contains(message), "\(outcome.err)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
