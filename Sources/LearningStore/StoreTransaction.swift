import Foundation
import LearningJSON
import LearningModel

#if canImport(Glibc)
  import Glibc
#endif

/// What a transaction did: the store as it now is, the history entry it wrote (none when
/// nothing changed), the records touched, and anything the user should be told.
public struct TransactionOutcome: Sendable {
  /// The store as written (unchanged when nothing changed).
  public var tracker: Tracker
  /// The history entry written; none when nothing changed.
  public var entry: HistoryEntry?
  /// The records the change added, changed or removed.
  public var touched: [RecordReference]
  /// What the history noticed on the way, such as a half-written last line cut off: warnings
  /// with the codes `tornHistoryLine` and `storeChangedOutside`.
  public var warnings: [Diagnostic]
  /// For undo and redo, the entry reverted or made again.
  public var target: HistoryEntry?
}

/// One change to a store as a unit with its history entry: lock, read, apply, validate, write
/// the history entry (marked with the digest of the store it produces), then rename the store
/// into place. Nothing is written when the change is refused, fails validation, or its entry
/// cannot be written.
public struct StoreTransaction: Sendable {
  /// The store's path, as given (a symbolic link is written through).
  public var store: String
  /// Who runs the command.
  public var operatorName: String
  /// On whose behalf, when given.
  public var by: String?
  /// The command's words, for the history.
  public var command: [String]
  /// The day the change is made on: the rules are checked, and the store written, as of it.
  public var today: CalendarDay
  /// When, as an ISO 8601 UTC timestamp.
  public var timestamp: String
  /// How long to wait for another writer's lock, in seconds.
  public var lockWait: Double

  /// A transaction on the store at `store` for the command `command`.
  public init(
    store: String, operatorName: String, by: String? = nil, command: [String], today: CalendarDay,
    timestamp: String, lockWait: Double = 10
  ) {
    self.store = store
    self.operatorName = operatorName
    self.by = by
    self.command = command
    self.today = today
    self.timestamp = timestamp
    self.lockWait = lockWait
  }

  /// Applies the change set that `build` makes from the store as read under the lock.
  public func change(_ build: (Tracker) throws -> ChangeSet) throws -> TransactionOutcome {
    try locked { state in
      var tracker = state.loaded.tracker
      let touched = try build(tracker).apply(to: &tracker, today: today)
      return try commit(state, tracker, touched: touched, kind: .change)
    }
  }

  /// Rewrites the store in the standard layout; recorded when the bytes change.
  public func rewrite() throws -> TransactionOutcome {
    try locked { state in try commit(state, state.loaded.tracker, touched: [], kind: .format) }
  }

  /// Rewrites the store in the standard layout after `repair` (removing control characters from
  /// every text, `format --fix-text`); the records it returns are recorded before and after.
  public func rewrite(repairing repair: (inout Tracker) -> [RecordReference]) throws -> TransactionOutcome {
    try locked { state in
      var tracker = state.loaded.tracker
      let touched = repair(&tracker)
      return try commit(state, tracker, touched: touched, kind: .format)
    }
  }

  /// Creates a new store and records it in the history; refuses when the file exists.
  public func create(_ tracker: Tracker) throws -> TransactionOutcome {
    let lock = try StoreLock(store: store, holder: holder, timeout: lockWait)
    defer { withExtendedLifetime(lock) {} }
    var status = stat()
    if lstat(store, &status) == 0 { throw StoreError.alreadyExists(file: store) }
    let warnings = try recoverTornLine()
    let history = try loadHistory()
    var entry = HistoryEntry(
      at: timestamp, operatorName: operatorName, by: by, command: command, kind: .`init`, changes: [],
      previous: history.entries.last.map(identity))
    // The store names the entry that writes it; the entry then takes the digest of those bytes.
    var tracker = tracker
    tracker.historyEntry = HistoryDigest.storeMark(of: entry)
    let bytes = try StoreWriter.checkedBytes(tracker, file: store, today: today)
    entry.storeAfter = HistoryDigest.store(bytes)
    entry.digest = HistoryDigest.digest(of: entry)
    let length = try appendEntry(entry)
    do {
      try AtomicFile.write(bytes, to: store, mode: 0o600)
    } catch {
      try? AtomicFile.truncate(History.path(forStore: store), to: length)
      throw error
    }
    return TransactionOutcome(tracker: tracker, entry: entry, touched: [], warnings: warnings, target: nil)
  }

