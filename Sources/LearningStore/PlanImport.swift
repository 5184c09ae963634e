import LearningModel

/// Reads a review's action plan kept as a spreadsheet (the layout of `PlanSpreadsheet`) and checks
/// every row before anything changes.
public enum PlanImport {
  /// The column a header cell names, ignoring case, spaces and punctuation, by its name or one of
  /// its other names.
  public static func column(forHeader text: String) -> PlanColumn? {
    let key = AgencyReturnImport.normal(text)
    guard !key.isEmpty else { return nil }
    return PlanColumn.allCases.first { column in
      ([column.rawValue] + column.otherNames).contains { AgencyReturnImport.normal($0) == key }
    }
  }

  /// The changes the file makes to review `review`, or every problem found (then no change).
  /// Rows already in the store as they are plan nothing, so a file imported twice changes nothing.
  public static func plan(
    _ text: String, tracker: Tracker, review reviewID: String, date: CalendarDay, by: String,
    rules: SpreadsheetRules = SpreadsheetRules()
  ) -> (changes: PlanImportChanges, problems: [ImportProblem]) {
    let read = AgencyReturnImport.headedRows(text) { row in
      rules.headerScore(row) { column(forHeader: $0) != nil }
    }
    guard let (rows, headerIndex, syntaxError) = read.found else {
      return (PlanImportChanges(), [Spreadsheet.noHeader(text, expected: PlanSpreadsheet.header)])
    }
    let header = rows[headerIndex]
    var columns: [PlanColumn: Int] = [:]
    var layout = PlanLayout()
    var problems: [ImportProblem] = []
    let headerRow = header.first?.row ?? 1
    for (index, cell) in header.enumerated() where !cell.text.trimmingSpaces.isEmpty {
      switch rules.target(forHeader: cell.text) {
      case .ignored?: continue
      case .noteOn(let day)?: layout.datedNotes.append((index, day))
      case .field(let name)?:
        if SpreadsheetCell.nameKey(name) == "recommendationnumber" {
          layout.recommendationNumber = index
        } else if let column = column(forHeader: name) {
          columns[column] = index
        } else {
          problems.append(
            ImportProblem(
              row: headerRow, column: cell.text,
              message: "the rules map it to \"\(name)\", which is no field of a plan; write one of "
                + PlanSpreadsheet.header.map { "\"\($0.lowercased())\"" }.joined(separator: ", ")
                + ", \"note on DAY\" or \"recommendation number\""))
        }
      case nil:
        if let column = column(forHeader: cell.text) {
          if column == .recommendationNumber {
            layout.recommendationNumber = index
          } else if columns[column] == nil {
            columns[column] = index
          }
        } else {
          problems.append(
            ImportProblem(
              row: headerRow, column: cell.text,
              message: "a column the plan layout does not read; map it (column \"\(cell.text)\" = FIELD) or "
                + "ignore it (ignore \"\(cell.text)\") in a rules file given with --rules (see --suggest-rules); "
                + "nothing is dropped silently"))
        }
      }
    }
    for assignment in rules.fixed + rules.conditions.flatMap(\.assignments) {
      if let column = column(forHeader: assignment.field) {
        layout.assigned.insert(column)
      } else {
        problems.append(
          ImportProblem(
            row: headerRow,
            message:
              "rules line \(assignment.line): \"\(assignment.field)\" is no field of a plan; write one of "
              + PlanSpreadsheet.header.map { "\"\($0.lowercased())\"" }.joined(separator: ", ")))
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
    layout.rules = rules
    for required in PlanColumn.required
    where columns[required] == nil && !layout.assigned.contains(required)
      && !(required == .action || required == .description)
    {
      problems.append(
        ImportProblem(
          row: header.first?.row ?? 1,
          message: "column \"\(required.rawValue)\" is missing from the header row"))
    }
    if let syntaxError {
      let actionHeader = columns[.action].map { header[$0].text } ?? PlanColumn.action.rawValue
      problems.append(AgencyReturnImport.problem(syntaxError, header: header, actionHeader: actionHeader))
    }
    guard let r = tracker.reviewIndex(reviewID) else {
      problems.append(
        ImportProblem(row: header.first?.row ?? 1, message: "no review \"\(reviewID)\" in the store"))
      return (PlanImportChanges(), problems)
    }
    if !problems.isEmpty { return (PlanImportChanges(), problems) }

    let review = tracker.reviews[r]
    var reader = RowReader(
      tracker: tracker, review: review, date: date, by: by, columns: columns, header: header)
    reader.layout = layout
    for row in rows[(headerIndex + 1)...] { reader.read(row) }
    var changes = reader.problems.isEmpty ? reader.changes : PlanImportChanges()
    changes.rows = reader.problems.isEmpty ? reader.outcomes : []
    return (changes, reader.problems)
  }
}
