import Foundation
import LearningJSON
import LearningModel
import Testing

@testable import LearningStore

/// The transaction and its history: write-ahead, "not applied", torn lines, the chain, undo and
/// redo, redaction, unwritable histories and symbolic links, all without a command line.
@Suite struct StoreTransactionTests {
  let today = CalendarDay("2026-11-23") ?? CalendarDay(dayNumber: 0)

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "learning-store-transaction-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func transaction(_ store: String, _ words: String..., by: String? = nil) -> StoreTransaction {
    StoreTransaction(
      store: store, operatorName: "Business unit", by: by, command: words, today: today,
      timestamp: "2026-11-23T09:00:00Z")
  }

  /// A new store with one review, one accepted recommendation and one action, made by four
  /// recorded commands (init, review, recommendation, action).
  func newStore(in folder: String? = nil) throws -> String {
    let store = try (folder ?? self.folder()) + "/tracker.json"
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test Partnership")
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
    ]
    _ = try transaction(store, "init").create(tracker)
    try add(.review(Review(id: "RR-1", title: "Child A", kind: .rapidReview)), to: store)
    try add(
      .recommendation(review: "RR-1", Recommendation(id: "R1", text: "Share information", agencies: ["la"])),
      to: store)
    try add(
      .action(
        review: "RR-1", recommendation: "R1",
        Action(
          id: "1.1", description: "Agree a protocol", owner: "la", lead: "Lead",
          measureOfSuccess: "Audit of 20",
          agreed: day("2026-01-01"), due: day("2026-12-31"))), to: store)
    return store
  }

  func add(_ record: Record, to store: String) throws {
    _ = try transaction(store, "add").change { _ in ChangeSet([.add(record)]) }
  }

  func note(_ text: String, on store: String) throws -> TransactionOutcome {
    try transaction(store, "action", "update", "RR-1/1.1", "--note", text).change { _ in
      ChangeSet([
        .addActionUpdate(
          ActionReference(review: "RR-1", action: "1.1"), ActionUpdate(date: day("2026-02-01"), note: text))
      ])
    }
  }

  func bytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
  }

  /// The store's records: the store as read, without the mark of the entry that wrote it (which
  /// differs from one write to the next).
  func records(_ path: String) throws -> Tracker {
    var tracker = try StoreReader.read(path: path).tracker
    tracker.historyEntry = nil
    return tracker
  }

  func notes(_ store: String) throws -> [String] {
    try StoreReader.read(path: store).tracker.reviews[0].recommendations[0].actions[0].updates.compactMap(
      \.note)
  }

  func history(_ store: String) -> String { store + ".history.jsonl" }

  // MARK: - The entry and the store as one unit

  @Test func everyChangeIsChainedAndInitIsRecorded() throws {
    let store = try newStore()
    let entries = try History.read(store: store)
    #expect(entries.map(\.kind) == [.`init`, .change, .change, .change])
    #expect(entries[0].storeBefore == nil)
    #expect(entries.last?.storeAfter == HistoryDigest.store(bytes(store)))
    for (earlier, later) in zip(entries, entries.dropFirst()) {
      #expect(later.previous == earlier.digest)
      #expect(later.storeBefore == earlier.storeAfter)
    }
    #expect(History.verify(entries, file: history(store)) == nil)
    #expect(entries.allSatisfy { $0.operatorName == "Business unit" && $0.by == nil })
  }

  @Test func theOperatorAndOnWhoseBehalfAreKeptApart() throws {
    let store = try newStore()
    _ = try transaction(store, "action", "update", by: "QA subgroup").change { _ in
      ChangeSet([
        .addActionUpdate(
          ActionReference(review: "RR-1", action: "1.1"), ActionUpdate(date: day("2026-03-01"), note: "x"))
      ])
    }
    let last = try #require(try History.read(store: store).last)
    #expect(last.operatorName == "Business unit")
    #expect(last.by == "QA subgroup")
  }

  @Test func aChangeThatChangesNothingWritesNothing() throws {
    let store = try newStore()
    let before = bytes(store)
    let historyBefore = bytes(history(store))
    let agency = Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)
    let outcome = try transaction(store, "agency", "update").change { _ in
      ChangeSet([.update(.agency(agency))])
    }
    #expect(outcome.entry == nil)
    #expect(bytes(store) == before)
    #expect(bytes(history(store)) == historyBefore)
  }

  @Test func aRefusedChangeWritesNothing() throws {
    let store = try newStore()
    let before = bytes(store)
    let historyBefore = bytes(history(store))
    #expect(throws: ChangeRefusal.self) {
      try transaction(store, "agency", "remove").change { _ in ChangeSet([.remove(.agency("la"))]) }
    }
    #expect(bytes(store) == before)
    #expect(bytes(history(store)) == historyBefore)
  }

  @Test func anEntryWhoseStoreNeverArrivedIsShownAsNotApplied() throws {
    let store = try newStore()
    let before = bytes(store)
    _ = try note("written", on: store)
    // Put the old store back, as if the writer had stopped after its history entry.
    try Data(before).write(to: URL(fileURLWithPath: store))
    var entries = try History.read(store: store)
    var statuses = History.statuses(entries, currentStore: HistoryDigest.store(bytes(store)))
    #expect(statuses.last == .notApplied)
    // The next change carries on from the store as it is; the entry stays "not applied".
    _ = try note("next", on: store)
    entries = try History.read(store: store)
    statuses = History.statuses(entries, currentStore: HistoryDigest.store(bytes(store)))
    #expect(Array(statuses.suffix(2)) == [.notApplied, .applied])
    #expect(History.verify(entries, file: history(store)) == nil)
    // Undo reverts "next", and never the change that was not applied.
    _ = try transaction(store, "undo").undo()
    #expect(try notes(store) == [])
    _ = try transaction(store, "undo").undo()
    #expect(try StoreReader.read(path: store).tracker.reviews[0].recommendations[0].actions.isEmpty)
  }

  @Test func aHistoryThatCannotBeWrittenLeavesTheStoreUnchanged() throws {
    let store = try newStore()
    let before = bytes(store)
    try FileManager.default.removeItem(atPath: history(store))
    try FileManager.default.createDirectory(atPath: history(store), withIntermediateDirectories: false)
    do {
      _ = try note("lost", on: store)
      Issue.record("the change was made without its history entry")
    } catch let error as StoreError {
      guard case .historyNotWritten(let file, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(file == history(store))
      #expect(error.errorDescription?.contains("the change was not made") == true)
    }
    #expect(bytes(store) == before)
  }

  @Test func aReadOnlyFolderLeavesTheStoreUnchanged() throws {
    guard getuid() != 0 else {
      // As root a read-only folder is still writable, so this case cannot be shown.
      return
    }
    let folder = try folder()
    let store = try newStore(in: folder)
    try FileManager.default.removeItem(atPath: history(store))
    let before = bytes(store)
    chmod(folder, 0o500)
    defer { chmod(folder, 0o700) }
    #expect(throws: StoreError.self) { try note("lost", on: store) }
    #expect(bytes(store) == before)
  }

  @Test func aTornLastLineIsSetAsideBeforeTheNextAppend() throws {
    let folder = try folder()
    let store = try newStore(in: folder)
    let handle = try #require(FileHandle(forWritingAtPath: history(store)))
    handle.seekToEndOfFile()
    let fragment = #"{"at":"2026-11-23T09:00:00Z","changes":[{"ref"#
    handle.write(Data(fragment.utf8))
    handle.closeFile()
    // Readable at once, without the fragment.
    #expect(try History.read(store: store).count == 4)
    let outcome = try note("after the crash", on: store)
    guard let torn = outcome.warnings.first, torn.code == .tornHistoryLine,
      let keptIn = torn.message.components(separatedBy: "kept in ").last
    else {
      Issue.record("the torn line was not reported")
      return
    }
    #expect(torn.message.contains("(\(fragment.utf8.count) bytes,"))
    #expect(torn.place.file == history(store))
    #expect(keptIn.hasPrefix(store + ".history.torn-"))
    #expect(String(decoding: self.bytes(keptIn), as: UTF8.self).hasPrefix(#"{"at""#))
    let entries = try History.read(store: store)
    #expect(entries.count == 5)
    #expect(History.verify(entries, file: history(store)) == nil)
    _ = try transaction(store, "undo").undo()
    #expect(try notes(store) == [])
  }

  // MARK: - The chain

  @Test func aHandEditedBeforeIsFoundAndUndoRefusesIt() throws {
    let store = try newStore()
    _ = try note("progress", on: store)
    var lines = String(decoding: bytes(history(store)), as: UTF8.self).split(separator: "\n").map(String.init)
    let last = lines.count - 1
    #expect(lines[last].contains(#""description":"Agree a protocol""#))
    lines[last] = lines[last].replacingOccurrences(
      of: #""before":{"agreed":"2026-01-01","description":"Agree a protocol""#,
      with: #""before":{"agreed":"2026-01-01","description":"Something else""#)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history(store)))
    let entries = try History.read(store: store)
    let failure = History.verify(entries, file: history(store))
    #expect(failure?.place.entry == 5)
    #expect(failure?.code == .historyChainBroken)
    let before = bytes(store)
    #expect(throws: StoreError.historyFailsCheck(try #require(failure))) {
      try transaction(store, "undo").undo()
    }
    #expect(bytes(store) == before)
  }

  /// A recorded record is read back by the one store reader: one it cannot read (here a `before`
  /// whose due day is a number, with the entry's digest made again so that the chain verifies) is
  /// refused naming the history file, the entry and every problem.
  @Test func aRecordedRecordThatCannotBeReadBackIsRefusedNamingTheEntry() throws {
    let store = try newStore()
    _ = try note("progress", on: store)
    var lines = String(decoding: bytes(history(store)), as: UTF8.self).split(separator: "\n").map(String.init)
    let last = lines.count - 1
    let line = try JSONValue.parse(Array(lines[last].utf8))
    guard case .object(var members) = line, case .array(var changes)? = line["changes"],
      case .object(var change) = changes[0], case .object(var recorded)? = changes[0]["before"]
    else {
      Issue.record("the entry is an object with a change holding a before")
      return
    }
    recorded = recorded.map { $0.key == "due" ? ($0.key, JSONValue.number("7")) : $0 }
    change = change.map { $0.key == "before" ? ($0.key, JSONValue.object(recorded)) : $0 }
    changes[0] = .object(change)
    members = members.map { $0.key == "changes" ? ($0.key, JSONValue.array(changes)) : $0 }
    let edited = try #require(HistoryEntry(json: .object(members)))
    let digest = HistoryDigest.digest(of: edited)
    members = members.map { $0.key == "digest" ? ($0.key, JSONValue.string(digest)) : $0 }
    lines[last] = HistoryJSON.line(.object(members))
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history(store)))
    #expect(History.verify(try History.read(store: store), file: history(store)) == nil)
    let before = bytes(store)
    #expect(
      throws: StoreError.badHistoryRecord(
        file: history(store), entry: 5, reference: "RR-1/1.1",
        message: "the action as recorded before the change cannot be read back: "
          + "due: expected a string, found 7")
    ) {
      try transaction(store, "undo").undo()
    }
    #expect(bytes(store) == before)
  }

  @Test func aRemovedEntryBreaksTheChain() throws {
    let store = try newStore()
    var lines = String(decoding: bytes(history(store)), as: UTF8.self).split(separator: "\n").map(String.init)
    lines.remove(at: 1)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history(store)))
    let failure = History.verify(try History.read(store: store), file: history(store))
    #expect(failure?.place.entry == 2)
    #expect(failure?.message.contains("does not name the entry before it") == true)
  }

  // MARK: - Undo and redo

  @Test func undoThreeTimesThenRedoThreeTimes() throws {
    let store = try newStore()
    var states = [try records(store)]
    for text in ["one", "two", "three"] {
      _ = try note(text, on: store)
      states.append(try records(store))
    }
    for expected in states.dropLast().reversed() {
      _ = try transaction(store, "undo").undo()
      #expect(try records(store) == expected)
    }
    for expected in states.dropFirst() {
      _ = try transaction(store, "redo").redo()
      #expect(try records(store) == expected)
    }
    #expect(throws: StoreError.self) { try transaction(store, "redo").redo() }
    // A new change ends what can be redone.
    _ = try transaction(store, "undo").undo()
    _ = try note("four", on: store)
    #expect(throws: StoreError.self) { try transaction(store, "redo").redo() }
    #expect(try notes(store) == ["one", "two", "four"])
    #expect(History.verify(try History.read(store: store), file: history(store)) == nil)
  }

  @Test func undoRefusesWhenTheRecordChangedSinceAndSaysHow() throws {
    let store = try newStore()
    _ = try note("one", on: store)
    var text = String(decoding: bytes(store), as: UTF8.self)
    text = text.replacingOccurrences(of: "Test Partnership", with: "Renamed Partnership")
    try Data(text.utf8).write(to: URL(fileURLWithPath: store))
    do {
      _ = try transaction(store, "undo").undo()
      Issue.record("undo went ahead over an outside change")
    } catch let error as StoreError {
      guard case .changedSince(_, _, let what) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(what.contains("edited outside learning-tracker"))
    }
  }

  @Test func undoOfARemovedRecommendationPutsItsActionsBack() throws {
    let store = try newStore()
    let before = try records(store)
    let recommendation = RecordReference.recommendation(
      RecommendationReference(review: "RR-1", recommendation: "R1"))
    _ = try transaction(store, "remove").change { _ in ChangeSet([.remove(recommendation)]) }
    #expect(try StoreReader.read(path: store).tracker.reviews[0].recommendations.isEmpty)
    _ = try transaction(store, "undo").undo()
    #expect(try records(store) == before)
  }

  // MARK: - Redaction

  @Test func redactionLeavesTheTextInNeitherStoreNorHistoryAndTheChainVerifies() throws {
    let folder = try folder()
    let store = try newStore(in: folder)
    _ = try note("Spoke to Jane Smith at school", on: store)
    _ = try note("Jane Smith's mother agreed", on: store)
    let outcome = try transaction(store, "redact", "Jane Smith", "--by", "DPO").redact("Jane Smith")
    #expect(outcome.entry?.redactions == [HistoryDigest.text("Jane Smith")])
    for path in [store, history(store)] {
      let text = String(decoding: bytes(path), as: UTF8.self)
      #expect(!text.localizedCaseInsensitiveContains("Jane Smith"), "\(path) still holds the text")
    }
    #expect(try notes(store) == ["Spoke to [redacted] at school", "[redacted]'s mother agreed"])
    let entries = try History.read(store: store)
    #expect(History.verify(entries, file: history(store)) == nil)
    #expect(entries.last?.kind == .redact)
    // Undo cannot bring the text back, and says so instead of restoring the mask.
    #expect(throws: StoreError.self) { try transaction(store, "undo").undo() }
    do {
      _ = try transaction(store, "undo").undo()
    } catch let error as StoreError {
      guard case .needsRedactedText = error else {
        Issue.record("unexpected error \(error)")
        return
      }
    }
    // Nothing to redact is not a change.
    #expect(try transaction(store, "redact").redact("Nobody Here").entry == nil)
  }

  @Test func theHistoryIsScannedForPersonalData() throws {
    let store = try newStore()
    _ = try note("Call 07700 900123 about the referral", on: store)
    let findings = History.personalData(
      try History.read(store: store), scanner: PersonalDataScanner(), file: history(store))
    // In the command's words and in the action as it was after.
    #expect(findings.map(\.path) == ["command[4]", "changes[0].after.updates[0].note"])
    #expect(
      findings.allSatisfy {
        $0.place.entry == 5 && $0.place.file == history(store) && $0.code == .personalData(.phone)
          && $0.severity == .warning && !$0.message.contains("900123")
          && $0.place.value?.contains("900123") == false
      })
  }

  // MARK: - Symbolic links and messages

  @Test func aSymlinkedStoreIsWrittenThroughItsLink() throws {
    let folder = try folder()
    let real = try newStore(in: folder)
    let linkFolder = try self.folder()
    let link = linkFolder + "/linked.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    _ = try note("through the link", on: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    #expect(try notes(real) == ["through the link"])
    // The lock, the temporary file and the history are beside the real file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: linkFolder) == ["linked.json"])
    #expect(try History.read(store: real).count == 5)
  }

  @Test func ioErrorsSayWhatFailedOnWhichPathInWords() throws {
    let folder = try folder()
    let missing = folder + "/no-such-folder/tracker.json"
    do {
      try AtomicFile.write([1, 2, 3], to: missing)
      Issue.record("wrote into a missing folder")
    } catch {
      let message = error.errorDescription ?? ""
      #expect(message.contains(missing))
      #expect(message.contains("cannot create a temporary file in \(folder)/no-such-folder"))
      #expect(message.contains("No such file or directory"))
      #expect(!message.contains("Domain"))
    }
  }

  @Test func aReportWrittenPieceByPieceIsWholeOrNotThereAndItsErrorIsPassedOn() throws {
    struct Refused: Error, Equatable {}
    let folder = try folder()
    let path = folder + "/overdue.json"
    try AtomicFile.write(to: path) { write in
      try write(Array("{\n".utf8))
      try write(Array("}\n".utf8))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\n}\n")
    do {
      try AtomicFile.write(to: path) { write in
        try write(Array("half".utf8))
        throw Refused()
      }
      Issue.record("a failed report replaced the file")
    } catch let error as Refused {
      #expect(error == Refused())
    }
    // The old file stands, and no temporary file is left beside it.
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\n}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["overdue.json"])
  }
}
