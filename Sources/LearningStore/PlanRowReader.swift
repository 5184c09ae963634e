import LearningModel

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

/// Reads the rows of a plan one by one, keeping the problems and the changes.
struct RowReader {
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
            corrections: ActionCorrection.between(existing.action, action),
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
}
