import Foundation
import LearningModel
import LearningStore
import Testing

/// `finding add|update|remove`: findings and good practice kept through the change path.
@Suite struct FindingCommandTests {
  @Test func findingsAreAddedCorrectedAndRemoved() throws {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-2026-01", "--title", "Child P", "--kind", "rapidReview"], data: path
      ).status == 0)
    #expect(
      runTracker(
        ["finding", "add", "RR-2026-01", "--text", "Father not seen", "--theme", "invisible-men"], data: path
      ).status == 0)
    #expect(
      runTracker(["finding", "add", "RR-2026-01", "--text", "Joint visit", "--good-practice"], data: path)
        .status == 0)
    #expect(
      runTracker(["finding", "update", "RR-2026-01/F1", "--text", "Father never seen"], data: path).status
        == 0)
    #expect(runTracker(["validate"], data: path).status == 0)
    var findings = try StoreReader.read(path: path).tracker.reviews[0].findings
    #expect(findings.map(\.id) == ["F1", "F2"])
    #expect(findings[0].text == "Father never seen" && findings[0].themes == ["invisible-men"])
    #expect(findings[1].goodPractice)
    #expect(runTracker(["finding", "remove", "RR-2026-01/F2"], data: path).status == 0)
    #expect(try StoreReader.read(path: path).tracker.reviews[0].findings.map(\.id) == ["F1"])
    #expect(runTracker(["undo"], data: path).status == 0)
    findings = try StoreReader.read(path: path).tracker.reviews[0].findings
    #expect(findings.map(\.id) == ["F1", "F2"])
    // Mistakes are refused, naming the option, and nothing changes.
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let unknownTheme = runTracker(
      ["finding", "update", "RR-2026-01/F1", "--add-theme", "voice-of-teh-child"], data: path)
    #expect(unknownTheme.status == 64)
    #expect(unknownTheme.err.contains("did you mean voice-of-the-child?"))
    #expect(runTracker(["finding", "remove", "RR-2026-01/F9"], data: path).status == 64)
    #expect(runTracker(["finding", "add", "RR-2099-01", "--text", "x"], data: path).status == 64)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
