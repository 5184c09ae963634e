import Foundation
import LearningModel
import LearningReports
import LearningStore

/// A command that failed for a reason other than its words: the message and the exit code.
struct CommandFailure: Error {
  var message: String
  var code: Int32
}

/// What every command can use: where output goes, the environment, today, the store's path.
struct Context {
  let console: Console
  let environment: [String: String]
  let today: CalendarDay
  let dataPath: String
  /// The command's words as given, for the change history.
  let invocation: [String]

  /// Who is making a change: `--by`, else `$LEARNING_TRACKER_USER`, else `$USER`.
  func who(_ by: String?) -> String {
    by ?? environment["LEARNING_TRACKER_USER"] ?? environment["USER"] ?? "unknown"
  }
}

/// One subcommand: its words, what it does, its help, and how it runs.
struct Command: Sendable {
  let words: [String]
  let summary: String
  let help: String
  let run: @Sendable (inout Arguments, Context) throws -> Int32

  var name: String { words.joined(separator: " ") }
}

/// The `learning-tracker` command line: `run` takes the arguments and returns the exit code.
enum LearningTrackerCommand {
  static let version = "1.0.0"

  static var commands: [Command] {
    [initCommand, validateCommand, formatCommand, generateCommand]
      + agencyCommands + reviewCommands + recommendationCommands + actionCommands + disseminationCommands
      + section11Commands
      + reportCommands + trainerCommands + returnsCommands + calendarCommands + historyCommands
  }

  static let overview = """
    learning-tracker: track the learning from case reviews: recommendations, SMART action plans,
    progress, dissemination and Section 11 evidence.

    Usage: learning-tracker [--data FILE] COMMAND [options]

    The store is --data FILE, else $LEARNING_TRACKER_DATA, else ./tracker.json.
    Every command takes --help. Exit codes: 0 ok, 1 findings (with --fail-on-overdue),
    64 usage, 65 bad data, 66 missing file, 73 cannot write, 75 busy.

    Commands:
    """

  static func run(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
    var args = Arguments(arguments)
    let dataOption: String?
    do {
      dataOption = try args.value("--data")
    } catch {
      console.error(error.message)
      return ExitCode.usage
    }
    let words = leadingWords(arguments)
    if words.isEmpty || words == ["help"] {
      if words.isEmpty && !args.wantsHelp && arguments.contains("--version") {
        console.out(version + "\n")
        return ExitCode.ok
      }
      if words.isEmpty && !args.wantsHelp {
        console.error("no command given; 'learning-tracker --help' lists the commands")
        return ExitCode.usage
      }
      console.out(helpOverview())
      return ExitCode.ok
    }
    let found = commands.filter { words.starts(with: $0.words) }.max { $0.words.count < $1.words.count }
    guard let command = found else {
      let group = commands.filter { $0.words.first == words[0] }
      if !group.isEmpty {
        let verbs = group.map { $0.words.dropFirst().joined(separator: " ") }
        let given = words.count > 1 ? words[1] : ""
        let hint = nearest(given, in: verbs).map { " Did you mean '\(words[0]) \($0)'?" } ?? ""
        console.error(
          (given.isEmpty ? "'\(words[0])' needs a subcommand." : "unknown subcommand '\(words[0]) \(given)'.")
            + hint + " Choose one of: " + verbs.joined(separator: ", "))
      } else {
        let names = Set(commands.map { $0.words[0] })
        let hint = nearest(words[0], in: names).map { " Did you mean '\($0)'?" } ?? ""
        console.error("unknown command '\(words[0])'.\(hint) See 'learning-tracker --help'.")
      }
      return ExitCode.usage
    }
    // Drop the command's words from the arguments.
    var remaining = arguments
    for word in command.words {
      if let index = remaining.firstIndex(of: word) { remaining.remove(at: index) }
    }
    var commandArgs = Arguments(remaining)
    if commandArgs.wantsHelp {
      console.out(command.help.hasSuffix("\n") ? command.help : command.help + "\n")
      return ExitCode.ok
    }
    _ = try? commandArgs.value("--data")
    let dataPath = dataOption ?? environment["LEARNING_TRACKER_DATA"] ?? "tracker.json"
    let today: CalendarDay
    if let fixed = environment["LEARNING_TRACKER_TODAY"] {
      guard let day = CalendarDay(fixed) else {
        console.error("LEARNING_TRACKER_TODAY: \"\(fixed)\" is not a calendar day (expected YYYY-MM-DD)")
        return ExitCode.usage
      }
      today = day
    } else {
      today = systemToday()
    }
    let context = Context(
      console: console, environment: environment, today: today, dataPath: dataPath, invocation: arguments)
    do {
      return try command.run(&commandArgs, context)
    } catch let error as UsageError {
      console.error(error.message)
      console.note("see 'learning-tracker \(command.name) --help'")
      return ExitCode.usage
    } catch let error as StoreError {
      console.error(error.errorDescription ?? "\(error)")
      return exitCode(for: error)
    } catch let error as CommandFailure {
      console.error(error.message)
      return error.code
    } catch let error as OutputFileNameError {
      console.error(error.errorDescription ?? "a file name could not be made")
      return ExitCode.badData
    } catch let error as DecodingError {
      console.error("\(command.name): a recorded value could not be read back: \(describe(error))")
      return ExitCode.badData
    } catch {
      // Never a Foundation error domain or number: say what kind of failure it was.
      console.error("\(command.name) failed: \(String(describing: type(of: error)))")
      return ExitCode.badData
    }
  }

