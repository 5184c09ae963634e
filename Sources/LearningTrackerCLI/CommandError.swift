import Foundation
import LearningReports
import LearningStore

/// Why a command failed: the one error type of the command line. Each case has its exit code,
/// chosen in `exitCode` and nowhere else.
public enum CommandError: Error, Equatable, Sendable {
  /// The words are wrong; `command` names the command whose help to point to.
  case usage(String, command: String? = nil)
  /// Findings the user asked to fail on (overdue actions, personal data).
  case findings(String)
  /// The data cannot be used as it is.
  case badData(String)
  /// The store or an input file is missing or cannot be opened or read.
  case missingInput(String)
  /// A file cannot be written, or already exists.
  case cannotWrite(String)
  /// An input or output error after a file was opened.
  case inputOutput(String)
  /// Another writer holds the store, or it changed meanwhile.
  case busy(String)
  /// `undo` or `redo` refused: the store changed since the entry, or the entry needs redacted text.
  case changedSince(String)

  /// The exit code for the error, from the one map (`ExitCode.code(for:)`).
  public var exitCode: Int32 { ExitCode.code(for: self) }

  /// The message for the user.
  public var message: String {
    switch self {
    case .usage(let message, _), .findings(let message), .badData(let message), .missingInput(let message),
      .cannotWrite(let message), .inputOutput(let message), .busy(let message), .changedSince(let message):
      message
    }
  }

  /// A store error as a command error. An unreadable store is "missing input" (66), like a
  /// missing one: the command could not get at its input.
  public init(_ error: StoreError) {
    let message = error.errorDescription ?? "\(error)"
    switch error {
    case .notFound, .unreadable:
      self = .missingInput(message)
    case .empty, .tooLarge, .syntax, .notAnObject, .missingSchemaVersion, .schemaTooNew, .schemaTooOld,
      .problems,
      .invalid:
      self = .badData(message)
    case .alreadyExists, .cannotWrite:
      self = .cannotWrite(message)
    case .busy, .changedOnDisk:
      self = .busy(message)
    case .historyNotWritten:
      self = .inputOutput(message)
    case .changedSince, .needsRedactedText:
      self = .changedSince(message)
    case .unknownFields, .historyFailsCheck, .badHistoryRecord:
      self = .badData(message)
    case .nothingTo:
      self = .usage(message)
    }
  }

  /// A report request the report refuses, as a usage error.
  public init(_ error: ReportRequestError, command: String) {
    self = .usage(error.message, command: command)
  }

  /// Any error a command threw, as a command error.
  static func from(_ error: any Error, command: String?) -> CommandError {
    switch error {
    case let error as CommandError: error
    case let error as StoreError: CommandError(error)
    case let error as ReportRequestError: CommandError(error, command: command ?? "report")
    case let error as OutputFileNameError: .badData(error.errorDescription ?? "a file name could not be made")
    default:
      // Never a Foundation error domain or number: say what kind of failure it was.
      .badData("\(command ?? "learning-tracker") failed: \(String(describing: type(of: error)))")
    }
  }
}
