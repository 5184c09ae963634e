import Foundation
import LearningModel
import LearningReports
import LearningStore
import LearningTestSupport
import Testing

/// The README's table of reports, made from the registry.
func reportTable() -> String {
  var lines = [
    "| report | what it gives | filters it honours | its own options | in `report all` |",
    "| --- | --- | --- | --- | --- |",
  ]
  for kind in ReportRegistry.all {
    let filters = kind.filters.map { filter in
      "`\(filter.filter.option)`" + (kind.requiredFilters.contains(filter.filter) ? " (required)" : "")
    }
    let options = kind.parameters.map { "`" + $0.option + ($0.placeholder.map { " " + $0 } ?? "") + "`" }
    lines.append(
      "| `\(kind.name)` | \(kind.summary) | \(filters.isEmpty ? "none" : filters.joined(separator: " "))"
        + " | \(options.isEmpty ? "" : options.joined(separator: " ")) | \(kind.pack == nil ? "no" : "yes") |"
    )
  }
  return lines.joined(separator: "\n")
}

@Suite struct ReportRegistryTests {
  static let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path

  @Test func readmeTableMatchesTheRegistry() throws {
    let url = packageRoot.appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    let start = "<!-- reports: made from ReportRegistry; a test checks this table -->\n"
    let end = "\n<!-- /reports -->"
    let head = try #require(readme.range(of: start))
    let tail = try #require(readme.range(of: end, range: head.upperBound..<readme.endIndex))
    let table = String(readme[head.upperBound..<tail.lowerBound])
    if GoldenFile.isRecording {
      try (String(readme[..<head.upperBound]) + reportTable() + String(readme[tail.lowerBound...]))
        .write(to: url, atomically: true, encoding: .utf8)
      return
    }
    if let diff = LineDiff.render(expected: table, actual: reportTable()) {
      Issue.record(
        "README.md's table of reports differs from ReportRegistry (- README, + registry):\n\(diff)")
    }
  }

  @Test func namesAreUniqueAndEveryReportHasACommand() {
    let names = ReportRegistry.all.map(\.name)
    #expect(Set(names).count == names.count)
    for name in names {
      let help = runTracker(["report", name, "--help"])
      #expect(help.status == 0)
      #expect(help.out.hasPrefix("Usage: learning-tracker report \(name)"))
    }
  }

  /// Every report either honours each filter or refuses it with exit 64, naming the filter, before
  /// the store is read.
  @Test(arguments: ReportRegistry.all.map(\.name))
  func everyFilterIsHonouredOrRefused(_ name: String) throws {
    let kind = try #require(ReportRegistry.kind(named: name))
    for filter in ReportFilter.allCases where !kind.honours(filter) {
      let value = filter == .year ? "2025" : "police"
      let outcome = runTracker(["report", name, filter.option, value], data: "/nonexistent/tracker.json")
      #expect(outcome.status == 64)
      #expect(outcome.err.contains("report \(name) does not take \(filter.option)"), "\(outcome.err)")
    }
    let extra: [String] = kind.requiredFilters.contains(.review) ? ["--review", "LCSPR-2025-02"] : []
    for filter in kind.filters.map(\.filter) where filter != .year && !kind.requiredFilters.contains(filter) {
      // A filter naming nothing in the store is a usage error with a suggestion.
      let outcome = runTracker(
        ["report", name, filter.option, "nosuch", "--as-of", "2026-11-20"] + extra, data: Self.seeds)
      #expect(outcome.status == 64, "\(filter): \(outcome.err)")
      #expect(outcome.err.contains("\(filter.option): no \(filter.rawValue) \"nosuch\""), "\(outcome.err)")
    }
  }

  /// A filter a report honours changes what it shows: the theme narrows the overdue list to the
  /// actions whose recommendation or review carries the theme.
  @Test func themeNarrowsTheOverdueList() throws {
    let tracker = try StoreReader.read(path: Self.seeds).tracker
    let asOf = try #require(CalendarDay("2026-11-20"))
    let all = try #require(ReportRegistry.kind(named: "overdue")).build(tracker, ReportOptions(asOf: asOf))
    let themed = try #require(ReportRegistry.kind(named: "overdue")).build(
      tracker, ReportOptions(asOf: asOf, theme: "voice-of-the-child"))
    let everyLine = try #require(all as? OverdueReport).overdue
    let themedLines = try #require(themed as? OverdueReport).overdue
    let expected = everyLine.filter { line in
      tracker.placedActions.contains {
        $0.reference.description == line.reference
          && ($0.recommendation.themes.contains("voice-of-the-child")
            || $0.review.themes.contains("voice-of-the-child"))
      }
    }
    #expect(!expected.isEmpty && expected.count < everyLine.count)
    #expect(themedLines.map(\.reference) == expected.map(\.reference))
  }

  /// `report all` writes one file per pack entry and format, all from one reading of the store.
  @Test func thePackFollowsTheRegistry() throws {
    let tracker = try StoreReader.read(path: Self.seeds).tracker
    let asOf = try #require(CalendarDay("2026-11-20"))
    let files = ReportRegistry.pack(tracker, asOf: asOf, since: asOf.adding(days: -56), year: 2025)
    let expected = ReportRegistry.all.compactMap { kind in kind.pack.map { (kind, $0) } }
      .reduce(0) { $0 + $1.1.formats.count }
    #expect(files.count == expected)
    #expect(Set(files.map(\.name)).count == files.count)
    #expect(files.contains { $0.name == "digest-2025.html" })
  }

  @Test func thePackNamesEachReportItLeavesOut() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("tracker.json").path
    for step in [
      ["init"], ["review", "add", "--id", "RR-2026-01", "--kind", "rapidReview", "--title", "Child A"],
    ] {
      #expect(runTracker(step, data: path).status == 0)
    }
    let outcome = runTracker(
      ["report", "all", "--output-dir", folder.appendingPathComponent("pack").path], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    for name in ["briefing", "plan"] {
      #expect(
        outcome.err.contains(
          "skipped \(name): no review with recommendations was published by 2026-11-22 and free to publish"),
        "\(outcome.err)")
    }
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("pack").path)
    #expect(!written.contains { $0.hasPrefix("briefing") || $0.hasPrefix("plan") })
    #expect(written.contains("overdue.csv"))
  }
}
