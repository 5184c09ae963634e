import Foundation
import LearningModel
import LearningStore
import Testing

/// `action escalate`: a stuck action escalated in stages, answered, corrected, removed and undone
/// through the one change path, and shown as of its days in the overdue report, the agency's chase
/// list and the board paper.
@Suite struct EscalationCommandTests {
  static let reference = "LCSPR-2024-03/1.2"

  static func escalations(_ path: String) throws -> [Escalation] {
    let tracker = try storedTracker(path)
    let parsed = try #require(ActionReference(reference))
    let found = try #require(tracker.actionIndex(parsed))
    return tracker.reviews[found.0].recommendations[found.1].actions[found.2].escalations ?? []
  }

  @Test func anEscalationIsAddedAnsweredCorrectedAndUndone() throws {
    let path = try copyOfDemonstrationStore()
    let escalate = runTracker(
      [
        "action", "escalate", Self.reference, "--level", "chair", "--to", "Head of Probation Delivery Unit",
        "--reply-by", "2026-11-12", "--date", "2026-10-29", "--note", "No date for the process",
      ], data: path)
    #expect(escalate.status == 0, "\(escalate.err)")
    #expect(escalate.err.contains("escalated \(Self.reference) to Head of Probation Delivery Unit"))
    var stored = try Self.escalations(path)
    #expect(stored.count == 1)
    #expect(stored.first?.level == "chair")
    #expect(stored.first?.by == "Business unit")

    let reply = runTracker(
      [
        "action", "escalate", Self.reference, "--reply", "Process signed off; live in January", "--on",
        "2026-11-18",
      ],
      data: path)
    #expect(reply.status == 0, "\(reply.err)")
    stored = try Self.escalations(path)
    #expect(stored.first?.replied == CalendarDay("2026-11-18"))

    let correct = runTracker(
      ["action", "escalate", Self.reference, "--correct", "--to", "Head of the Probation Delivery Unit"],
      data: path)
    #expect(correct.status == 0, "\(correct.err)")
    #expect(try Self.escalations(path).first?.to == "Head of the Probation Delivery Unit")
    #expect(runTracker(["validate"], data: path).status == 0)

    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.escalations(path).first?.to == "Head of Probation Delivery Unit")
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.escalations(path).first?.reply == nil)

    let remove = runTracker(["action", "escalate", Self.reference, "--remove"], data: path)
    #expect(remove.status == 0, "\(remove.err)")
    #expect(try Self.escalations(path).isEmpty)
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.escalations(path).count == 1)
    let history = runTracker(["history"], data: path)
    #expect(history.out.contains("action escalate"))
  }

  @Test func mistakesAreRefusedAndNothingChanges() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let cases: [([String], String)] = [
      (["--level", "chiar", "--to", "X", "--reply-by", "2026-12-01"], "did you mean chair?"),
      (["--level", "chair", "--to", "X"], "needs --level LEVEL, --to WHO and --reply-by DAY"),
      (
        ["--level", "chair", "--to", "X", "--reply-by", "2026-10-01", "--date", "2026-10-20"],
        "is before the escalation"
      ),
      (["--reply", "Done"], "no escalation awaiting a reply"),
      (["--correct", "--to", "Y"], "no escalation to correct"),
      (["--remove"], "no escalation to remove"),
      (["--reply", "Done", "--level", "chair"], "escalate again in a separate command"),
    ]
    for (arguments, expected) in cases {
      let outcome = runTracker(["action", "escalate", Self.reference] + arguments, data: path)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.err.contains(expected), "\(arguments): \(outcome.err)")
    }
    #expect(try storeBytes(path) == before)
  }

  @Test func theLevelsAreThePartnershipsOwn() throws {
    let path = try copyOfDemonstrationStore()
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"dueSoonDays\" : 28,",
      with: """
        "dueSoonDays" : 28, "escalationLevels" : [ { "id" : "chase", "name" : "Officer chase" }, \
        { "id" : "chair", "name" : "Chair's letter" }, { "id" : "executive", "name" : "Executive" }, \
        { "id" : "dsp", "name" : "Escalation to DSPs" } ],
        """)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(runTracker(["validate"], data: path).status != 2)
    let refused = runTracker(
      ["action", "escalate", Self.reference, "--level", "board", "--to", "X", "--reply-by", "2026-12-01"],
      data: path)
    #expect(refused.status == 64)
    #expect(refused.err.contains("(chase, chair, executive, dsp)"))
    let done = runTracker(
      [
        "action", "escalate", Self.reference, "--level", "dsp", "--to", "Designated safeguarding partners",
        "--reply-by", "2026-11-15", "--date", "2026-11-01",
      ], data: path)
    #expect(done.status == 0, "\(done.err)")
    let paper = runTracker(
      ["report", "progress", "--as-of", "2026-11-20", "--format", "markdown"], data: path)
    #expect(paper.out.contains("Escalation to DSPs to Designated safeguarding partners"))
  }

  @Test func reportsShowTheEscalationAsOfItsDays() throws {
    let path = try copyOfDemonstrationStore()
    #expect(
      runTracker(
        [
          "action", "escalate", Self.reference, "--level", "executive", "--to",
          "Safeguarding partners' executive",
          "--reply-by", "2026-11-10", "--date", "2026-10-20",
        ], data: path
      ).status == 0)
    #expect(
      runTracker(
        ["action", "escalate", Self.reference, "--reply", "Funding agreed", "--on", "2026-11-19"], data: path
      ).status == 0)
    // Before the escalation: nothing; while the reply is late: late; after the reply: replied.
    let before = runTracker(["report", "overdue", "--as-of", "2026-10-19", "--format", "csv"], data: path)
    #expect(!before.out.contains("Safeguarding partners' executive"))
    let late = runTracker(
      ["report", "overdue", "--agency", "probation", "--as-of", "2026-11-15", "--format", "markdown"],
      data: path)
    #expect(
      late.out.contains(
        "Executive, 2026-10-20; reply due 2026-11-10 (late)"))
    let answered = runTracker(
      ["report", "overdue", "--as-of", "2026-11-20", "--format", "markdown"], data: path)
    #expect(answered.out.contains("replied 2026-11-19"))
    let paper = runTracker(
      ["report", "progress", "--as-of", "2026-11-15", "--format", "markdown", "--marking", "OFFICIAL"],
      data: path)
    #expect(paper.out.contains("Protective marking:** OFFICIAL"))
    #expect(paper.out.contains("The board is asked to"))
    #expect(paper.out.contains("decide what it asks of Probation Service, Northshire delivery unit"))
    #expect(paper.out.contains("due 10 November 2026, late"))
    let earlier = runTracker(
      ["report", "progress", "--as-of", "2026-10-19", "--format", "markdown"], data: path)
    #expect(!earlier.out.contains("decide what it asks of Probation Service, Northshire delivery unit"))
  }
}
