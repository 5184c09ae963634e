import Foundation
import LearningStore
import Testing

/// Agencies' returns: export, fill in as an agency would, import, history and undo.
@Suite struct ReturnsTests {
  /// A copy of the demo store in a new folder.
  func seedsCopy() throws -> URL {
    let folder = try temporaryFolder()
    let copy = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: copy)
    return copy
  }

  /// Reads an exported return (skipping the instruction line) into rows of cells.
  func rows(_ url: URL) throws -> [[String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return try CSVReader.read(text, separator: ",").dropFirst().map { $0.map(\.text) }
  }

  /// Writes rows back as a spreadsheet might: separator, line ends, byte-order mark.
  func write(
    _ rows: [[String]], to url: URL, separator: String = ",", lineEnd: String = "\r\n", bom: Bool = true
  ) throws {
    func quote(_ cell: String) -> String {
      cell.contains(where: {
        $0 == "\"" || $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      })
        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
    let body = rows.map { $0.map(quote).joined(separator: separator) }.joined(separator: lineEnd) + lineEnd
    try Data(((bom ? "\u{FEFF}" : "") + body).utf8).write(to: url)
  }

  @Test func roundTripForEveryAgencyThenASecondImportChangesNothing() throws {
    let store = try seedsCopy()
    let folder = store.deletingLastPathComponent().appendingPathComponent("returns")
    #expect(
      runTracker(["export", "returns", "--all", folder.path, "--as-of", "2026-11-20"], data: store.path)
        .status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count == 10)
    var expected: [String: String] = [:]
    for (index, name) in files.enumerated() {
      let url = folder.appendingPathComponent(name)
      var table = try rows(url)
      let header = table[0]
      let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
      // Every agency fills its first open action; styles vary as different spreadsheets save.
      var row = table[1]
      let reference = row[column["Action"]!]
      row[column["Progress note (fill in)"]!] = "Update from \(name), line one\nline two; with \"quotes\""
      if index % 2 == 0 {
        row[column["New status (fill in)"]!] = "Completed"
        row[column["Evidence (fill in)"]!] = "Audit report\nTeam briefing notes"
      } else {
        row[column["Proposed new due (fill in)"]!] = "2027-06-30"
        row[column["Reason for new due (fill in)"]!] = "Waiting for a system release"
      }
      table[1] = row
      expected[reference] = index % 2 == 0 ? "completed" : "2027-06-30"
      let instruction = ["(instructions)"]
      try write(
        [instruction] + table, to: url, separator: index % 3 == 0 ? ";" : ",",
        lineEnd: index % 2 == 0 ? "\r\n" : "\n", bom: index % 2 == 0)
    }
    for name in files {
      let outcome = runTracker(
        [
          "import", "returns", folder.appendingPathComponent(name).path, "--by", "Agency lead", "--date",
          "2026-11-22",
        ], data: store.path)
      #expect(outcome.status == 0, "\(name): \(outcome.err)")
      #expect(outcome.err.contains("1 update"), "\(name): \(outcome.err)")
    }
    for (reference, change) in expected {
      let shown = runTracker(
        ["action", "show", reference, "--format", "json", "--as-of", "2026-11-22"], data: store.path)
      let state = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
      if change == "completed" {
        #expect(state?["status"] as? String == "completed", "\(reference)")
      }
      let updates = state?["updates"] as? [[String: Any]]
      if change != "completed" {
        // A proposed due day is a request: the due day stays until the partnership applies it.
        #expect(state?["due"] as? String != change, "\(reference)")
        #expect(updates?.last?["requestedDue"] as? String == change, "\(reference)")
        #expect(updates?.last?["requestReason"] as? String == "Waiting for a system release")
      }
      #expect(updates?.last?["by"] as? String == "Agency lead")
      #expect((updates?.last?["note"] as? String)?.contains("line one\nline two; with \"quotes\"") == true)
    }
    let before = try Data(contentsOf: store)
    for name in files {
      let again = runTracker(
        [
          "import", "returns", folder.appendingPathComponent(name).path, "--by", "Agency lead", "--date",
          "2026-11-29",
        ], data: store.path)
      #expect(again.status == 0)
      #expect(again.err.contains("0 updates"), "\(name): \(again.err)")
    }
    #expect(try Data(contentsOf: store) == before)
    #expect(runTracker(["validate"], data: store.path).status == 0)
  }

  @Test func tenFaultyRowsAreAllReportedAndNothingChanges() throws {
    let store = try seedsCopy()
    let file = store.deletingLastPathComponent().appendingPathComponent("la.csv")
    #expect(
      runTracker(
        ["export", "returns", "--agency", "la", "--output", file.path, "--as-of", "2026-11-20"],
        data: store.path
      ).status == 0)
    var table = try rows(file)
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    let template = table[1]
    func row(_ changes: [String: String]) -> [String] {
      var row = template
      for (name, value) in changes { row[column[name]!] = value }
      return row
    }
    let faulty: [[String]] = [
      row(["Action": "NO-SUCH/9.9", "Progress note (fill in)": "x"]),
      row(["Action": "LCSPR-2024-03/1.2", "Progress note (fill in)": "x"]),  // owned by probation
      row(["New status (fill in)": "Nearly there"]),
      row(["Proposed new due (fill in)": "2027-02-30", "Reason for new due (fill in)": "x"]),
      row(["Proposed new due (fill in)": "2025-01-01", "Reason for new due (fill in)": "x"]),
      row(["Proposed new due (fill in)": "2027-03-31"]),
      row(["Action": "RR-2023-03/1.1", "New status (fill in)": "In progress"]),  // assured: cannot reopen
      row(["New status (fill in)": "Withdrawn"]),
      row(["Agency": "police", "Progress note (fill in)": "x"]),
      row(["New status (fill in)": "Assured"]),
    ]
    table = [table[0]] + faulty
    try write([["(instructions)"]] + table, to: file)
    let before = try Data(contentsOf: store)
    let outcome = runTracker(["import", "returns", file.path, "--by", "Lead"], data: store.path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("10 problems"), "\(outcome.err)")
    let located = outcome.err.split(separator: "\n").filter { $0.hasPrefix(file.path + ":") }
    #expect(located.count == 10)
    // Each problem names its own spreadsheet row (rows 3 to 12: the instruction is row 1, the
    // header row 2) and a column by its header.
    for (index, line) in located.enumerated() {
      #expect(line.hasPrefix("\(file.path): row \(index + 3), "), "\(line)")
    }
    #expect(outcome.err.contains("column \"Action\", action NO-SUCH/9.9: no such action"))
    #expect(outcome.err.contains("is owned by probation, not by la"))
    #expect(outcome.err.contains("value \"Nearly there\": not a status"))
    #expect(outcome.err.contains("cannot reopen"))
    #expect(try Data(contentsOf: store) == before)
  }

  @Test func brokenQuotingIsReportedWithItsPlace() throws {
    let store = try seedsCopy()
    let file = store.deletingLastPathComponent().appendingPathComponent("bad.csv")
    try Data("Agency,Action\nla,\"LCSPR-2025-02/1.1\nla,x\n".utf8).write(to: file)
    let outcome = runTracker(["import", "returns", file.path, "--by", "Lead"], data: store.path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("a quoted cell is never closed"))
  }

  @Test func exportImportHistoryAndUndoThroughTheBinary() throws {
    let store = try seedsCopy()
    let folder = store.deletingLastPathComponent()
    let env = ["LEARNING_TRACKER_DATA": store.path]
    #expect(
      try runBinary(
        ["export", "returns", "--agency", "police", "--output", "police.csv", "--as-of", "2026-11-20"],
        in: folder, environment: env
      ).status == 0)
    var table = try rows(folder.appendingPathComponent("police.csv"))
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    let reference = table[1][column["Action"]!]
    table[1][column["New status (fill in)"]!] = "Completed"
    table[1][column["Progress note (fill in)"]!] = "Waiting for the national policy"
    try write([["(instructions)"]] + table, to: folder.appendingPathComponent("police.csv"), separator: ";")
    let dry = try runBinary(
      ["import", "returns", "police.csv", "--by", "Police lead", "--dry-run"], in: folder, environment: env)
    #expect(dry.out.contains("\(reference): status completed"))
    let original = try storeRecords(store.path)
    #expect(
      try runBinary(["import", "returns", "police.csv", "--by", "Police lead"], in: folder, environment: env)
        .status == 0)
    let history = try runBinary(["history", reference], in: folder, environment: env)
    #expect(history.out.contains("Police lead  learning-tracker import returns police.csv"))
    let entries = try History.read(store: store.path)
    #expect(entries.last?.changes.first?.before != nil)
    #expect(entries.last?.changes.first?.after != entries.last?.changes.first?.before)
    #expect(try runBinary(["undo"], in: folder, environment: env).status == 0)
    #expect(try storeRecords(store.path) == original)
    // The history keeps both the import and the undo.
    #expect(try History.read(store: store.path).count == 2)
    // Undo refuses when the store changed in another way since.
    var text = try String(contentsOf: store, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "Northshire Safeguarding Children Partnership", with: "Northshire SCP")
    try text.write(to: store, atomically: true, encoding: .utf8)
    let refused = try runBinary(["undo"], in: folder, environment: env)
    #expect(refused.status == 76)
    #expect(refused.err.contains("has changed since"))
    #expect(refused.err.contains("edited outside learning-tracker"))
  }
}