  /// Reverts the last change not yet undone: one command at a time, as often as asked.
  public func undo() throws -> TransactionOutcome {
    try revert(undoing: true)
  }

  /// Makes again the last change undone, until a new change is made.
  public func redo() throws -> TransactionOutcome {
    try revert(undoing: false)
  }

  /// Removes `text` (ignoring case) from every text of the store's records and from every
  /// history entry, keeping each entry's digest; the redaction is recorded by the text's digest.
  /// Returns no entry when the text is found nowhere.
  public func redact(_ text: String) throws -> TransactionOutcome {
    try locked(wholeHistory: true) { state in
      let historyPath = History.path(forStore: store)
      var tracker = state.loaded.tracker
      // Only the free-text fields of the format (StoreTextField.all): never an ID, a reference, a
      // day or a word of a closed list.
      var redacted = tracker
      var found = false
      redacted.visitTexts(kinds: [.freeText]) { value, _ in
        guard Redaction.holds(text, in: value) else { return nil }
        found = true
        return Redaction.masking(text, in: value)
      }
      var changes: [StoreChange] = []
      if found {
        redacted.partnership = tracker.partnership
        for reference in tracker.topLevelRecords {
          let after = redacted.record(at: reference)
          if after != tracker.record(at: reference) {
            changes.append(.restore(reference, after, position: tracker.position(of: reference)))
          }
        }
      }
      let touched = try ChangeSet(changes).apply(to: &tracker, today: today)
      // Rewrite the history with every text holding the data replaced by its marker.
      var rewritten = ""
      var historyChanged = false
      for entry in state.history.entries {
        let marked = Redaction.markingEntry(entry.json, removing: text)
        if marked != entry.json { historyChanged = true }
        rewritten += HistoryJSON.line(marked) + "\n"
      }
      if touched.isEmpty && !historyChanged {
        return TransactionOutcome(
          tracker: tracker, entry: nil, touched: [], warnings: state.warnings, target: nil)
      }
      if historyChanged {
        do {
          try AtomicFile.write(
            Array(rewritten.utf8), to: historyPath, mode: StorePath.mode(of: historyPath) ?? 0o600)
        } catch {
          throw StoreError.historyNotWritten(
            file: historyPath, reason: (error as? StoreError)?.errorDescription ?? "\(error)")
        }
      }
      var reread = state
      reread.history = try loadHistory()
      return try commit(
        reread, tracker, touched: touched, kind: .redact, redactions: [HistoryDigest.text(text)], secret: text
      )
    }
  }

  // MARK: - The steps

  struct LockedState {
    var loaded: LoadedStore
    var history: HistoryFile
    var warnings: [Diagnostic]
  }

  var holder: String {
    "pid \(getpid()), \(operatorName), \(command.prefix(3).joined(separator: " "))"
  }

  /// Takes the lock, mends a torn history line, reads the store (and the whole history, or only
  /// its last entry), and runs `body`.
  func locked(wholeHistory: Bool = false, _ body: (LockedState) throws -> TransactionOutcome) throws
    -> TransactionOutcome
  {
    let lock = try StoreLock(store: store, holder: holder, timeout: lockWait)
    defer { withExtendedLifetime(lock) {} }
    let warnings = try recoverTornLine()
    let loaded = try StoreReader.read(path: store)
    if !loaded.unknownFields.isEmpty {
      throw StoreError.unknownFields(file: store, fields: loaded.unknownFields)
    }
    let history = try loadHistory(lastOnly: !wholeHistory)
    return try body(LockedState(loaded: loaded, history: history, warnings: warnings))
  }

  /// The history, read to append to it: a history that cannot be read cannot be appended to.
  func loadHistory(lastOnly: Bool = true) throws(StoreError) -> HistoryFile {
    do {
      return try History.load(store: store, lastOnly: lastOnly)
    } catch {
      let reason: String
      switch error {
      case .unreadable(_, let why): reason = why
      default: reason = error.errorDescription ?? "it cannot be read"
      }
      throw .historyNotWritten(file: History.path(forStore: store), reason: reason)
    }
  }

