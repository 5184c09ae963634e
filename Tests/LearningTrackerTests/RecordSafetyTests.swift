import Foundation
import LearningModel
import LearningStore
import Testing

/// Nothing overwrites the record: no report, export or generated file lands on the store, its
/// history or its lock (directly, through a link, or through a name made from data), and an update
/// made while `edit` is open is never lost.
@Suite struct RecordSafetyTests {
  /// A copy of the demonstration store with a history of one entry, and the bytes of the three.
  func store() throws -> (path: String, folder: String, before: [Data]) {
    let path = try copyOfDemonstrationStore()
    #expect(
      runTracker(["action", "update", "LCSPR-2025-02/1.2", "--note", "chased"], data: path).status == 0)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return (path, folder, try owned(path))
  }

  func owned(_ path: String) throws -> [Data] {
    [try storeBytes(path), try storeBytes(path + ".history.jsonl")]
  }

  @Test(arguments: [
    ["report", "overdue", "--output", "tracker.json"],
    ["report", "overdue", "--format", "json", "--output", "tracker.json.history.jsonl"],
    ["report", "overdue", "--format", "text", "--output", "tracker.json.lock"],
    ["report", "overdue", "--format", "csv", "--output", "./sub/../tracker.json"],
    ["report", "progress", "--format", "markdown", "--output", "TRACKER.JSON"],
    ["export", "returns", "--agency", "la", "--output", "tracker.json"],
    ["export", "returns", "--agency", "la", "--output", "tracker.json.edit-x.json"],
    ["generate", "--reviews", "1", "--output", "tracker.json.history.jsonl"],
  ])
  func anOutputNeverReplacesWhatTheStoreOwns(_ arguments: [String]) throws {
    let (path, folder, before) = try store()
    try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    let environment = arguments[0] == "generate" ? [:] : ["LEARNING_TRACKER_DATA": path]
    let outcome = try runBinary(arguments, in: URL(fileURLWithPath: folder), environment: environment)
    #expect(outcome.status == 73, "\(arguments): \(outcome.err)")
    #expect(outcome.err.contains("nothing was written"), "\(outcome.err)")
    #expect(try owned(path) == before)
  }

  @Test func anOutputThroughALinkToTheStoreIsRefused() throws {
    let (path, folder, before) = try store()
    for (link, target) in [("report.json", "tracker.json"), ("log.json", "tracker.json.history.jsonl")] {
      try FileManager.default.createSymbolicLink(atPath: folder + "/" + link, withDestinationPath: target)
      let outcome = runTracker(
        ["report", "overdue", "--format", "json", "--output", folder + "/" + link], data: path)
      #expect(outcome.status == 73, "\(outcome.err)")
      #expect(outcome.err.contains("\(folder)/\(link): cannot write: it is the store"))
    }
    // The store given as a link: its real file's history is refused as well.
    let linked = folder + "/linked.json"
    try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: path)
    let outcome = runTracker(
      ["report", "overdue", "--format", "json", "--output", path + ".history.jsonl"], data: linked)
    #expect(outcome.status == 73)
    #expect(try owned(path) == before)
  }

  @Test func aLinkPlantedAtAnOutputNameIsReplacedNotFollowed() throws {
    let (path, folder, _) = try store()
    let victim = folder + "/someone-elses.txt"
    try Data("kept".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.createSymbolicLink(atPath: folder + "/overdue.csv", withDestinationPath: victim)
    let outcome = runTracker(["report", "overdue", "--output", folder + "/overdue.csv"], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "kept")
    let kind =
      try FileManager.default.attributesOfItem(atPath: folder + "/overdue.csv")[.type] as? FileAttributeType
    #expect(kind == .typeRegular)
  }

  @Test func aNameMadeFromDataNeverLandsOnTheStore() throws {
    // An agency whose ID is the store's name: its chase list and its return would be tracker.json.
    let (path, folder, _) = try store()
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "\"id\" : \"la\"", with: "\"id\" : \"tracker\"")
      .replacingOccurrences(of: "\"agency\" : \"la\"", with: "\"agency\" : \"tracker\"")
      .replacingOccurrences(of: "\"la\"", with: "\"tracker\"")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let store = try storeBytes(path)
    let chase = runTracker(
      ["report", "overdue", "--by-agency", folder, "--format", "json", "--as-of", "2027-06-01"], data: path)
    #expect(chase.status == 73, "\(chase.err)")
    #expect(chase.err.contains("\(folder)/tracker.json: cannot write: it is the store"), "\(chase.err)")
    let returns = runTracker(["export", "returns", "--all", folder], data: path)
    #expect(returns.status == 0 || returns.status == 73, "\(returns.err)")
    #expect(try storeBytes(path) == store)
    let pack = runTracker(["report", "all", "--output-dir", folder, "--as-of", "2026-11-20"], data: path)
    #expect(pack.status == 0, "\(pack.err)")
    #expect(try storeBytes(path) == store)
  }

  @Test(arguments: ["abc", "nan", "-1", "inf", "100000", ""])
  func aLockWaitThatCannotBeUsedIsAUsageError(_ value: String) throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let outcome = runTracker(
      ["action", "update", "LCSPR-2025-02/1.2", "--note", "chased"], data: path,
      environment: ["LEARNING_TRACKER_LOCK_WAIT": value])
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("LEARNING_TRACKER_LOCK_WAIT: \"\(value)\" is not a number of seconds"))
    #expect(try storeBytes(path) == before)
  }

  @Test func formatSaysWhenNothingChanged() throws {
    let path = try copyOfDemonstrationStore()
    let outcome = runTracker(["format"], data: path)
    #expect(outcome.status == 0)
    #expect(outcome.err.contains("is already in the canonical layout; nothing changed"))
    #expect(!outcome.err.contains("rewrote"))
  }

  // MARK: edit is a compare-and-swap

  @Test func anUpdateMadeWhileEditIsOpenIsNeverLost() throws {
    let path = try copyOfDemonstrationStore()
    let executable = try builtExecutable().path
    // The "editor" is a colleague's `action update` made while it is open, then the user's edit.
    let editor =
      "'\(executable)' action update LCSPR-2025-02/1.2 --note 'Colleague: chased the police' >/dev/null 2>&1; "
      + "sed -i 's/by the agency.s senior/by the police senior/'"
    let outcome = runTracker(["edit", "LCSPR-2025-02/1.2"], data: path, environment: ["EDITOR": editor])
    #expect(outcome.status == 76, "\(outcome.err)")
    #expect(outcome.err.contains("action LCSPR-2025-02/1.2 changed while the editor was open (updates)"))
    #expect(outcome.err.contains("the edited text is kept in \(path).edit-LCSPR-2025-02-1.2.json"))
    let action = try #require(
      try storedTracker(path).placedActions.first { $0.reference.description == "LCSPR-2025-02/1.2" })
    #expect(action.action.updates.last?.note == "Colleague: chased the police")
    let kept = try String(contentsOfFile: path + ".edit-LCSPR-2025-02-1.2.json", encoding: .utf8)
    #expect(kept.contains("by the police senior"))
    #expect(runTracker(["history", "--verify"], data: path).status == 0)
  }

  @Test func rejectedTextIsNeverWrittenThroughAPlantedLink() throws {
    let path = try copyOfDemonstrationStore()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let victim = folder + "/victim.txt"
    try Data("kept".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.createSymbolicLink(
      atPath: path + ".edit-LCSPR-2025-02-1.2.json", withDestinationPath: victim)
    let outcome = runTracker(
      ["edit", "LCSPR-2025-02/1.2"], data: path,
      environment: ["EDITOR": "sed -i 's/\"due\" : \"2026-06\"/\"due\" : \"2020-06-30\"/'"])
    #expect(outcome.status == 65)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "kept")
    #expect(outcome.err.contains("the edited text is kept in \(path).edit-LCSPR-2025-02-1.2-2.json"))
    #expect(FileManager.default.fileExists(atPath: path + ".edit-LCSPR-2025-02-1.2-2.json"))
  }

  @Test func rejectedTextGoesToAPrivateFolderWhenTheStoresFolderIsReadOnly() throws {
    guard getuid() != 0 else { return }  // the superuser writes anywhere
    let path = try copyOfDemonstrationStore()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    chmod(folder, 0o500)
    defer { chmod(folder, 0o700) }
    let outcome = runTracker(
      ["edit", "LCSPR-2025-02/1.2"], data: path,
      environment: ["EDITOR": "sed -i 's/\"due\" : \"2026-06\"/\"due\" : \"2020-06-30\"/'"])
    #expect(outcome.status == 65)
    #expect(!outcome.err.contains(path + ".edit-"))
    let line = try #require(outcome.err.split(separator: "\n").first { $0.contains("is kept in ") })
    let kept = try #require(
      line.components(separatedBy: "is kept in ").last?.components(separatedBy: ";").first)
    var status = stat()
    #expect(stat(URL(fileURLWithPath: kept).deletingLastPathComponent().path, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o700)
  }
}
