import Foundation
import LearningModel
import LearningReports
import Testing

/// Statuses, ratings and review kinds are shown in the partnership's words in every message, list
/// and text report, and the command line reads those words as well as the stored ones.
@Suite struct PartnershipWordsTests {
  /// A copy of the demo store in a new folder.
  static func demoStore() throws -> String {
    let copy = try temporaryFolder().appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: copy)
    return copy.path
  }

  /// What no text for people may show: the stored camelCase words of statuses, ratings and review
  /// kinds, such words in quotes as a program writes them, and "(s)" for a plural.
  static func rawWords(in text: String) -> [String] {
    // A step's ID in brackets ("[rapidReview]") is a name to type, not a word to read.
    let text = text.replacingOccurrences(of: #"\\?\[[A-Za-z]+\\?\]"#, with: "", options: .regularExpression)
    let stored =
      ActionStatus.allCases.map(\.rawValue) + BRAG.allCases.map(\.rawValue)
      + ReviewKind.allCases.map(\.rawValue)
    var found: [String] = []
    for word in stored where word != word.lowercased() {
      if text.range(of: #"\b"# + word + #"\b"#, options: .regularExpression) != nil { found.append(word) }
    }
    for word in stored where text.contains("\"\(word)\"") || text.contains("&quot;\(word)&quot;") {
      found.append("\"\(word)\"")
    }
    if text.contains("(s)") { found.append("(s)") }
    return found
  }

  @Test func theScanFindsRawWords() {
    #expect(Self.rawWords(in: "Status: inProgress") == ["inProgress"])
    #expect(Self.rawWords(in: "2 record(s)") == ["(s)"])
    #expect(Self.rawWords(in: #"rating "amber""#) == [#""amber""#])
    #expect(Self.rawWords(in: "Status: In progress; next Rapid Review template [rapidReview]").isEmpty)
  }

  @Test func wordsAreReadLeniently() {
    #expect(ActionStatus.reading("in progress") == .inProgress)
    #expect(ActionStatus.reading("In progress") == .inProgress)
    #expect(ActionStatus.reading("inProgress") == .inProgress)
    #expect(ActionStatus.reading("Not started") == .notStarted)
    #expect(ActionStatus.reading("Amber - on track") == .inProgress)
    #expect(ActionStatus.reading("See note") == nil)
    #expect(ReviewKind.reading("LCSPR") == .lcspr)
    #expect(ReviewKind.reading("lcspr") == .lcspr)
    #expect(ReviewKind.reading("Rapid Review") == .rapidReview)
    #expect(ReviewKind.reading("Local Child Safeguarding Practice Review") == .lcspr)
    #expect(ReviewKind.reading("SAR") == .safeguardingAdultReview)
    #expect(ReviewKind.reading("") == nil)
    #expect(BRAG.reading("amber") == .amber)
    #expect(BRAG.reading("Amber") == .amber)
    #expect(BRAG.reading("R") == .red)
    #expect(RecommendationResponse.reading("Partially accepted") == .partiallyAccepted)
    #expect(Section11Rating.reading("not met") == .notMet)
  }

  @Test func theCommandLineReadsThePartnershipsWords() throws {
    let store = try Self.demoStore()
    for word in ["in progress", "In progress", "inProgress"] {
      let listed = runTracker(["action", "list", "--status", word, "--as-of", "2026-11-20"], data: store)
      #expect(listed.status == 0, "\(word): \(listed.err)")
      #expect(listed.out.contains("In progress"))
      #expect(!listed.out.contains("Completed"))
    }
    let refused = runTracker(["action", "list", "--status", "half done"], data: store)
    #expect(refused.status == 64)
    #expect(refused.err.contains("expected one of"))
    for word in ["LCSPR", "lcspr", "Local Child Safeguarding Practice Review"] {
      let updated = runTracker(["review", "update", "LCSPR-2024-06", "--kind", word], data: store)
      #expect(updated.status == 0, "\(word): \(updated.err)")
    }
    for word in ["amber", "Amber"] {
      let updated = runTracker(
        [
          "action", "update", "LCSPR-2024-06/1.2", "--reported", word, "--note", "Checked", "--date",
          "2026-11-20",
        ],
        data: store)
      #expect(updated.status == 0, "\(word): \(updated.err)")
      #expect(!updated.err.contains("inProgress"))
    }
    let added = runTracker(
      ["timetable", "add", "huddle", "--name", "Family huddle", "--kind", "Rapid Review", "--kind", "LCSPR"],
      data: store)
    #expect(added.status == 0, "\(added.err)")
  }

  /// Every `list` and `show` command's text, and every message of a change.
  @Test func listsShowsAndMessagesSpeakThePartnershipsWords() throws {
    let store = try Self.demoStore()
    let commands: [[String]] = [
      ["action", "list", "--as-of", "2026-11-20"],
      ["action", "show", "LCSPR-2024-06/1.2", "--as-of", "2026-11-20"],
      ["action", "show", "LCSPR-2025-02/1.1", "--as-of", "2026-11-20"],
      ["review", "list", "--as-of", "2026-11-20"],
      ["review", "show", "LCSPR-2024-06", "--as-of", "2026-11-20"],
      ["review", "show", "RR-2026-04", "--as-of", "2026-11-20"],
      ["timetable", "list"], ["checklist", "list"], ["agency", "list"], ["dissemination", "list"],
      ["section11", "list"], ["theme", "list"], ["method", "list"],
      [
        "action", "update", "LCSPR-2024-06/1.2", "--status", "in progress", "--note", "x", "--date",
        "2026-11-20",
      ],
    ]
    for command in commands {
      let outcome = runTracker(command, data: store)
      #expect(outcome.status == 0, "\(command.joined(separator: " ")): \(outcome.err)")
      var shown = outcome.out
      if command == ["timetable", "list"] {
        // The Step column holds each step's ID, the name `review step` is given.
        shown = shown.split(separator: "\n").map {
          $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        .joined(separator: "\n")
      }
      let found = Self.rawWords(in: shown + outcome.err)
      #expect(found.isEmpty, "\(command.joined(separator: " ")) shows \(found)")
    }
  }

  /// Every text report (Markdown, HTML and text) of the demo store and of a generated store.
  @Test(arguments: ["demo", "generated"])
  func textReportsSpeakThePartnershipsWords(store kind: String) throws {
    let folder = try temporaryFolder()
    var store = try Self.demoStore()
    var review = "LCSPR-2024-06"
    if kind == "generated" {
      store = folder.appendingPathComponent("generated.json").path
      let generated = runTracker(["generate", "--reviews", "12", "--output", store])
      #expect(generated.status == 0, "\(generated.err)")
      review = ""
    }
    let all = folder.appendingPathComponent("all")
    let made = runTracker(
      [
        "report", "all", "--as-of", "2026-11-20", "--since", "2026-09-17", "--year", "2025", "--output-dir",
        all.path,
      ], data: store)
    #expect(made.status == 0, "\(made.err)")
    for name in try FileManager.default.contentsOfDirectory(atPath: all.path)
    where name.hasSuffix(".md") || name.hasSuffix(".html") || name.hasSuffix(".txt") {
      let text = try String(contentsOf: all.appendingPathComponent(name), encoding: .utf8)
      let found = Self.rawWords(in: text)
      #expect(found.isEmpty, "\(kind) \(name) shows \(found)")
    }
    for report in ReportRegistry.all {
      var arguments = ["report", report.name, "--as-of", "2026-11-20", "--format", "text"]
      if report.requiredFilters.contains(.review) {
        guard !review.isEmpty else { continue }
        arguments += ["--review", review]
      }
      let outcome = runTracker(arguments, data: store)
      #expect(outcome.status == 0 || outcome.status == 1, "\(kind) report \(report.name): \(outcome.err)")
      let found = Self.rawWords(in: outcome.out)
      #expect(found.isEmpty, "\(kind) report \(report.name) as text shows \(found)")
    }
  }
}