  /// Cuts off a half-written last line, keeping it in `STORE.history.torn-<time>`.
  func recoverTornLine() throws -> [Diagnostic] {
    let history = try loadHistory()
    guard let tail = history.tornTail else { return [] }
    let stamp = timestamp.filter { $0.isLetter || $0.isNumber }
    var kept = history.path.replacingOccurrences(of: ".history.jsonl", with: ".history.torn-\(stamp)")
    var number = 1
    var status = stat()
    while lstat(kept, &status) == 0 {
      number += 1
      kept = history.path.replacingOccurrences(of: ".history.jsonl", with: ".history.torn-\(stamp)-\(number)")
    }
    do {
      try AtomicFile.write(tail, to: kept, mode: 0o600)
      try AtomicFile.truncate(history.path, to: history.wholeLength)
    } catch {
      throw StoreError.historyNotWritten(
        file: history.path,
        reason: "its half-written last line could not be set aside: \(error.errorDescription ?? "")")
    }
    return [.tornHistoryLine(history: history.path, keptIn: kept, bytes: tail.count)]
  }

  /// Writes the entry first, then the store; takes the entry back when the store cannot be written.
  func commit(
    _ state: LockedState, _ tracker: Tracker, touched: [RecordReference], kind: HistoryEntryKind,
    target: String? = nil, redactions: [String]? = nil, secret: String? = nil
  ) throws -> TransactionOutcome {
    let original = [UInt8](state.loaded.originalBytes)
    let unchanged = TransactionOutcome(
      tracker: tracker, entry: nil, touched: [], warnings: state.warnings, target: nil)
    if kind != .format && kind != .redact && tracker == state.loaded.tracker { return unchanged }
    // Checked, and compared with the store as read, as it would be written naming the entry it names now.
    let plain = try StoreWriter.checkedBytes(tracker, file: store, today: today)
    if plain == original && kind != .redact { return unchanged }
    guard let current = FileManager.default.contents(atPath: store), [UInt8](current) == original else {
      throw StoreError.changedOnDisk(file: store)
    }
    let before = state.loaded.tracker
    var changes = touched.map { reference in
      let beforeRecord = before.record(at: reference)
      let afterRecord = tracker.record(at: reference)
      var recommendation: String?
      for record in [beforeRecord, afterRecord] {
        if case .action(_, let placed, _)? = record { recommendation = placed }
      }
      return HistoryChange(
        reference: reference.description, kind: reference.kind, recommendation: recommendation,
        position: before.position(of: reference), before: beforeRecord.flatMap(Self.snapshot),
        after: afterRecord.flatMap(Self.snapshot))
    }
    var words = command
    if let secret {
      changes = changes.map { change in
        var marked = change
        marked.before = change.before.map { Redaction.markingRecords($0, removing: secret) }
        marked.after = change.after.map { Redaction.markingRecords($0, removing: secret) }
        return marked
      }
      words = words.map { Redaction.masking(secret, in: $0) }
    }
    var warnings = state.warnings
    var previous = state.history.entries.last.map(identity)
    let outside = try outsideChange(state, words: words)
    if let outside {
      warnings.append(outside.warning)
      previous = outside.entry.digest
    }
    var entry = HistoryEntry(
      at: timestamp, operatorName: operatorName, by: by, command: words, kind: kind, target: target,
      changes: changes, storeBefore: HistoryDigest.store(original), previous: previous,
      redactions: redactions)
    // The store names the entry that writes it; the entry then takes the digest of those bytes.
    var marked = tracker
    marked.historyEntry = HistoryDigest.storeMark(of: entry)
    let bytes: [UInt8]
    do {
      bytes = try StoreWriter.encode(marked)
    } catch {
      throw StoreError.cannotWrite(file: store, reason: "the store could not be encoded: \(error)")
    }
    entry.storeAfter = HistoryDigest.store(bytes)
    entry.digest = HistoryDigest.digest(of: entry)
    let length = try outside.map { found throws(StoreError) in try appendEntry(found.entry) }
    let entryLength = try appendEntry(entry)
    do {
      try AtomicFile.write(bytes, to: store, mode: StorePath.mode(of: store) ?? 0o600)
    } catch {
      // The store was not replaced: take the entries back so that they are not left "not applied".
      try? AtomicFile.truncate(History.path(forStore: store), to: length ?? entryLength)
      throw error
    }
    return TransactionOutcome(
      tracker: marked, entry: entry, touched: touched, warnings: warnings, target: nil)
  }