  /// The words before the first option: `action update` in `action update X/1 --status ...`.
  static func leadingWords(_ arguments: [String]) -> [String] {
    var words: [String] = []
    var index = 0
    while index < arguments.count {
      let token = arguments[index]
      if token == "--data" {
        index += 2
        continue
      }
      if token.hasPrefix("-") { break }
      words.append(token)
      if words.count == 2 { break }
      index += 1
    }
    return words
  }

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

  /// A decoding error in words: where, and what was wrong.
  static func describe(_ error: DecodingError) -> String {
    let context: DecodingError.Context? =
      switch error {
      case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
        .dataCorrupted(let context):
        context
      @unknown default: nil
      }
    guard let context else { return "not in the expected shape" }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    return (path.isEmpty ? "" : String(path.drop { $0 == "." }) + ": ") + context.debugDescription
  }

  static func exitCode(for error: StoreError) -> Int32 {
    switch error {
    case .notFound: ExitCode.missingFile
    case .unreadable, .cannotWrite, .alreadyExists: ExitCode.cannotWrite
    case .busy, .changedOnDisk: ExitCode.busy
    default: ExitCode.badData
    }
  }

  static func systemToday() -> CalendarDay {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDay(dayNumber: 0)
  }
}

// MARK: - Reading and changing the store

extension Context {
  /// Reads the store for a report or a listing (without the unknown-field check, which only
  /// `validate` and writes need).
  func load(checkingUnknownFields: Bool = false) throws -> LoadedStore {
    try StoreReader.read(path: dataPath, checkingUnknownFields: checkingUnknownFields)
  }

  /// Reads, changes and writes the store under its lock, and records the change in the history.
  ///
  /// `body` changes the tracker and returns the records it touched. Nothing is written when
  /// `body` throws, when the result fails validation, or when the file changed meanwhile.
  /// A command that changes nothing writes nothing and records nothing, unless `rewrite` is set
  /// (the `format` command), which rewrites the file without a history entry.
  @discardableResult
  func change(by who: String, rewrite: Bool = false, _ body: (inout Tracker) throws -> [TouchedRecord]) throws
    -> Tracker
  {
    let wait = environment["LEARNING_TRACKER_LOCK_WAIT"].flatMap(Double.init) ?? 10
    let lock = try StoreLock(
      store: dataPath, holder: "pid \(getpid()), \(who), \(invocation.prefix(3).joined(separator: " "))",
      timeout: wait)
    defer { withExtendedLifetime(lock) {} }
    let loaded = try StoreReader.read(path: dataPath)
    if !loaded.unknownFields.isEmpty {
      throw CommandFailure(
        message:
          "\(dataPath): fields this version does not know would be lost by a rewrite, so nothing was written: "
          + loaded.unknownFields.prefix(10).joined(separator: ", ")
          + " (check their spelling against docs/FORMAT.md)",
        code: ExitCode.badData)
    }
    var tracker = loaded.tracker
    let touched = try body(&tracker)
    if tracker == loaded.tracker && !rewrite { return tracker }
    let written = try StoreWriter.replace(loaded, with: tracker, today: today)
    if touched.isEmpty { return tracker }
    let changes = touched.map {
      HistoryChange(
        reference: $0.reference, before: $0.snapshot(in: loaded.tracker), after: $0.snapshot(in: tracker))
    }
    let entry = HistoryEntry(
      at: timestamp(), by: who, command: invocation, changes: changes,
      storeDigest: StoreWriter.digest(written))
    do {
      try History.append(entry, store: dataPath)
    } catch {
      console.warning(
        "the change was saved, but the history could not be written: \(error.errorDescription ?? "")")
    }
    return tracker
  }

