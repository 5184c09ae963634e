import LearningModel

/// A recommendation an imported plan adds, given by its text.
public struct PlannedRecommendation: Equatable, Sendable {
  /// The recommendation it adds, numbered after the review's existing ones.
  public var recommendation: Recommendation
  /// The spreadsheet row that first names it.
  public var row: Int
}

/// An action an imported plan adds.
public struct PlannedAction: Equatable, Sendable {
  /// The action's reference.
  public var reference: ActionReference
  /// The recommendation it answers.
  public var recommendation: String
  /// The action as it will be added, with its first update when the row gives a status or a note.
  public var action: Action
  /// The spreadsheet row it comes from.
  public var row: Int
}

/// A correction an imported plan makes to an existing action, like `action edit`.
public struct PlannedActionEdit: Equatable, Sendable {
  /// The action's reference.
  public var reference: ActionReference
  /// The recommendation it answers.
  public var recommendation: String
  /// The names of the fields that change ("description", "owner", "lead", "measure", "due", "agreed").
  public var fields: [String]
  /// The action as it will stand, its log unchanged.
  public var action: Action
  /// The spreadsheet row it comes from.
  public var row: Int
}

/// Everything importing a plan will change, and the one change set that does it.
public struct PlanImportChanges: Equatable, Sendable {
  /// Recommendations given by text that the review does not hold yet.
  public var recommendations: [PlannedRecommendation] = []
  /// Corrections to recommendations the review holds: their response, its note, agencies or day.
  public var recommendationEdits: [PlannedRecommendation] = []
  /// Actions the review does not hold yet.
  public var actions: [PlannedAction] = []
  /// Corrections to existing actions.
  public var edits: [PlannedActionEdit] = []
  /// Dated updates to existing actions: a changed status, note, reported rating or due day.
  public var updates: [PlannedUpdate] = []
  /// What each row does, row by row, for the dry run.
  public var rows: [PlanRowOutcome] = []

  /// No changes.
  public init() {}

  /// Whether the file changes nothing.
  public var isEmpty: Bool {
    recommendations.isEmpty && recommendationEdits.isEmpty && actions.isEmpty && edits.isEmpty
      && updates.isEmpty
  }

  /// The changes as one change set, for the one change path: recommendations, then actions, then
  /// corrections, then updates.
  public func changeSet(review: String) -> ChangeSet {
    ChangeSet(
      recommendations.map { .add(.recommendation(review: review, $0.recommendation)) }
        + recommendationEdits.map { .update(.recommendation(review: review, $0.recommendation)) }
        + actions.map { .add(.action(review: review, recommendation: $0.recommendation, $0.action)) }
        + edits.map { .update(.action(review: review, recommendation: $0.recommendation, $0.action)) }
        + updates.map { .addActionUpdate($0.reference, $0.update) })
  }
}

/// When a plan says an action is due, as read from its cell.
public enum PlanDueCell: Equatable, Sendable {
  /// On a day.
  case day(CalendarDay)
  /// By the end of a month (`month` from 1).
  case month(year: Int, month: Int)
  /// Not yet set: "TBC".
  case notYetSet
}

