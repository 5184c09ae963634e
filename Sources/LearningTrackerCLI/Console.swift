import Foundation
import LearningReports

/// Where a command's output goes: data to `out`, messages to the error stream.
///
/// Everything meant for a person passes through `Escape.terminal` here, so that no text from the
/// store or the arguments can drive the terminal: listings, reports in text, help, messages.
/// Documents in an exchange format (Markdown, HTML, CSV, and JSON made safe by
/// `Escape.terminalJSON`) are written exactly with `exact`, except to a terminal, where control
/// characters are shown visibly as everywhere else.
public final class Console {
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// Writes bytes to standard output as they are, when the console can (large reports).
  private var writeOutBytes: ((UnsafeRawBufferPointer) -> Void)?
  /// Whether messages may be coloured (a terminal, and `NO_COLOR` not set).
  public let colour: Bool
  /// Whether the output goes to a terminal, so text-format data is made safe for one.
  public let outputIsTerminal: Bool
  /// Whether standard input is a terminal, so that a command may ask a question and wait.
  public let inputIsTerminal: Bool
  /// Reads one line of answer; nil at the end of the input.
  private let readAnswer: () -> String?

  /// A console writing output and messages through the given functions; `answers` gives each
  /// line typed in answer to a question.
  public init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, colour: Bool = false,
    outputIsTerminal: Bool = false, inputIsTerminal: Bool = false, answers: @escaping () -> String? = { nil }
  ) {
    writeOut = out
    writeErr = err
    self.colour = colour
    self.outputIsTerminal = outputIsTerminal
    self.inputIsTerminal = inputIsTerminal
    readAnswer = answers
  }

  /// Asks a question on the error stream and reads the answer; nil at the end of the input.
  public func ask(_ question: String) -> String? {
    writeErr("learning-tracker: " + Escape.terminal(question) + " ")
    return readAnswer()
  }

  /// The process's standard output and standard error.
  public static var standard: Console {
    let console = Console(
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) },
      colour: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
      outputIsTerminal: isatty(1) == 1, inputIsTerminal: isatty(0) == 1, answers: { readLine() })
    console.writeOutBytes = { bytes in
      var start = 0
      while start < bytes.count {
        let end = min(start + (1 << 20), bytes.count)
        FileHandle.standardOutput.write(Data(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
        start = end
      }
    }
    return console
  }

  /// Writes a rendered document exactly as `out(bytes:)` writes its UTF-8, straight from the
  /// text's own storage: a page of a hundred megabytes is not copied whole.
  public func out(document text: String) {
    guard let writeOutBytes, !outputIsTerminal else {
      out(text, exact: !outputIsTerminal)
      return
    }
    var text = text
    text.withUTF8 { writeOutBytes(UnsafeRawBufferPointer($0)) }
  }

  /// Writes UTF-8 data exactly as it is (JSON, CSV, HTML, Markdown), in large pieces when the
  /// console can; when standard output is a terminal, it is made safe for one first.
  public func out(bytes: [UInt8]) {
    if let writeOutBytes, !outputIsTerminal {
      bytes.withUnsafeBytes(writeOutBytes)
    } else {
      out(String(decoding: bytes, as: UTF8.self), exact: !outputIsTerminal)
    }
  }

  /// Writes data: text for a person always with every control character shown visibly; with
  /// `exact`, a document in an exchange format, written as rendered unless the output is a terminal.
  public func out(_ text: String, exact: Bool = false) {
    if exact && !outputIsTerminal {
      writeOut(text)
    } else {
      writeOut(Escape.terminal(exact ? text.replacingOccurrences(of: "\r\n", with: "\n") : text))
    }
  }

  /// `learning-tracker: error: message`, one diagnostic format for every message.
  public func error(_ message: String) {
    writeErr(label("error", code: "31") + Escape.terminal(message) + "\n")
  }

  /// `learning-tracker: warning: message`.
  public func warning(_ message: String) {
    writeErr(label("warning", code: "33") + Escape.terminal(message) + "\n")
  }

  /// `learning-tracker: message`, for what was done.
  public func note(_ message: String) {
    writeErr("learning-tracker: " + Escape.terminal(message) + "\n")
  }

  private func label(_ word: String, code: String) -> String {
    colour ? "learning-tracker: \u{1B}[\(code)m\(word)\u{1B}[0m: " : "learning-tracker: \(word): "
  }
}
