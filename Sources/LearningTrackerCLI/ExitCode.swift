/// The documented exit codes (sysexits). `code(for:)` is the one map from a kind of error to its
/// code: a command returns `ok` or throws a `CommandError`, never another code. A command that has
/// already written out what it found (a report with `--fail-on-overdue`, `check privacy`,
/// `validate`) throws `.findings("")` or `.badData("")`, which end with their code and no message.
public enum ExitCode {
  /// Done.
  public static let ok: Int32 = 0
  /// Findings asked for, such as overdue actions with `--fail-on-overdue`, or personal data found.
  public static let findings: Int32 = 1
  /// The command's words are wrong: an unknown command or option, a missing or malformed value.
  public static let usage: Int32 = 64
  /// The data is wrong: a store, history or spreadsheet that cannot be used as it is.
  public static let badData: Int32 = 65
  /// The store or an input file is missing or cannot be opened or read.
  public static let missingInput: Int32 = 66
  /// A file cannot be written, or already exists and is left as it is.
  public static let cannotWrite: Int32 = 73
  /// An input or output error after a file was opened.
  public static let inputOutput: Int32 = 74
  /// Another writer holds the store, or it changed meanwhile: try again.
  public static let busy: Int32 = 75
  /// `undo` or `redo` refused because the store changed since the entry (or the entry would need
  /// text that was redacted): trying again cannot help.
  public static let changedSince: Int32 = 76

  /// The exit code of each kind of error: the one map.
  public static func code(for error: CommandError) -> Int32 {
    switch error {
    case .usage: usage
    case .findings: findings
    case .badData: badData
    case .missingInput: missingInput
    case .cannotWrite: cannotWrite
    case .inputOutput: inputOutput
    case .busy: busy
    case .changedSince: changedSince
    }
  }
}
