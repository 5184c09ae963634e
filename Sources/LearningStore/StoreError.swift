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
  /// The store failed validation, so it was not written (or cannot be used).
  case invalid(file: String, diagnostics: [Diagnostic])
  case alreadyExists(file: String)
  case cannotWrite(file: String, reason: String)
  /// Another writer holds the lock.
  case busy(file: String, holder: String?)
  /// The file changed on disk after it was read; writing would lose someone's change.
  case changedOnDisk(file: String)

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
    case .invalid(let file, let diagnostics):
      "\(file): the store has \(diagnostics.filter { $0.severity == .error }.count) error(s); nothing was written\n"
        + diagnostics.filter { $0.severity == .error }.map { "  \($0.path): \($0.message)" }.joined(
          separator: "\n")
    case .alreadyExists(let file):
      "\(file): already exists; it was left as it is"
    case .cannotWrite(let file, let reason):
      "\(file): cannot write: \(reason)"
    case .busy(let file, let holder):
      "\(file): another learning-tracker is writing this store" + (holder.map { " (\($0))" } ?? "")
        + "; try again in a moment"
    case .changedOnDisk(let file):
      "\(file): the file changed on disk while this command ran; nothing was written, run the command again"
    }
  }
}

/// A problem found when reading a store: where it is (line and column from 1, and the JSON path)
/// and what is wrong.
public struct StoreProblem: Equatable, Sendable {
  public var line: Int
  public var column: Int
  /// Such as `reviews[3].recommendations[0].actions[1].due`; empty for the top level.
  public var path: String
  public var message: String

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
