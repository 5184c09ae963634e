import Foundation
import LearningModel
import LearningReports
import LearningStore
import Testing

/// Findings that come back and learning that lands, through the command line: links between
/// findings, workforce, reach by agency, evaluation and follow-up, each added, corrected, cleared
/// and undone, and shown in `report repeats` and `report dissemination`.
@Suite struct LearningThatLandsTests {
  func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    for (id, published) in [("L-2023", "2023-06-01"), ("L-2025", "2025-09-01")] {
      #expect(
        runTracker(
          [
            "review", "add", "--id", id, "--title", "Child \(id)", "--kind", "lcspr", "--published",
            published,
          ],
          data: path
        ).status == 0)
    }
    #expect(
      runTracker(
        [
          "finding", "add", "L-2023", "--text",
          "Practitioners measured each episode of neglect against the last one rather than the child's needs",
        ], data: path
      ).status == 0)
    #expect(
      runTracker(["finding", "add", "L-2023", "--text", "Supervision focused on throughput"], data: path)
        .status == 0)
    return path
  }

  @Test func aRecordedLinkPutsTwoFindingsInOneFamily() throws {
    let path = try store()
    #expect(
      runTracker(
        ["finding", "add", "L-2025", "--text", "Neglect was again judged episode by episode"], data: path
      ).status == 0)
    let before = runTracker(["report", "repeats", "--format", "json", "--as-of", "2026-01-01"], data: path)
    #expect(!before.out.contains("\"earliest\" : \"L-2023/F1\""))
    let link = runTracker(["finding", "update", "L-2025/F1", "--repeats", "L-2023/F1"], data: path)
    #expect(link.status == 0, "\(link.err)")
    let after = runTracker(["report", "repeats", "--format", "json", "--as-of", "2026-01-01"], data: path)
    #expect(after.out.contains("\"earliest\" : \"L-2023/F1\""))
    #expect(after.out.contains("\"link\" : \"confirmed\""))
    let text = runTracker(["report", "repeats", "--as-of", "2026-01-01"], data: path).out
    #expect(text.contains("Findings that come back") && text.contains("confirmed"))
    // As a spreadsheet, the findings' families are a file of their own beside the recommendations'.
    let csv = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("repeats.csv")
    #expect(
      runTracker(["report", "repeats", "--as-of", "2026-01-01", "--output", csv.path], data: path).status == 0
    )
    let findingsCSV = try String(
      contentsOf: csv.deletingLastPathComponent().appendingPathComponent(
        "repeats-findings-that-come-back-by-family.csv"), encoding: .utf8)
    #expect(findingsCSV.contains("L-2023/F1,L-2025/F1,2025-09-01,"))
    #expect(findingsCSV.contains(",L-2023/F1,confirmed,"))
    // A later finding cannot be the earlier one; an unknown one is refused with "did you mean".
    let backwards = runTracker(["finding", "update", "L-2023/F2", "--repeats", "L-2025/F1"], data: path)
    #expect(backwards.status != 0 && backwards.err.contains("not earlier"))
    let unknown = runTracker(["finding", "update", "L-2025/F1", "--repeats", "L-2023/F9"], data: path)
    #expect(unknown.status == 64 && unknown.err.contains("no finding L-2023/F9"))
    // Cleared, and the clearing undone.
    #expect(runTracker(["finding", "update", "L-2025/F1", "--clear", "repeats"], data: path).status == 0)
    #expect(try StoreReader.read(path: path).tracker.reviews[1].findings[0].repeats == nil)
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try StoreReader.read(path: path).tracker.reviews[1].findings[0].repeats == "L-2023/F1")
  }

  @Test func addingANearCopyNamesTheEarlierFinding() throws {
    let path = try store()
    let added = runTracker(
      [
        "finding", "add", "L-2025", "--text",
        "Practitioners again measured each episode of neglect against the last one rather than the child's needs",
      ], data: path)
    #expect(added.status == 0)
    #expect(added.err.contains("L-2023/F1 ("))
    #expect(!added.err.contains("L-2023/F2"))
  }

  @Test func coverageAndEvaluationShowFromTheDayOfDelivery() throws {
    let path = try store()
    #expect(runTracker(["agency", "update", "la", "--workforce", "400"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "dissemination", "add", "--id", "D1", "--method", "seven-minute-briefing", "--title",
          "Seeing the child",
          "--date", "2025-10-01", "--review", "L-2025", "--audience", "la",
        ], data: path
      ).status == 0)
    // Nothing about landing before delivery.
    #expect(
      runTracker(["dissemination", "update", "D1", "--responses", "10", "--rating", "4"], data: path).status
        != 0)
    let delivered = runTracker(
      [
        "dissemination", "update", "D1", "--status", "delivered", "--reach-by", "la=100", "--reach-by",
        "police=20",
        "--responses", "40", "--rating", "4.5", "--will-change", "30",
      ], data: path)
    #expect(delivered.status == 0, "\(delivered.err)")
    var activity = try StoreReader.read(path: path).tracker.disseminations[0]
    #expect(activity.reach == 120)
    #expect(
      activity.reachByAgency == [
        AgencyReach(agency: "la", reach: 100), AgencyReach(agency: "police", reach: 20),
      ])
    #expect(activity.evaluation == DisseminationEvaluation(responses: 40, rating: 4.5, willChange: 30))
    // A follow-up before delivery is refused; after it, kept.
    #expect(
      runTracker(
        ["dissemination", "update", "D1", "--follow-up", "2025-09-01", "--follow-up-note", "Audit"],
        data: path
      ).status != 0)
    #expect(
      runTracker(
        [
          "dissemination", "update", "D1", "--follow-up", "2025-12-01", "--follow-up-note",
          "Audit of 20 cases",
        ],
        data: path
      ).status == 0)
    #expect(runTracker(["dissemination", "update", "D1", "--will-change", "41"], data: path).status != 0)
    #expect(runTracker(["dissemination", "update", "D1", "--rating", "0.5"], data: path).status == 64)

    let onTheDay = runTracker(
      ["report", "dissemination", "--format", "json", "--as-of", "2025-10-01"], data: path)
    #expect(onTheDay.out.contains("\"attendedCoverage\" : 25"))
    #expect(onTheDay.out.contains("\"averageRating\" : 4.5"))
    #expect(onTheDay.out.contains("\"withoutFollowUp\" : [\n    \"D1\""))
    let before = runTracker(
      ["report", "dissemination", "--format", "json", "--as-of", "2025-09-30"], data: path)
    #expect(!before.out.contains("attendedCoverage"))
    #expect(!before.out.contains("\"averageRating\" : 4.5"))
    let later = runTracker(
      ["report", "dissemination", "--as-of", "2025-12-31", "--format", "markdown"], data: path
    ).out
    #expect(later.contains("Audit of 20 cases") && later.contains("25%"))

    // Cleared with history, and undone.
    #expect(runTracker(["dissemination", "update", "D1", "--clear", "evaluation"], data: path).status == 0)
    activity = try StoreReader.read(path: path).tracker.disseminations[0]
    #expect(activity.evaluation == nil)
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try StoreReader.read(path: path).tracker.disseminations[0].evaluation != nil)
    #expect(runTracker(["agency", "update", "la", "--clear", "workforce"], data: path).status == 0)
    #expect(try StoreReader.read(path: path).tracker.agencies.first { $0.id == "la" }?.workforce == nil)
  }
}

