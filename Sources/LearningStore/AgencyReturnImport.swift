import LearningModel

/// A problem with a returned file, at a line and column.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public var description: String { "line \(line), column \(column): \(message)" }
}

/// One update an imported row will make.
public struct PlannedUpdate: Equatable, Sendable {
  public var reference: ActionReference
  public var update: ActionUpdate
  /// The CSV line of the row.
  public var line: Int
}

/// Reads an agency's returned spreadsheet and checks every row before anything changes.
///
/// A new due day an agency proposes is recorded as a request (`requestedDue`, with its reason): it
/// does not move the due day. The business unit or the QA subgroup applies it with a revised due day
/// (`action update --due`) or declines it; until then the action keeps its rating, Red if overdue.
public enum AgencyReturnImport {
  /// The planned updates, or every problem found. Rows where nothing was filled in, and rows already
  /// imported (an identical update is in the action's log), plan nothing.
  public static func plan(
    _ text: String, tracker: Tracker, date: CalendarDay, by: String
  ) -> (updates: [PlannedUpdate], problems: [ImportProblem]) {
    // Spreadsheets save with commas or semicolons; take the one under which the header is found.
    var parsed: (rows: [[CSVCell]], header: Int)?
    var firstError: CSVSyntaxError?
    for separator: Unicode.Scalar in [",", ";"] {
      do {
        let rows = try CSVReader.read(text, separator: separator)
        if let header = rows.firstIndex(where: { row in
          row.contains { normal($0.text) == normal(AgencyReturnColumn.action.rawValue) }
            && row.contains { normal($0.text) == normal(AgencyReturnColumn.agency.rawValue) }
        }) {
          parsed = (rows, header)
          break
        }
      } catch {
        firstError = firstError ?? error
      }
    }
    guard let (rows, headerIndex) = parsed else {
      if let firstError {
        return (
          [], [ImportProblem(line: firstError.line, column: firstError.column, message: firstError.message)]
        )
      }
      return (
        [],
        [
          ImportProblem(
            line: 1, column: 1,
            message:
              "no header row with \"Agency\" and \"Action\" columns: is this a return made by 'export returns'?"
          )
        ]
      )
    }
    let header = rows[headerIndex]
    var columns: [AgencyReturnColumn: Int] = [:]
    for (index, cell) in header.enumerated() {
      if let column = AgencyReturnColumn.allCases.first(where: { normal($0.rawValue) == normal(cell.text) }) {
        columns[column] = index
      }
    }
    var problems: [ImportProblem] = []
    for required in [AgencyReturnColumn.agency, .action] + AgencyReturnColumn.fillIn
    where columns[required] == nil && !AgencyReturnColumn.optionalFillIn.contains(required) {
      problems.append(
        ImportProblem(
          line: header.first?.line ?? 1, column: 1,
          message: "the header has no \"\(required.rawValue)\" column"))
    }
    if !problems.isEmpty { return ([], problems) }

    let settings = tracker.partnership.settings
    var updates: [PlannedUpdate] = []
    var fileAgency: String?
    var seen: [ActionReference: Int] = [:]
    for row in rows[(headerIndex + 1)...] {
      let line = row.first?.line ?? 0
      func cell(_ column: AgencyReturnColumn) -> CSVCell {
        guard let index = columns[column], index < row.count else {
          return CSVCell(text: "", line: line, column: (columns[column] ?? 0) + 1)
        }
        return row[index]
      }
      func problem(_ column: AgencyReturnColumn, _ message: String) {
        let at = cell(column)
        problems.append(ImportProblem(line: at.line, column: (columns[column] ?? 0) + 1, message: message))
      }
      if row.count != header.count {
        problems.append(
          ImportProblem(
            line: line, column: 1, message: "the row has \(row.count) cells; the header has \(header.count)"))
        continue
      }
      let referenceText = cell(.action).text.trimmed
      let agency = cell(.agency).text.trimmed
      let fills = AgencyReturnColumn.fillIn.map { cell($0).text.trimmed }
      if referenceText.isEmpty && fills.allSatisfy(\.isEmpty) { continue }
      if let fileAgency, agency != fileAgency {
        problem(.agency, "the file is for agency \"\(fileAgency)\", but this row says \"\(agency)\"")
        continue
      }
      fileAgency = fileAgency ?? agency
      if tracker.agency(agency) == nil {
        problem(.agency, "unknown agency \"\(agency)\"")
        continue
      }
      guard let reference = ActionReference(referenceText), let (r, m, a) = tracker.actionIndex(reference)
      else {
        problem(.action, "unknown action \"\(referenceText)\"")
        continue
      }
      if let first = seen[reference] {
        problem(.action, "action \(reference) appears twice (first on line \(first))")
        continue
      }
      seen[reference] = line
      let action = tracker.reviews[r].recommendations[m].actions[a]
      if !action.isOwned(by: agency) {
        problem(
          .action,
          "action \(reference) is owned by \(action.owners.joined(separator: " and ")), not by \(agency)")
        continue
      }
      if fills.allSatisfy(\.isEmpty) { continue }
      let state = action.state(asOf: date, settings: settings)
      var rowIsValid = true
      // What the row asks for, whatever the action's state is now.
      var wantedStatus: ActionStatus?
      var wantedDue: CalendarDay?
      let statusText = cell(.newStatus).text.trimmed
      if !statusText.isEmpty {
        if let status = AgencyReturnColumn.status(from: statusText), status != .notStarted {
          if state.isClosed && !status.isClosed {
            problem(
              .newStatus,
              "action \(reference) is \(state.status.rawValue); an agency's return cannot reopen it (ask the QA subgroup)"
            )
            rowIsValid = false
          } else if status == .assured {
            problem(.newStatus, "only the QA subgroup can mark an action assured")
            rowIsValid = false
          } else {
            wantedStatus = status
          }
        } else {
          problem(
            .newStatus,
            "\"\(statusText)\" is not a status; write In progress, Blocked, Completed or Withdrawn")
          rowIsValid = false
        }
      }
      let note = cell(.progressNote).text.trimmed
      let dueText = cell(.proposedDue).text.trimmed
      let reason = cell(.dueReason).text.trimmed
      if !dueText.isEmpty {
        if let due = CalendarDay(dueText) {
          if due < date {
            problem(.proposedDue, "the proposed due day \(dueText) is in the past")
            rowIsValid = false
          } else if reason.isEmpty {
            problem(.dueReason, "a proposed new due day needs a reason")
            rowIsValid = false
          } else {
            wantedDue = due
          }
        } else {
          problem(.proposedDue, "\"\(dueText)\" is not a day (write YYYY-MM-DD)")
          rowIsValid = false
        }
      } else if !reason.isEmpty {
        problem(.proposedDue, "a reason is given but no proposed new due day")
        rowIsValid = false
      }
      let wantedNote = note.isEmpty ? nil : note
      if wantedStatus == .withdrawn && wantedNote == nil {
        problem(.progressNote, "withdrawing an action needs a note saying why")
        rowIsValid = false
      }
      let evidence = cell(.evidence).text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).map {
        String($0).trimmed
      }.filter { !$0.isEmpty }
      let wantedEvidence = evidence.isEmpty ? nil : evidence
      let impact = cell(.impactEvidence).text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).map {
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
      updates.append(PlannedUpdate(reference: reference, update: update, line: line))
    }
    return (problems.isEmpty ? updates : [], problems)
  }

  private static func normal(_ text: String) -> String {
    text.lowercased().filter { $0.isLetter || $0.isNumber }
  }
}

extension String {
  fileprivate var trimmed: String { String(trimmingSpaces) }
}
