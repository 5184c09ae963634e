import Foundation
import LearningModel
import LearningStore
import Testing

/// Plans as LibreOffice and a European Excel really save them (the files under PlanLayouts were
/// written by `soffice --headless --convert-to xlsx` and back to CSV, in a UK locale): each comes in
/// with a short rules file and gives the owners, due days, statuses and ratings a person reads in it.
@Suite struct SavedPlanTests {
  let layouts = PlanLayoutTests()
  let plans = PlanImportTests()

  func lines(_ file: String) throws -> Int {
    try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
  }

  @Test func mergedCellsSavedByLibreOfficeImportWithSixteenLinesOfRules() throws {
    let store = try plans.freshStore()
    let plan = layouts.fixture("child-t-libreoffice.csv")
    let rules = layouts.fixture("child-t.rules")
    #expect(try lines(rules) <= 20)
    let before = try plans.bytes(store)
    let refused = layouts.importPlan(plan, store)
    #expect(refused.status == 65)
    for header in ["Rec No.", "Person responsible", "RAG rating", "Progress to date"] {
      #expect(
        refused.err.contains("column \"\(header)\": a column the plan layout does not read"), "\(header)")
    }
    #expect(try plans.bytes(store) == before)
    let dry = layouts.importPlan(plan, store, ["--rules", rules, "--dry-run"])
    #expect(dry.status == 0, "\(dry.err)")
    #expect(dry.out.contains("row 5: continuation \(PlanImportTests.review)/1.2"), "\(dry.out)")
    let outcome = layouts.importPlan(plan, store, ["--rules", rules])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("2 recommendations added, 4 actions added"), "\(outcome.err)")
    // As a person reads the spreadsheet.
    let expected: [(String, String, [String]?, String, String, String)] = [
      ("1.1", "la", nil, "2027-03-31", "notStarted", "amber"),
      ("1.2", "education", ["police"], "2027-03", "notStarted", "green"),
      ("2.1", "icb", nil, "2027-06-30", "notStarted", "red"),
      ("2.2", "icb", nil, "2027-03-31", "completed", "green"),
    ]
    for (id, owner, joint, due, status, rating) in expected {
      let action = try layouts.action(id, store)
      #expect(action["owner"] as? String == owner, "\(id)")
      #expect(action["jointOwners"] as? [String] == joint, "\(id)")
      #expect(action["due"] as? String == due, "\(id)")
      #expect(action["status"] as? String == status, "\(id)")
      #expect(action["reported"] as? String == rating, "\(id): \(action)")
    }
    // The merged action cell's further note is on the action's log.
    let shown = layouts.run(["action", "show", "\(PlanImportTests.review)/1.2"], store)
    #expect(shown.out.contains("Neighbourhood teams briefed as well"), "\(shown.out)")
    let again = layouts.importPlan(plan, store, ["--rules", rules])
    #expect(
      again.err.contains("0 recommendations added, 0 actions added, 0 corrections, 0 updates"), "\(again.err)"
    )
  }

  @Test func oneRowPerRecommendationSavedAsWindows1252WithSemicolons() throws {
    let store = try plans.freshStore()
    let plan = layouts.fixture("child-u-libreoffice-1252.csv")
    let rules = layouts.fixture("child-u.rules")
    #expect(try lines(rules) <= 20)
    let refused = layouts.importPlan(plan, store)
    #expect(refused.status == 65)
    #expect(refused.err.contains("column \"Progress to date\": a column the plan layout does not read"))
    #expect(refused.err.contains("column \"No\": a column the plan layout does not read"))
    let outcome = layouts.importPlan(plan, store, ["--rules", rules])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("read as Windows-1252"), "\(outcome.err)")
    #expect(outcome.err.contains("3 recommendations added, 3 actions added"), "\(outcome.err)")
    let expected: [(String, String, [String]?, String, String)] = [
      ("1.1", "la", nil, "2027-03-31", "inProgress"),
      ("2.1", "police", ["icb"], "2026-09-30", "completed"),
      ("3.1", "la", ["police", "icb"], "tbc", "notStarted"),
    ]
    for (id, owner, joint, due, status) in expected {
      let action = try layouts.action(id, store)
      #expect(action["owner"] as? String == owner, "\(id)")
      #expect(action["jointOwners"] as? [String] == joint, "\(id)")
      #expect(action["due"] as? String == due, "\(id)")
      #expect(action["status"] as? String == status, "\(id)")
    }
    // The curly apostrophe and the dash of Windows-1252 are read as the characters meant.
    let first = try layouts.action("1.1", store)
    #expect((first["description"] as? String)?.contains("children’s social care front door") == true)
    #expect((first["description"] as? String)?.contains("schools – including") == true)
  }

  @Test func tenActionsWrittenByTheReportAndResavedByLibreOfficeComeBackIntact() throws {
    let store = try plans.freshStore()
    let plan = layouts.fixture("ten-actions-libreoffice.csv")
    // The references were written whole (LCSPR-2026-01/1.10), so a spreadsheet kept them as text.
    #expect(try String(contentsOfFile: plan, encoding: .utf8).contains("\(PlanImportTests.review)/1.10"))
    let outcome = layouts.importPlan(plan, store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("1 recommendation added, 10 actions added"), "\(outcome.err)")
    let tenth = try layouts.action("1.10", store)
    #expect(tenth["description"] as? String == "Brief team 10 on the new escalation policy")
    #expect(tenth["due"] as? String == "2027-01-31")
    #expect(
      try layouts.action("1.1", store)["description"] as? String
        == "Brief team 1 on the new escalation policy")
    let again = layouts.importPlan(plan, store)
    #expect(
      again.err.contains("0 recommendations added, 0 actions added, 0 corrections, 0 updates"), "\(again.err)"
    )
  }

  @Test func aContinuationRowThatGivesAnotherDueDayIsRefused() throws {
    let store = try plans.freshStore()
    let text = """
      Recommendation,Action,Owning agencies,Due,Status,Latest note,Note day
      Partners should escalate promptly.,Audit escalations,la,30/09/2026,,,
      ,,police,31/12/2026,,,

      """
    let outcome = layouts.importPlan(try plans.write(text, named: "plan.csv", beside: store).path, store)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "row 3, column \"Due\", action \(PlanImportTests.review)/1.1, value \"31/12/2026\": the row continues action"
      ),
      "\(outcome.err)")
  }

  @Test func aDatedNoteAfterTheImportOrBeforeTheActionWasAgreedIsRefusedNotSkipped() throws {
    let store = try plans.freshStore()
    let rules = try plans.write(
      "column \"Update 1 Dec 2026\" = note on 01/12/2026\ncolumn \"Update May 2026\" = note on 01/05/2026\n",
      named: "plan.rules", beside: store)
    let text = """
      Recommendation,Action,Owning agencies,Agreed,Due,Update May 2026,Update 1 Dec 2026
      Partners should escalate promptly.,Audit escalations,la,15/06/2026,30/09/2026,Planning begun,Audit done

      """
    let file = try plans.write(text, named: "plan.csv", beside: store)
    let before = try plans.bytes(store)
    let dry = layouts.importPlan(file.path, store, ["--rules", rules.path, "--dry-run"])
    #expect(dry.status == 65)
    #expect(
      dry.err.contains(
        "column \"Update 1 Dec 2026\", action \(PlanImportTests.review)/1.1, value \"Audit done\": the note is dated "
          + "2026-12-01, after the day of the import (2026-11-20)"), "\(dry.err)")
    #expect(
      dry.err.contains(
        "value \"Planning begun\": the note is dated 2026-05-01, before the action was agreed (2026-06-15)"))
    let outcome = layouts.importPlan(file.path, store, ["--rules", rules.path])
    #expect(outcome.status == 65)
    #expect(try plans.bytes(store) == before)
    let later = layouts.importPlan(file.path, store, ["--rules", rules.path, "--date", "2026-12-02"])
    #expect(later.status == 65)
    #expect(!later.err.contains("Audit done"), "\(later.err)")
  }

  @Test func aHugePlanIsRefusedQuicklyWithFewLines() throws {
    let store = try plans.freshStore()
    var text = "Recommendation,Action reference,Action,Owning agencies,Due\n"
    for index in 0..<150_000 { text += "R1,1.\(index),Brief the teams,la,31/12/2026\n" }
    let file = try plans.write(text, named: "plan.csv", beside: store)
    let outcome = try runBinary(
      ["--data", store.path, "import", "plan", file.path, "--review", PlanImportTests.review, "--by", "BU"],
      in: store.deletingLastPathComponent())
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains("the file has at least 100001 rows; an import reads at most 100000"),
      "\(outcome.err)")
    #expect(outcome.err.split(separator: "\n").count <= 52)
  }
}
