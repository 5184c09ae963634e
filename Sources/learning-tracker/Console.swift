import Foundation
import LearningReports

/// Where a command's output goes: data to `out`, messages to `err`.
///
/// Everything meant for a person passes through `Escape.terminal` here, so that no text from the
/// store or the arguments can drive the terminal: listings, reports in text, messages. Documents in
/// an exchange format go through `document`, which keeps them exactly unless standard output is a
/// terminal.
final class Console {
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// Whether messages may be coloured (a terminal, and `NO_COLOR` not set).
  let colour: Bool
  /// Whether standard output is a terminal.
  let outIsTerminal: Bool

  init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, colour: Bool = false,
    outIsTerminal: Bool = false
  ) {
    writeOut = out
    writeErr = err
    self.colour = colour
    self.outIsTerminal = outIsTerminal
  }

  /// The process's standard output and standard error.
  static var standard: Console {
    Console(
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) },
      colour: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
      outIsTerminal: isatty(1) == 1)
  }

  /// Text for a person on standard output, with every control character shown visibly.
  func out(_ text: String) { writeOut(Escape.terminal(text)) }

  /// A document in an exchange format (Markdown, HTML, CSV, JSON made safe by `Escape.terminalJSON`)
  /// on standard output: written exactly as rendered, except to a terminal, where control
  /// characters are shown visibly as everywhere else.
  func document(_ text: String) {
    writeOut(outIsTerminal ? Escape.terminal(text.replacingOccurrences(of: "\r\n", with: "\n")) : text)
  }

  /// `learning-tracker: error: message`, one diagnostic format for every message.
  func error(_ message: String) {
    writeErr(label("error", code: "31") + Escape.terminal(message) + "\n")
  }

  func warning(_ message: String) {
    writeErr(label("warning", code: "33") + Escape.terminal(message) + "\n")
  }

  func note(_ message: String) {
    writeErr("learning-tracker: " + Escape.terminal(message) + "\n")
  }

  private func label(_ word: String, code: String) -> String {
    colour ? "learning-tracker: \u{1B}[\(code)m\(word)\u{1B}[0m: " : "learning-tracker: \(word): "
  }
}

/// Documented exit codes (sysexits).
enum ExitCode {
  static let ok: Int32 = 0
  /// Findings asked for, such as overdue actions with `--fail-on-overdue`, or personal data found.
  static let findings: Int32 = 1
  static let usage: Int32 = 64
  static let badData: Int32 = 65
  static let missingFile: Int32 = 66
  static let cannotWrite: Int32 = 73
  static let busy: Int32 = 75
}
