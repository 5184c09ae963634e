import Foundation
import LearningModel
import LearningStore
import Testing

/// `action add` and `action update` with plans as published: joint owners, a due month or TBC,
/// the evidence planned and the agency's own rating; mistakes refused naming the option.
@Suite struct PlanCommandTests {
  static func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-2026-01", "--title", "Child A", "--kind", "rapidReview"], data: path
      ).status == 0)
    #expect(
      runTracker(
        [
          "recommendation", "add", "RR-2026-01/R1", "--text", "Share information", "--agency", "police",
          "--agency", "la", "--response", "accepted",
        ], data: path
      ).status == 0)
    return path
  }

  static func action(_ path: String, _ id: String) throws -> Action {
    let tracker = try StoreReader.read(path: path).tracker
    return try #require(tracker.reviews.first?.recommendations.first?.actions.first { $0.id == id })
  }

  static func add(_ id: String, _ extra: [String], data path: String) -> Outcome {
    runTracker(
      [
        "action", "add", "RR-2026-01/\(id)", "--recommendation", "R1", "--description",
        "Joint audit of strategy discussions", "--owner", "la", "--lead", "Head of service", "--measure",
        "Audit of 20 strategy discussions", "--agreed", "2026-02-01",
      ] + extra, data: path)
  }

  @Test func anActionIsAddedWithAJointOwnerAMonthAndPlannedEvidence() throws {
    let path = try Self.store()
    let added = Self.add(
      "1.1",
      [
        "--joint-owner", "police", "--due", "2026-06", "--evidence-planned",
        "Audit report to the QA subgroup",
      ],
      data: path)
    #expect(added.status == 0, "\(added.err)")
    let action = try Self.action(path, "1.1")
    #expect(action.owners == ["la", "police"])
    #expect(action.due.storeText == "2026-06")
    #expect(action.due.day == CalendarDay("2026-06-30"))
    #expect(action.evidencePlanned == "Audit report to the QA subgroup")
    let shown = runTracker(["action", "show", "RR-2026-01/1.1", "--as-of", "2026-03-01"], data: path)
    #expect(shown.out.contains("Joint owners:       police"))
    #expect(shown.out.contains("Original due:       June 2026"))
    #expect(shown.out.contains("Evidence planned:   Audit report to the QA subgroup"))
    // The joint owner's chase list and return sheet both carry it.
    let chase = runTracker(
      ["report", "overdue", "--agency", "police", "--as-of", "2026-07-15", "--format", "csv"], data: path)
    #expect(chase.status == 0, "\(chase.err)")
    #expect(chase.out.contains("RR-2026-01/1.1"))
    let listed = runTracker(["action", "list", "--agency", "police", "--as-of", "2026-03-01"], data: path)
    // Both owners by name, joined with "+" (the column wraps the names).
    #expect(listed.out.contains("Local authority"))
    #expect(listed.out.contains("children's services +"))
    #expect(listed.out.contains("Police\n"))
    #expect(!listed.out.contains("la + police"))
  }

  @Test func anActionDueTBCGetsItsFirstDayWithoutASlip() throws {
    let path = try Self.store()
    #expect(Self.add("1.2", ["--due", "tbc"], data: path).status == 0)
    #expect(try Self.action(path, "1.2").due == .notYetSet)
    let overdue = runTracker(["report", "overdue", "--as-of", "2026-11-20"], data: path)
    #expect(overdue.out.contains("Not yet time-bound"))
    #expect(overdue.out.contains("RR-2026-01/1.2"))
    let smart = runTracker(["check", "smart"], data: path)
    #expect(smart.out.contains("T: no due day yet (TBC)"))
    let set = runTracker(
      [
        "action", "update", "RR-2026-01/1.2", "--due", "2026-09", "--reason", "Audit tool agreed", "--date",
        "2026-03-01",
      ], data: path)
    #expect(set.status == 0, "\(set.err)")
    let shown = runTracker(["action", "show", "RR-2026-01/1.2", "--as-of", "2026-03-02"], data: path)
    #expect(shown.out.contains("Due:       September 2026 (by 2026-09-30)"))
    #expect(!shown.out.contains("slipped"))
    let state = try Self.action(path, "1.2").state(
      asOf: CalendarDay("2026-03-02") ?? .init(dayNumber: 0), settings: Settings(), heardFrom: nil)
    #expect(state.slips == 0)
    #expect(state.due.day == CalendarDay("2026-09-30"))
  }

  @Test func theAgencysOwnRatingIsRecordedAndShown() throws {
    let path = try Self.store()
    #expect(Self.add("1.3", ["--due", "2026-04-30"], data: path).status == 0)
    let update = runTracker(
      [
        "action", "update", "RR-2026-01/1.3", "--reported", "green", "--note", "All on track", "--date",
        "2026-06-01",
      ],
      data: path)
    #expect(update.status == 0, "\(update.err)")
    #expect(try Self.action(path, "1.3").updates.last?.reported == .green)
    let shown = runTracker(["action", "show", "RR-2026-01/1.3", "--as-of", "2026-06-01"], data: path)
    #expect(shown.out.contains("Agency's rating: Green (better than the derived rating)"))
    #expect(shown.out.contains("agency rates Green"))
    let progress = runTracker(["report", "progress", "--as-of", "2026-06-01"], data: path)
    #expect(progress.out.contains("Agency rates better than the rules"))
    #expect(progress.out.contains("RR-2026-01/1.3"))
    // Only the rating is enough for an update.
    #expect(
      runTracker(
        ["action", "update", "RR-2026-01/1.3", "--reported", "amber", "--date", "2026-06-02"], data: path
      )
      .status == 0)
  }

  @Test func mistakesAreRefusedNamingTheOptionAndNothingChanges() throws {
    let path = try Self.store()
    #expect(Self.add("1.1", ["--due", "2026-06"], data: path).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let cases: [([String], String)] = [
      (["--due", "2026-13"], "--due: \"2026-13\" is not a due day"),
      (["--due", "soon"], "YYYY-MM (the last day of that month) or tbc"),
      (
        ["--due", "tbc", "--joint-owner", "polise"],
        "--joint-owner polise: unknown agency \"polise\"; did you mean police?"
      ),
      (
        ["--due", "tbc", "--joint-owner", "la"],
        "--joint-owner la: joint owner \"la\" of action RR-2026-01/1.9 is already its owner"
      ),
      (["--due", "tbc", "--joint-owner", "police", "--joint-owner", "police"], "is listed twice"),
    ]
    for (extra, message) in cases {
      let outcome = Self.add("1.9", extra, data: path)
      #expect(outcome.status == 64, "\(extra)")
      #expect(outcome.err.contains(message), "\(extra): \(outcome.err)")
    }
    let rating = runTracker(["action", "update", "RR-2026-01/1.1", "--reported", "yellow"], data: path)
    #expect(rating.status == 64)
    #expect(rating.err.contains("--reported: \"yellow\""))
    let revise = runTracker(["action", "update", "RR-2026-01/1.1", "--due", "2026-02"], data: path)
    #expect(revise.status == 64)
    #expect(revise.err.contains("--reason"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func theBuiltProgramTakesTheNewOptions() throws {
    let folder = try temporaryFolder()
    let path = try Self.store()
    let copy = folder.appendingPathComponent("tracker.json").path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    let added = try runBinary(
      [
        "--data", copy, "action", "add", "RR-2026-01/2.1", "--recommendation", "R1", "--description",
        "Joint training on escalation for police and social workers", "--owner", "police", "--joint-owner",
        "la",
        "--due", "TBC", "--agreed", "2026-02-01",
      ], in: folder)
    #expect(added.status == 0, "\(added.err)")
    let returns = try runBinary(
      [
        "--data", copy, "export", "returns", "--all", folder.appendingPathComponent("returns").path,
        "--as-of", "2026-03-01",
      ],
      in: folder)
    #expect(returns.status == 0, "\(returns.err)")
    for agency in ["police", "la"] {
      let sheet = try String(
        contentsOf: folder.appendingPathComponent("returns/\(agency).csv"), encoding: .utf8)
      #expect(sheet.contains("RR-2026-01/2.1"), "\(agency)")
      #expect(sheet.contains("TBC"), "\(agency)")
    }
  }
}