/// The four fields of a plan row that the store holds in a way of its own: the owning agencies,
/// the planned evidence or measure, the due day and the owner's reported rating.
public struct PlanFields: Equatable, Sendable {
  /// Agency IDs, the accountable one first; empty when the cell is.
  public var owners: [String]
  /// The planned evidence or measure; nil when the cell is empty.
  public var measure: String?
  /// The due day, month or TBC; nil when the cell is empty.
  public var due: PlanDueCell?
  /// The owning agency's own rating; nil when the cell is empty.
  public var reported: BRAG?
}

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

  /// Reads an owning agencies cell through the one owners reader (`SpreadsheetCell.owners`).
  public static func owners(_ text: String, in tracker: Tracker) -> Result<[String], OwnerNotFound> {
    SpreadsheetCell.owners(text, in: tracker)
  }

  /// A name in an owning agencies cell that is no agency's ID or name.
  public struct OwnerNotFound: Error, Equatable, Sendable {
    /// The name as written.
    public var name: String
    /// The nearest agency ID or name, for "did you mean".
    public var suggestion: String?
  }

  /// "CSC and Police" → ["CSC", "Police"], splitting on the word "and" in any case.
  static func splitOnAnd(_ text: String) -> [String] {
    var parts: [String] = []
    var current: [Substring] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if word.lowercased() == "and" || word == "&" {
        parts.append(current.joined(separator: " "))
        current = []
      } else {
        current.append(word)
      }
    }
    parts.append(current.joined(separator: " "))
    return parts.filter { !$0.isEmpty }
  }

  /// Reads a due cell through the one lenient reader (`LenientDay`): a day, a month or TBC; nil
  /// for anything else.
  public static func due(_ text: String) -> PlanDueCell? {
    switch LenientDay.due(text, dayNumbers: true) {
    case .onDay(let day)?: .day(day)
    case .inMonth(let day)?: .month(year: day.year, month: day.month)
    case .notYetSet?: .notYetSet
    case nil: nil
    }
  }

  /// A response cell: the response's title or name in any case ("Partially accepted",
  /// "partiallyAccepted"), or "Agreed", "Partially agreed", "Not agreed"; nil otherwise.
  public static func response(_ text: String) -> RecommendationResponse? {
    let key = SpreadsheetCell.nameKey(text)
    let words: [String: RecommendationResponse] = [
      "agreed": .accepted, "partiallyagreed": .partiallyAccepted, "notagreed": .notAccepted,
      "rejected": .notAccepted,
    ]
    return RecommendationResponse.allCases.first {
      SpreadsheetCell.nameKey($0.title) == key || SpreadsheetCell.nameKey($0.rawValue) == key
    } ?? words[key]
  }

  /// A revisions cell: "2027-03-31 on 2026-11-15; TBC on 2026-12-01", each revision's due and day;
  /// nil when a part cannot be read.
  public static func revisions(_ text: String) -> [(due: PlanDueCell, day: CalendarDay)]? {
    var found: [(due: PlanDueCell, day: CalendarDay)] = []
    for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let words = String(String(part).trimmingSpaces)
      guard !words.isEmpty else { continue }
      let split = words.split(separator: " ")
      guard let on = split.lastIndex(where: { $0.lowercased() == "on" }),
        let due = due(split[..<on].joined(separator: " ")),
        let day = AgencyReturnImport.day(split[(on + 1)...].joined(separator: " "))
      else { return nil }
      found.append((due, day))
    }
    return found
  }

  /// An evidence cell: one item a line, each "31/12/2026: what was received"; nil when a line gives
  /// no day.
  public static func evidence(_ text: String) -> [(day: CalendarDay, item: String)]? {
    var found: [(day: CalendarDay, item: String)] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let words = String(String(line).trimmingSpaces)
      guard !words.isEmpty else { continue }
      guard let colon = words.firstIndex(of: ":"), let day = AgencyReturnImport.day(String(words[..<colon]))
      else {
        return nil
      }
      let item = String(String(words[words.index(after: colon)...]).trimmingSpaces)
      guard !item.isEmpty else { return nil }
      found.append((day, item))
    }
    return found
  }

  /// Reads a rating through the one rating reader (`SpreadsheetCell.rating`).
  public static func rating(_ text: String) -> BRAG? { SpreadsheetCell.rating(text) }

  // MARK: - The four plan fields, mapped onto the store

  /// Sets the four plan fields on `action` (and the reported rating on `update`) as far as the
  /// store holds them; returns the problems of the fields it cannot hold, by column. The one place
  /// that maps owners, planned evidence or measure, due and reported rating.
  static func mapPlanFields(_ fields: PlanFields, onto action: inout Action, update: inout ActionUpdate)
    -> [(column: PlanColumn, message: String)]
  {
    if let owner = fields.owners.first {
      action.owner = owner
      action.jointOwners = fields.owners.count > 1 ? Array(fields.owners.dropFirst()) : nil
    }
    // The cell shows the planned evidence, else the measure of success: the same text changes neither.
    if let measure = fields.measure, measure != (action.evidencePlanned ?? action.measureOfSuccess) {
      action.evidencePlanned = measure
      // A plan's one column of evidence is also how the change will be measured, until the action
      // is given a measure of its own: an imported action is then Measurable.
      if action.measureOfSuccess == nil { action.measureOfSuccess = measure }
    }
    switch fields.due {
    case .day(let day)?: action.due = .onDay(day)
    case .month(let year, let month)?:
      if let due = PlannedDue.month(year: year, month: month) { action.due = due }
    case .notYetSet?: action.due = .notYetSet
    case nil: break
    }
    update.reported = fields.reported
    return []
  }

  /// The due a cell gives, as the store holds it; nil for a month that does not exist.
  static func plannedDue(_ cell: PlanDueCell) -> PlannedDue? {
    switch cell {
    case .day(let day): .onDay(day)
    case .month(let year, let month): PlannedDue.month(year: year, month: month)
    case .notYetSet: .notYetSet
    }
  }

  /// The due day in force from the whole log, to compare with a due cell.
  static func dueInForce(_ action: Action, asOf day: CalendarDay, settings: Settings) -> PlannedDue {
    action.state(asOf: day, settings: settings, heardFrom: nil).due
  }

  /// Whether the action's log revises its due day.
  static func hasRevisedDue(_ action: Action) -> Bool { action.updates.contains { $0.due != nil } }

  /// Whether `update` carries a reported rating other than the one in force on the action (`state`,
  /// nil for a new action); a rating already in force is taken off the update.
  static func keepsReportedRating(_ update: inout ActionUpdate, state: ActionState?) -> Bool {
    guard let rating = update.reported, rating != state?.reported else {
      update.reported = nil
      return false
    }
    return true
  }
}

/// What a plan's header row and rules say beyond the layout's columns.
struct PlanLayout {
  /// Columns of progress notes written on a day, by index.
  var datedNotes: [(index: Int, day: CalendarDay)] = []
  /// The column giving the recommendation's number, by index.
  var recommendationNumber: Int?
  /// Columns the rules give a value to.
  var assigned: Set<PlanColumn> = []
  /// The rules.
  var rules = SpreadsheetRules()
}

/// The action of the last row that gave one, and that row's due, status and rating cells.
struct LastAction {
  var reference: ActionReference
  var recommendation: String
  var cells: [PlanColumn: String]
}

/// What a row's recommendation columns say; nil where the cell is empty.
struct RecommendationCells {
  var response: RecommendationResponse?
  var note: String?
  var agencies: [String]?
  var responded: CalendarDay?
}

