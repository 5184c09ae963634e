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
      outcome.err.contains("history entry 1 fails the check: operator is a redaction marker showing text"))
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
    #expect(outcome.err.contains("history entry 2 fails the check: storeAfter holds a redaction marker"))
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
        "\(path): the store is not the one the history's last entry ('learning-tracker action update"))
    #expect(runTracker(["history"], data: path).out.contains("then changed outside learning-tracker"))
    // validate warns; the next write says so and records its change after the outside one.
    let validate = runTracker(["validate"], data: path)
    #expect(validate.status == 0)
    #expect(validate.err.contains("changed outside learning-tracker"))
    let next = runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "chased again"], data: path)
    #expect(next.status == 0)
    #expect(
      next.err.contains(
        "the store was changed outside learning-tracker after 'learning-tracker action update"))
    #expect(runTracker(["history", "--verify"], data: path).status == 0)
    #expect(runTracker(["history"], data: path).out.contains("then changed outside learning-tracker"))
  }

  @Test func aHistoryCutShortIsNamed() throws {
    let path = try store()
    try write(Array(try historyLines(path).dropLast()), path)
    let outcome = runTracker(["history", "--verify"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("entries were cut off the end of the history"))
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
