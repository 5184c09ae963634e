import Foundation
import LearningModel
import LearningStore
import Testing

/// `report plan --format csv` carries what a round trip needs: a review's plan written out and
/// imported into a store holding only the review and the agencies gives the same records, history
/// aside.
@Suite struct PlanRoundTripTests {
  static let asOf = "2026-11-20"

  /// What a review's records say, as the plan layout carries them: each recommendation's text,
  /// response, note, agencies and day; each action's fields, and its state as of the day.
  func records(_ store: URL, review id: String) throws -> [String] {
    let tracker = try StoreReader.read(path: store.path).tracker
    let review = try #require(tracker.reviews.first { $0.id == id })
    let day = try #require(CalendarDay(Self.asOf))
    var lines: [String] = []
    for recommendation in review.recommendations {
      lines.append(
        "\(recommendation.id) \(recommendation.text) | \(recommendation.response) | "
          + "\(recommendation.responseNote ?? "") | \(recommendation.agencies) | \(recommendation.responded?.description ?? "")"
      )
      for action in recommendation.actions {
        let state = action.state(asOf: day, settings: tracker.partnership.settings, heardFrom: nil)
        guard state.exists else { continue }
        let latest = action.latestNote(asOf: day)
        lines.append(
          "  \(action.id) \(action.description) | \(action.owners) | \(action.lead ?? "") | "
            + "\(action.evidencePlanned ?? action.measureOfSuccess ?? "") | \(action.agreed?.description ?? "") | "
            + "first due \(action.due) | due \(state.due) | \(state.status) | slips \(state.slips) | "
            + "\(state.brag?.rawValue ?? "withdrawn") | reported \(state.reported?.rawValue ?? "") | "
            + "evidence \(state.evidence) | note \(latest?.date.description ?? "") \(latest?.note ?? "") | "
            + "revisions \(PlanSpreadsheet.revisionsText(action, asOf: day)) | "
            + "evidence days \(PlanSpreadsheet.evidenceText(action, asOf: day))")
      }
    }
    return lines
  }

  @Test(arguments: ["LCSPR-2025-02", "LCSPR-2023-05", "LCSPR-2024-03", "LCSPR-2026-01"])
  func theWrittenPlanImportedIntoAStoreWithoutItGivesTheSameRecords(_ review: String) throws {
    let folder = try temporaryFolder()
    let full = folder.appendingPathComponent("full.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: full)
    let written = runTracker(
      [
        "report", "plan", "--review", review, "--format", "csv", "--include-unpublished", "--as-of",
        Self.asOf,
      ],
      data: full.path, today: Self.asOf)
    try #require(written.status == 0, "\(written.err)")
    let plan = folder.appendingPathComponent("plan.csv")
    try Data(written.out.utf8).write(to: plan)

    // The same store, the review holding no recommendations or actions.
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: full)) as? [String: Any])
    var reviews = try #require(json["reviews"] as? [[String: Any]])
    let index = try #require(reviews.firstIndex { $0["id"] as? String == review })
    reviews[index]["recommendations"] = []
    json["reviews"] = reviews
    let empty = folder.appendingPathComponent("empty.json")
    try JSONSerialization.data(withJSONObject: json).write(to: empty)
    let formatted = runTracker(["format"], data: empty.path, today: Self.asOf)
    try #require(formatted.status == 0, "\(formatted.err)")

    let outcome = runTracker(
      ["import", "plan", plan.path, "--review", review, "--by", "Business unit", "--date", Self.asOf],
      data: empty.path, today: Self.asOf)
    try #require(outcome.status == 0, "\(outcome.err)")
    let before = try records(full, review: review)
    let after = try records(empty, review: review)
    #expect(before.count == after.count)
    for (line, back) in zip(before, after) { #expect(line == back) }
    // Imported again, nothing changes.
    let again = runTracker(
      ["import", "plan", plan.path, "--review", review, "--by", "Business unit", "--date", Self.asOf],
      data: empty.path, today: Self.asOf)
    #expect(
      again.err.contains("0 recommendations added, 0 actions added, 0 corrections, 0 updates"), "\(again.err)"
    )
  }
}
