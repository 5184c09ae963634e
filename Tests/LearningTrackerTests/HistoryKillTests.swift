import Foundation
import LearningModel
import LearningStore
import Testing

/// Writers killed at random points and undo racing `action update`: a change and its history
/// entry stand or fall together, and no acknowledged update is ever lost. In the concurrency suite,
/// so that it never runs beside the other tests that start many writers.
extension ConcurrencyTests {
  func launch(_ store: URL, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = try builtExecutable()
    process.arguments = arguments
    process.environment = [
      "LEARNING_TRACKER_DATA": store.path, "LEARNING_TRACKER_TODAY": "2026-11-22",
      "LEARNING_TRACKER_USER": "writer", "LEARNING_TRACKER_LOCK_WAIT": "900",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func update(_ note: String) -> [String] {
    ["action", "update", "RR-1/1.1", "--note", note, "--date", "2026-02-01"]
  }

  func notes(_ tracker: Tracker) -> [String] {
    tracker.reviews[0].recommendations[0].actions[0].updates.compactMap(\.note)
  }

  /// The store is the one the last applied entry wrote, and the action in it is that entry's
  /// `after`: the change and its entry are both there or neither is.
  func checkChangesMatchEntries(_ store: URL) throws {
    let loaded = try StoreReader.read(path: store.path)
    let entries = try History.read(store: store.path)
    #expect(History.verify(entries, file: History.path(forStore: store.path)) == nil)
    let current = HistoryDigest.store([UInt8](loaded.originalBytes))
    let statuses = History.statuses(entries, currentStore: current)
    #expect(!statuses.contains(.changedOutside))
    let lastApplied = try #require(entries.indices.last { statuses[$0] == .applied })
    #expect(entries[lastApplied].storeAfter == current)
    let touching = try #require(
      entries.indices.last {
        statuses[$0] == .applied && entries[$0].changes.contains { $0.reference == "RR-1/1.1" }
      })
    let after = entries[touching].changes.last { $0.reference == "RR-1/1.1" }?.after
    #expect(after == History.snapshot(loaded.tracker.reviews[0].recommendations[0].actions[0]))
  }

  @Test func writersKilledAtRandomLeaveChangeAndEntryTogether() throws {
    let store = try smallStore()
    var acknowledged = Set<String>()
    var generator = SystemRandomNumberGenerator()
    for round in 0..<10 {
      var processes: [(Process, String)] = []
      for index in 0..<4 {
        let note = "round \(round) writer \(index)"
        processes.append((try launch(store, update(note)), note))
      }
      usleep(UInt32.random(in: 0...60_000, using: &generator))
      for (process, _) in processes where Bool.random(using: &generator) {
        kill(process.processIdentifier, SIGKILL)
      }
      for (process, note) in processes {
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged.insert(note) }
      }
      try checkChangesMatchEntries(store)
      let found = Set(notes(try StoreReader.read(path: store.path).tracker))
      #expect(acknowledged.isSubset(of: found), "round \(round): lost \(acknowledged.subtracting(found))")
    }
    // Undo works after all that, and reverts the last applied change.
    let before = notes(try StoreReader.read(path: store.path).tracker)
    let undo = runTracker(["undo"], data: store.path)
    #expect(undo.status == 0, "\(undo.err)")
    #expect(notes(try StoreReader.read(path: store.path).tracker) == Array(before.dropLast()))
    #expect(runTracker(["history", "--verify"], data: store.path).status == 0)
  }

  @Test func undoRacingActionUpdateNeverLosesAnAcknowledgedUpdate() throws {
    let store = try smallStore()
    for round in 0..<10 {
      // The last command is an update, so undo never takes away the action itself.
      #expect(runTracker(update("base \(round)"), data: store.path).status == 0)
      let writer = try launch(store, update("update \(round)"))
      let undo = try launch(store, ["undo"])
      writer.waitUntilExit()
      undo.waitUntilExit()
      #expect(writer.terminationStatus == 0)
      // Undo may revert the update only if it came after it, and then says so in the history.
      let loaded = try StoreReader.read(path: store.path)
      let entries = try History.read(store: store.path)
      let updateEntry = entries.lastIndex { $0.command.contains("update \(round)") }
      let index = try #require(updateEntry)
      let reverted = entries[(index + 1)...].contains {
        $0.kind == .undo && $0.target == entries[index].digest
      }
      #expect(notes(loaded.tracker).contains("update \(round)") == !reverted)
      #expect([0, 76, 64].contains(undo.terminationStatus))
      try checkChangesMatchEntries(store)
    }
  }
}
