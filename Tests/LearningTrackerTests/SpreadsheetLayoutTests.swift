import Foundation
import LearningModel
import LearningStore
import Testing

/// Plans and returns saved the ways spreadsheets really save them: Excel's "Unicode text"
/// (UTF-16 with a byte-order mark, tab separated), semicolons, CRLF, a stray Windows-1252 byte in
/// a UTF-8 file, and files far too long.
@Suite struct SpreadsheetLayoutTests {
  let plans = PlanImportTests()

  /// Rows as a spreadsheet saves them with `separator`, quoting cells that need it.
  static func saved(_ rows: [[String]], separator: String, lineEnd: String = "\n") -> String {
    rows.map { row in
      row.map { cell in
        cell.contains(separator) || cell.contains("\"") || cell.contains("\n")
          ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
      }.joined(separator: separator)
    }.joined(separator: lineEnd) + lineEnd
  }

  static let header = [
    "Recommendation", "Action reference", "Action", "Owning agencies", "Due", "Status", "Latest note",
    "Note day",
  ]
  static let rows: [[String]] = [
    header,
    [
      "Agencies should record the child’s own words – every time.", "1.1", "Add a prompt to the template",
      "la",
      "31/03/2027", "In progress", "Template drafted; agreed with the LADO", "01/11/2026",
    ],
    [
      "Agencies should record the child’s own words – every time.", "1.2", "Brief the teams", "police",
      "30/06/2027", "", "", "",
    ],
  ]

  func write(_ bytes: [UInt8], named name: String, beside store: URL) throws -> URL {
    let url = store.deletingLastPathComponent().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  func importedRecommendation(_ store: URL) throws -> String {
    let outcome = runTracker(
      ["review", "show", PlanImportTests.review, "--format", "json"], data: store.path,
      today: PlanImportTests.today)
    try #require(outcome.status == 0, "\(outcome.err)")
    return outcome.out
  }

  @Test func excelUnicodeTextIsUTF16TabSeparated() throws {
    let store = try plans.freshStore()
    let text = Self.saved(Self.rows, separator: "\t", lineEnd: "\r\n")
    let file = try write(
      [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, named: "plan.txt",
      beside: store)
    let outcome = plans.importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("1 recommendation added, 2 actions added"))
    #expect(try importedRecommendation(store).contains("child’s own words – every time"))
  }

  @Test func semicolonsAndCRLF() throws {
    let store = try plans.freshStore()
    let file = try write(
      Array(Self.saved(Self.rows, separator: ";", lineEnd: "\r\n").utf8), named: "plan.csv", beside: store)
    let outcome = plans.importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("2 actions added"))
  }

  @Test func aStrayWindows1252ByteGarblesOnlyItsOwnLine() throws {
    let store = try plans.freshStore()
    var text = Self.saved(Self.rows, separator: ",")
    text = text.replacingOccurrences(of: "agreed with the LADO", with: "agreed with the LADO\u{1}")
    var bytes = Array(text.utf8)
    // One byte saved by a Windows program: 0x92, its right single quote, in the second row only.
    let marker = bytes.firstIndex(of: 0x01) ?? 0
    bytes[marker] = 0x92
    let file = try write(bytes, named: "plan.csv", beside: store)
    let outcome = plans.importPlan(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("line 2 is not UTF-8 and was read as Windows-1252"))
    let shown = try importedRecommendation(store)
    // The other lines keep their curly apostrophe and dash, read as UTF-8.
    #expect(shown.contains("child’s own words – every time"))
    #expect(shown.contains("agreed with the LADO’"))
  }

