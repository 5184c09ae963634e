import LearningModel

extension RowReader {
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
            fields: Self.changedFields(stored, action), action: action,
            corrections: ActionCorrection.between(stored, action), row: rowNumber))
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
}
