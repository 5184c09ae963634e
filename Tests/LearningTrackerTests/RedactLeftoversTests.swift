import Foundation
import Testing

/// `redact` leaves no copy of the text in the files `edit` leaves or in the store's lock file.
@Suite struct RedactLeftoversTests {
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

  func redact(_ path: String, temporary: String) -> Outcome {
    runTracker(
      ["redact", "Jane Smith", "--by", "Data protection officer"], data: path,
      environment: ["TMPDIR": temporary])
  }

  @Test func removesRejectedEditTextKeptBesideTheStore() throws {
    let path = try newStore()
    let temporary = try temporaryFolder().path
    let rejected = runTracker(
      ["edit", "RR-1"], data: path,
      environment: ["EDITOR": "sed -i 's/\"RR-1\"/\"RR-9\"/; s/Child A/Jane Smith/'"])
    #expect(rejected.status == 65, "\(rejected.err)")
    let kept = path + ".edit-RR-1.json"
    #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("Jane Smith"))
    let outcome = redact(path, temporary: temporary)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("\(kept) held the text: removed"))
    #expect(!FileManager.default.fileExists(atPath: kept))
    // Nothing is left: a second redact finds the text nowhere.
    #expect(redact(path, temporary: temporary).status == 65)
  }

  @Test func removesRejectedEditTextAndEditorFilesInTheTemporaryFolder() throws {
    let path = try newStore()
    let temporary = try temporaryFolder().path
    let privateFolder = temporary + "/learning-tracker-edit-Ab12Cd34"
    let editorFolder = temporary + "/learning-tracker-edit-Ef56Gh78"
    let other = temporary + "/learning-tracker-edit-Ij90Kl12"
    for folder in [privateFolder, editorFolder, other] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let keptText = Data("{\"id\": \"RR-1\", \"title\": \"JANE SMITH\"}".utf8)
    try keptText.write(to: URL(fileURLWithPath: privateFolder + "/tracker.json.edit-RR-1.json"))
    try keptText.write(to: URL(fileURLWithPath: editorFolder + "/RR-1.json"))
    try Data("{\"title\": \"Child A\"}".utf8).write(to: URL(fileURLWithPath: other + "/RR-1.json"))
    let outcome = redact(path, temporary: temporary)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("\(privateFolder)/tracker.json.edit-RR-1.json held the text: removed"))
    #expect(outcome.err.contains("\(editorFolder)/RR-1.json held the text: removed"))
    #expect(!FileManager.default.fileExists(atPath: privateFolder))
    #expect(!FileManager.default.fileExists(atPath: editorFolder))
    // A file without the text is left alone.
    #expect(FileManager.default.fileExists(atPath: other + "/RR-1.json"))
  }

  @Test func rewritesALockFileAStoppedCommandLeftHoldingTheText() throws {
    let path = try newStore()
    let temporary = try temporaryFolder().path
    #expect(runTracker(["review", "update", "RR-1", "--title", "Jane Smith"], data: path).status == 0)
    let lock = path + ".lock"
    try Data("pid 99999, Business unit, redact Jane Smith --by".utf8).write(to: URL(fileURLWithPath: lock))
    let outcome = redact(path, temporary: temporary)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("\(lock) held the text: rewritten"))
    let left = try String(contentsOfFile: lock, encoding: .utf8)
    #expect(!left.localizedCaseInsensitiveContains("Jane Smith"))
    for file in [path, path + ".history.jsonl"] {
      #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("Jane Smith"))
    }
  }
}
