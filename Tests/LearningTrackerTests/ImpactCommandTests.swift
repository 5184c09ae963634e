import Foundation
import Testing

/// The impact rule at the command line: assurance needs impact evidence or a result, or a reason.
@Suite struct ImpactCommandTests {
  func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-2026-01", "--title", "Child A", "--kind", "rapidReview"], data: path
      )
      .status == 0)
    #expect(
      runTracker(
        [
          "recommendation", "add", "RR-2026-01/R1", "--text", "Share information", "--agency", "police",
          "--response", "accepted",
        ], data: path
      ).status == 0)
    let add = runTracker(
      [
        "action", "add", "RR-2026-01/1.1", "--recommendation", "R1", "--description",
        "Review the referral pathway with every team", "--owner", "police", "--lead", "Detective inspector",
        "--measure", "Dip sample of 20 referrals: pathway used in 90%", "--baseline",
        "55% in the 2025 sample",
        "--target", "90%", "--remeasure", "2026-09-30", "--agreed", "2026-02-01", "--due", "2026-05-31",
      ], data: path)
    #expect(add.status == 0, Comment(rawValue: add.err))
    #expect(
      runTracker(
        [
          "action", "update", "RR-2026-01/1.1", "--status", "completed", "--evidence",
          "Pathway briefing issued",
          "--date", "2026-05-01",
        ], data: path
      ).status == 0)
    return path
  }

  @Test func assuringOnOutputsAloneIsRefusedNamingWhatIsMissing() throws {
    let path = try store()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let refused = runTracker(
      ["action", "update", "RR-2026-01/1.1", "--status", "assured", "--date", "2026-06-01"], data: path)
    #expect(refused.status == 64)
    #expect(refused.err.contains("RR-2026-01/1.1 cannot be marked assured"))
    #expect(refused.err.contains("impact evidence") && refused.err.contains("result"))
    #expect(refused.err.contains("--status assured"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aResultOrImpactEvidenceOrAReasonLetsTheSubgroupAssure() throws {
    let path = try store()
    let result = runTracker(
      [
        "action", "update", "RR-2026-01/1.1", "--status", "assured", "--result",
        "18 of 20 (90%) in the re-sample",
        "--impact-evidence", "Dip sample of 20 referrals, June 2026", "--date", "2026-06-01",
      ], data: path)
    #expect(result.status == 0, Comment(rawValue: result.err))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("\"result\" : \"18 of 20 (90%) in the re-sample\""))
    #expect(text.contains("\"impactEvidence\" : ["))
    #expect(text.contains("\"baseline\" : \"55% in the 2025 sample\""))
    #expect(text.contains("\"remeasure\" : \"2026-09-30\""))

    let other = try store()
    let exception = runTracker(
      [
        "action", "update", "RR-2026-01/1.1", "--status", "assured", "--assure-without-impact",
        "The measure agreed was the briefing itself", "--date", "2026-06-01",
      ], data: other)
    #expect(exception.status == 0, Comment(rawValue: exception.err))
    #expect(
      try String(contentsOfFile: other, encoding: .utf8).contains(
        "\"assuredWithoutImpact\" : \"The measure agreed was the briefing itself\""))
    let misplaced = runTracker(
      ["action", "update", "RR-2026-01/1.1", "--note", "x", "--assure-without-impact", "because"], data: other
    )
    #expect(misplaced.status == 64)
  }

  @Test func assuranceQueueAndAnnualReportRunInEveryFormat() throws {
    let path = try store()
    for format in ["text", "markdown", "html", "csv", "json"] {
      let queue = runTracker(
        ["report", "assurance", "--as-of", "2026-06-01", "--format", format], data: path)
      #expect(queue.status == 0, Comment(rawValue: queue.err))
      #expect(queue.out.contains("RR-2026-01/1.1"))
      let annual = runTracker(["report", "annual", "--year", "2025", "--format", format], data: path)
      #expect(annual.status == 0, Comment(rawValue: annual.err))
      #expect(!annual.out.isEmpty)
    }
  }
}
