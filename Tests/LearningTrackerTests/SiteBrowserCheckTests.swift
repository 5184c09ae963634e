import Foundation
import Testing

/// Runs `Benchmarks/site-check`, which writes the learning site of the demo store and of a
/// 200-review store and checks it in headless Chromium through WebDriver: every link resolves,
/// every review, agency and theme has its page, the search box lists a finding's review, and
/// axe-core finds no violations on the home, review, agency, theme and search pages. Skipped, with
/// the reason, when Chromium, chromedriver or selenium is not installed.
@Suite struct SiteBrowserCheckTests {
  static func python(_ arguments: [String]) throws -> (status: Int32, text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  static let browserAvailable: Bool = {
    guard PrintCheckTests.installed("python3"),
      PrintCheckTests.installed("chromium") || PrintCheckTests.installed("chromium-browser"),
      PrintCheckTests.installed("chromedriver")
    else { return false }
    return (try? python(["-c", "import selenium"]).status) == 0
  }()

  static var script: String { packageRoot.appendingPathComponent("Benchmarks/site-check").path }

  /// The link rule and the choice of a search word, on small examples.
  @Test(.enabled(if: PrintCheckTests.installed("python3"), "skipped: python3 is not installed"))
  func theLinkRuleFindsLinksThatLeadNowhere() throws {
    let result = try Self.python([Self.script, "--self-test"])
    #expect(result.status == 0, "\(result.text)")
    #expect(result.text.contains("every case right"), "\(result.text)")
  }

  @Test(
    .enabled(
      if: browserAvailable,
      "skipped: Chromium, chromedriver or selenium (pip install selenium) is not installed, so the site was not checked in a browser"
    ))
  func theSiteWorksInABrowserAndAxeFindsNoViolations() throws {
    let result = try Self.python([Self.script, "--tracker", try builtExecutable().path])
    #expect(result.status == 0, "\(result.text)")
    #expect(result.text.contains("axe finds no violations"), "\(result.text)")
  }
}
