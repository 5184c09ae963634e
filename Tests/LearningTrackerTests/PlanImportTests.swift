import Foundation
import LearningModel
import LearningStore
import Testing

/// A review's action plan brought in from a spreadsheet with `import plan`, and written back out
/// with `report plan --format csv` in the same layout.
@Suite struct PlanImportTests {
  static let review = "LCSPR-2026-01"
  static let today = "2026-11-20"

  /// A seven-action plan as a partnership keeps it: recommendations by text, UK days, an agency by
  /// name, a name holding "and", statuses and notes.
  static let sevenActions = """
    Recommendation,Action reference,Action,Owning agencies,Lead,Planned evidence or measure,Agreed,Due,Status,Reported rating,Latest note,Note day
    "Agencies should record the child's own words at every strategy discussion.",1.1,Add a prompt for the child's words to the strategy template,la,Head of Safeguarding,Audit of 20 strategy minutes,15/06/2026,30/09/2026,Completed,,"Template changed, in use",01/09/2026
    "Agencies should record the child's own words at every strategy discussion.",1.2,Brief child abuse investigation teams,Police,Detective Inspector,Dip sample of 10 records,15/06/2026,31/01/2027,In progress,,Two of four teams briefed,12/11/2026
    "Agencies should record the child's own words at every strategy discussion.",1.3,Add the child's voice to health supervision,icb,Designated Nurse,Supervision records audit,15/06/2026,31/03/2027,Not started,,,
    Partners should escalate disagreement about thresholds promptly.,2.1,Relaunch the escalation policy with a 7-minute briefing,la,Partnership Business Manager,Escalations logged,15/06/2026,31/10/2026,Completed,,Briefing delivered to 240 staff,20/10/2026
    Partners should escalate disagreement about thresholds promptly.,2.2,Audit escalations after the relaunch,Schools and colleges,Designated Safeguarding Lead,Audit report to the QA subgroup,15/06/2026,30/04/2027,Not started,,,
    Partners should escalate disagreement about thresholds promptly.,2.3,Add escalation to supervisors' induction,police,Training Manager,Induction materials updated,15/06/2026,31/12/2026,Blocked,,Waiting for the training contract,02/11/2026
    Partners should escalate disagreement about thresholds promptly.,2.4,Report escalation figures to the board each quarter,la,Partnership Business Manager,Figures in board papers,2026-06-15,2026-11-30,In progress,,First figures reported,05/10/2026

    """

  /// A fresh store holding only the review and the agencies.
  func freshStore() throws -> URL {
    let store = try temporaryFolder().appendingPathComponent("tracker.json")
    for command in [
      ["init", "--name", "Northshire Safeguarding Children Partnership"],
      ["agency", "add", "--id", "education", "--name", "Schools and colleges", "--kind", "education"],
      ["review", "add", "--id", Self.review, "--title", "Child Q", "--kind", "lcspr"],
    ] {
      let outcome = runTracker(command, data: store.path, today: Self.today)
      try #require(outcome.status == 0, "\(command): \(outcome.err)")
    }
    return store
  }