/// What one row of a plan does, for the dry run.
public struct PlanRowOutcome: Equatable, Sendable {
  /// The spreadsheet row.
  public var row: Int
  /// What the row does: "new", "revision", "update", "correction", "heading" or "unchanged".
  public var kinds: [String]
  /// The action or heading the row is about.
  public var subject: String
}

/// Reads the rows of a plan one by one, keeping the problems and the changes.
private struct RowReader {
  var layout = PlanLayout()
  /// The recommendation cell of the last row that was not a heading, for rows left empty by merged
  /// cells.
  var lastRecommendation: String?
  /// Actions numbered after their recommendation, when the plan has no action reference column.
  var numbered: [String: Int] = [:]
  /// The recommendation number of the last row that gave one.
  var lastNumber: String?
  /// What each row does, for the dry run.
  var outcomes: [PlanRowOutcome] = []
  let tracker: Tracker
  let review: Review
  let date: CalendarDay
  let by: String
  let columns: [PlanColumn: Int]
  let header: [CSVCell]
  var problems: [ImportProblem] = []
  var changes = PlanImportChanges()
  /// Recommendations added by text, by their normalised text.
  var newRecommendations: [String: Int] = [:]
  /// The action of the last row that gave one, for rows continuing it (merged action cells).
  var lastAction: LastAction?
  /// Action IDs seen, with the row that first gave each.
  var seen: [String: Int] = [:]

  init(
    tracker: Tracker, review: Review, date: CalendarDay, by: String, columns: [PlanColumn: Int],
    header: [CSVCell]
  ) {
    self.tracker = tracker
    self.review = review
    self.date = date
    self.by = by
    self.columns = columns
    self.header = header
  }

  /// The header of a column as the file writes it.
  func headerText(_ column: PlanColumn) -> String {
    columns[column].map { header[$0].text } ?? column.rawValue
  }

  /// Normalised text for matching a recommendation given by its text.
  static func key(_ text: String) -> String {
    var key = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    while key.hasSuffix(".") || key.hasSuffix(" ") { key.removeLast() }
    return key
  }