  /// When the store is not the one the history's last entry left, the entry that records that
  /// (kind `outside`: from the last entry's store to the store as found, naming the entry the store
  /// names) and the warning that says so; `nil` when the last entry left it.
  func outsideChange(_ state: LockedState, words: [String]) throws -> (
    entry: HistoryEntry, warning: Diagnostic
  )? {
    let original = [UInt8](state.loaded.originalBytes)
    let found = HistoryDigest.store(original)
    let mark = state.loaded.tracker.historyEntry
    // The last entry alone tells whether there is a problem; the whole history says which.
    guard StoreStanding.of(state.history.entries, currentStore: found, mark: mark).isProblem else {
      return nil
    }
    let entries = try loadHistory(lastOnly: false).entries
    let standing = StoreStanding.of(entries, currentStore: found, mark: mark)
    guard let problem = standing.problem(entries, store: store) else { return nil }
    var entry = HistoryEntry(
      at: timestamp, operatorName: operatorName, by: by, command: words, kind: .outside, changes: [],
      storeBefore: entries.last?.storeAfter, storeAfter: found, previous: entries.last.map(identity))
    entry.storeEntry = mark
    entry.digest = HistoryDigest.digest(of: entry)
    return (entry, .storeChangedOutside(problem: problem))
  }

  /// Appends an entry; any failure is `historyNotWritten`, and the file is left as it was.
  func appendEntry(_ entry: HistoryEntry) throws(StoreError) -> Int {
    let path = History.path(forStore: store)
    do {
      return try AtomicFile.append(HistoryJSON.line(entry.json) + "\n", to: path)
    } catch {
      let reason: String
      if case .cannotWrite(_, let why) = error { reason = why } else { reason = error.errorDescription ?? "" }
      throw .historyNotWritten(file: path, reason: reason)
    }
  }

  /// An entry's identity in the chain: its digest, or for entries written before the chain,
  /// the digest of its contents.
  func identity(_ entry: HistoryEntry) -> String { entry.digest ?? HistoryDigest.digest(of: entry) }

  static func snapshot(_ record: Record) -> JSONValue? {
    switch record {
    case .agency(let agency): HistoryJSON.value(of: agency)
    case .catalogue(_, let entry): HistoryJSON.value(of: entry)
    case .review(let review): HistoryJSON.value(of: review)
    case .finding(_, let finding): HistoryJSON.value(of: finding)
    case .recommendation(_, let recommendation): HistoryJSON.value(of: recommendation)
    case .action(_, _, let action): HistoryJSON.value(of: action)
    case .dissemination(let dissemination): HistoryJSON.value(of: dissemination)
    case .section11(let section11Return): HistoryJSON.value(of: section11Return)
    case .partnership(let partnership): HistoryJSON.value(of: partnership)
    case .timetable(let timetable): HistoryJSON.value(of: timetable)
    }
  }

  // MARK: - Undo and redo

  /// The entries that can be undone (oldest first) and redone (the next to redo last).
  static func stacks(
    _ entries: [HistoryEntry], statuses: [HistoryEntryStatus], identity: (HistoryEntry) -> String
  )
    -> (undo: [Int], redo: [Int])
  {
    var undo: [Int] = []
    var redo: [Int] = []
    for (index, entry) in entries.enumerated() where statuses[index] != .notApplied {
      switch entry.kind {
      case .change:
        if !entry.changes.isEmpty {
          undo.append(index)
          redo = []
        }
      case .undo:
        if let position = undo.lastIndex(where: { identity(entries[$0]) == entry.target }) {
          redo.append(undo.remove(at: position))
        }
      case .redo:
        if let position = redo.lastIndex(where: { identity(entries[$0]) == entry.target }) {
          redo.remove(at: position)
          undo.append(index)
        }
      case .`init`, .format, .redact, .outside:
        break
      }
    }
    return (undo, redo)
  }