  /// Writes a CSV file beside the store.
  func write(_ text: String, named name: String, beside store: URL) throws -> URL {
    let url = store.deletingLastPathComponent().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  func importPlan(_ file: URL, into store: URL, _ extra: [String] = []) -> Outcome {
    runTracker(
      ["import", "plan", file.path, "--review", Self.review, "--by", "Business unit"] + extra,
      data: store.path,
      today: Self.today)
  }

  /// The review's actions as `action list --format json` shows them.
  func actions(_ store: URL) throws -> [[String: Any]] {
    let outcome = runTracker(
      ["action", "list", "--review", Self.review, "--format", "json"], data: store.path, today: Self.today)
    try #require(outcome.status == 0, "\(outcome.err)")
    return try #require(try JSONSerialization.jsonObject(with: Data(outcome.out.utf8)) as? [[String: Any]])
  }

  /// The store and its history, byte for byte.
  func bytes(_ store: URL) throws -> [Data] {
    try [store, URL(fileURLWithPath: store.path + ".history.jsonl")].map { try Data(contentsOf: $0) }
  }

  @Test func aSevenActionPlanComesInWithOneCommand() throws {
    let store = try freshStore()
    let file = try write(Self.sevenActions, named: "plan.csv", beside: store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(
      outcome.err.contains("2 recommendations added, 7 actions added, 0 corrections, 0 updates"))
    let list = try actions(store)
    #expect(list.count == 7)
    #expect(
      list.map { $0["reference"] as? String }
        == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4"].map {
          "\(Self.review)/\($0)"
        })
    #expect(
      list.map { $0["owner"] as? String } == ["la", "police", "icb", "la", "education", "police", "la"])
    #expect(
      list.map { $0["status"] as? String } == [
        "completed", "inProgress", "notStarted", "completed", "notStarted", "blocked", "inProgress",
      ])
    // UK days, day first.
    #expect(list[0]["agreed"] as? String == "2026-06-15")
    #expect(list[0]["due"] as? String == "2026-09-30")
    #expect(list[1]["due"] as? String == "2027-01-31")
    let updates = try #require(list[0]["updates"] as? [[String: Any]])
    #expect(updates.first?["date"] as? String == "2026-09-01")
    #expect(updates.first?["note"] as? String == "Template changed, in use")
    #expect(updates.first?["by"] as? String == "Business unit")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: store)) as? [String: Any]
    let reviews = try #require(json?["reviews"] as? [[String: Any]])
    let recommendations = try #require(reviews.first?["recommendations"] as? [[String: Any]])
    #expect(recommendations.map { $0["id"] as? String } == ["R1", "R2"])
    #expect(recommendations.map { $0["response"] as? String } == ["accepted", "accepted"])
    #expect(recommendations.last?["agencies"] as? [String] == ["la", "education", "police"])
    // The plan's evidence column is the planned evidence and, until given one, the measure.
    let measured = list.filter { $0["evidencePlanned"] != nil }
    #expect(!measured.isEmpty)
    for action in measured {
      #expect(action["measureOfSuccess"] as? String == action["evidencePlanned"] as? String)
    }
  }

  @Test func theExportedPlanComesBackTheSameInAFreshStore() throws {
    let first = try freshStore()
    #expect(
      importPlan(try write(Self.sevenActions, named: "plan.csv", beside: first), into: first).status == 0)
    let exported = runTracker(
      ["report", "plan", "--review", Self.review, "--format", "csv", "--include-unpublished"],
      data: first.path,
      today: Self.today)
    try #require(exported.status == 0, "\(exported.err)")
    let header = try #require(exported.out.split(separator: "\r\n").first)
    let expectedHeader: String =
      "Recommendation,Action reference,Action,Owning agencies,Lead,"
      + "Planned evidence or measure,Agreed,Due,Original due,Status,Reported rating,Latest note,Note day,"
      + "Due revisions,Evidence received,Response,Response note,Addressed to,Responded,Recommendation number,"
      + "Assured without impact evidence"
    #expect(String(header.dropFirst()) == expectedHeader)
    let second = try freshStore()
    let file = try write(exported.out, named: "exported.csv", beside: second)
    let outcome = importPlan(file, into: second)
    #expect(outcome.status == 0, "\(outcome.err)")
    let before = try actions(first)
    let after = try actions(second)
    for key in [
      "reference", "description", "owner", "lead", "measureOfSuccess", "agreed", "due", "status", "brag",
    ] {
      #expect(before.map { "\($0[key] ?? "")" } == after.map { "\($0[key] ?? "")" }, "\(key)")
    }
    func bragCounts(_ list: [[String: Any]]) -> [String: Int] {
      list.reduce(into: [:]) { $0[$1["brag"] as? String ?? "withdrawn", default: 0] += 1 }
    }
    #expect(bragCounts(before) == bragCounts(after))
    #expect(bragCounts(after) == ["green": 5, "amber": 2])
    // The exported file, imported into the store it came from, changes nothing.
    let again = try bytes(first)
    #expect(importPlan(try write(exported.out, named: "again.csv", beside: first), into: first).status == 0)
    #expect(try bytes(first) == again)
  }

  @Test func aFaultyFileIsRefusedWholeNamingRowColumnAndAction() throws {
    let store = try freshStore()
    let faulty = Self.sevenActions.replacingOccurrences(of: "31/01/2027", with: "31/13/2027")
      .replacingOccurrences(of: ",icb,Designated Nurse", with: ",health board,Designated Nurse")
      .replacingOccurrences(of: "Blocked", with: "Stuck")
    let file = try write(faulty, named: "plan.csv", beside: store)
    let before = try bytes(store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("3 problems in \(file.path); nothing was changed"), "\(outcome.err)")
    #expect(
      outcome.err.contains(
        "row 3, column \"Due\", action \(Self.review)/1.2, value \"31/13/2027\": not a due day"),
      "\(outcome.err)")
    #expect(
      outcome.err.contains(
        "row 4, column \"Owning agencies\", action \(Self.review)/1.3, value \"health board\": no agency"),
      "\(outcome.err)")
    #expect(
      outcome.err.contains(
        "row 7, column \"Status\", action \(Self.review)/2.3, value \"Stuck\": not a status"),
      "\(outcome.err)")
    #expect(try bytes(store) == before)
  }

  @Test func aMissingColumnIsReportedAsMissing() throws {
    let store = try freshStore()
    let file = try write(
      "Recommendation,Action reference,Action,Owning agencies,Lead\nR1,1.1,Do something,la,Head of Service\n",
      named: "plan.csv", beside: store)
    let before = try bytes(store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("row 1: column \"Due\" is missing from the header row"), "\(outcome.err)")
    #expect(try bytes(store) == before)
  }

  @Test func aSecondImportOfTheSameFileChangesNothing() throws {
    let store = try freshStore()
    let file = try write(Self.sevenActions, named: "plan.csv", beside: store)
    #expect(importPlan(file, into: store).status == 0)
    let before = try bytes(store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(
      outcome.err.contains("0 recommendations added, 0 actions added, 0 corrections, 0 updates"))
    #expect(try bytes(store) == before)
  }

  @Test func aDryRunShowsTheChangesAndWritesNothing() throws {
    let store = try freshStore()
    let file = try write(Self.sevenActions, named: "plan.csv", beside: store)
    let before = try bytes(store)
    let outcome = importPlan(file, into: store, ["--dry-run"])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("add recommendation \(Self.review)/R1: Agencies should record"))
    #expect(outcome.out.contains("add action \(Self.review)/2.2 to R2"))
    #expect(outcome.err.contains("dry run: 2 recommendations added, 7 actions added"))
    #expect(try bytes(store) == before)
  }

  @Test func changedRowsBecomeUpdatesAndCorrections() throws {
    let store = try freshStore()
    #expect(
      importPlan(try write(Self.sevenActions, named: "plan.csv", beside: store), into: store).status == 0)
    // Headers as a partnership's own sheet may write them, semicolons, and a reference for R1.
    let changed = """
      recommendation;ACTION REF;Action;Owning  agencies;Lead;Measure of success;Agreed;Due date;Status;Reported rating;Latest note;Note day
      R1;1.2;Brief child abuse investigation teams;police;Detective Chief Inspector;Dip sample of 10 records;15/06/2026;31/01/2027;Completed;;All four teams briefed;19/11/2026
      R1;1.3;Add the child's voice to health supervision;icb;Designated Nurse;Supervision records audit;15/06/2026;30/04/2027;Not started;;;
      Partners should escalate disagreement about thresholds promptly.;2.2;Audit escalations after the relaunch;education;;;;;Withdrawn;;Replaced by the audit programme;
      A new recommendation added at the meeting.;3.1;Review the threshold document;la;Partnership Business Manager;Revised document published;;31/03/2027;;;;

      """
    let file = try write(changed, named: "changed.csv", beside: store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(
      outcome.out == """
        add recommendation \(Self.review)/R3: A new recommendation added at the meeting.
        add action \(Self.review)/3.1 to R3: Review the threshold document, owner la, due 2027-03-31
        correct action \(Self.review)/1.2: lead
        update action \(Self.review)/1.2 2026-11-19: status completed, note "All four teams briefed"
        update action \(Self.review)/1.3 2026-11-20: note "Due revised in the imported plan.", due revised to 2027-04-30
        update action \(Self.review)/2.2 2026-11-20: status withdrawn, note "Replaced by the audit programme"

        """)
    let list = try actions(store)
    #expect(
      list.first { $0["reference"] as? String == "\(Self.review)/1.3" }?["due"] as? String == "2027-04-30")
    #expect(
      list.first { $0["reference"] as? String == "\(Self.review)/2.2" }?["status"] as? String == "withdrawn")
    #expect(
      list.first { $0["reference"] as? String == "\(Self.review)/1.2" }?["lead"] as? String
        == "Detective Chief Inspector")
    let before = try bytes(store)
    #expect(importPlan(file, into: store).status == 0)
    #expect(try bytes(store) == before)
  }

  @Test func aRecommendationReferenceMustExist() throws {
    let store = try freshStore()
    let file = try write(
      "Recommendation,Action reference,Action,Owning agencies,Due\nR4,1.1,Do something,la,2027-01-31\n",
      named: "plan.csv", beside: store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "row 2, column \"Recommendation\", action \(Self.review)/1.1, value \"R4\": review \(Self.review) has no "
          + "recommendation \"R4\""), "\(outcome.err)")
  }

  @Test func aWorkbookIsRefusedAskingForCSV() throws {
    let store = try freshStore()
    let file = try write("PK", named: "plan.xlsx", beside: store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("save it as CSV first"))
  }

  @Test func theGuidesExamplePlanComesIn() throws {
    let store = try freshStore()
    let example = packageRoot.appendingPathComponent("docs/example-plan.csv")
    let dryRun = importPlan(example, into: store, ["--dry-run"])
    #expect(dryRun.status == 0, "\(dryRun.err)")
    let outcome = importPlan(example, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("2 recommendations added, 7 actions added"), "\(outcome.err)")
  }

  @Test func anUnknownReviewIsAUsageMistake() throws {
    let store = try freshStore()
    let file = try write(Self.sevenActions, named: "plan.csv", beside: store)
    let outcome = runTracker(
      ["import", "plan", file.path, "--review", "LCSPR-2026-1", "--by", "Business unit"], data: store.path,
      today: Self.today)
    #expect(outcome.status == 64)
    #expect(
      outcome.err.contains("--review: no review \"LCSPR-2026-1\"; did you mean \(Self.review)?"),
      "\(outcome.err)")
  }

  @Test func jointOwnersDueMonthsTBCAndReportedRatingsComeInAndGoBackOut() throws {
    let store = try freshStore()
    let plan = """
      Recommendation,Action reference,Action,Owning agencies,Lead,Planned evidence or measure,Agreed,Due,Status,Reported rating,Latest note,Note day
      Partners should plan discharge from hospital together.,1.1,Agree a joint discharge protocol,icb and Police; la,Designated Nurse,Protocol signed by all three,15/06/2026,June 2027,In progress,Amber,Draft circulated,10/11/2026
      Partners should plan discharge from hospital together.,1.2,Train ward staff on the protocol,Schools and colleges and icb,Named Nurse,Training records,15/06/2026,TBC,Not started,,,
      Partners should plan discharge from hospital together.,1.3,Audit discharges after the protocol,icb,Named Nurse,Audit of 20 discharges,15/06/2026,2027-09,Not started,G,,

      """
    let file = try write(plan, named: "plan.csv", beside: store)
    let outcome = importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    let list = try actions(store)
    #expect(list.map { $0["owner"] as? String } == ["icb", "education", "icb"])
    #expect(list[0]["jointOwners"] as? [String] == ["police", "la"])
    #expect(list[1]["jointOwners"] as? [String] == ["icb"])
    #expect(list[2]["jointOwners"] == nil)
    #expect(list.map { $0["due"] as? String } == ["2027-06", "tbc", "2027-09"])
    #expect(list.map { $0["reported"] as? String } == ["amber", nil, "green"])
    #expect(list[0]["evidencePlanned"] as? String == "Protocol signed by all three")
    #expect(list.map { $0["brag"] as? String } == ["green", "amber", "green"])
    // The same file again changes nothing.
    let before = try bytes(store)
    #expect(importPlan(file, into: store).status == 0)
    #expect(try bytes(store) == before)
    // Out with the plan report and into a fresh store: the same owners, due, ratings.
    let exported = runTracker(
      ["report", "plan", "--review", Self.review, "--format", "csv", "--include-unpublished"],
      data: store.path,
      today: Self.today)
    try #require(exported.status == 0, "\(exported.err)")
    #expect(
      exported.out.contains(
        ",Designated Nurse,Protocol signed by all three,2026-06-15,2027-06,,In progress,Amber,"))
    #expect(exported.out.contains("Integrated Care Board; Police; Local authority children's services"))
    #expect(exported.out.contains(",TBC,,Not started,"))
    let second = try freshStore()
    #expect(
      importPlan(try write(exported.out, named: "exported.csv", beside: second), into: second).status == 0)
    let after = try actions(second)
    for key in ["owner", "jointOwners", "due", "reported", "evidencePlanned", "status", "brag"] {
      #expect(list.map { "\($0[key] ?? "")" } == after.map { "\($0[key] ?? "")" }, "\(key)")
    }
    // A changed rating is a dated update; a changed joint owner a correction.
    let changed = plan.replacingOccurrences(of: "In progress,Amber", with: "In progress,Red")
      .replacingOccurrences(of: "Schools and colleges and icb", with: "education")
    let outcome2 = importPlan(try write(changed, named: "changed.csv", beside: store), into: store)
    #expect(outcome2.status == 0, "\(outcome2.err)")
    #expect(outcome2.out.contains("correct action \(Self.review)/1.2: owner"), "\(outcome2.out)")
    #expect(
      outcome2.out.contains("update action \(Self.review)/1.1 2026-11-10: reported rating Red"),
      "\(outcome2.out)")
  }

  @Test func dueCellsAndOwnerCellsAreReadAsPlansWriteThem() throws {
    #expect(PlanImport.due("30/06/2026") == .day(try #require(.init("2026-06-30"))))
    #expect(PlanImport.due("2026-06") == .month(year: 2026, month: 6))
    #expect(PlanImport.due("June 2026") == .month(year: 2026, month: 6))
    #expect(PlanImport.due("jun 2026") == .month(year: 2026, month: 6))
    #expect(PlanImport.due("06/2026") == .month(year: 2026, month: 6))
    #expect(PlanImport.due("TBC") == .notYetSet)
    #expect(PlanImport.due("06/30/2026") == nil)
    #expect(PlanImport.due("soon") == nil)
    #expect(PlanImport.rating("Amber") == .amber)
    #expect(PlanImport.rating("r") == .red)
    #expect(PlanImport.column(forHeader: " owning AGENCIES ") == .owners)
    #expect(PlanImport.column(forHeader: "Due date") == .due)
  }

  @Test func aRevisedDueDayComesBackAsASlip() throws {
    let first = try freshStore()
    #expect(
      importPlan(try write(Self.sevenActions, named: "plan.csv", beside: first), into: first).status == 0)
    let reference = "\(Self.review)/1.3"
    let revised = runTracker(
      ["action", "update", reference, "--due", "2027-12-31", "--reason", "Waiting for the new system"],
      data: first.path, today: Self.today)
    #expect(revised.status == 0, "\(revised.err)")
    let exported = runTracker(
      ["report", "plan", "--review", Self.review, "--format", "csv", "--include-unpublished"],
      data: first.path, today: Self.today)
    try #require(exported.status == 0, "\(exported.err)")
    #expect(exported.out.contains(",2027-12-31,"))
    let second = try freshStore()
    #expect(
      importPlan(try write(exported.out, named: "exported.csv", beside: second), into: second).status == 0)
    let before = try actions(first).first { $0["reference"] as? String == reference }
    let after = try actions(second).first { $0["reference"] as? String == reference }
    for key in ["due", "originalDue", "slips", "brag"] {
      #expect("\(before?[key] ?? "")" == "\(after?[key] ?? "")", "\(key)")
    }
    #expect(after?["slips"] as? Int == 1)
  }
}
