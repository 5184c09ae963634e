import Foundation
import LearningStore
import LearningTrackerCLI
import Testing

@Suite struct CommandLineTests {
  static let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path

  /// `--data FILE` and `--data=FILE` are taken before or after the command's words.
  @Test(arguments: [
    ["--data=SEEDS", "report", "overdue"], ["--data", "SEEDS", "report", "overdue"],
    ["report", "--data=SEEDS", "overdue"], ["report", "overdue", "--data", "SEEDS"],
    ["report", "overdue", "--data=SEEDS", "--as-of", "2026-11-20"],
  ])
  func dataAnywhereOnTheLine(_ line: [String]) {
    let arguments = line.map { $0.replacingOccurrences(of: "SEEDS", with: Self.seeds) }
    let outcome = runTracker(arguments + (arguments.contains("--as-of") ? [] : ["--as-of", "2026-11-20"]))
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.hasPrefix("Overdue, due-soon and stale actions"))
  }

  /// A store that exists but cannot be read is missing input (66), not "cannot write".
  @Test func anUnreadableStoreIsMissingInput() throws {
    let folder = try temporaryFolder()
    let outcome = runTracker(["report", "overdue"], data: folder.path)
    #expect(outcome.status == 66)
    #expect(outcome.err.contains("cannot read"))
  }

  /// One map from errors to exit codes.
  @Test func exitCodes() {
    let cases: [(CommandError, Int32)] = [
      (.usage("x"), 64), (.findings("x"), 1), (.badData("x"), 65), (.missingInput("x"), 66),
      (.cannotWrite("x"), 73), (.inputOutput("x"), 74), (.busy("x"), 75),
    ]
    for (error, code) in cases { #expect(error.exitCode == code) }
    #expect(CommandError(StoreError.notFound(file: "f")).exitCode == 66)
    #expect(CommandError(StoreError.unreadable(file: "f", reason: "r")).exitCode == 66)
    #expect(CommandError(StoreError.syntax(file: "f", line: 1, column: 1, message: "m")).exitCode == 65)
    #expect(CommandError(StoreError.alreadyExists(file: "f")).exitCode == 73)
    #expect(CommandError(StoreError.busy(file: "f", holder: nil)).exitCode == 75)
  }

  /// Messages and text for a person show control characters visibly wherever they go; documents
  /// (`exact`) are written as rendered, except to a terminal.
  @Test func controlCharactersNeverReachATerminal() {
    var out = ""
    var err = ""
    let terminal = Console(out: { out += $0 }, err: { err += $0 }, outputIsTerminal: true)
    terminal.error("no review \"A\u{1B}]0;x\u{07}\"")
    terminal.out("Child \u{1B}[2J\n")
    terminal.out("{\"a\": \"\u{1B}\"}\n", exact: true)
    #expect(err == "learning-tracker: error: no review \"A\\u{1B}]0;x\\u{7}\"\n")
    #expect(out == "Child \\u{1B}[2J\n{\"a\": \"\\u{1B}\"}\n")
    var piped = ""
    Console(out: { piped += $0 }, err: { _ in }).out("Child \u{1B}[2J\n")
    #expect(piped == "Child \\u{1B}[2J\n")
    piped = ""
    Console(out: { piped += $0 }, err: { _ in }).out("{\"a\": \"\u{1B}\"}\n", exact: true)
    #expect(piped == "{\"a\": \"\u{1B}\"}\n")
  }

  @Test func versionAndHelpWord() {
    #expect(runTracker(["--version"]).out == LearningTrackerCommand.version + "\n")
    #expect(runTracker(["help"]).out == runTracker(["--help"]).out)
  }
}
