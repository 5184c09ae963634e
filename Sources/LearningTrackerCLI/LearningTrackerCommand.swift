import Foundation
import LearningModel
import LearningReports

/// The `learning-tracker` command line as a library: `run` takes the arguments and returns the
/// exit code, so the whole command line runs in-process in tests.
public enum LearningTrackerCommand {
  /// The version `--version` prints.
  public static let version = "1.0.0"

  /// Every command, in the order `--help` lists them: grouped by the noun they start with, the
  /// groups in the order their nouns first come below.
  public static var commands: [Command] {
    groupedByNoun(
      [initCommand, validateCommand, formatCommand, generateCommand]
        + agencyCommands + reviewCommands + reviewProcessCommands + findingCommands + recommendationCommands
        + [recommendationUpdate]
        + actionCommands + [actionEdit] + disseminationCommands + section11Commands + recordCommands
        + [editCommand] + removeCommands + catalogueCommands + settingsCommands + privacyCommands
        + timetableCommands
        + reportCommands + checkCommands + returnsCommands + [importPlan] + calendarCommands + historyCommands
        + completionCommands
    )
  }

  /// The commands with those of one noun together (`agency add`, `agency list`, `agency update`,
  /// `agency remove`), keeping the order within each noun.
  static func groupedByNoun(_ commands: [Command]) -> [Command] {
    var nouns: [String] = []
    for command in commands where !nouns.contains(command.words[0]) { nouns.append(command.words[0]) }
    return nouns.flatMap { noun in commands.filter { $0.words[0] == noun } }
  }

  /// Runs the command line: parses and checks every argument, then runs the command. Messages go
  /// to the console's error stream and the result is the exit code.
  public static func run(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
    var commandName: String?
    do {
      let request = try CommandLineParser.parse(arguments, commands: commands)
      switch request {
      case .overview:
        console.out(helpOverview())
        return ExitCode.ok
      case .version:
        console.out(version + "\n")
        return ExitCode.ok
      case .help(let command):
        console.out(command.help)
        return ExitCode.ok
      case .run(let command, let parsed, let data):
        let today = try today(environment)
        commandName = command.name
        try EnvironmentSettings.check(environment)
        let context = Context(
          console: console, environment: environment, today: today,
          dataPath: data ?? environment["LEARNING_TRACKER_DATA"] ?? "tracker.json", invocation: arguments,
          command: command, arguments: parsed)
        return try command.body(parsed, context)
      }
    } catch {
      let failure = CommandError.from(error, command: commandName)
      // An empty message: what the command found is already written out.
      if !failure.message.isEmpty { console.error(failure.message) }
      if case .usage(_, let command) = failure, let command = command ?? commandName {
        console.note("see 'learning-tracker \(command) --help'")
      }
      return failure.exitCode
    }
  }

  /// Today: `$LEARNING_TRACKER_TODAY` when set (for tests and reruns), else the system's day.
  static func today(_ environment: [String: String]) throws(CommandError) -> CalendarDay {
    guard let fixed = environment["LEARNING_TRACKER_TODAY"] else { return systemToday() }
    guard let day = CalendarDay(fixed) else {
      throw .usage("LEARNING_TRACKER_TODAY: \"\(fixed)\" is not a calendar day (expected YYYY-MM-DD)")
    }
    return day
  }

  static let overview = """
    learning-tracker: track the learning from case reviews: recommendations, SMART action plans,
    progress, dissemination and Section 11 evidence.

    Usage: learning-tracker COMMAND [options] [--data FILE]

    The store is --data FILE (anywhere on the line), else $LEARNING_TRACKER_DATA, else ./tracker.json.
    Every command takes --help ('learning-tracker help COMMAND' too).

    Exit codes: 0 ok, 1 findings (such as --fail-on-overdue), 64 usage, 65 bad data,
    66 missing or unreadable file, 73 cannot write or already exists, 74 I/O error (the history
    could not be written: nothing changed), 75 busy, 76 undo or redo refused: the store changed since.

    Commands:
    """

  /// The list of commands, for `--help`.
  static func helpOverview() -> String {
    var text = overview + "\n"
    let width = (commands.map { $0.name.count }.max() ?? 0) + 2
    for command in commands {
      text +=
        "  " + command.name + String(repeating: " ", count: width - command.name.count) + command.summary
        + "\n"
    }
    return text
  }

  static func systemToday() -> CalendarDay {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDay(dayNumber: 0)
  }
}
