import LearningModel

/// A problem with an imported spreadsheet (a returned file, a plan), named as the person who filled
/// it in sees it: the spreadsheet row, the column by its header, the action the row is about and
/// the value found. It is a `Diagnostic` of code `importRow`, so it is rendered like every other.
public typealias ImportProblem = Diagnostic

extension Diagnostic {
  /// A problem on spreadsheet row `row` (the file's first row is 1), in the column headed
  /// `column`, on the row about `action`, where the cell holds `value`.
  public init(row: Int, column: String? = nil, action: String? = nil, value: String? = nil, message: String) {
    self.init(
      severity: .error, code: .importRow, place: DiagnosticPlace(row: row, column: column, value: value),
      record: action.flatMap { $0.isEmpty ? nil : $0 }, message: message)
  }
}

/// One update an imported row will make.
public struct PlannedUpdate: Equatable, Sendable {
  /// The action the row updates.
  public var reference: ActionReference
  /// The dated update it will append to the action's log.
  public var update: ActionUpdate
  /// The spreadsheet row it comes from.
  public var row: Int
}

/// Reads an agency's returned spreadsheet and checks every row before anything changes.
///
/// A new due day an agency proposes is recorded as a request (`requestedDue`, with its reason): it
/// does not move the due day. The business unit or the QA subgroup applies it with a revised due day
/// (`action update --due`) or declines it; until then the action keeps its rating, Red if overdue.
public enum AgencyReturnImport {
  /// Refuses a file that is a workbook rather than CSV, by its name (`.xlsx`, `.xls`, `.ods`) or
  /// its first bytes (a zip, as `.xlsx` and `.ods` are, or an Excel 97-2003 workbook); nil for a
  /// file that may be CSV.
  public static func workbookProblem(fileName: String, bytes: some Collection<UInt8>) -> String? {
    let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
    let lowered = name.lowercased()
    let kind: String?
    if lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") {
      kind = "an Excel workbook"
    } else if lowered.hasSuffix(".xls") {
      kind = "an Excel 97-2003 workbook"
    } else if lowered.hasSuffix(".ods") {
      kind = "an OpenDocument (LibreOffice) spreadsheet"
    } else if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      kind = "a workbook (its bytes are a zip, as .xlsx and .ods files are)"
    } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      kind = "an Excel 97-2003 workbook"
    } else {
      kind = nil
    }
    guard let kind else { return nil }
    return "\(name) is \(kind), not CSV: save it as CSV first (Excel: File > Save As > \"CSV UTF-8\"; "
      + "LibreOffice: File > Save As > \"Text CSV\") and import the .csv file; nothing was changed"
  }

  /// A day in a day column: the one lenient reader (`LenientDay`), Excel's day numbers included.
  public static func day(_ text: String) -> CalendarDay? { LenientDay.day(text, dayNumbers: true) }

  /// The planned updates, or every problem found. Rows where nothing was filled in, and rows already
  /// imported (an identical update is in the action's log), plan nothing.
  public static func plan(
    _ text: String, tracker: Tracker, date: CalendarDay, by: String,
    rules: SpreadsheetRules = SpreadsheetRules()
  ) -> (updates: [PlannedUpdate], problems: [ImportProblem]) {
    let read = headedRows(text) { row in
      rules.headerScore(row) { column(forHeader: $0) != nil }
    }
    guard let (rows, headerIndex, syntaxError) = read.found else {
      return ([], [Spreadsheet.noHeader(text, expected: AgencyReturnColumn.allCases.map(\.rawValue))])
    }
    let header = rows[headerIndex]
    let headerRow = header.first?.row ?? 1
    var columns: [AgencyReturnColumn: Int] = [:]
    var problems: [ImportProblem] = []
    let fields = AgencyReturnColumn.allCases.map { "\"\(fieldName($0))\"" }.joined(separator: ", ")
    for (index, cell) in header.enumerated() where !cell.text.trimmed.isEmpty {
      switch rules.target(forHeader: cell.text) {
      case .ignored?: continue
      case .noteOn?:
        problems.append(
          ImportProblem(
            row: headerRow, column: cell.text,
            message: "a return has no dated progress columns; map it to \"progress note\" or ignore it"))
      case .field(let name)?:
        if let column = column(forHeader: name) {
          columns[column] = index
        } else {
          problems.append(
            ImportProblem(
              row: headerRow, column: cell.text,
              message:
                "the rules map it to \"\(name)\", which is no field of a return; write one of \(fields)"))
        }
      case nil:
        if let column = column(forHeader: cell.text) {
          if columns[column] == nil { columns[column] = index }
        } else {
          problems.append(
            ImportProblem(
              row: headerRow, column: cell.text,
              message:
                "a column the return layout does not read; map it (column \"\(cell.text)\" = FIELD) or "
                + "ignore it (ignore \"\(cell.text)\") in a rules file given with --rules (see --suggest-rules); "
                + "nothing is dropped silently"))
        }
      }
    }
    var assigned: Set<AgencyReturnColumn> = []
    for assignment in rules.fixed + rules.conditions.flatMap(\.assignments) {
      if let column = column(forHeader: assignment.field) {
        assigned.insert(column)
      } else {
        problems.append(
          ImportProblem(
            row: headerRow,
            message:
              "rules line \(assignment.line): \"\(assignment.field)\" is no field of a return; write one of "
              + fields))
      }
    }
    for condition in rules.conditions
    where !header.contains(where: {
      SpreadsheetCell.nameKey($0.text) == SpreadsheetCell.nameKey(condition.header)
    }) {
      problems.append(
        ImportProblem(
          row: headerRow,
          message: "the rules test a column \"\(condition.header)\" that the header row does not have"))
    }
    // The sheet as sent must have every column to fill in; a layout of the agency's own, read
    // through rules, the agency and the action.
    let fillIn = rules == SpreadsheetRules() ? AgencyReturnColumn.fillIn : []
    for required in [AgencyReturnColumn.agency, .action] + fillIn
    where columns[required] == nil && !assigned.contains(required)
      && !AgencyReturnColumn.optionalFillIn.contains(required)
    {
      problems.append(
        ImportProblem(
          row: headerRow,
          message: "column \"\(required.rawValue)\" is missing from the header row"))
    }
    if let syntaxError { problems.append(problem(syntaxError, header: header)) }
    if !problems.isEmpty { return ([], problems) }

    let settings = tracker.partnership.settings
    var updates: [PlannedUpdate] = []
    var fileAgency: String?
    var seen: [ActionReference: Int] = [:]
    for row in rows[(headerIndex + 1)...] {
      let rowNumber = row.first?.row ?? 0
      let assigned = rules.assignments { name in
        header.firstIndex { SpreadsheetCell.nameKey($0.text) == SpreadsheetCell.nameKey(name) }.map {
          $0 < row.count ? row[$0].text : ""
        }
      }
      var values: [AgencyReturnColumn: String] = [:]
      for assignment in assigned {
        if let column = column(forHeader: assignment.field) { values[column] = assignment.value }
      }
      func cell(_ column: AgencyReturnColumn) -> String {
        if let value = values[column] { return value }
        guard let index = columns[column], index < row.count else { return "" }
        return row[index].text
      }
      let referenceText = cell(.action).trimmed
      /// A problem in one cell of the row, naming its column, the action and the value.
      func problem(_ column: AgencyReturnColumn, _ message: String, showing value: String? = nil) {
        problems.append(
          ImportProblem(
            row: rowNumber, column: columns[column].map { header[$0].text } ?? column.rawValue,
            action: referenceText,
            value: column == .action ? nil : (value ?? cell(column).trimmed), message: message))
      }
      if row.count != header.count {
        problems.append(
          ImportProblem(
            row: rowNumber, action: referenceText,
            message: "the row has \(row.count) cells; the header row has \(header.count)"))
        continue
      }
      let agencyText = cell(.agency).trimmed
      let fills = AgencyReturnColumn.fillIn.map { cell($0).trimmed }
      if referenceText.isEmpty && fills.allSatisfy(\.isEmpty) { continue }
      if referenceText.isEmpty {
        let filled = AgencyReturnColumn.fillIn.first { !cell($0).trimmed.isEmpty } ?? .progressNote
        problem(.action, "the action reference is empty, but \"\(filled.rawValue)\" is filled in")
        continue
      }
      // The agency by its ID, name or alias, through the one owner reader.
      guard let agency = SpreadsheetCell.agency(named: agencyText, in: tracker) else {
        let names = tracker.agencies.flatMap { [$0.id, $0.name] + ($0.aliases ?? []) }
        let hint = nearest(agencyText, in: names).map { "; did you mean \($0)?" } ?? ""
        problem(
          .agency,
          "no such agency\(hint) (give its ID, name or an alias: agency update ID --add-alias TEXT)")
        continue
      }
      if let fileAgency, agency != fileAgency {
        problem(.agency, "the file is for agency \"\(fileAgency)\"; one file holds one agency's return")
        continue
      }
      fileAgency = fileAgency ?? agency
      guard let reference = ActionReference(referenceText), let (r, m, a) = tracker.actionIndex(reference)
      else {
        let owned = tracker.placedActions.filter { $0.action.owner == agency }.map(\.reference.description)
        let hint = nearest(referenceText, in: owned).map { "; did you mean \($0)?" } ?? ""
        problem(.action, "no such action in the store\(hint)")
        continue
      }
      if let first = seen[reference] {
        problem(.action, "the action appears twice (first on row \(first))")
        continue
      }
      seen[reference] = rowNumber
      let action = tracker.reviews[r].recommendations[m].actions[a]
      if !action.isOwned(by: agency) {
        problem(
          .action, "the action is owned by \(action.owners.joined(separator: " and ")), not by \(agency)")
        continue
      }
      if fills.allSatisfy(\.isEmpty) { continue }
      let state = action.state(asOf: date, settings: settings, heardFrom: nil)
      var rowIsValid = true
      // What the row asks for, whatever the action's state is now.
      var wantedStatus: ActionStatus?
      var wantedDue: CalendarDay?
      let statusText = cell(.newStatus).trimmed
      if !statusText.isEmpty {
        if let status = SpreadsheetCell.status(statusText), status != .notStarted {
          if state.isClosed && !status.isClosed {
            problem(
              .newStatus,
              "the action is \(state.status.rawValue); an agency's return cannot reopen it (ask the QA subgroup)"
            )
            rowIsValid = false
          } else if status == .assured {
            problem(.newStatus, "only the QA subgroup can mark an action assured")
            rowIsValid = false
          } else {
            wantedStatus = status
          }
        } else {
          problem(.newStatus, "not a status; write In progress, Blocked, Completed or Withdrawn")
          rowIsValid = false
        }
      }
      let note = cell(.progressNote).trimmed
      let dueText = cell(.proposedDue).trimmed
      let reason = cell(.dueReason).trimmed
      if !dueText.isEmpty {
        if let due = day(dueText) {
          if due < date {
            problem(.proposedDue, "the proposed due day (\(due)) is in the past")
            rowIsValid = false
          } else if reason.isEmpty {
            problem(.dueReason, "a proposed new due day (\(due)) needs a reason")
            rowIsValid = false
          } else {
            wantedDue = due
          }
        } else {
          problem(.proposedDue, "not a day; write it as 31/12/2026 (day first) or 2026-12-31")
          rowIsValid = false
        }
      } else if !reason.isEmpty {
        problem(.proposedDue, "a reason for a new due day is given, but no proposed new due day")
        rowIsValid = false
      }
      let wantedNote = note.isEmpty ? nil : note
      if wantedStatus == .withdrawn && wantedNote == nil {
        problem(.progressNote, "withdrawing an action needs a note saying why")
        rowIsValid = false
      }
      let evidence = cell(.evidence).split(whereSeparator: { $0 == "\n" || $0 == ";" }).map {
        String($0).trimmed
      }.filter { !$0.isEmpty }
      let wantedEvidence = evidence.isEmpty ? nil : evidence
      let impact = cell(.impactEvidence).split(whereSeparator: { $0 == "\n" || $0 == ";" }).map {
        String($0).trimmed
      }.filter { !$0.isEmpty }
      let wantedImpact = impact.isEmpty ? nil : impact
      guard rowIsValid else { continue }
      // A due day already in force, or already asked for and awaiting a decision, is not asked again.
      let dueAlreadyAsked =
        (wantedDue != nil && wantedDue == state.due.day) || wantedDue == state.pendingRequest?.due
      // Already imported: an update in the log carries the same note and evidence, and the status
      // asked for is in force and the due day asked for is in force or awaiting a decision.
      let alreadyLogged =
        (wantedNote != nil || wantedEvidence != nil || wantedImpact != nil)
        && action.updates.contains {
          $0.note == wantedNote && $0.evidence == wantedEvidence && $0.impactEvidence == wantedImpact
        }
        && (wantedStatus == nil || wantedStatus == state.status)
        && (wantedDue == nil || dueAlreadyAsked)
      if alreadyLogged { continue }
      var update = ActionUpdate(date: date, by: by)
      update.status = wantedStatus == state.status ? nil : wantedStatus
      if let wantedDue, !dueAlreadyAsked {
        update.requestedDue = wantedDue
        update.requestReason = reason
      }
      update.note = wantedNote
      update.evidence = wantedEvidence
      update.impactEvidence = wantedImpact
      if update.status == nil && update.requestedDue == nil && update.note == nil && update.evidence == nil
        && update.impactEvidence == nil
      {
        continue
      }
      updates.append(PlannedUpdate(reference: reference, update: update, row: rowNumber))
    }
    return (problems.isEmpty ? updates : [], problems)
  }

  /// A spreadsheet's rows and the index of its header row. Spreadsheets save with commas,
  /// semicolons or tabs (Excel's "Unicode text"): this takes the separator under which a row holds the most known column headers
  /// (`score`, at least two), even when a cell further on is badly quoted, so that a missing column
  /// is reported as missing. `found` is nil when no row holds two known headers; `error` is then
  /// the first syntax error met, if any.
  static func headedRows(_ text: String, score: ([CSVCell]) -> Int) -> (
    found: (rows: [[CSVCell]], header: Int, error: CSVSyntaxError?)?, error: CSVSyntaxError?
  ) {
    var best: (rows: [[CSVCell]], header: Int, score: Int, error: CSVSyntaxError?)?
    var firstError: CSVSyntaxError?
    for separator: Unicode.Scalar in [",", ";", "\t"] {
      let rows: [[CSVCell]]
      var error: CSVSyntaxError?
      do {
        rows = try CSVReader.read(text, separator: separator)
      } catch let syntax {
        error = syntax
        firstError = firstError ?? syntax
        rows = syntax.rowsBefore
      }
      let scores = rows.map(score)
      guard let top = scores.max(), top >= 2, let header = scores.firstIndex(of: top) else { continue }
      if best == nil || top > best?.score ?? 0 { best = (rows, header, top, error) }
    }
    return (best.map { ($0.rows, $0.header, $0.error) }, firstError)
  }

  /// A syntax error as a problem, naming the cell's column by `header` when it is known.
  static func problem(
    _ error: CSVSyntaxError, header: [CSVCell]?, actionHeader: String = AgencyReturnColumn.action.rawValue
  ) -> ImportProblem {
    var column: String?
    var action: String?
    if let header {
      if error.cell <= header.count { column = header[error.cell - 1].text }
      if let index = header.firstIndex(where: {
        normal($0.text) == normal(actionHeader)
      }),
        index < error.cellsBefore.count
      {
        action = error.cellsBefore[index].text.trimmed
      }
    }
    let value = error.text.shortened(to: 40)
    return ImportProblem(
      row: error.row, column: column, action: action, value: value,
      message: "\(error.message) (line \(error.line), character \(error.column) of the file)")
  }

  /// The column a header names, ignoring case, spaces and punctuation: its header as the sheet
  /// writes it, or without "(fill in)" ("New status", "Progress note").
  public static func column(forHeader text: String) -> AgencyReturnColumn? {
    let key = normal(text)
    guard !key.isEmpty else { return nil }
    return AgencyReturnColumn.allCases.first { normal($0.rawValue) == key || normal(fieldName($0)) == key }
  }

  /// A column's name as a rules file writes it: its header in lower case, without "(fill in)".
  public static func fieldName(_ column: AgencyReturnColumn) -> String {
    column.rawValue.replacingOccurrences(of: " (fill in)", with: "").lowercased()
  }

  static func normal(_ text: String) -> String {
    text.lowercased().filter { $0.isLetter || $0.isNumber }
  }
}

extension String {
  fileprivate var trimmed: String { String(trimmingSpaces) }
}
