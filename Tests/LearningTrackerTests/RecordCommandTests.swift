import Foundation
import Testing

/// `agency update` and `action decline-request` on the command line, in-process.
@Suite struct RecordCommandTests {
  func newStore() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(["agency", "add", "--id", "school", "--name", "Schol", "--kind", "other"], data: path).status
        == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-1", "--title", "Child A", "--kind", "rapidReview"], data: path
      )
      .status == 0)
    return path
  }

  func agencies(_ path: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(object["agencies"] as? [[String: Any]])
  }

  @Test func agencyUpdateCorrectsTheNameKindAndStanding() throws {
    let path = try newStore()
    let outcome = runTracker(
      ["agency", "update", "school", "--name", "School", "--kind", "education", "--statutory"], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    let school = try #require(try agencies(path).first { $0["id"] as? String == "school" })
    #expect(school["name"] as? String == "School")
    #expect(school["kind"] as? String == "education")
    #expect(school["statutoryPartner"] as? Bool == true)
    #expect(runTracker(["validate"], data: path).status == 0)
    #expect(runTracker(["agency", "update", "school", "--not-statutory"], data: path).status == 0)
    #expect(
      try agencies(path).first { $0["id"] as? String == "school" }?["statutoryPartner"] as? Bool == false)
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(
      try agencies(path).first { $0["id"] as? String == "school" }?["statutoryPartner"] as? Bool == true)
  }

  @Test func agencyUpdateRefusalsLeaveTheFileAlone() throws {
    let path = try newStore()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let unknown = runTracker(["agency", "update", "schoo", "--name", "X"], data: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("no agency \"schoo\"; did you mean school?"))
    let nothing = runTracker(["agency", "update", "school"], data: path)
    #expect(nothing.status == 64)
    #expect(nothing.err.contains("give at least one of --name"))
    let both = runTracker(["agency", "update", "school", "--statutory", "--not-statutory"], data: path)
    #expect(both.status == 64)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func declineRequestNeedsAPendingRequest() throws {
    let path = try newStore()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let noAction = runTracker(["action", "decline-request", "RR-1/9.9", "--reason", "No"], data: path)
    #expect(noAction.status == 64)
    #expect(noAction.err.contains("no action RR-1/9.9"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func declineRequestRecordsTheDecision() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("tracker.json").path
    try FileManager.default.copyItem(
      atPath: packageRoot.appendingPathComponent("Seeds/tracker.json").path, toPath: path)
    let listed = runTracker(["action", "list", "--format", "json"], data: path)
    #expect(listed.status == 0)
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var reviews = try #require(object["reviews"] as? [[String: Any]])
    var recommendations = try #require(reviews[0]["recommendations"] as? [[String: Any]])
    var actions = try #require(recommendations[0]["actions"] as? [[String: Any]])
    let reference =
      "\(try #require(reviews[0]["id"] as? String))/\(try #require(actions[0]["id"] as? String))"
    var updates = actions[0]["updates"] as? [[String: Any]] ?? []
    updates.append(["date": "2026-11-01", "requestedDue": "2027-06-30", "requestReason": "Post vacant"])
    actions[0]["updates"] = updates
    recommendations[0]["actions"] = actions
    reviews[0]["recommendations"] = recommendations
    object["reviews"] = reviews
    data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
    let declined = runTracker(
      ["action", "decline-request", reference, "--reason", "The post is filled", "--by", "QA subgroup"],
      data: path, today: "2026-11-20")
    #expect(declined.status == 0, "\(declined.err)")
    let again = runTracker(
      ["action", "decline-request", reference, "--reason", "Again"], data: path, today: "2026-11-20")
    #expect(again.status == 64)
    #expect(again.err.contains("no requested due day awaiting a decision"))
    let shown = try String(contentsOfFile: path, encoding: .utf8)
    #expect(shown.contains("declinedDue") && shown.contains("2027-06-30"))
  }

  @Test func theBuiltProgramUpdatesAnAgency() throws {
    let folder = try temporaryFolder()
    let data = ["--data", folder.appendingPathComponent("tracker.json").path]
    #expect(try runBinary(data + ["init"], in: folder).status == 0)
    #expect(
      try runBinary(data + ["agency", "add", "--id", "school", "--name", "Schol"], in: folder).status == 0)
    let updated = try runBinary(data + ["agency", "update", "school", "--name", "School"], in: folder)
    #expect(updated.status == 0, "\(updated.err)")
    #expect(try runBinary(data + ["agency", "list"], in: folder).out.contains("School"))
  }
}
