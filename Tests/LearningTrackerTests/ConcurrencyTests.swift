import Foundation
import LearningModel
import LearningStore
import Testing

/// Many writers at once, and writers killed mid-write: no update is lost and the store is never torn.
@Suite(.serialized) struct ConcurrencyTests {
  /// A store with one review, recommendation and action.
  func smallStore() throws -> URL {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    #expect(runTracker(["init"], data: store.path).status == 0)
    #expect(
      runTracker(
        ["review", "add", "--id", "RR-1", "--title", "Child A", "--kind", "rapidReview"], data: store.path
      ).status == 0)
    #expect(
      runTracker(
        ["recommendation", "add", "RR-1/R1", "--text", "Share", "--agency", "la", "--response", "accepted"],
        data: store.path
      ).status == 0)
    #expect(
      runTracker(
        [
          "action", "add", "RR-1/1.1", "--recommendation", "R1", "--description",
          "Agree a protocol for sharing information", "--owner", "la",
          "--lead", "Lead", "--measure", "Audit of 20 cases", "--agreed", "2026-01-01", "--due", "2026-12-31",
        ], data: store.path
      ).status == 0)
    return store
  }

  func writer(_ store: URL, note: String) throws -> Process {
    let process = Process()
    process.executableURL = try builtExecutable()
    process.arguments = ["action", "update", "RR-1/1.1", "--note", note, "--date", "2026-02-01"]
    process.environment = [
      "LEARNING_TRACKER_DATA": store.path, "LEARNING_TRACKER_TODAY": "2026-11-22",
      "LEARNING_TRACKER_USER": "writer",
      "LEARNING_TRACKER_LOCK_WAIT": "900",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func notes(_ store: URL) throws -> Set<String> {
    let tracker = try StoreReader.read(path: store.path).tracker
    return Set(tracker.reviews[0].recommendations[0].actions[0].updates.compactMap(\.note))
  }

  @Test func twoHundredWritersLoseNothing() throws {
    let store = try smallStore()
    var processes: [Process] = []
    for index in 0..<200 { processes.append(try writer(store, note: "writer \(index)")) }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let found = try notes(store)
    #expect(found.count == 200)
    #expect((0..<200).allSatisfy { found.contains("writer \($0)") })
    // The store's creation, the review, the recommendation and the action, then 200 updates.
    #expect(try History.read(store: store.path).count == 204)
    #expect(runTracker(["validate"], data: store.path).status == 0)
  }

  @Test func writersKilledAtRandomNeverTearTheStore() throws {
    let store = try smallStore()
    var acknowledged = Set<String>()
    var generator = SystemRandomNumberGenerator()
    for round in 0..<50 {
      var processes: [(Process, String)] = []
      for index in 0..<6 {
        let note = "round \(round) writer \(index)"
        processes.append((try writer(store, note: note), note))
      }
      usleep(UInt32.random(in: 0...40_000, using: &generator))
      for (process, _) in processes where Bool.random(using: &generator) {
        kill(process.processIdentifier, SIGKILL)
      }
      for (process, note) in processes {
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged.insert(note) }
      }
      // After every round the store reads, validates, and holds every acknowledged update.
      let loaded = try StoreReader.read(path: store.path)
      #expect(
        Validator(today: CalendarDay("2026-11-22")!).validate(loaded.tracker).allSatisfy {
          $0.severity == .warning
        })
      let found = Set(loaded.tracker.reviews[0].recommendations[0].actions[0].updates.compactMap(\.note))
      #expect(acknowledged.isSubset(of: found), "round \(round): lost \(acknowledged.subtracting(found))")
    }
    // A later write clears temporary files a killed writer left behind.
    #expect(runTracker(["action", "update", "RR-1/1.1", "--note", "after"], data: store.path).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: store.deletingLastPathComponent().path
    ).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func aSymbolicLinkAtTheTemporaryNameIsNotFollowed() throws {
    let store = try smallStore()
    let target = store.deletingLastPathComponent().appendingPathComponent("elsewhere.txt")
    try Data("keep".utf8).write(to: target)
    // Even a planted link named like a temporary file is removed under the lock, never written through.
    let planted = store.deletingLastPathComponent().appendingPathComponent(".tracker.json.tmp-1-1")
    try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: target)
    #expect(runTracker(["action", "update", "RR-1/1.1", "--note", "x"], data: store.path).status == 0)
    #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
  }
}