  func timestamp() -> String {
    if let fixed = environment["LEARNING_TRACKER_TIMESTAMP"] { return fixed }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}

/// A record a command touched, named so that the history can show it before and after.
enum TouchedRecord {
  /// The partnership's name, settings and privacy list.
  case partnership
  /// An entry of a catalogue: `themes`, `categories`, `disseminationMethods` or `section11Standards`.
  case catalogueEntry(catalogue: String, id: String)
  case agency(String)
  case review(String)
  case recommendation(RecommendationReference)
  case action(ActionReference)
  case dissemination(String)
  case section11(agency: String, cycle: String)

  var reference: String {
    switch self {
    case .partnership: "partnership:details"
    case .catalogueEntry(let catalogue, let id): "\(catalogue):\(id)"
    case .agency(let id): "agency:\(id)"
    case .review(let id): id
    case .recommendation(let reference): reference.description
    case .action(let reference): reference.description
    case .dissemination(let id): "dissemination:\(id)"
    case .section11(let agency, let cycle): "section11:\(agency):\(cycle)"
    }
  }

  func snapshot(in tracker: Tracker) -> JSONValue? {
    switch self {
    case .partnership:
      return History.snapshot(tracker.partnership)
    case .catalogueEntry(let catalogue, let id):
      return tracker.catalogue(catalogue)?.first { $0.id == id }.flatMap { History.snapshot($0) }
    case .agency(let id):
      return tracker.agency(id).flatMap { History.snapshot($0) }
    case .review(let id):
      return tracker.reviews.first { $0.id == id }.flatMap { History.snapshot($0) }
    case .recommendation(let reference):
      guard let review = tracker.reviews.first(where: { $0.id == reference.review }),
        let recommendation = review.recommendations.first(where: { $0.id == reference.recommendation })
      else { return nil }
      var copy = recommendation
      copy.actions = []
      return History.snapshot(copy)
    case .action(let reference):
      guard let (r, m, a) = tracker.actionIndex(reference) else { return nil }
      return History.snapshot(tracker.reviews[r].recommendations[m].actions[a])
    case .dissemination(let id):
      return tracker.disseminations.first { $0.id == id }.flatMap { History.snapshot($0) }
    case .section11(let agency, let cycle):
      return tracker.section11.first { $0.agency == agency && $0.cycle == cycle }.flatMap {
        History.snapshot($0)
      }
    }
  }
}

extension Tracker {
  /// The catalogues a history reference can name, by their key in the store.
  static var catalogueKeys: [String: WritableKeyPath<Tracker, [CatalogueEntry]>] {
    [
      "themes": \.themes, "categories": \.categories, "disseminationMethods": \.disseminationMethods,
      "section11Standards": \.section11Standards,
    ]
  }

  /// A catalogue by its key in the store.
  func catalogue(_ key: String) -> [CatalogueEntry]? {
    Self.catalogueKeys[key].map { self[keyPath: $0] }
  }
}

/// Encodes a value as pretty JSON with sorted keys and a final newline, every control character
/// in its strings written as a `\\u` escape (the same text, safe on a terminal).
func jsonText(_ value: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return Escape.terminalJSON(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
}
