import Foundation
import LearningModel
import LearningStore
import Testing

/// A copy of the demonstration store (Seeds/tracker.json) in a new folder, for commands that
/// correct records; returns its path.
func copyOfDemonstrationStore() throws -> String {
  let path = try temporaryFolder().appendingPathComponent("tracker.json").path
  try FileManager.default.copyItem(
    atPath: packageRoot.appendingPathComponent("Seeds/tracker.json").path, toPath: path)
  return path
}

/// The store's bytes, to show that a refused command left it as it was.
func storeBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// The store's records, written as the tool writes them but without the mark of the history entry
/// that wrote the store (`historyEntry`, different after each write): what `undo` gives back exactly.
func storeRecords(_ path: String) throws -> [UInt8] {
  var tracker = try storedTracker(path)
  tracker.historyEntry = nil
  return try StoreWriter.encode(tracker)
}

/// The store as the one reader reads it.
func storedTracker(_ path: String) throws -> Tracker { try StoreReader.read(path: path).tracker }

/// The number of entries in the store's history.
func historyCount(_ path: String) throws -> Int { try History.read(store: path).count }
