import Foundation
import LearningStore
import Testing

/// The chain covers what is shown: each way of forging the history or the store is named by
/// `history --verify`, and `redact` of a name that looks hexadecimal keeps the chain verifiable.
@Suite struct HistoryForgeryTests {
  /// A copy of the demonstration store with two changes in its history.
  func store() throws -> String {
    let path = try copyOfDemonstrationStore()
    for note in ["chased the police", "the police replied"] {
      #expect(runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", note], data: path).status == 0)
    }
    #expect(runTracker(["history", "--verify"], data: path).status == 0)
    return path
  }

  func historyLines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path + ".history.jsonl", encoding: .utf8).split(separator: "\n").map(
      String.init)
  }

  func write(_ lines: [String], _ path: String) throws {
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(
      to: URL(fileURLWithPath: path + ".history.jsonl"))
  }

  func marker(showing shown: String, for text: String) -> String {
    "{\"redactedText\":\"\(shown)\",\"sha256\":\"\(SHA256.hex(text))\"}"
  }

  @Test func aMarkerShowingOtherTextIsNamed() throws {
    let path = try store()
    var lines = try historyLines(path)
    // The operator of the first entry replaced by a marker that keeps its digest but shows a forgery.
    lines[0] = lines[0].replacingOccurrences(
      of: "\"operator\":\"Business unit\"",
      with: "\"operator\":" + marker(showing: "Chair", for: "Business unit"))
    try write(lines, path)
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains("entry 1: fails the check: operator is a redaction marker showing text"))
    // What is shown is only ever the tool's mask.
    #expect(!runTracker(["history"], data: path).out.contains("Chair"))
  }

  @Test func aMarkerWhereADigestBelongsIsNamed() throws {
    let path = try store()
    var lines = try historyLines(path)
    let last = try #require(History.read(store: path).last?.storeAfter)
    lines[1] = lines[1].replacingOccurrences(
      of: "\"storeAfter\":\"\(last)\"", with: "\"storeAfter\":" + marker(showing: "[redacted]", for: last))
    try write(lines, path)
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("entry 2: fails the check: storeAfter holds a redaction marker"))
    #expect(runTracker(["undo"], data: path).status != 0)
  }

  @Test func aStoreChangedOutsideTheToolIsNamed() throws {
    let path = try store()
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "the police replied", with: "nothing to report")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "\(path): the store was changed outside learning-tracker after history entry 2 "
          + "('learning-tracker action update"))
    #expect(outcome.err.contains("it names that entry as the one that wrote it"))
    #expect(!outcome.err.contains("cut"))
    let history = runTracker(["history"], data: path)
    #expect(history.out.contains("(then the store was changed outside learning-tracker)"))
    #expect(history.err.contains("the store was changed outside learning-tracker after history entry 2"))
    // validate warns; the next write says so and records the outside change as an entry of its own.
    let validate = runTracker(["validate"], data: path)
    #expect(validate.status == 0)
    #expect(
      validate.err.contains(
        "warning: \(path): the store was changed outside learning-tracker after history entry 2"))
    let next = runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "chased again"], data: path)
    #expect(next.status == 0)
    #expect(next.err.contains("the store was changed outside learning-tracker after history entry 2"))
    #expect(next.err.contains("recorded in the history as a change made outside learning-tracker"))
    let entries = try History.read(store: path)
    #expect(entries.map(\.kind) == [.change, .change, .outside, .change])
    #expect(entries[2].storeBefore == entries[1].storeAfter)
    #expect(entries[2].storeAfter == entries[3].storeBefore)
    let verify = runTracker(["history", "--verify"], data: path)
    #expect(verify.status == 0, "\(verify.err)")
    #expect(verify.out.contains("records that the store was changed outside learning-tracker"))
    let after = runTracker(["history"], data: path)
    #expect(after.out.contains("found that the store was changed outside learning-tracker"))
    #expect(after.err.isEmpty)
    #expect(runTracker(["validate"], data: path).err.contains("changed outside") == false)
  }

  @Test(arguments: [1, 2]) func aHistoryCutShortIsNamed(lines: Int) throws {
    let path = try store()
    #expect(
      runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "a third note"], data: path).status == 0)
    // One or several whole last lines cut off: the store names an entry the history no longer holds.
    try write(Array(try historyLines(path).dropLast(lines)), path)
    let kept = 3 - lines
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "\(path).history.jsonl: the history was cut short after entry \(kept) ('learning-tracker action update"
      ))
    #expect(outcome.err.contains("the store was written by an entry the history no longer holds"))
    #expect(!outcome.err.contains("changed outside"))
    #expect(runTracker(["history"], data: path).out.contains("(then the history was cut short"))
    let validate = runTracker(["validate"], data: path)
    #expect(validate.status == 0)
    #expect(
      validate.err.contains("warning: \(path).history.jsonl: the history was cut short after entry \(kept)"))
    // The next write records the cut as an entry of its own; the history then says so.
    let next = runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "after the cut"], data: path)
    #expect(next.status == 0)
    #expect(next.err.contains("the history was cut short after entry \(kept)"))
    let entries = try History.read(store: path)
    #expect(entries.count == kept + 2)
    #expect(entries[kept].kind == .outside)
    #expect(entries[kept].storeEntry != nil)
    let verify = runTracker(["history", "--verify"], data: path)
    #expect(verify.status == 0, "\(verify.err)")
    #expect(verify.out.contains("entry \(kept + 1) ("))
    #expect(verify.out.contains("records that the history was cut short"))
  }

  @Test func aHistoryCutToNothingIsNamed() throws {
    let path = try store()
    try write([], path)
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("the history holds no entry, but the store names the entry that wrote it"))
  }

  @Test func anOlderCopyPutBackIsNamed() throws {
    let path = try copyOfDemonstrationStore()
    #expect(runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "first"], data: path).status == 0)
    let older = try storeBytes(path)
    // The store before the last entry would read as that entry not applied: two entries come after it.
    for note in ["second", "third"] {
      #expect(runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", note], data: path).status == 0)
    }
    try Data(older).write(to: URL(fileURLWithPath: path))
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("\(path): the store names history entry 1 ('learning-tracker action update"))
    #expect(outcome.err.contains("not the last, entry 3 ("))
    #expect(outcome.err.contains("an older copy of the store was put back outside learning-tracker"))
  }

  @Test func aStoreChangedWithItsNewDigestInTheHistoryIsNamed() throws {
    let path = try store()
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "the police replied", with: "nothing to report")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    // The last entry's storeAfter replaced by the hand-edited store's digest: the entry's own digest fails.
    var lines = try historyLines(path)
    let last = try #require(History.read(store: path).last?.storeAfter)
    lines[1] = lines[1].replacingOccurrences(
      of: "\"storeAfter\":\"\(last)\"", with: "\"storeAfter\":\"\(SHA256.hex(Array(text.utf8)))\"")
    try write(lines, path)
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("entry 2: fails the check: its contents do not match its digest"))
    #expect(runTracker(["undo"], data: path).status == 65)
  }

  @Test func aStoreNamingNoEntryChangedOutsideIsNamed() throws {
    let path = try store()
    // A store last written before stores named their entry: the two causes cannot be told apart.
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("\"historyEntry\"") }.joined(separator: "\n")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("it was changed outside learning-tracker, or entries were cut off the end"))
    #expect(outcome.err.contains("the store names no entry"))
  }

  @Test func redactingAHexadecimalLookingNameKeepsTheChain() throws {
    let path = try store()
    // "ad" is in most digests; only texts are redacted, never a digest.
    let outcome = runTracker(["redact", "ad", "--by", "Data protection officer"], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    let verify = runTracker(["history", "--verify"], data: path)
    #expect(verify.status == 0, "\(verify.err)")
    // A name inside a word of a closed list or an ID is never touched ("la" is an agency's ID and
    // part of "localAuthority").
    let words = runTracker(["redact", "la", "--by", "Data protection officer"], data: path)
    #expect(words.status == 0, "\(words.err)")
    #expect(runTracker(["validate"], data: path).status == 0)
    #expect(runTracker(["history", "--verify"], data: path).status == 0)
    // Text in no text field: refused, nothing changed.
    let before = try storeBytes(path)
    let nowhere = runTracker(["redact", "zzqx-not-there", "--by", "Data protection officer"], data: path)
    #expect(nowhere.status == 65)
    #expect(try storeBytes(path) == before)
  }
}