/// The 7-minute briefing: seven numbered boxes for practitioners.
@Suite struct SevenMinuteBriefingTests {
  func seeds() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    try FileManager.default.copyItem(
      atPath: packageRoot.appendingPathComponent("Seeds/tracker.json").path, toPath: path)
    return path
  }

  @Test func sevenNumberedBoxesWithHeadingsAsWritten() throws {
    let path = try seeds()
    let arguments = ["report", "briefing", "--review", "LCSPR-2025-02", "--as-of", "2026-11-20"]
    let markdown = runTracker(arguments + ["--format", "markdown"], data: path)
    #expect(markdown.status == 0, "\(markdown.err)")
    let headings = markdown.out.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## 1. Background", "## 2. Why it matters", "## 3. What happened", "## 4. What we learned",
        "## 5. Good practice", "## 6. Questions for reflection", "## 7. What to do",
      ])
    #expect(!markdown.out.contains("case(s)"))
    // The recorded link: the finding made before is named in "Why it matters".
    #expect(markdown.out.contains("Found before: Children K"))
    #expect(markdown.out.contains("Read the full report"))
    let html = runTracker(arguments + ["--format", "html"], data: path).out
    #expect(html.contains("<body class=\"briefing\">"))
    #expect(html.components(separatedBy: "<section>").count - 1 == 7)
  }

  @Test func anUnpublishedReviewIsNotSentToTheWebsite() throws {
    let path = try seeds()
    let briefing = runTracker(
      ["report", "briefing", "--review", "LCSPR-2025-02", "--as-of", "2025-08-01", "--include-unpublished"],
      data: path)
    #expect(briefing.status == 0, "\(briefing.err)")
    #expect(!briefing.out.contains("Read the full report"))
    #expect(briefing.out.contains("not yet published"))
  }
}
