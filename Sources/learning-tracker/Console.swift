import Foundation

/// Where a command's output goes: data to `out`, messages to `err`.
final class Console {
  private let writeOut: (String) -> Void
  private let writeOutBytes: (([UInt8]) -> Void)?
  private let writeErr: (String) -> Void
  /// Whether messages may be coloured (a terminal, and `NO_COLOR` not set).
  let colour: Bool

  init(
    out: @escaping (String) -> Void, err: @escaping (String) -> Void, colour: Bool = false,
    outBytes: (([UInt8]) -> Void)? = nil
  ) {
    writeOut = out
    writeOutBytes = outBytes
    writeErr = err
    self.colour = colour
  }

  /// The process's standard output and standard error.
  static var standard: Console {
    Console(
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) },
      colour: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
      outBytes: { bytes in
        // In 1 MiB pieces: a large report is never copied whole again on its way out.
        var start = 0
        while start < bytes.count {
          let end = min(start + (1 << 20), bytes.count)
          FileHandle.standardOutput.write(bytes[start..<end].withUnsafeBytes { Data($0) })
          start = end
        }
      })
  }

  func out(_ text: String) { writeOut(text) }

  /// Writes UTF-8 bytes to standard output as they are (large reports).
  func out(bytes: [UInt8]) {
    if let writeOutBytes { writeOutBytes(bytes) } else { writeOut(String(decoding: bytes, as: UTF8.self)) }
  }

  /// `learning-tracker: error: message`, one diagnostic format for every message.
  func error(_ message: String) {
    writeErr(label("error", code: "31") + message + "\n")
  }

  func warning(_ message: String) {
    writeErr(label("warning", code: "33") + message + "\n")
  }

  func note(_ message: String) {
    writeErr("learning-tracker: " + message + "\n")
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
