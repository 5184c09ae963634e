import Foundation
import Testing

/// Reports/ holds the sample reports made from Seeds/ by the command the README gives; this test
/// fails when they are out of date. Regenerate them with that command.
@Suite struct SampleReportsTests {
  /// The arguments of the README's command that makes Reports/.
  static let arguments = [
    "--data", "Seeds/tracker.json", "report", "all", "--as-of", "2026-11-20", "--since", "2026-09-17",
    "--year", "2025",
  ]

  @Test func reportsFolderIsCurrent() throws {
    let folder = try temporaryFolder()
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    var arguments = Self.arguments
    arguments[1] = seeds
    let outcome = runTracker(arguments + ["--output-dir", folder.path])
    #expect(outcome.status == 0, "\(outcome.err)")
    let made = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(made.count >= 7)
    let reports = packageRoot.appendingPathComponent("Reports")
    for name in made {
      let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
      let kept = FileManager.default.contents(atPath: reports.appendingPathComponent(name).path)
      #expect(
        kept == fresh, "Reports/\(name) is out of date: run the README's command to regenerate Reports/")
    }
  }

  @Test func seedsStoreIsValidAndCanonical() throws {
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json")
    let outcome = runTracker(["validate", "--data", seeds.path])
    #expect(outcome.status == 0, "\(outcome.out)\(outcome.err)")
    #expect(outcome.err.contains("0 errors, "))
    // The one warning Seeds may still carry: DHR-2024-02/R3 is accepted and its only action was
    // withdrawn (superseded by a joint framework not yet recorded as an action).
    let warnings = outcome.err.split(separator: "\n").filter { $0.contains(": warning: ") }
    #expect(warnings.allSatisfy { $0.contains("DHR-2024-02/R3") && $0.contains("[acceptedWithoutActions]") })
    // The file is written exactly as the tool writes it.
    let copy = try temporaryFolder().appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: seeds, to: copy)
    #expect(runTracker(["format", "--data", copy.path]).status == 0)
    #expect(try Data(contentsOf: copy) == (try Data(contentsOf: seeds)))
  }

  @Test func chaseListsAreWrittenPerAgency() throws {
    let folder = try temporaryFolder()
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    let outcome = runTracker([
      "report", "overdue", "--data", seeds, "--as-of", "2026-11-20", "--by-agency", folder.path,
    ])
    #expect(outcome.status == 0, "\(outcome.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.contains("police.csv"))
    #expect(files.allSatisfy { $0.hasSuffix(".csv") })
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("police.csv").path)[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
    let police = try String(contentsOf: folder.appendingPathComponent("police.csv"), encoding: .utf8)
    #expect(!police.contains(",la,Northshire Council Children's Services,"))
    // The joint action police owns with the council is on both agencies' lists.
    #expect(police.contains("LCSPR-2025-02/1.2"))
    let council = try String(contentsOf: folder.appendingPathComponent("la.csv"), encoding: .utf8)
    #expect(council.contains("LCSPR-2025-02/1.2"))
  }

  @Test func failOnOverdueExitsOne() throws {
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    let overdue = runTracker([
      "report", "overdue", "--data", seeds, "--as-of", "2026-11-20", "--fail-on-overdue",
    ])
    #expect(overdue.status == 1)
    let early = runTracker([
      "report", "overdue", "--data", seeds, "--as-of", "2023-06-01", "--fail-on-overdue",
    ])
    #expect(early.status == 0)
  }

  @Test func outputFormatFollowsTheExtension() throws {
    let folder = try temporaryFolder()
    let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    let file = folder.appendingPathComponent("progress.html").path
    #expect(runTracker(["report", "progress", "--data", seeds, "--output", file]).status == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    let bad = runTracker([
      "report", "progress", "--data", seeds, "--output", folder.appendingPathComponent("x.docx").path,
    ])
    #expect(bad.status == 64)
    let unknownAgency = runTracker(["report", "overdue", "--data", seeds, "--agency", "polise"])
    #expect(unknownAgency.status == 64)
    #expect(unknownAgency.err.contains("did you mean police?"))
  }
}
