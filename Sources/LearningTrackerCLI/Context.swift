import Foundation
import LearningModel
import LearningStore

/// What every command can use: where output goes, the environment, today, the store's path.
public struct Context {
  let console: Console
  let environment: [String: String]
  let today: CalendarDay
  let dataPath: String
  /// The command's words as given, for the change history.
  let invocation: [String]
  /// The command being run and its checked arguments, for naming options in refusals.
  var command: Command? = nil
  var arguments: ParsedArguments? = nil

  /// Who is making a change: `--by`, else `$LEARNING_TRACKER_USER`, else `$USER`.
  func who(_ by: String?) -> String {
    by ?? environment["LEARNING_TRACKER_USER"] ?? environment["USER"] ?? "unknown"
  }
}

extension Context {
  /// Reads the store, once, through the one reader.
  func load() throws -> LoadedStore {
    try StoreReader.read(path: dataPath)
  }

  /// The one way a command changes the store: applies the change set `build` makes from the store
  /// as read under its lock, through the one change path (`StoreTransaction`, `ChangeSet` under
  /// `DomainRules`), in one history entry. `build` states the command's intent (add a record, add
  /// an update to an action, correct an action's fields, remove a record). Nothing is written when
  /// `build` throws, when the change is refused or fails validation, when the file changed
  /// meanwhile, or when the history entry cannot be written; a refusal is put in the terms of the
  /// command's options (`RefusalWording`). An empty change set, or one that leaves the store as it
  /// was, writes nothing and records nothing.
  @discardableResult
  func apply(by who: String, _ build: (Tracker) throws -> ChangeSet) throws -> Tracker {
    try outcome { try transaction(by: who).change(build) }.tracker
  }

  /// Rewrites the store in the standard layout, changing no record (the `format` command).
  func rewrite(by who: String) throws {
    _ = try outcome { try transaction(by: who).rewrite() }
  }

  /// Runs a transaction, puts a refusal in the command's terms and prints what the history noticed.
  private func outcome(_ run: () throws -> TransactionOutcome) throws -> TransactionOutcome {
    let outcome: TransactionOutcome
    do {
      outcome = try run()
    } catch let refusal as ChangeRefusal {
      throw CommandError.usage(
        RefusalWording.message(for: refusal, command: command, arguments: arguments, today: today))
    }
    report(outcome.warnings)
    return outcome
  }

  /// A transaction on the store for the operator (`LEARNING_TRACKER_USER`, else `$USER`), on
  /// behalf of `who` when that is someone else.
  func transaction(by who: String) -> StoreTransaction {
    let operatorName = environment["LEARNING_TRACKER_USER"] ?? environment["USER"] ?? "unknown"
    return StoreTransaction(
      store: dataPath, operatorName: operatorName, by: who == operatorName ? nil : who, command: invocation,
      today: today, timestamp: timestamp(),
      lockWait: (try? EnvironmentSettings.lockWait(environment)) ?? 10)
  }

  /// Rewrites the store in the standard layout after `repair`, recording the records it touched
  /// before and after in one `format` history entry (the `format --fix-text` command).
  func rewrite(by who: String, repairing repair: (inout Tracker) -> [TouchedRecord]) throws {
    let outcome = try transaction(by: who).rewrite { tracker in repair(&tracker).map(\.recordReference) }
    report(outcome.warnings)
  }

  /// Prints what the history noticed (a torn last line set aside, a change made outside).
  func report(_ warnings: [Diagnostic]) {
    for warning in warnings { console.warning(DiagnosticText.terminal(warning)) }
  }

  func timestamp() -> String {
    if let fixed = environment["LEARNING_TRACKER_TIMESTAMP"] { return fixed }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}