  mutating func read(_ row: [CSVCell]) {
    let rowNumber = row.first?.row ?? 0
    if row.allSatisfy({ $0.text.trimmingSpaces.isEmpty }) { return }
    let header = self.header
    let assigned = layout.rules.assignments { name in
      header.firstIndex { SpreadsheetCell.nameKey($0.text) == SpreadsheetCell.nameKey(name) }.map {
        $0 < row.count ? row[$0].text : ""
      }
    }
    var values: [PlanColumn: String] = [:]
    for assignment in assigned {
      if let column = PlanImport.column(forHeader: assignment.field) { values[column] = assignment.value }
    }
    func raw(_ column: PlanColumn) -> String {
      if let value = values[column] { return String(value.trimmingSpaces) }
      guard let index = columns[column], index < row.count else { return "" }
      return FormulaGuard.unguarded(String(row[index].text.trimmingSpaces))
    }
    // A heading: one cell of text, in no action, owner or due column ("Recommendation 1" alone in
    // column A, or a recommendation's text alone).
    let filled = row.indices.filter { !row[$0].text.trimmingSpaces.isEmpty }
    if filled.count == 1, let only = filled.first,
      ![PlanColumn.action, .description, .owners, .due].contains(where: { columns[$0] == only })
    {
      outcomes.append(
        PlanRowOutcome(row: rowNumber, kinds: ["heading"], subject: String(row[only].text.trimmingSpaces)))
      lastAction = nil
      return
    }
    // Merged cells: an empty recommendation cell continues the recommendation above.
    let recommendationCell = raw(.recommendation).isEmpty ? (lastRecommendation ?? "") : raw(.recommendation)
    lastRecommendation = recommendationCell.isEmpty ? nil : recommendationCell
    if let index = layout.recommendationNumber, index < row.count, !row[index].text.trimmingSpaces.isEmpty {
      lastNumber = String(row[index].text.trimmingSpaces)
    } else if !raw(.recommendation).isEmpty {
      lastNumber = nil
    }
    func cell(_ column: PlanColumn) -> String {
      if column == .recommendation { return recommendationCell }
      // No action column: the recommendation's one action carries its text.
      if column == .description && columns[.description] == nil && values[.description] == nil {
        return recommendationCell
      }
      return raw(column)
    }
    // Merged cells: a row whose recommendation and action cells are both empty continues the action
    // above, giving it a further owner or a further note.
    if raw(.recommendation).isEmpty && raw(.action).isEmpty && raw(.description).isEmpty,
      let last = lastAction,
      layout.recommendationNumber.map({ $0 >= row.count || row[$0].text.trimmingSpaces.isEmpty }) ?? true
    {
      let cells = Dictionary(uniqueKeysWithValues: PlanColumn.allCases.map { ($0, raw($0)) })
      continueAction(last, row: rowNumber, cells: cells)
      return
    }
    var actionText = cell(.action)
    if columns[.action] == nil && values[.action] == nil && !recommendationCell.isEmpty {
      // No action reference column: actions numbered N.1, N.2... after their recommendation.
      let key = (lastNumber ?? "") + "|" + Self.key(recommendationCell)
      numbered[key, default: 0] += 1
      actionText = "\u{0}\(numbered[key] ?? 1)"
    }
    if actionText.hasPrefix(review.id + "/") {
      actionText = String(actionText.dropFirst(review.id.count + 1))
    }
    var shownReference =
      actionText.isEmpty || actionText.hasPrefix("\u{0}") ? "" : "\(review.id)/\(actionText)"
    var rowProblems: [ImportProblem] = []
    func problem(_ column: PlanColumn, _ message: String, value: String? = nil) {
      rowProblems.append(
        ImportProblem(
          row: rowNumber, column: headerText(column), action: shownReference, value: value ?? cell(column),
          message: message))
    }
    if row.count > header.count, row[header.count...].contains(where: { !$0.text.trimmingSpaces.isEmpty }) {
      rowProblems.append(
        ImportProblem(
          row: rowNumber, action: shownReference,
          message: "the row has \(row.count) cells; the header row has \(header.count)"))
    }
    defer { problems += rowProblems }

    // The recommendation: a reference that exists, or text (matched to an existing one, else added).
    let recommendationText = cell(.recommendation)
    var recommendationID: String?
    let numberDigits = (lastNumber ?? "").filter { $0.isASCII && $0.isNumber }
    if lastNumber != nil && numberDigits.isEmpty {
      problem(.recommendation, "the recommendation number is not a number", value: lastNumber ?? "")
    } else if !numberDigits.isEmpty {
      // The recommendation's number, from its own column: R and the number.
      let id = "R" + String(Int(numberDigits) ?? 0)
      recommendationID = id
      if !review.recommendations.contains(where: { $0.id == id }) {
        if recommendationText.isEmpty {
          problem(.recommendation, "a new recommendation \(id) needs its text")
        } else {
          addRecommendationIfNew(id, text: recommendationText, row: rowNumber, owners: [])
        }
      }
    } else if recommendationText.isEmpty {
      problem(.recommendation, "the recommendation is empty; give its reference (R1) or its text")
    } else {
      var reference = recommendationText
      if reference.hasPrefix(review.id + "/") { reference = String(reference.dropFirst(review.id.count + 1)) }
      if let existing = review.recommendations.first(where: { $0.id.lowercased() == reference.lowercased() })
      {
        recommendationID = existing.id
      } else if let existing = review.recommendations.first(where: {
        Self.key($0.text) == Self.key(recommendationText)
      }) {
        recommendationID = existing.id
      } else if let index = newRecommendations[Self.key(recommendationText)] {
        recommendationID = changes.recommendations[index].recommendation.id
      } else if !recommendationText.contains(where: { $0.isWhitespace }) {
        let hint =
          nearest(reference, in: review.recommendations.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        problem(
          .recommendation,
          "review \(review.id) has no recommendation \"\(reference)\"\(hint) (give an existing reference, or "
            + "the recommendation's text to add it)")
      } else {
        recommendationID = nextRecommendationID()
      }
    }

    let ownCells = recommendationCells(cell: cell, problem: { problem($0, $1) })
    if let recommendationID, rowProblems.isEmpty {
      correctRecommendationIfChanged(recommendationID, own: ownCells, row: rowNumber)
    }

    if actionText.hasPrefix("\u{0}") {
      guard let recommendationID else { return }
      let number = recommendationID.hasPrefix("R") ? String(recommendationID.dropFirst()) : recommendationID
      actionText = number + "." + actionText.dropFirst()
      shownReference = "\(review.id)/\(actionText)"
    }
    if actionText.isEmpty {
      let filled = PlanColumn.allCases.first {
        !PlanColumn.recommendationColumns.contains($0) && !cell($0).isEmpty
      }
      if let filled {
        problem(
          .action, "the action reference is empty, but \"\(headerText(filled))\" is filled in", value: "")
      } else if let recommendationID, rowProblems.isEmpty {
        addRecommendationIfNew(
          recommendationID, text: recommendationText, row: rowNumber, owners: [], own: ownCells)
      }
      return
    }
    if actionText.contains("/") {
      problem(.action, "the reference names another review; this plan is imported into \(review.id)")
      return
    }
    if let identifierProblem = Identifier.problem(actionText) {
      problem(.action, "not an action reference: \(identifierProblem)")
      return
    }
    if let first = seen[actionText] {
      problem(.action, "the action appears twice (first on row \(first))")
      return
    }
    seen[actionText] = rowNumber
    let reference = ActionReference(review: review.id, action: actionText)
    let existing = tracker.actionIndex(reference).map { (_, m, a) in
      (recommendation: review.recommendations[m], action: review.recommendations[m].actions[a])
    }

    // Each cell read and checked.
    let description = cell(.description)
    let ownersText = cell(.owners)
    var owners: [String] = []
    switch PlanImport.owners(ownersText, in: tracker) {
    case .success(let ids): owners = ids
    case .failure(let missing):
      let hint = missing.suggestion.map { "; did you mean \($0)?" } ?? ""
      problem(
        .owners,
        "no agency \"\(missing.name)\"\(hint) (give agency IDs or names, separated by \";\" or \" and \")")
    }
    let lead = cell(.lead)
    let measure = cell(.measure)
    func day(_ column: PlanColumn) -> CalendarDay? {
      let text = cell(column)
      guard !text.isEmpty else { return nil }
      guard let day = AgencyReturnImport.day(text) else {
        problem(column, "not a day; write it as 31/12/2026 (day first) or 2026-12-31")
        return nil
      }
      return day
    }
    let agreed = day(.agreed)
    let noteDay = day(.noteDay)
    if let noteDay, noteDay > date {
      problem(.noteDay, "the note day is after the day of the import (\(date))")
    }
    var due: PlanDueCell?
    if !cell(.due).isEmpty {
      due = PlanImport.due(cell(.due))
      if due == nil {
        problem(
          .due, "not a due day; write a day (31/12/2026 or 2026-12-31), a month (2026-06 or June 2026) or TBC"
        )
      }
    }
    var originalDue: PlanDueCell?
    if !cell(.originalDue).isEmpty {
      originalDue = PlanImport.due(cell(.originalDue))
      if originalDue == nil {
        problem(
          .originalDue,
          "not a due day; write a day (31/12/2026 or 2026-12-31), a month (2026-06 or June 2026) or TBC")
      }
    }
    // Each revision of the due day with its day, and the evidence received with its day: never
    // dated after the import, nor before the action was agreed.
    let agreedDay = agreed ?? existing?.action.agreed
    func checkDay(_ column: PlanColumn, _ day: CalendarDay) {
      if day > date {
        problem(column, "\(day) is after the day of the import (\(date)); import on a later --date")
      } else if let agreedDay, day < agreedDay {
        problem(column, "\(day) is before the day the action was agreed (\(agreedDay))")
      }
    }
    var listedRevisions: [(due: PlannedDue, day: CalendarDay)] = []
    if !cell(.dueRevisions).isEmpty {
      if let parsed = PlanImport.revisions(cell(.dueRevisions)) {
        for (dueCell, day) in parsed {
          guard let planned = PlanImport.plannedDue(dueCell) else {
            problem(.dueRevisions, "a revision names a month that does not exist")
            continue
          }
          checkDay(.dueRevisions, day)
          listedRevisions.append((planned, day))
        }
      } else {
        problem(
          .dueRevisions,
          "not a list of revisions; write each as 2027-03-31 on 15/11/2026 (the due day, then the day it was "
            + "revised), separated by \";\"")
      }
    }
    var evidenceItems: [(day: CalendarDay, item: String)] = []
    if !cell(.evidence).isEmpty {
      if let parsed = PlanImport.evidence(cell(.evidence)) {
        for (day, _) in parsed { checkDay(.evidence, day) }
        evidenceItems = parsed
      } else {
        problem(
          .evidence, "write one item a line, each with the day it was received: 31/10/2026: Audit of 20 files"
        )
      }
    }
    var status: ActionStatus?
    if !cell(.status).isEmpty {
      status = SpreadsheetCell.status(cell(.status))
      if status == nil {
        problem(
          .status,
          "not a status; write " + ActionStatus.allCases.map(\.title).joined(separator: ", "))
      }
    }
    var reported: BRAG?
    if !cell(.reported).isEmpty {
      reported = PlanImport.rating(cell(.reported))
      if reported == nil { problem(.reported, "not a rating; write Blue, Red, Amber or Green") }
    }
    let note = cell(.note)
    if existing == nil {
      if description.isEmpty { problem(.description, "a new action needs its description") }
      if ownersText.isEmpty { problem(.owners, "a new action needs its owning agency") }
      if cell(.due).isEmpty { problem(.due, "a new action needs a due day, a month or TBC") }
    }
    if let existing, let recommendationID, existing.recommendation.id != recommendationID {
      problem(
        .recommendation,
        "action \(reference) answers \(existing.recommendation.id), not this recommendation; write "
          + "\(existing.recommendation.id) (its text is corrected with 'recommendation update')")
    }
    guard rowProblems.isEmpty, let recommendationID else { return }

    // The action as the row gives it, and its update.
    let settings = tracker.partnership.settings
    let logEnd = max(date, existing?.action.updates.map(\.date).max() ?? date)
    var action =
      existing?.action
      ?? Action(id: actionText, description: description, owner: owners.first ?? "", due: date)
    if !description.isEmpty { action.description = description }
    if !lead.isEmpty { action.lead = lead }
    if let agreed { action.agreed = agreed }
    let fields = PlanFields(
      owners: owners, measure: measure.isEmpty ? nil : measure, due: due, reported: reported)
    var update = ActionUpdate(date: date, by: by)
    for (column, message) in PlanImport.mapPlanFields(fields, onto: &action, update: &update) {
      problem(column, message)
    }
    // A due day other than the one in force is a revision, dated by the row's note day: the action
    // stays overdue as of the days before it, and a later day counts as a slip. Typos are corrected
    // with 'action edit'.
    var revisedDue: PlannedDue?
    // The revisions the row lists that the log does not hold yet, on their days.
    let revisionLog = listedRevisions.filter { listed in
      !(existing?.action.updates.contains { $0.date == listed.day && $0.due == listed.due } ?? false)
    }.map { ActionUpdate(date: $0.day, due: $0.due, by: by) }
    if let existing {
      let inForce = PlanImport.dueInForce(existing.action, asOf: logEnd, settings: settings)
      if !cell(.due).isEmpty && action.due != inForce && action.due != listedRevisions.last?.due {
        revisedDue = action.due
      }
      action.due = existing.action.due
    }
    if existing == nil, let last = listedRevisions.last {
      // A new action with its revisions listed: the first due day, then each revision on its day.
      if let dueCell = due, PlanImport.plannedDue(dueCell) != last.due {
        problem(.due, "the due day is not the last revision's (\(last.due))")
      }
      if let originalDue, let first = PlanImport.plannedDue(originalDue) {
        action.due = first
      } else {
        problem(.originalDue, "an action with revisions needs the due day first agreed")
      }
    }
    // The evidence the row lists that the log does not hold yet, one update a day.
    var evidenceLog: [ActionUpdate] = []
    for (day, cellItem) in evidenceItems {
      let (item, impact) = PlanSpreadsheet.evidenceItem(cellItem)
      let held = existing?.action.updates.contains {
        $0.date == day && ((impact ? $0.impactEvidence : $0.evidence) ?? []).contains(item)
      }
      if held == true { continue }
      if let index = evidenceLog.firstIndex(where: { $0.date == day }) {
        if impact {
          evidenceLog[index].impactEvidence = (evidenceLog[index].impactEvidence ?? []) + [item]
        } else {
          evidenceLog[index].evidence = (evidenceLog[index].evidence ?? []) + [item]
        }
      } else {
        var update = ActionUpdate(date: day, by: by)
        if impact { update.impactEvidence = [item] } else { update.evidence = [item] }
        evidenceLog.append(update)
      }
    }
    // A new action whose due day was revised: the first due day, then the revision in its log, so
    // that the slip (and its Amber) comes back with the plan.
    var revision: ActionUpdate?
    if existing == nil, listedRevisions.isEmpty, let originalDue,
      let first = PlanImport.plannedDue(originalDue),
      first != action.due
    {
      revision = ActionUpdate(
        date: action.agreed ?? date, due: action.due, note: "Due revised, as the imported plan records.",
        by: by)
      action.due = first
    }
    if let agreed = action.agreed, let due = action.due.day,
      DomainRules.isDueBeforeAgreed(due, agreed: agreed)
    {
      problem(
        revision == nil ? .due : .originalDue,
        "the due day is before the day the action was agreed (\(agreed))")
    }

    let state = existing.map { $0.action.state(asOf: logEnd, settings: settings, heardFrom: nil) }
    let latestNote = existing?.action.latestNote(asOf: logEnd)?.note
    let statusChanged = status.map { $0 != (state?.status ?? .notStarted) } ?? false
    // A note the log already holds on the row's note day is not a new one (a further note on the same
    // day, from a row continuing the action, may be the latest).
    let noteLogged =
      noteDay.map { day in existing?.action.updates.contains { $0.date == day && $0.note == note } ?? false }
      ?? false
    let noteChanged = !note.isEmpty && note != latestNote && !noteLogged
    let reportedChanged = PlanImport.keepsReportedRating(&update, state: state)
    if statusChanged || noteChanged || reportedChanged || revisedDue != nil {
      // The note day dates every update the row makes.
      update.date = noteDay ?? date
      if let revisedDue {
        update.due = revisedDue
        if !noteChanged && note.isEmpty { update.note = "Due revised in the imported plan." }
      }
      update.status = statusChanged ? status : nil
      if statusChanged, status == .assured, !cell(.assuredWithoutImpact).isEmpty {
        update.assuredWithoutImpact = cell(.assuredWithoutImpact)
      }
      if noteChanged || (statusChanged && status == .withdrawn && !note.isEmpty) {
        update.note = note
      } else if revisedDue == nil {
        update.note = nil
      }
      // The transition rules, from their one home: the verdict and words `action update` gives.
      // The evidence the same row lists counts, on its own days.
      var prior = existing?.action ?? action
      prior.updates += evidenceLog
      let before = prior.fold(through: update.date)
      for violation in DomainRules.transitionViolations(
        update, after: before, reference: reference.description, field: "update")
      {
        problem(violation.field.hasSuffix(".note") ? .note : .status, violation.message)
      }
      if DomainRules.isUpdateBeforeAgreed(update, agreed: action.agreed) {
        let column: PlanColumn = noteChanged && noteDay != nil ? .noteDay : .agreed
        problem(column, "the update would be dated \(update.date), before the action was agreed")
      }
    }
    guard rowProblems.isEmpty else { return }
    let hasUpdate = statusChanged || noteChanged || reportedChanged || revisedDue != nil

    // Dated progress columns: each note not yet in the log, on its day.
    var datedUpdates: [ActionUpdate] = []
    for (index, day) in layout.datedNotes where index < row.count {
      let text = String(row[index].text.trimmingSpaces)
      if text.isEmpty || (existing?.action.updates.contains { $0.date == day && $0.note == text } ?? false) {
        continue
      }
      // Never skipped silently: a note dated after the import, or before the action was agreed,
      // is refused by its column.
      if day > date || action.agreed.map({ day < $0 }) == true {
        rowProblems.append(
          ImportProblem(
            row: rowNumber, column: header[index].text, action: shownReference, value: text,
            message: day > date
              ? "the note is dated \(day), after the day of the import (\(date)); import on a later --date, "
                + "or ignore the column in the rules"
              : "the note is dated \(day), before the action was agreed (\(action.agreed?.description ?? ""))"
          ))
        continue
      }
      datedUpdates.append(ActionUpdate(date: day, note: text, by: by))
    }
    guard rowProblems.isEmpty else { return }
    var kinds: [String] = []
    if existing == nil { kinds.append("new") }
    if revisedDue != nil || (existing != nil && !revisionLog.isEmpty) { kinds.append("revision") }
    if hasUpdate && (statusChanged || noteChanged || reportedChanged) || !datedUpdates.isEmpty
      || !evidenceLog.isEmpty
    {
      if existing != nil { kinds.append("update") }
    }
    if let existing {
      var before = existing.action
      before.updates = []
      var after = action
      after.updates = []
      if before != after { kinds.append("correction") }
    }
    outcomes.append(
      PlanRowOutcome(
        row: rowNumber, kinds: kinds.isEmpty ? ["unchanged"] : kinds, subject: reference.description))
    lastAction = LastAction(
      reference: reference, recommendation: recommendationID,
      cells: [.due: cell(.due), .status: cell(.status), .reported: cell(.reported)])
    if let existing {
      for dated in revisionLog + evidenceLog + datedUpdates {
        changes.updates.append(PlannedUpdate(reference: reference, update: dated, row: rowNumber))
      }
      var before = existing.action
      before.updates = []
      var after = action
      after.updates = []
      if before != after {
        changes.edits.append(
          PlannedActionEdit(
            reference: reference, recommendation: recommendationID,
            fields: Self.changedFields(existing.action, action), action: action,
            row: rowNumber))
      }
      if hasUpdate {
        changes.updates.append(PlannedUpdate(reference: reference, update: update, row: rowNumber))
      }
    } else {
      action.updates =
        (revision.map { [$0] } ?? []) + revisionLog + datedUpdates + evidenceLog + (hasUpdate ? [update] : [])
      addRecommendationIfNew(
        recommendationID, text: recommendationText, row: rowNumber, owners: owners, own: ownCells)
      changes.actions.append(
        PlannedAction(reference: reference, recommendation: recommendationID, action: action, row: rowNumber))
    }
  }

  /// A row continuing the action above (merged action cells): its owners join the action's owners
  /// and its note is a further note on the action, dated by its note day; a due day, status or
  /// rating other than the row above's is refused, as it belongs to an action of its own.
  mutating func continueAction(_ last: LastAction, row rowNumber: Int, cells: [PlanColumn: String]) {
    func raw(_ column: PlanColumn) -> String { cells[column] ?? "" }
    var rowProblems: [ImportProblem] = []
    func problem(_ column: PlanColumn, _ message: String) {
      rowProblems.append(
        ImportProblem(
          row: rowNumber, column: headerText(column), action: last.reference.description, value: raw(column),
          message: message))
    }
    for column in [PlanColumn.due, .status, .reported]
    where !raw(column).isEmpty && raw(column) != last.cells[column] {
      problem(
        column,
        "the row continues action \(last.reference) above (its recommendation and action cells are empty, as "
          + "merged cells leave them) but says otherwise than its row; give a different action a row of its own"
      )
    }
    var owners: [String] = []
    switch PlanImport.owners(raw(.owners), in: tracker) {
    case .success(let ids): owners = ids
    case .failure(let missing):
      let hint = missing.suggestion.map { "; did you mean \($0)?" } ?? ""
      problem(.owners, "no agency \"\(missing.name)\"\(hint)")
    }
    var noteDay: CalendarDay?
    if !raw(.noteDay).isEmpty {
      noteDay = AgencyReturnImport.day(raw(.noteDay))
      if noteDay == nil { problem(.noteDay, "not a day; write it as 31/12/2026 (day first) or 2026-12-31") }
    }
    if let noteDay, noteDay > date {
      problem(.noteDay, "the note day is after the day of the import (\(date))")
    }
    problems += rowProblems
    guard rowProblems.isEmpty else { return }
    let note = raw(.note)
    let update = note.isEmpty ? nil : ActionUpdate(date: noteDay ?? date, note: note, by: by)
    var kinds: [String] = []
    if let index = changes.actions.firstIndex(where: { $0.reference == last.reference }) {
      var action = changes.actions[index].action
      for owner in owners where !action.owners.contains(owner) {
        action.jointOwners = (action.jointOwners ?? []) + [owner]
      }
      if let update { action.updates.append(update) }
      changes.actions[index].action = action
      if let planned = changes.recommendations.firstIndex(where: {
        $0.recommendation.id == last.recommendation
      }) {
        for owner in owners where !changes.recommendations[planned].recommendation.agencies.contains(owner) {
          changes.recommendations[planned].recommendation.agencies.append(owner)
        }
      }
      kinds = ["continuation"]
    } else if let (_, m, a) = tracker.actionIndex(last.reference) {
      let stored = review.recommendations[m].actions[a]
      // The owners of the action's row and of the rows continuing it, together.
      var action = changes.edits.first(where: { $0.reference == last.reference })?.action ?? stored
      for owner in owners where !action.owners.contains(owner) {
        action.jointOwners = (action.jointOwners ?? []) + [owner]
      }
      if action.jointOwners == [] { action.jointOwners = nil }
      changes.edits.removeAll { $0.reference == last.reference }
      if !Self.changedFields(stored, action).isEmpty {
        changes.edits.append(
          PlannedActionEdit(
            reference: last.reference, recommendation: last.recommendation,
            fields: Self.changedFields(stored, action), action: action, row: rowNumber))
        kinds.append("correction")
      }
      if let update, !stored.updates.contains(where: { $0.note == note }) {
        changes.updates.append(PlannedUpdate(reference: last.reference, update: update, row: rowNumber))
        kinds.append("update")
      }
    }
    outcomes.append(
      PlanRowOutcome(
        row: rowNumber,
        kinds: kinds.isEmpty ? ["unchanged"] : ["continuation"] + kinds.filter { $0 != "continuation" },
        subject: last.reference.description))
  }

  /// The fields that differ between two versions of an action, by the names `action edit` uses.
  static func changedFields(_ before: Action, _ after: Action) -> [String] {
    var fields: [String] = []
    if before.description != after.description { fields.append("description") }
    if before.owners != after.owners { fields.append("owner") }
    if before.lead != after.lead { fields.append("lead") }
    if before.measureOfSuccess != after.measureOfSuccess { fields.append("measure") }
    if before.evidencePlanned != after.evidencePlanned { fields.append("evidence planned") }
    if before.agreed != after.agreed { fields.append("agreed") }
    if before.due != after.due { fields.append("due") }
    return fields
  }

  /// The next recommendation ID after the review's own and those added: `R` and the next number.
  func nextRecommendationID() -> String {
    let taken = Set(review.recommendations.map(\.id) + changes.recommendations.map(\.recommendation.id))
    var number =
      (review.recommendations.map(\.id) + changes.recommendations.map(\.recommendation.id)).compactMap {
        $0.hasPrefix("R") ? Int($0.dropFirst()) : nil
      }.max() ?? 0
    repeat { number += 1 } while taken.contains("R\(number)")
    return "R\(number)"
  }

  /// Adds a recommendation given by text the first time a row names it, with the response, note,
  /// agencies and day its own columns give; without an "Addressed to" column, later rows add their
  /// owners to the agencies it is addressed to, and an action makes it accepted.
  mutating func addRecommendationIfNew(
    _ id: String, text: String, row: Int, owners: [String], own: RecommendationCells = RecommendationCells()
  ) {
    if review.recommendations.contains(where: { $0.id == id }) { return }
    if let index = changes.recommendations.firstIndex(where: { $0.recommendation.id == id }) {
      if own.agencies == nil {
        for owner in owners where !changes.recommendations[index].recommendation.agencies.contains(owner) {
          changes.recommendations[index].recommendation.agencies.append(owner)
        }
      }
      if !owners.isEmpty && own.response == nil {
        changes.recommendations[index].recommendation.response = .accepted
      }
      // The recommendation's own columns, when this row gives them.
      if let agencies = own.agencies { changes.recommendations[index].recommendation.agencies = agencies }
      if let response = own.response { changes.recommendations[index].recommendation.response = response }
      if let note = own.note { changes.recommendations[index].recommendation.responseNote = note }
      if let responded = own.responded { changes.recommendations[index].recommendation.responded = responded }
      return
    }
    newRecommendations[Self.key(text)] = changes.recommendations.count
    changes.recommendations.append(
      PlannedRecommendation(
        recommendation: Recommendation(
          id: id, text: text, agencies: own.agencies ?? owners,
          response: own.response ?? (owners.isEmpty ? .pending : .accepted), responseNote: own.note,
          responded: own.responded),
        row: row))
  }

  /// A recommendation the review holds whose own columns say otherwise: corrected once, as
  /// 'recommendation update' would; an empty cell leaves its field as it is.
  mutating func correctRecommendationIfChanged(_ id: String, own: RecommendationCells, row: Int) {
    guard let stored = review.recommendations.first(where: { $0.id == id }),
      !changes.recommendationEdits.contains(where: { $0.recommendation.id == id })
    else { return }
    var corrected = stored
    if let response = own.response { corrected.response = response }
    if let note = own.note { corrected.responseNote = note }
    if let agencies = own.agencies { corrected.agencies = agencies }
    if let responded = own.responded { corrected.responded = responded }
    if corrected != stored {
      changes.recommendationEdits.append(PlannedRecommendation(recommendation: corrected, row: row))
    }
  }

  /// The recommendation's own cells on a row, read; a problem for each that cannot be read.
  func recommendationCells(cell: (PlanColumn) -> String, problem: (PlanColumn, String) -> Void)
    -> RecommendationCells
  {
    var own = RecommendationCells()
    let responseText = cell(.response)
    if !responseText.isEmpty {
      own.response = PlanImport.response(responseText)
      if own.response == nil {
        problem(
          .response,
          "not a response; write " + RecommendationResponse.allCases.map(\.title).joined(separator: ", "))
      }
    }
    if !cell(.responseNote).isEmpty { own.note = cell(.responseNote) }
    if !cell(.addressedTo).isEmpty {
      switch PlanImport.owners(cell(.addressedTo), in: tracker) {
      case .success(let ids): own.agencies = ids
      case .failure(let missing):
        let hint = missing.suggestion.map { "; did you mean \($0)?" } ?? ""
        problem(.addressedTo, "no agency \"\(missing.name)\"\(hint)")
      }
    }
    if !cell(.responded).isEmpty {
      own.responded = AgencyReturnImport.day(cell(.responded))
      if own.responded == nil {
        problem(.responded, "not a day; write it as 31/12/2026 (day first) or 2026-12-31")
      }
    }
    return own
  }
}
