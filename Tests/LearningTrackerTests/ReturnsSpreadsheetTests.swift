import Foundation
import LearningModel
import LearningReports
import LearningStore
import Testing

/// Returns as spreadsheets really save them: UK day-first dates, problems named by spreadsheet
/// row and column header, workbooks refused, and the sheet asking for evidence of impact.
@Suite struct ReturnsSpreadsheetTests {
  /// A copy of the demo store in a new folder, and la's return exported from it (as of 2026-11-20),
  /// read back as rows of cells without the instruction line.
  func exported(_ agency: String = "la") throws -> (store: URL, file: URL, table: [[String]]) {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
    let file = folder.appendingPathComponent("\(agency).csv")
    let export = runTracker(
      ["export", "returns", "--agency", agency, "--output", file.path, "--as-of", "2026-11-20"],
      data: store.path)
    #expect(export.status == 0, "\(export.err)")
    let text = try String(contentsOf: file, encoding: .utf8)
    let table = try CSVReader.read(text).dropFirst().map { $0.map(\.text) }
    return (store, file, Array(table))
  }

  /// Writes rows as a spreadsheet saves them (CRLF, cells quoted where needed).
  func save(_ rows: [[String]], to url: URL, separator: String = ",") throws {
    func quote(_ cell: String) -> String {
      cell.contains(where: { $0 == "\"" || $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r\n" })
        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
    let body = rows.map { $0.map(quote).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
    try Data(body.utf8).write(to: url)
  }

  /// Imports a file into the store on 2026-11-22.
  func importing(_ file: URL, into store: URL) -> Outcome {
    runTracker(
      ["import", "returns", file.path, "--by", "Agency lead", "--date", "2026-11-22"], data: store.path)
  }

  /// The last update of an action in the store.
  func lastUpdate(_ reference: String, in store: URL) throws -> ActionUpdate? {
    let tracker = try StoreReader.read(path: store.path).tracker
    let action = try #require(ActionReference(reference))
    let (r, m, a) = try #require(tracker.actionIndex(action))
    return tracker.reviews[r].recommendations[m].actions[a].updates.last
  }

  @Test func daysAreReadDayFirstNeverMonthFirst() {
    #expect(AgencyReturnImport.day("31/12/2026") == CalendarDay("2026-12-31"))
    #expect(AgencyReturnImport.day("1/2/2026") == CalendarDay("2026-02-01"))
    #expect(AgencyReturnImport.day("01/02/2026") == CalendarDay("2026-02-01"))
    #expect(AgencyReturnImport.day("3.4.2027") == CalendarDay("2027-04-03"))
    #expect(AgencyReturnImport.day("2026-12-31") == CalendarDay("2026-12-31"))
    #expect(AgencyReturnImport.day("12/31/2026") == nil)
    #expect(AgencyReturnImport.day("31/02/2026") == nil)
    #expect(AgencyReturnImport.day("1/2/26") == CalendarDay("2026-02-01"))
    #expect(AgencyReturnImport.day("1/2/2026/1") == nil)
  }

  @Test func ukDatesInAReturnAreRequestedAsTheDaysMeant() throws {
    let (store, file, table) = try exported()
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    var rows = table
    let days = ["31/12/2026", "1/2/2027", "2027-03-31"]
    for (index, day) in days.enumerated() {
      rows[index + 1][column["Proposed new due (fill in)"]!] = day
      rows[index + 1][column["Reason for new due (fill in)"]!] = "Waiting for the new case system"
    }
    try save(rows, to: file)
    let outcome = importing(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    for (index, expected) in ["2026-12-31", "2027-02-01", "2027-03-31"].enumerated() {
      let reference = rows[index + 1][column["Action"]!]
      #expect(try lastUpdate(reference, in: store)?.requestedDue == CalendarDay(expected), "\(reference)")
    }
    #expect(runTracker(["validate"], data: store.path).status == 0)
  }

  @Test func everyProblemNamesRowColumnActionAndValueAndTheFileIsRefusedWhole() throws {
    let (store, file, table) = try exported()
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    var rows = table
    // Row 2 is good and its note holds a line break (still one spreadsheet row); row 3 has a
    // day a spreadsheet could not mean; row 4 has a status that is not one.
    rows[1][column["Progress note (fill in)"]!] = "Audit booked\nfor January"
    rows[2][column["Proposed new due (fill in)"]!] = "31/13/2026"
    rows[2][column["Reason for new due (fill in)"]!] = "Staff changes"
    rows[3][column["New status (fill in)"]!] = "Nearly done"
    try save(rows, to: file)
    let before = try Data(contentsOf: store)
    let history = try History.read(store: store.path).count
    let outcome = importing(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("2 problems"), "\(outcome.err)")
    let dayProblem =
      "\(file.path): row 3, column \"Proposed new due (fill in)\", action \(rows[2][column["Action"]!]), "
      + "value \"31/13/2026\": not a day"
    #expect(outcome.err.contains(dayProblem), "\(outcome.err)")
    let statusProblem =
      "\(file.path): row 4, column \"New status (fill in)\", action \(rows[3][column["Action"]!]), "
      + "value \"Nearly done\": not a status"
    #expect(outcome.err.contains(statusProblem), "\(outcome.err)")
    // The good row is not applied either: the file is refused whole.
    #expect(try Data(contentsOf: store) == before)
    #expect(try History.read(store: store.path).count == history)
  }

  @Test func aMissingColumnIsReportedAsMissingNotAsBadQuoting() throws {
    let (store, file, table) = try exported()
    let missing = try #require(table[0].firstIndex(of: "Action"))
    let note = try #require(table[0].firstIndex(of: "Progress note (fill in)"))
    var rows = table.map { row in row.enumerated().filter { $0.offset != missing }.map(\.element) }
    // A cell with a comma inside its quotes: badly quoted if read as semicolon separated.
    rows[1][note - 1] = "Audit, then training"
    try save(rows, to: file)
    let before = try Data(contentsOf: store)
    let outcome = importing(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("row 1: column \"Action\" is missing"), "\(outcome.err)")
    #expect(!outcome.err.contains("quote"), "\(outcome.err)")
    // With a cell never closed as well, the missing column is still named.
    try Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\nla,\"open").utf8).write(
      to: file)
    let both = importing(file, into: store)
    #expect(both.status == 65)
    #expect(both.err.contains("column \"Action\" is missing"), "\(both.err)")
    #expect(try Data(contentsOf: store) == before)
  }

  @Test(arguments: ["la.xlsx", "la.ODS", "la.xls", "zip-saved-as.csv"])
  func workbooksAreRefusedWithSaveItAsCSVFirst(_ name: String) throws {
    let (store, _, _) = try exported()
    let file = store.deletingLastPathComponent().appendingPathComponent(name)
    try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)).write(
      to: file)
    let before = try Data(contentsOf: store)
    let outcome = importing(file, into: store)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("save it as CSV first"), "\(outcome.err)")
    #expect(outcome.err.contains(name), "\(outcome.err)")
    let dry = runTracker(["import", "returns", file.path, "--by", "Lead", "--dry-run"], data: store.path)
    #expect(dry.status == 65)
    #expect(try Data(contentsOf: store) == before)
  }

