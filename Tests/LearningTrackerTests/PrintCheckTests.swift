import Foundation
import Testing

/// Runs `Benchmarks/print-check`, which prints every HTML report of the demo store and of a
/// 200-review store to A4 PDF with headless Chromium and checks that no cell is lost, no word is
/// split across lines, every footer is on one line, no first page is near empty, no caption or
/// header row is left at a page's foot and the board paper is at most two pages, when Chromium and
/// pdftotext are installed; skipped otherwise.
@Suite struct PrintCheckTests {
  /// The first executable of a name on the PATH.
  static func installed(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }

  static let printingAvailable =
    (installed("chromium") || installed("chromium-browser") || installed("google-chrome"))
    && installed("pdftotext") && installed("python3")

  /// The split-word rule of the print check on small examples: "Counci" then "l" is a split
  /// word, "community-" then "health" is a break at a hyphen, "in" then "to" are two words.
  @Test(.enabled(if: installed("python3"), "skipped: python3 is not installed"))
  func theSplitWordRuleFindsWordsBrokenAcrossLines() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", packageRoot.appendingPathComponent("Benchmarks/print-check").path, "--self-test",
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("every case right"), "\(text)")
  }

  @Test(
    .enabled(
      if: printingAvailable,
      "skipped: Chromium, pdftotext or python3 is not installed, so reports were not printed"))
  func everyReportPrintsWithoutLosingACellOrSplittingAWord() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", packageRoot.appendingPathComponent("Benchmarks/print-check").path,
      "--tracker", try builtExecutable().path,
    ]
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("every cell printed, no word split across lines"), "\(text)")
  }
}
