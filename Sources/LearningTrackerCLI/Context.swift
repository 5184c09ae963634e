import Foundation
import LearningModel
import LearningStore

/// What every command can use: where output goes, the environment, today, the store's path.
public struct Context {
  let console: Console
  let environment: [String: String]
  let today: CalendarDay
  let dataPath: String
  /// The command's words as given, for the change history.
  let invocation: [String]

  /// Who is making a change: `--by`, else `$LEARNING_TRACKER_USER`, else `$USER`.
  func who(_ by: String?) -> String {
    by ?? environment["LEARNING_TRACKER_USER"] ?? environment["USER"] ?? "unknown"
  }
}

extension Context {
  /// Reads the store for a report or a listing (without the unknown-field check, which only
  /// `validate` and writes need).
  func load(checkingUnknownFields: Bool = false) throws -> LoadedStore {
    try StoreReader.read(path: dataPath, checkingUnknownFields: checkingUnknownFields)
  }

  /// Reads, changes and writes the store under its lock, and records the change in the history.
  ///
  /// `body` changes the tracker and returns the records it touched. Nothing is written when
  /// `body` throws, when the result fails validation, or when the file changed meanwhile.
  /// A command that changes nothing writes nothing and records nothing, unless `rewrite` is set
  /// (the `format` command), which rewrites the file without a history entry.
  @discardableResult
  func change(by who: String, rewrite: Bool = false, _ body: (inout Tracker) throws -> [TouchedRecord]) throws
    -> Tracker
  {
    let wait = environment["LEARNING_TRACKER_LOCK_WAIT"].flatMap(Double.init) ?? 10
    let lock = try StoreLock(
      store: dataPath, holder: "pid \(getpid()), \(who), \(invocation.prefix(3).joined(separator: " "))",
      timeout: wait)
    defer { withExtendedLifetime(lock) {} }
    let loaded = try StoreReader.read(path: dataPath)
    if !loaded.unknownFields.isEmpty {
      throw CommandError.badData(
        "\(dataPath): fields this version does not know would be lost by a rewrite, so nothing was written: "
          + loaded.unknownFields.prefix(10).joined(separator: ", ")
          + " (check their spelling against docs/FORMAT.md)")
    }
    var tracker = loaded.tracker
    let touched = try body(&tracker)
    if tracker == loaded.tracker && !rewrite { return tracker }
    let written = try StoreWriter.replace(loaded, with: tracker, today: today)
    if touched.isEmpty { return tracker }
    let changes = touched.map {
      HistoryChange(
        reference: $0.reference, before: $0.snapshot(in: loaded.tracker), after: $0.snapshot(in: tracker))
    }
    let entry = HistoryEntry(
      at: timestamp(), by: who, command: invocation, changes: changes,
      storeDigest: StoreWriter.digest(written))
    do {
      try History.append(entry, store: dataPath)
    } catch {
      console.warning(
        "the change was saved, but the history could not be written: \(error.errorDescription ?? "")")
    }
    return tracker
  }

  func timestamp() -> String {
    if let fixed = environment["LEARNING_TRACKER_TIMESTAMP"] { return fixed }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}
