import Foundation
import LearningModel

/// Why a store could not be read or written. Each message names the file and the place.
public enum StoreError: Error, Equatable, LocalizedError, Sendable {
  case notFound(file: String)
  case unreadable(file: String, reason: String)
  case empty(file: String)
  case tooLarge(file: String, bytes: Int, limit: Int)
  case syntax(file: String, line: Int, column: Int, message: String)
  case notAnObject(file: String, found: String)
  case missingSchemaVersion(file: String)
  case schemaTooNew(file: String, found: Int, supported: Int)
  case schemaTooOld(file: String, found: Int)
  /// Values of the wrong type, missing, not in their vocabulary, or given twice: every one the
  /// read found, in the order of the file.
  case problems(file: String, [StoreProblem])
  /// A record recorded in the history cannot be read back (for undo or redo): the history file,
  /// the entry's number from 1, the record's reference and what is wrong.
  case badHistoryRecord(file: String, entry: Int, reference: String, message: String)
  /// The store failed validation, so it was not written (or cannot be used).
  case invalid(file: String, diagnostics: [Diagnostic])
  case alreadyExists(file: String)
  case cannotWrite(file: String, reason: String)
  /// Another writer holds the lock.
  case busy(file: String, holder: String?)
  /// The file changed on disk after it was read; writing would lose someone's change.
  case changedOnDisk(file: String)
  /// The history entry could not be written, so the change was not made.
  case historyNotWritten(file: String, reason: String)
  /// `undo` or `redo` is refused because the store changed since the entry, in the way `what` says.
  case changedSince(file: String, entry: String, what: String)
  /// Fields the format does not know would be lost by a rewrite.
  case unknownFields(file: String, fields: [String])
  /// The history's chain does not verify, so undo and redo will not trust it: the
  /// `historyChainBroken` diagnostic naming the file and the first entry that fails.
  case historyFailsCheck(Diagnostic)
  /// There is nothing to undo (or redo).
  case nothingTo(file: String, verb: String, reason: String)
  /// Undoing (or redoing) would need text that was redacted.
  case needsRedactedText(file: String, entry: String, reference: String)

  /// The error as the user reads it: the file, what went wrong, and what to do.
  public var errorDescription: String? {
    switch self {
    case .notFound(let file):
      "\(file): no such file (create one with 'learning-tracker init', or name another with --data)"
    case .unreadable(let file, let reason):
      "\(file): cannot read the file: \(reason)"
    case .empty(let file):
      "\(file): the file is empty (expected a JSON object with schemaVersion, partnership and reviews)"
    case .tooLarge(let file, let bytes, let limit):
      "\(file): the file is \(bytes) bytes, larger than the \(limit)-byte limit"
    case .syntax(let file, let line, let column, let message):
      "\(file):\(line):\(column): not valid JSON: \(message)"
    case .notAnObject(let file, let found):
      "\(file): the store must be a JSON object, found \(found)"
    case .missingSchemaVersion(let file):
      "\(file): schemaVersion is missing (expected \"schemaVersion\": \(Tracker.currentSchemaVersion) at the top)"
    case .schemaTooNew(let file, let found, let supported):
      "\(file): schemaVersion \(found) is newer than this learning-tracker understands (up to \(supported)); upgrade learning-tracker"
    case .schemaTooOld(let file, let found):
      "\(file): schemaVersion \(found) is not a version of the store format (versions start at 1)"
    case .problems(let file, let problems):
      StoreProblem.describe(problems, in: file)
    case .badHistoryRecord(let file, let entry, let reference, let message):
      "\(file): history entry \(entry): \(reference): \(message)"
    case .invalid(let file, let diagnostics):
      "\(file): the store has \(plural(diagnostics.filter { $0.severity == .error }.count, "error")); nothing was written\n"
        + diagnostics.filter { $0.severity == .error }.map { "  " + $0.text() }.joined(separator: "\n")
    case .alreadyExists(let file):
      "\(file): already exists; it was left as it is"
    case .cannotWrite(let file, let reason):
      "\(file): cannot write: \(reason)"
    case .busy(let file, let holder):
      "\(file): another learning-tracker is writing this store" + (holder.map { " (\($0))" } ?? "")
        + "; try again in a moment"
    case .changedOnDisk(let file):
      "\(file): the file changed on disk while this command ran; nothing was written, run the command again"
    case .historyNotWritten(let file, let reason):
      "\(file): cannot write the history entry (\(reason)); the change was not made and the store is unchanged"
    case .changedSince(let file, let entry, let what):
      "\(file): cannot revert \(entry): \(what); nothing was changed"
    case .unknownFields(let file, let fields):
      "\(file): fields this version does not know would be lost by a rewrite, so nothing was written: "
        + fields.prefix(10).joined(separator: ", ") + " (check their spelling against docs/FORMAT.md)"
    case .historyFailsCheck(let failure):
      "\(failure.text()); undo and redo are refused until the history is explained (see docs/history.md)"
    case .nothingTo(let file, let verb, let reason):
      "\(file): there is nothing to \(verb): \(reason)"
    case .needsRedactedText(let file, let entry, let reference):
      "\(file): cannot revert \(entry): \(reference) held text that has since been redacted, and it cannot be restored"
    }
  }
}

extension StoreError {
  /// What is wrong with a text read on its own (a record or a store kept in the history), without
  /// the file: `PATH: message` for each problem, separated by semicolons.
  var problemsInWords: String {
    switch self {
    case .problems(_, let problems):
      problems.prefix(StoreProblem.listed).map {
        ($0.path.isEmpty ? "(top level)" : $0.path) + ": " + $0.message
      }
      .joined(separator: "; ")
    case .syntax(_, _, let column, let message): "not valid JSON at character \(column): \(message)"
    case .notAnObject(_, let found): "expected an object, found \(found)"
    default: errorDescription ?? "it cannot be read"
    }
  }
}

/// A problem found when reading a store: where it is (line and column from 1, and the JSON path)
/// and what is wrong.
public struct StoreProblem: Equatable, Sendable {
  /// The line of the problem, from 1.
  public var line: Int
  /// The column of the problem, from 1.
  public var column: Int
  /// Such as `reviews[3].recommendations[0].actions[1].due`; empty for the top level.
  public var path: String
  /// What is wrong there.
  public var message: String

  /// A problem at `line` and `column`, at the JSON path `path`.
  public init(line: Int, column: Int, path: String, message: String) {
    self.line = line
    self.column = column
    self.path = path
    self.message = message
  }

  /// The most problems a message lists; the rest are counted.
  static let listed = 100

  /// `FILE:LINE:COLUMN: PATH: message`, one line per problem.
  static func describe(_ problems: [StoreProblem], in file: String) -> String {
    var lines = problems.prefix(listed).map {
      "\(file):\($0.line):\($0.column): \($0.path.isEmpty ? "(top level)" : $0.path): \($0.message)"
    }
    if problems.count > listed { lines.append("\(file): and \(problems.count - listed) more problems") }
    if problems.count > 1 { lines.insert("\(file): \(problems.count) problems; nothing was read", at: 0) }
    return lines.joined(separator: "\n")
  }
}
