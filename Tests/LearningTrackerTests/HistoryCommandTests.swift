import Foundation
import LearningStore
import Testing

/// `history`, `undo`, `redo` and `redact` on the command line, in-process.
@Suite struct HistoryCommandTests {
  func newStore() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-1", "--title", "Child A", "--kind", "rapidReview"], data: path
      )
      .status == 0)
    return path
  }

  @Test func aHistoryOfOneEntryIsCountedInTheSingular() throws {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    let verified = runTracker(["history", "--verify"], data: path)
    #expect(verified.status == 0)
    #expect(verified.out.contains(": 1 entry, the chain verifies"))
  }

  @Test func undoThreeTimesThenRedoThreeTimes() throws {
    let path = try newStore()
    var states = [try storeRecords(path)]
    for id in ["police-2", "school", "health"] {
      #expect(
        runTracker(["agency", "add", "--id", id, "--name", "Agency \(id)", "--kind", "other"], data: path)
          .status
          == 0)
      states.append(try storeRecords(path))
    }
    for expected in states.dropLast().reversed() {
      #expect(runTracker(["undo"], data: path).status == 0)
      #expect(try storeRecords(path) == expected)
    }
    for expected in states.dropFirst() {
      #expect(runTracker(["redo"], data: path).status == 0)
      #expect(try storeRecords(path) == expected)
    }
    let last = try Data(contentsOf: URL(fileURLWithPath: path))
    let nothing = runTracker(["redo"], data: path)
    #expect(nothing.status == 0)
    #expect(nothing.err.contains("nothing to redo"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == last)
    let verified = runTracker(["history", "--verify"], data: path)
    #expect(verified.status == 0)
    #expect(verified.out.contains("11 entries, the chain verifies"))
  }

  @Test func theOperatorAndOnWhoseBehalfAreShown() throws {
    let path = try newStore()
    #expect(
      runTracker(["agency", "add", "--id", "school", "--name", "School", "--by", "QA subgroup"], data: path)
        .status
        == 0)
    let history = runTracker(["history"], data: path)
    #expect(history.out.contains("Business unit for QA subgroup  learning-tracker agency add"))
    #expect(history.out.contains("learning-tracker init"))
  }

  @Test func aRemovalRefusedByTheChangePathIsAUsageErrorAndWritesNothing() throws {
    let path = try newStore()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let outcome = runTracker(
      ["agency", "add", "--id", "x/../../p5esc", "--name", "Bad", "--kind", "other"], data: path)
    #expect(outcome.status == 64)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func redactRemovesTheTextFromStoreAndHistory() throws {
    let path = try newStore()
    #expect(
      runTracker(
        ["agency", "add", "--id", "gp", "--name", "Dr Jane Smith's practice", "--kind", "health"], data: path
      )
      .status == 0)
    #expect(
      runTracker(
        ["agency", "add", "--id", "gp2", "--name", "Surgery on 07700 900123", "--kind", "health"], data: path
      )
      .status == 0)
    let found = runTracker(["check", "privacy"], data: path)
    #expect(found.status == 1)
    #expect(found.err.contains("history.jsonl: entry 4: command[5]: UK phone number"))
    #expect(
      runTracker(["redact", "07700 900123", "--by", "Data protection officer"], data: path).status == 0)
    #expect(runTracker(["check", "privacy"], data: path).err.isEmpty)
    let redact = runTracker(["redact", "Jane Smith", "--by", "Data protection officer"], data: path)
    #expect(redact.status == 0, "\(redact.err)")
    for file in [path, path + ".history.jsonl"] {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(!text.contains("Jane Smith"))
    }
    #expect(runTracker(["history", "--verify"], data: path).status == 0)
    let undo = runTracker(["undo"], data: path)
    #expect(undo.status == 76)
    #expect(undo.err.contains("redacted"))
  }

  @Test func aSymlinkedStoreStaysALink() throws {
    let real = try newStore()
    let link = try temporaryFolder().appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    #expect(runTracker(["agency", "add", "--id", "school", "--name", "School"], data: link).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    #expect(try String(contentsOfFile: real, encoding: .utf8).contains("\"school\""))
    #expect(try History.read(store: link).count == 3)
  }
}