  func revert(undoing: Bool) throws -> TransactionOutcome {
    let verb = undoing ? "undo" : "redo"
    return try locked(wholeHistory: true) { state in
      let entries = state.history.entries
      let historyPath = state.history.path
      if let failure = History.verify(entries, file: historyPath) {
        throw StoreError.historyFailsCheck(failure)
      }
      let currentDigest = HistoryDigest.store([UInt8](state.loaded.originalBytes))
      let statuses = History.statuses(entries, currentStore: currentDigest)
      let stacks = Self.stacks(entries, statuses: statuses, identity: identity)
      // The store must be as the last recorded entry left it.
      if let last = entries.indices.last(where: { statuses[$0] != .notApplied }) {
        let entry = entries[last]
        let matches =
          statuses[last] == .applied
          || (statuses[last] == .unknown
            && entry.legacyStoreDigest == StoreWriter.digest([UInt8](state.loaded.originalBytes)))
        if !matches {
          throw StoreError.changedSince(
            file: store, entry: "the last change",
            what:
              "the store has changed since '\(entry.commandLine)' (\(entry.at)): it was edited outside learning-tracker"
          )
        }
      }
      guard let index = (undoing ? stacks.undo : stacks.redo).last else {
        throw StoreError.nothingTo(
          file: store, verb: verb,
          reason: undoing ? "no recorded change is left to undo" : "no undone change is waiting to be redone")
      }
      let target = entries[index]
      let targetName = "'\(target.commandLine)' (\(target.at))"
      var changes: [StoreChange] = []
      let tracker = state.loaded.tracker
      for change in undoing ? target.changes.reversed() : target.changes {
        guard
          let reference = change.kind.flatMap({ RecordReference(kind: $0, reference: change.reference) })
            ?? RecordReference(reference: change.reference, in: tracker)
        else {
          throw StoreError.badHistoryRecord(
            file: historyPath, entry: index + 1, reference: change.reference,
            message: "not a reference to a record")
        }
        let expected = undoing ? change.after : change.before
        let wanted = undoing ? change.before : change.after
        if Redaction.contains(wanted) || Redaction.contains(expected) {
          throw StoreError.needsRedactedText(file: store, entry: targetName, reference: reference.description)
        }
        let current = tracker.record(at: reference).flatMap(Self.snapshot)
        if current != expected {
          let since = entries[(index + 1)...].last { later in
            later.changes.contains { $0.reference == change.reference }
          }
          throw StoreError.changedSince(
            file: store, entry: targetName,
            what: "\(reference.title) has changed since"
              + (since.map { " (by '\($0.commandLine)', \($0.at))" } ?? ""))
        }
        let record = try wanted.map { value throws(StoreError) in
          try Self.record(
            from: value, at: reference, change: change, in: tracker,
            recorded: (history: historyPath, entry: index + 1, when: undoing ? "before" : "after"))
        }
        changes.append(.restore(reference, record, position: change.position))
      }
      var result = tracker
      let touched = try ChangeSet(changes).apply(to: &result, today: today)
      var outcome = try commit(
        state, result, touched: touched, kind: undoing ? .undo : .redo, target: identity(target))
      outcome.target = target
      return outcome
    }
  }

  /// A record from its history snapshot, read by the one store reader (`StoreDecoder`). A
  /// snapshot that cannot be read back is `badHistoryRecord`, naming the history file, the entry
  /// (`recorded.entry`, from 1) and every problem found.
  static func record(
    from value: JSONValue, at reference: RecordReference, change: HistoryChange, in tracker: Tracker,
    recorded: (history: String, entry: Int, when: String)
  ) throws(StoreError) -> Record {
    var recommendation = ""
    if case .action(let placed) = reference {
      let answered =
        change.recommendation
        ?? tracker.actionIndex(placed).map {
          tracker.reviews[$0.review].recommendations[$0.recommendation].id
        }
      guard let answered else {
        throw .badHistoryRecord(
          file: recorded.history, entry: recorded.entry, reference: change.reference,
          message: "the history does not say which recommendation the action answers")
      }
      recommendation = answered
    }
    do throws(StoreError) {
      return try StoreDecoder.recordAsRecorded(
        Data(HistoryJSON.line(value).utf8), at: reference, recommendation: recommendation,
        file: recorded.history)
    } catch {
      throw .badHistoryRecord(
        file: recorded.history, entry: recorded.entry, reference: change.reference,
        message: "the \(reference.kind) as recorded \(recorded.when) the change cannot be read back: "
          + error.problemsInWords)
    }
  }
}

extension Tracker {
  /// Every record that stands at the top of the store: agencies, catalogue entries, reviews (with
  /// everything in them), dissemination activities and Section 11 returns.
  var topLevelRecords: [RecordReference] {
    agencies.map { .agency($0.id) }
      + CatalogueKind.allCases.flatMap { kind in self[keyPath: kind.entries].map { .catalogue(kind, $0.id) } }
      + reviews.map { .review($0.id) } + disseminations.map { .dissemination($0.id) }
      + section11.map { .section11(agency: $0.agency, cycle: $0.cycle) }
  }
}
