import Foundation
import Testing

/// Runs `Benchmarks/print-check`, which prints every HTML report to A4 PDF with headless Chromium
/// and checks that no cell is lost, when Chromium and pdftotext are installed; skipped otherwise.
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

  @Test(
    .enabled(
      if: printingAvailable,
      "skipped: Chromium, pdftotext or python3 is not installed, so reports were not printed"))
  func everyReportPrintsWithoutLosingACell() throws {
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
    #expect(text.contains("every cell printed"), "\(text)")
  }
}