  @Test func theSheetAsksForEvidenceOfImpactOfCompletedActions() throws {
    let (store, file, table) = try exported()
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    let asked = try #require(column["Asked for"])
    let tracker = try StoreReader.read(path: store.path).tracker
    let asOf = try #require(CalendarDay("2026-11-20"))
    let completed = tracker.placedActions.filter {
      let state = $0.action.state(asOf: asOf, settings: tracker.partnership.settings, heardFrom: nil)
      return $0.action.owner == "la" && state.exists && state.status == .completed
    }.map(\.reference.description)
    #expect(!completed.isEmpty)
    let body = table.dropFirst()
    let impactRows = body.filter { $0[asked] == AgencyReturnSheet.askImpact }
    #expect(impactRows.map { $0[column["Action"]!] } == completed)
    #expect(impactRows.allSatisfy { $0[column["Status"]!] == "Completed" })
    // Open actions first, then those awaiting assurance.
    #expect(Array(body.suffix(impactRows.count)) == impactRows)
    #expect(body.dropLast(impactRows.count).allSatisfy { $0[asked] == AgencyReturnSheet.askProgress })
    // The agency gives the impact evidence; the action stays completed, ready for assurance.
    var rows = table
    let row = rows.count - 1
    rows[row][column["Impact evidence (fill in)"]!] = "Re-audit of 30 cases, October 2026"
    try save(rows, to: file)
    let outcome = importing(file, into: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    let update = try lastUpdate(rows[row][column["Action"]!], in: store)
    #expect(update?.impactEvidence == ["Re-audit of 30 cases, October 2026"])
    #expect(update?.status == nil)
    #expect(runTracker(["validate"], data: store.path).status == 0)
  }
}
