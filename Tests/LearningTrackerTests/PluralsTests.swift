import Foundation
import LearningModel
import LearningReports
import Testing

/// Counts are written as a person writes them ("1 warning", "2 errors"), never "warning(s)": every
/// report of the demo store, in text and Markdown, and `validate` are checked through the binary.
@Suite struct PluralsTests {
  /// The forms that show a count was not written through `plural`.
  static let hedged = ["(s)", "(es)"]

  @Test(arguments: ReportRegistry.all.map(\.name))
  func demoReportsWriteNoHedgedPlurals(name: String) {
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    var arguments = ["report", name, "--data", seeds, "--as-of", "2026-11-20"]
    if name == "briefing" || name == "plan" { arguments += ["--review", "LCSPR-2024-06"] }
    if name == "digest" || name == "annual" { arguments += ["--year", "2025"] }
    for format in ["text", "markdown"] {
      let outcome = runTracker(arguments + ["--format", format])
      #expect(outcome.status == 0, "\(name) \(format): \(outcome.err)")
      #expect(!outcome.out.isEmpty, "\(name) \(format)")
      for form in Self.hedged {
        #expect(!outcome.out.contains(form), "report \(name) as \(format) writes \"\(form)\"")
        #expect(!outcome.err.contains(form), "report \(name) as \(format) notes \"\(form)\"")
      }
    }
  }

  @Test func validateWritesNoHedgedPlurals() {
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    let outcome = runTracker(["validate", "--data", seeds])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("0 errors, 1 warning; "), "\(outcome.err)")
    for form in Self.hedged {
      #expect(!outcome.out.contains(form) && !outcome.err.contains(form), "validate writes \"\(form)\"")
    }
  }

  @Test func countsAreSingularForOne() {
    #expect(plural(1, "update") == "1 update")
    #expect(plural(0, "update") == "0 updates")
    #expect(plural(2, "further match", "further matches") == "2 further matches")
  }
}
