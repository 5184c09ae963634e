import Foundation
import Testing

@Suite struct DisseminationCommandTests {
  @Test func anActivityWhoseReachIsRecordedIsMarkedDeliveredWithoutGivingItAgain() throws {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "dissemination", "add", "--id", "D1", "--method", "seven-minute-briefing", "--title",
          "Seeing the child",
          "--date", "2026-02-01",
        ], data: path
      ).status == 0)
    let noReach = runTracker(["dissemination", "update", "D1", "--status", "delivered"], data: path)
    #expect(noReach.status == 64)
    #expect(noReach.err.contains("marking an activity delivered needs --reach"))
    #expect(runTracker(["dissemination", "update", "D1", "--reach", "40"], data: path).status == 0)
    let delivered = runTracker(["dissemination", "update", "D1", "--status", "delivered"], data: path)
    #expect(delivered.status == 0, "\(delivered.err)")
    let list = runTracker(["dissemination", "list", "--format", "json"], data: path)
    let activities = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]]
    #expect(activities?.first?["status"] as? String == "delivered")
    #expect(activities?.first?["reach"] as? Int == 40)
  }

  @Test func planDeliverCancelAndReturn() throws {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "review", "add", "--id", "L-1", "--title", "Child A", "--kind", "lcspr", "--published",
          "2026-01-10",
        ], data: path
      ).status == 0)
    let add = runTracker(
      [
        "dissemination", "add", "--id", "D1", "--method", "seven-minute-briefing", "--title",
        "Seeing the child", "--date", "2026-02-01",
        "--review", "L-1", "--audience", "la", "--audience", "police",
      ], data: path)
    #expect(add.status == 0, "\(add.err)")
    let noReach = runTracker(["dissemination", "update", "D1", "--status", "delivered"], data: path)
    #expect(noReach.status == 64)
    #expect(
      runTracker(
        [
          "dissemination", "update", "D1", "--status", "delivered", "--date", "2026-02-03", "--reach", "85",
          "--note", "Good feedback",
        ], data: path
      ).status == 0)
    #expect(
      runTracker(
        [
          "dissemination", "add", "--id", "D2", "--method", "roadshow", "--title", "Roadshow", "--date",
          "2026-03-01", "--review", "L-1",
        ], data: path
      ).status == 0)
    #expect(runTracker(["dissemination", "update", "D2", "--status", "cancelled"], data: path).status == 64)
    #expect(
      runTracker(
        ["dissemination", "update", "D2", "--status", "cancelled", "--note", "Venue closed"], data: path
      ).status == 0)
    let badMethod = runTracker(
      ["dissemination", "add", "--id", "D3", "--method", "podcast", "--title", "x", "--date", "2026-03-01"],
      data: path)
    #expect(badMethod.status == 64)
    #expect(badMethod.err.contains("--method podcast: unknown dissemination method \"podcast\""))
    let list = runTracker(["dissemination", "list", "--format", "json"], data: path)
    let activities = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]]
    #expect(activities?.count == 2)
    #expect(activities?.first?["reach"] as? Int == 85)

    #expect(
      runTracker(
        ["section11", "add", "--agency", "la", "--cycle", "2025-26", "--due", "2025-11-28"], data: path
      ).status == 0)
    #expect(
      runTracker(
        ["section11", "add", "--agency", "la", "--cycle", "2025-26", "--due", "2025-11-28"], data: path
      ).status == 64)
    let update = runTracker(
      [
        "section11", "update", "--agency", "la", "--cycle", "2025-26", "--submitted", "2025-11-27", "--rate",
        "s11-1=met", "--rate", "s11-5=met",
        "--moderate", "s11-5=partiallyMet", "--learning", "L-1", "--implemented", "Direct-work toolkit",
        "--evidence", "Audit",
      ], data: path)
    #expect(update.status == 0, "\(update.err)")
    #expect(
      runTracker(
        ["section11", "update", "--agency", "la", "--cycle", "2025-26", "--rate", "s11-1=great"], data: path
      ).status == 64)
    let report = runTracker(["report", "section11", "--format", "json", "--as-of", "2026-02-01"], data: path)
    let value = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
    #expect((value?["optimismByAgency"] as? [[String: Any]])?.first?["optimistic"] as? Int == 1)
    #expect(runTracker(["validate"], data: path).status == 0)
  }
}
