import Foundation
import Testing

/// The yearly and published reports a board signs: one count of Rapid Reviews, agencies by name,
/// the published plan's lead agency and planned evidence, and demo days that tell a true story.
@Suite struct BoardReportDefectsTests {
  static var seeds: String { packageRoot.appendingPathComponent("Seeds/tracker.json").path }

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let outcome = runTracker(arguments + ["--format", "json", "--data", seeds])
    #expect(outcome.status == 0, "\(outcome.err)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.out.utf8)) as? [String: Any])
  }

  /// How many Rapid Reviews a summary of the timeliness clocks counts.
  static func rapidReviews(_ summaries: Any?) -> Int {
    let rows = (summaries as? [[String: Any]]) ?? []
    return rows.filter { $0["clock"] as? String == "rapidReview" }.reduce(0) { sum, row in
      sum + ["met", "missed", "pending", "notRecorded"].reduce(0) { $0 + ((row[$1] as? Int) ?? 0) }
    }
  }

  @Test(arguments: [2023, 2024, 2025])
  func theAnnualChapterCountsTheRapidReviewsTheDigestCounts(year: Int) throws {
    let asOf = "2026-11-20"
    let annual = try Self.json(["report", "annual", "--year", String(year), "--as-of", asOf])
    let digest = try Self.json(["report", "digest", "--year", String(year), "--as-of", asOf])
    let current = try #require(annual["current"] as? [String: Any])
    #expect(current["rapidReviews"] as? Int == Self.rapidReviews(digest["timeliness"]))
  }

  @Test func theRapidReviewInsideAnLCSPRRecordCounts() throws {
    // LCSPR-2026-01 holds its own Rapid Review (it follows no Rapid Review record).
    let annual = try Self.json(["report", "annual", "--year", "2025", "--as-of", "2026-11-20"])
    let current = try #require(annual["current"] as? [String: Any])
    #expect(current["rapidReviews"] as? Int == 1)
    let listed = (annual["rapidReviews"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(listed == ["LCSPR-2026-01"])
  }

  @Test func mostDemoRapidReviewsAreOnTimeAndTheLateOneSaysWhy() throws {
    let outcome = runTracker(
      ["report", "timeliness", "--as-of", "2026-11-20", "--format", "markdown", "--data", Self.seeds])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("7 of 8 Rapid Reviews within 15 working days"))
    let shown = runTracker(["review", "show", "RR-2024-02", "--as-of", "2026-11-20", "--data", Self.seeds])
    let seeds = try String(contentsOfFile: Self.seeds, encoding: .utf8)
    #expect(shown.status == 0)
    #expect(seeds.contains("Rapid Review template sent to the National Panel 4 working days late"))
  }

  @Test func yearlyReportsNameTheAgencies() throws {
    for arguments in [
      ["report", "annual", "--year", "2025", "--as-of", "2026-11-20", "--format", "markdown"],
      ["report", "assurance", "--as-of", "2026-11-20", "--format", "markdown"],
      ["report", "plan", "--review", "LCSPR-2024-06", "--as-of", "2026-11-20", "--format", "markdown"],
    ] {
      let outcome = runTracker(arguments + ["--data", Self.seeds])
      #expect(outcome.status == 0, "\(outcome.err)")
      for id in ["la", "police", "icb", "education", "probation"] {
        #expect(!outcome.out.contains("| \(id) |"), "\(arguments[1]) shows the agency ID \(id) in a table")
        #expect(!outcome.out.contains("(\(id))"), "\(arguments[1]) shows the agency ID \(id)")
      }
    }
  }

  @Test(arguments: ["markdown", "html"])
  func thePublishedPlanShowsTheLeadAgencyAndPlannedEvidence(format: String) throws {
    let outcome = runTracker([
      "report", "plan", "--review", "LCSPR-2024-06", "--as-of", "2026-11-20", "--format", format, "--data",
      Self.seeds,
    ])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("Lead agency"))
    #expect(outcome.out.contains("Planned evidence"))
    #expect(outcome.out.contains("Northshire Police"))
    if format == "markdown" {
      // Every row has as many cells as the header.
      let rows = outcome.out.split(separator: "\n").filter { $0.hasPrefix("| ") }
      let header = try #require(rows.first { $0.contains("Lead agency") })
      let width = header.components(separatedBy: " | ").count
      for row in rows where !row.hasPrefix("| ---") && row.contains("LCSPR-2024-06/") {
        #expect(row.components(separatedBy: " | ").count == width, "\(row)")
      }
    }
  }

  @Test func theReturnsSheetShowsTheCurrentEscalation() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("education.csv").path
    let outcome = runTracker([
      "export", "returns", "--agency", "education", "--as-of", "2026-11-20", "--output", file, "--data",
      Self.seeds,
    ])
    #expect(outcome.status == 0, "\(outcome.err)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains(",Escalation,Escalated to,"))
    // As the overdue report shows it: the level, the day, the reply due and late, and to whom.
    let row = try #require(text.split(separator: "\r\n").first { $0.contains("MAA-2024-01/2.1") })
    #expect(row.contains("2026-10-15; reply due 2026-11-05 (late)"))
    #expect(row.contains("Education safeguarding lead"))
    // Before the escalation, the sheet shows none.
    let before = runTracker([
      "export", "returns", "--agency", "education", "--as-of", "2026-10-01", "--output", file, "--data",
      Self.seeds,
    ])
    #expect(before.status == 0, "\(before.err)")
    #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("reply due"))
  }
}