  @Test func aFileWithoutARecognisedHeaderSaysSo() throws {
    let store = try plans.freshStore()
    let file = try write(
      Array("Learning from Child Q\nPlan owner: \"the board\" said\nthings,to,do\n".utf8), named: "plan.csv",
      beside: store)
    let outcome = plans.importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("no header row found: the first rows are \"Learning from Child Q\""))
    #expect(outcome.err.contains("\"Recommendation\", \"Action reference\""))
    #expect(!outcome.err.contains("a quote inside an unquoted cell"))
  }

  @Test func aHugeFileIsRefusedQuicklyWithFewLines() throws {
    let store = try plans.freshStore()
    var text = "Agency,Action,New status\n"
    for index in 0..<150_000 { text += "la,\(PlanImportTests.review)/9.\(index),Completed\n" }
    let file = try write(Array(text.utf8), named: "returns.csv", beside: store)
    let outcome = try runBinary(
      ["--data", store.path, "import", "returns", file.path, "--by", "LA lead"],
      in: store.deletingLastPathComponent())
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("the file has at least 100001 rows; an import reads at most 100000"))
    #expect(outcome.err.split(separator: "\n").count <= 52)
  }

  @Test func atMostFiftyProblemsArePrinted() throws {
    let store = try plans.freshStore()
    var rows = [Self.header]
    for index in 1...80 { rows.append(["R1", "1.\(index)", "Brief the teams", "la", "soon", "", "", ""]) }
    let file = try write(Array(Self.saved(rows, separator: ",").utf8), named: "plan.csv", beside: store)
    let outcome = plans.importPlan(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("problems in"))
    #expect(outcome.err.contains("and 110 more problems"))
    #expect(outcome.err.split(separator: "\n").count == 52)
  }

  @Test func dayAndDueOptionsReadDayFirst() throws {
    let store = try plans.freshStore()
    for command in [
      ["recommendation", "add", "\(PlanImportTests.review)/R1", "--text", "Record the child's words"],
      [
        "action", "add", "\(PlanImportTests.review)/1.1", "--recommendation", "R1", "--description",
        "Brief the teams", "--owner", "la", "--due", "31/03/2027",
      ],
    ] {
      let outcome = runTracker(command, data: store.path, today: PlanImportTests.today)
      #expect(outcome.status == 0, "\(command): \(outcome.err)")
    }
    let list = try plans.actions(store)
    #expect(list.first?["due"] as? String == "2027-03-31")
    let month = runTracker(
      [
        "action", "update", "\(PlanImportTests.review)/1.1", "--due", "Apr-27", "--reason", "Training moved",
        "--by", "BU",
      ],
      data: store.path, today: PlanImportTests.today)
    #expect(month.status == 0, "\(month.err)")
  }
}

/// Agencies' other names, kept on the agency and read in imported plans.
@Suite struct AgencyAliasTests {
  let plans = PlanImportTests()

  @Test func anAliasIsAddedReadAndRemovedWithHistoryAndUndo() throws {
    let store = try plans.freshStore()
    func run(_ arguments: [String]) -> Outcome {
      runTracker(arguments, data: store.path, today: PlanImportTests.today)
    }
    #expect(
      run(["agency", "update", "education", "--add-alias", "Schools", "--add-alias", "Education"]).status == 0
    )
    let refused = run(["agency", "update", "education", "--add-alias", "Police"])
    #expect(refused.status == 64)
    #expect(refused.err.contains("\"Police\" already names agency police"))
    let shown = run(["agency", "list", "--format", "json"])
    #expect(shown.out.contains("\"Schools\""), "\(shown.out)")
    let file = store.deletingLastPathComponent().appendingPathComponent("plan.csv")
    try Data(
      """
      Recommendation,Action reference,Action,Owning agencies,Due
      Partners should escalate disagreement promptly.,1.1,Audit escalations,Schools / Police,31-Mar-27
      Partners should escalate disagreement promptly.,1.2,Brief the teams,All partners,Mar-27

      """.utf8
    ).write(to: file)
    let imported = plans.importPlan(file, into: store)
    #expect(imported.status == 0, "\(imported.err)")
    let list = try plans.actions(store)
    #expect(list.first?["owner"] as? String == "education")
    #expect(list.first?["due"] as? String == "2027-03-31")
    #expect(list.last?["due"] as? String == "2027-03")
    #expect(run(["undo"]).status == 0)
    let removed = run(["agency", "update", "education", "--remove-alias", "schools"])
    #expect(removed.status == 0, "\(removed.err)")
    let missing = run(["agency", "update", "education", "--remove-alias", "Schools"])
    #expect(missing.err.contains("has no alias \"Schools\" (its aliases: Education)"))
    #expect(run(["undo"]).status == 0)
    #expect(run(["agency", "list", "--format", "json"]).out.contains("\"Schools\""))
  }
}
