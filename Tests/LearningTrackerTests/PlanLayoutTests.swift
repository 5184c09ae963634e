import Foundation
import LearningModel
import LearningStore
import Testing

/// Plans in the layouts partnerships really keep, brought in with a rules file; and the history a
/// re-import keeps.
@Suite struct PlanLayoutTests {
  let plans = PlanImportTests()
  static let folder = testsFolder.appendingPathComponent("PlanLayouts")

  func fixture(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

  func run(_ arguments: [String], _ store: URL, today: String = PlanImportTests.today) -> Outcome {
    runTracker(arguments, data: store.path, today: today)
  }

  func importPlan(_ file: String, _ store: URL, _ extra: [String] = []) -> Outcome {
    run(["import", "plan", file, "--review", PlanImportTests.review, "--by", "Business unit"] + extra, store)
  }

  func action(_ id: String, _ store: URL, asOf: String = PlanImportTests.today) throws -> [String: Any] {
    let outcome = run(
      ["action", "list", "--review", PlanImportTests.review, "--as-of", asOf, "--format", "json"], store)
    try #require(outcome.status == 0, "\(outcome.err)")
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.out.utf8)) as? [[String: Any]])
    return try #require(list.first { $0["reference"] as? String == "\(PlanImportTests.review)/\(id)" })
  }

  @Test func withoutRulesEveryUnknownHeaderIsNamedAndNothingChanges() throws {
    let store = try plans.freshStore()
    let before = try plans.bytes(store)
    let outcome = importPlan(fixture("own-layout.csv"), store)
    #expect(outcome.status == 65)
    for header in [
      "Person responsible", "Progress to date", "RAG rating", "Evidence to be provided",
      "Date of completion and outcome", "Rec No.",
    ] {
      #expect(
        outcome.err.contains("column \"\(header)\": a column the plan layout does not read"), "\(header)")
    }
    #expect(outcome.err.contains("--suggest-rules"))
    #expect(try plans.bytes(store) == before)
  }

  @Test func theSuggestedRulesNameEveryHeaderAndEveryValueNotUnderstood() throws {
    let store = try plans.freshStore()
    let outcome = run(["import", "plan", fixture("own-layout.csv"), "--suggest-rules"], store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("skip 2\n"))
    #expect(outcome.out.contains("column \"Person responsible\" = owning agencies\n"))
    #expect(outcome.out.contains("column \"RAG rating\" = reported rating\n"))
    #expect(outcome.out.contains("if \"RAG rating\" is \"Categories 1-4\"\n  reported rating = ?\n"))
    #expect(outcome.out.contains("if \"Person responsible\" is \"Police / Health\"\n"))
  }

  @Test func aPlanInTheBusinessUnitsOwnLayoutImportsWithTwentyLinesOfRules() throws {
    let store = try plans.freshStore()
    let rules = fixture("own-layout.rules")
    #expect(try String(contentsOfFile: rules, encoding: .utf8).split(separator: "\n").count <= 20)
    let dry = importPlan(fixture("own-layout.csv"), store, ["--rules", rules, "--dry-run"])
    #expect(dry.status == 0, "\(dry.err)")
    #expect(dry.out.contains("row 4: heading Recommendation 1"), "\(dry.out)")
    #expect(dry.out.contains("row 5: new \(PlanImportTests.review)/1.1"))
    let outcome = importPlan(fixture("own-layout.csv"), store, ["--rules", rules])
    #expect(outcome.status == 0, "\(outcome.err)")
    // Two recommendations, not four: headings are not records, and a final full stop is the same text.
    #expect(outcome.err.contains("2 recommendations added, 5 actions added"), "\(outcome.err)")
    let first = try action("1.1", store)
    #expect(first["owner"] as? String == "la")
    #expect(first["due"] as? String == "2027-03-31")
    #expect(first["status"] as? String == "inProgress")
    // The merged cell: 1.2 continues recommendation 1, owned jointly, due by the end of March 2027.
    let second = try action("1.2", store)
    #expect(second["owner"] as? String == "police")
    #expect(second["jointOwners"] as? [String] == ["icb"])
    #expect(second["due"] as? String == "2027-03")
    let third = try action("1.3", store)
    #expect(third["owner"] as? String == "la")
    #expect(third["jointOwners"] as? [String] == ["police", "icb"])
    #expect(third["due"] as? String == "tbc")
    let relaunch = try action("2.1", store)
    #expect(relaunch["status"] as? String == "completed")
    #expect(relaunch["due"] as? String == "2026-09-30")
    let audit = try action("2.2", store)
    #expect(audit["owner"] as? String == "icb")
    #expect(audit["due"] as? String == "2027-01-31")
    // Imported twice, nothing changes.
    let again = importPlan(fixture("own-layout.csv"), store, ["--rules", rules])
    #expect(again.err.contains("0 recommendations added, 0 actions added, 0 corrections, 0 updates"))
  }

  @Test func onePlanRowPerRecommendationWithDatedProgressColumnsInExcelUnicodeText() throws {
    let store = try plans.freshStore()
    let outcome = importPlan(
      fixture("per-recommendation.txt"), store,
      ["--rules", fixture("per-recommendation.rules"), "--date", "2026-07-01"])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("2 recommendations added, 2 actions added"), "\(outcome.err)")
    let first = try action("1.1", store)
    #expect((first["description"] as? String)?.contains("lived experience") == true)
    #expect(first["owner"] as? String == "la")
    #expect(try action("2.1", store, asOf: "2026-07-01")["status"] as? String == "completed")
    let shown = run(["action", "show", "\(PlanImportTests.review)/2.1"], store)
    #expect(shown.out.contains("2026-03-31"), "\(shown.out)")
    #expect(shown.out.contains("Protocol in use – see board paper"))
  }

  @Test func aReimportThatMovesTheDueDayKeepsTheActionOverdueAsOfTheDaysBefore() throws {
    let store = try plans.freshStore()
    let header = "Recommendation,Action reference,Action,Owning agencies,Due,Status,Latest note,Note day\n"
    let first = header + "Partners should escalate promptly.,1.1,Audit escalations,la,30/09/2026,,,\n"
    let moved =
      header
      + "Partners should escalate promptly.,LCSPR-2026-01/1.1,Audit escalations,la,31/03/2027,,,15/11/2026\n"
    let one = try plans.write(first, named: "one.csv", beside: store)
    let two = try plans.write(moved, named: "two.csv", beside: store)
    #expect(importPlan(one.path, store).status == 0)
    let outcome = importPlan(two.path, store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(
      outcome.out.contains("update action \(PlanImportTests.review)/1.1 2026-11-15: "), "\(outcome.out)")
    #expect(outcome.out.contains("due revised to 2027-03-31"))
    let overdue = run(["report", "overdue", "--as-of", "2026-10-15"], store)
    #expect(overdue.out.contains("\(PlanImportTests.review)/1.1"), "\(overdue.out)")
    let after = run(["report", "overdue", "--as-of", "2026-11-20"], store)
    #expect(!after.out.contains("\(PlanImportTests.review)/1.1"), "\(after.out)")
    #expect(try action("1.1", store, asOf: "2026-10-15")["due"] as? String == "2026-09-30")
    #expect(try action("1.1", store)["due"] as? String == "2027-03-31")
    // An empty Due leaves the due day in force as it is.
    let empty = header + "Partners should escalate promptly.,1.1,Audit escalations,la,,,,\n"
    let unchanged = importPlan(try plans.write(empty, named: "three.csv", beside: store).path, store)
    #expect(unchanged.err.contains("0 corrections, 0 updates"), "\(unchanged.err)")
  }

  @Test func aStatusWithoutANoteIsDatedByItsNoteDay() throws {
    let store = try plans.freshStore()
    let text = """
      Recommendation,Action reference,Action,Owning agencies,Due,Status,Latest note,Note day
      Partners should escalate promptly.,1.1,Audit escalations,la,30/09/2026,,,
      """
    #expect(importPlan(try plans.write(text + "\n", named: "one.csv", beside: store).path, store).status == 0)
    let done = text.replacingOccurrences(of: "30/09/2026,,,", with: "30/09/2026,Complete,,01/09/2026") + "\n"
    let outcome = importPlan(try plans.write(done, named: "two.csv", beside: store).path, store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(try action("1.1", store, asOf: "2026-09-02")["status"] as? String == "completed")
  }
}
