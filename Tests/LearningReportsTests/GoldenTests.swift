import Foundation
import LearningModel
import LearningStore
import LearningTestSupport
import Testing

@testable import LearningReports

/// The test store and the folders beside this file.
enum Fixture {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let golden = folder.appendingPathComponent("Golden")

  static func tracker() throws -> Tracker {
    try StoreReader.read(path: folder.appendingPathComponent("Fixtures/store.json").path).tracker
  }

  static let asOf = CalendarDay("2026-11-20") ?? CalendarDay(dayNumber: 0)
  static let since = CalendarDay("2026-06-30") ?? CalendarDay(dayNumber: 0)
}

/// Compares output with `Golden/NAME`, showing a line diff; `RECORD_GOLDEN=1` rewrites it.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
{
  try GoldenFile.assert(actual, name, in: Fixture.golden, sourceLocation: sourceLocation)
}

@Suite struct GoldenTests {
  // Every report in the registry is checked against its golden files in `RegistryGoldenTests`;
  // these are the checks it does not make.

  @Test(arguments: OutputFormat.allCases)
  func smartAndPrivacy(_ format: OutputFormat) throws {
    let tracker = try Fixture.tracker()
    try assertGolden(
      SmartReport.build(tracker, ReportOptions(asOf: Fixture.asOf)).rendered(as: format),
      "smart.\(format.fileExtension)")
    try assertGolden(
      PrivacyReport.build(tracker, review: nil).rendered(as: format), "privacy.\(format.fileExtension)")
  }

  @Test func planLeavesOutNotesEvidenceAndLeads() throws {
    let tracker = try Fixture.tracker()
    let report = try #require(
      PlanReport.build(tracker, ReportOptions(asOf: Fixture.asOf), review: "LCSPR-2024-03"))
    let text = report.rendered(as: .json) + report.rendered(as: .html)
    for placed in tracker.placedActions where placed.review.id == "LCSPR-2024-03" {
      if let lead = placed.action.lead { #expect(!text.contains(lead), "\(lead)") }
      for update in placed.action.updates {
        if let note = update.note {
          #expect(!text.contains(Escape.html(note)) && !text.contains(note), "\(note)")
        }
        for evidence in update.evidence ?? [] { #expect(!text.contains(evidence), "\(evidence)") }
      }
    }
  }

  @Test func sameInputSameBytes() throws {
    let tracker = try Fixture.tracker()
    for format in OutputFormat.allCases {
      let options = ReportOptions(asOf: Fixture.asOf, since: Fixture.since, year: 2025)
      #expect(
        ProgressReport.build(tracker, options).rendered(as: format)
          == ProgressReport.build(tracker, options).rendered(as: format))
      #expect(
        DigestReport.build(tracker, options).rendered(as: format)
          == DigestReport.build(tracker, options).rendered(as: format))
    }
  }
}
