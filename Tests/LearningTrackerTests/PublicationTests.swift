import Foundation
import Testing

@Suite struct PublicationTests {
  @Test func planAndBriefingRefusePersonalData() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
    let env = ["LEARNING_TRACKER_DATA": store.path]
    #expect(
      try runBinary(
        ["report", "plan", "--review", "LCSPR-2025-02", "--format", "markdown"], in: folder, environment: env
      ).status == 0)
    // A practitioner's note names the child and an NHS number.
    #expect(
      try runBinary(
        [
          "action", "update", "LCSPR-2025-02/1.2", "--note", "Keira Holt seen; NHS 943 476 5919", "--date",
          "2026-11-01",
        ], in: folder, environment: env
      )
      .status == 0)
    for report in ["plan", "briefing"] {
      let refused = try runBinary(
        ["report", report, "--review", "LCSPR-2025-02", "--format", "html"], in: folder, environment: env)
      #expect(refused.status == 1, "\(report)")
      #expect(refused.out.isEmpty)
      #expect(
        refused.err.contains("updates[2].note: NHS number 94••••••19")
          || refused.err.contains("NHS number"), "\(refused.err)")
      #expect(refused.err.contains("listed name"))
      let allowed = try runBinary(
        ["report", report, "--review", "LCSPR-2025-02", "--format", "html", "--allow-personal-data"],
        in: folder, environment: env)
      #expect(allowed.status == 0)
    }
    let check = try runBinary(["check", "privacy"], in: folder, environment: env)
    #expect(check.status == 1)
    #expect(!check.out.contains("9434765919"))
  }
}
