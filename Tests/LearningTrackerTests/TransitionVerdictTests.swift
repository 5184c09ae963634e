import Foundation
import Testing

/// The rules for moving an action from one status to another live in one place (`DomainRules`):
/// `action update` and `import plan`, run through the built program, give the same verdict on the
/// same transition, in the same words.
@Suite struct TransitionVerdictTests {
  static let review = PlanImportTests.review
  static let header =
    "Recommendation,Action reference,Action,Owning agencies,Lead,Planned evidence or measure,Agreed,Due,Status,"
    + "Reported rating,Latest note,Note day"
  static let recommendation = "\"Agencies should record the child's own words at every strategy discussion.\""

  /// One row of the plan: action 1.1 completed, action 1.2 in progress, unless told.
  static func plan(completed: String = "Completed", inProgress: String = "In progress", note: String = "")
    -> String
  {
    [
      header,
      "\(recommendation),1.1,Add a prompt for the child's words,la,Head of Safeguarding,Audit of 20 minutes,"
        + "15/06/2026,30/09/2026,\(completed),,\(note),",
      "\(recommendation),1.2,Brief investigation teams,police,Detective Inspector,Dip sample of 10 records,"
        + "15/06/2026,31/01/2027,\(inProgress),,\(note),",
    ].joined(separator: "\n") + "\n"
  }

  /// A store holding the review's plan, made through the built program.
  static func store() throws -> URL {
    let folder = try temporaryFolder()
    for command in [
      ["init", "--name", "Northshire Safeguarding Children Partnership"],
      ["review", "add", "--id", review, "--title", "Child Q", "--kind", "lcspr"],
    ] {
      let outcome = try run(command, in: folder)
      try #require(outcome.status == 0, "\(command): \(outcome.err)")
    }
    try Data(plan().utf8).write(to: folder.appendingPathComponent("plan.csv"))
    let imported = try run(
      ["import", "plan", "plan.csv", "--review", review, "--by", "Business unit"], in: folder)
    try #require(imported.status == 0, "\(imported.err)")
    return folder
  }

  static func run(_ arguments: [String], in folder: URL) throws -> Outcome {
    try runBinary(
      ["--data", "tracker.json"] + arguments, in: folder,
      environment: ["LEARNING_TRACKER_TODAY": "2026-11-20"])
  }

  /// Both ways of making one transition are refused, leave the store as it was, and say `words`.
  static func expectSameVerdict(update: [String], importing plan: String, words: String) throws {
    let byCommand = try store()
    let storeFile = byCommand.appendingPathComponent("tracker.json")
    let before = try Data(contentsOf: storeFile)
    let updated = try run(["action", "update"] + update + ["--by", "QA subgroup"], in: byCommand)
    #expect(updated.status == 64, "action update: \(updated.err)")
    #expect(updated.err.contains(words), "action update said: \(updated.err)")
    #expect(try Data(contentsOf: storeFile) == before)

    let byImport = try store()
    let importedFile = byImport.appendingPathComponent("tracker.json")
    let beforeImport = try Data(contentsOf: importedFile)
    try Data(plan.utf8).write(to: byImport.appendingPathComponent("again.csv"))
    let imported = try run(
      ["import", "plan", "again.csv", "--review", review, "--by", "Business unit"], in: byImport)
    #expect(imported.status != 0, "import plan: \(imported.err)")
    #expect(imported.err.contains(words), "import plan said: \(imported.err)")
    #expect(try Data(contentsOf: importedFile) == beforeImport)
  }

  @Test func assuredWithoutImpactIsRefusedByBoth() throws {
    try Self.expectSameVerdict(
      update: ["\(Self.review)/1.1", "--status", "assured"], importing: Self.plan(completed: "Assured"),
      words: "action \(Self.review)/1.1 cannot be marked assured: its log has no impact evidence")
  }

  @Test func backToNotStartedIsRefusedByBoth() throws {
    try Self.expectSameVerdict(
      update: ["\(Self.review)/1.2", "--status", "notStarted"],
      importing: Self.plan(inProgress: "Not started"),
      words: "action \(Self.review)/1.2 is In progress and cannot go back to Not started")
  }

  @Test func withdrawnWithoutANoteIsRefusedByBoth() throws {
    try Self.expectSameVerdict(
      update: ["\(Self.review)/1.2", "--status", "withdrawn"], importing: Self.plan(inProgress: "Withdrawn"),
      words: "withdrawing action \(Self.review)/1.2 needs a note saying why")
  }

  /// With a reason for the exception, both assure; with impact evidence on record, both assure.
  @Test func assuredWithAReasonIsAcceptedByTheCommand() throws {
    let folder = try Self.store()
    let updated = try Self.run(
      [
        "action", "update", "\(Self.review)/1.1", "--status", "assured", "--assure-without-impact",
        "The template itself was the measure agreed", "--by", "QA subgroup",
      ], in: folder)
    #expect(updated.status == 0, "\(updated.err)")
    let validated = try Self.run(["validate"], in: folder)
    #expect(!validated.out.contains("cannot be marked assured"))
  }
}
