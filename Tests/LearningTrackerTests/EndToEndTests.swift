import Foundation
import Testing

/// Runs the built `learning-tracker` executable on files in a temporary folder.
@Suite struct EndToEndTests {
  @Test func buildAPlanAndFollowAnAction() throws {
    let folder = try temporaryFolder()
    func run(_ arguments: [String]) throws -> Outcome {
      let outcome = try runBinary(arguments, in: folder)
      let check = try runBinary(["validate"], in: folder)
      #expect(check.status == 0, "after \(arguments): \(check.out)\(check.err)")
      return outcome
    }
    #expect(try run(["init", "--name", "Northshire Safeguarding Children Partnership"]).status == 0)
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("tracker.json").path)[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(
      try run([
        "review", "add", "--id", "LCSPR-2025-02", "--title", "Child M", "--kind", "lcspr", "--decision",
        "2025-02-03",
      ]).status == 0)
    #expect(
      try run([
        "recommendation", "add", "LCSPR-2025-02/R1", "--text", "Hear the child", "--agency", "la",
        "--response", "accepted",
      ]).status == 0)
    #expect(
      try run([
        "action", "add", "LCSPR-2025-02/1.1", "--recommendation", "R1", "--description",
        "Train social workers",
        "--owner", "la", "--lead", "Principal social worker", "--measure", "Audit of 30 cases", "--agreed",
        "2025-09-15",
        "--due", "2026-03-31",
      ]).status == 0)
    #expect(
      try run([
        "action", "update", "LCSPR-2025-02/1.1", "--status", "inProgress", "--note", "Started", "--date",
        "2025-10-01",
      ]).status == 0)
    #expect(
      try run([
        "action", "update", "LCSPR-2025-02/1.1", "--due", "2026-06-30", "--reason", "Trainer unavailable",
        "--date", "2026-03-10",
        "--by", "QA subgroup",
      ]).status == 0)
    #expect(
      try run([
        "action", "update", "LCSPR-2025-02/1.1", "--status", "completed", "--evidence", "Audit, June 2026",
        "--date", "2026-06-20",
      ]).status == 0)

    let shown = try runBinary(["action", "show", "LCSPR-2025-02/1.1", "--format", "json"], in: folder)
    #expect(shown.status == 0)
    let state = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
    #expect(state?["status"] as? String == "completed")
    #expect(state?["due"] as? String == "2026-06-30")
    #expect(state?["originalDue"] as? String == "2026-03-31")
    #expect(state?["slips"] as? Int == 1)
    #expect(state?["brag"] as? String == "green")
    #expect(state?["overdue"] as? Bool == false)

    // As of a past day the same log gives the state of that day.
    let earlier = try runBinary(
      ["action", "show", "LCSPR-2025-02/1.1", "--as-of", "2026-04-15", "--format", "json"], in: folder)
    let past = try JSONSerialization.jsonObject(with: Data(earlier.out.utf8)) as? [String: Any]
    #expect(past?["status"] as? String == "inProgress")
    #expect(past?["brag"] as? String == "amber")

    let text = try runBinary(["action", "show", "LCSPR-2025-02/1.1"], in: folder)
    #expect(text.out.contains("Status:    Completed (closed)"))
    #expect(
      text.out.contains("2026-03-10  due 2026-06-30, \"Due revised: Trainer unavailable\", by QA subgroup"))

    let history = try runBinary(["history", "LCSPR-2025-02/1.1"], in: folder)
    #expect(history.out.components(separatedBy: "changed LCSPR-2025-02/1.1").count == 4)
  }

  @Test func calendarCommands() throws {
    let folder = try temporaryFolder()
    let add = try runBinary(["calendar", "add", "2025-12-19", "5"], in: folder)
    #expect(add.status == 0)
    #expect(add.out == "2025-12-30\n")
    let count = try runBinary(["calendar", "working-days", "2026-03-30", "2026-04-22"], in: folder)
    #expect(count.out == "15\n")
    let bad = try runBinary(["calendar", "add", "2025-02-30", "5"], in: folder)
    #expect(bad.status == 64)
    #expect(bad.err.contains("\"2025-02-30\" is not a calendar day"))
  }

  @Test func usageErrorsExit64AndSuggest() throws {
    let folder = try temporaryFolder()
    let unknown = try runBinary(["reveiw", "list"], in: folder)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("Did you mean 'review'?"))
    let option = try runBinary(["validate", "--fromat", "json"], in: folder)
    #expect(option.status == 64)
    #expect(option.err.contains("unknown option --fromat; did you mean --format?"))
    let help = try runBinary(["action", "update", "--help"], in: folder)
    #expect(help.status == 0)
    #expect(help.out.contains("Usage: learning-tracker action update"))
  }

  @Test func everySubcommandHasHelp() throws {
    let folder = try temporaryFolder()
    let overview = try runBinary(["--help"], in: folder)
    #expect(overview.status == 0)
    let names = overview.out.split(separator: "\n").filter { $0.hasPrefix("  ") }.map {
      $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
    }
    #expect(names.count >= 10)
    for name in names {
      let help = try runBinary(name.split(separator: " ").map(String.init) + ["--help"], in: folder)
      #expect(help.status == 0, "\(name) --help")
      #expect(help.out.hasPrefix("Usage: learning-tracker \(name)"), "\(name): \(help.out)")
    }
  }

  @Test func storeComesFromTheEnvironmentOrDataOption() throws {
    let folder = try temporaryFolder()
    #expect(try runBinary(["--data", "a.json", "init"], in: folder).status == 0)
    #expect(try runBinary(["init"], in: folder, environment: ["LEARNING_TRACKER_DATA": "b.json"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.json").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
    let again = try runBinary(["init", "--data", "a.json"], in: folder)
    #expect(again.status == 73)
    #expect(again.err.contains("already exists"))
  }
}
