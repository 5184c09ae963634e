import LearningModel

/// The spreadsheet sent to one agency: its open actions as of a day, and those completed and
/// awaiting assurance (asking for evidence of impact), with empty columns to fill in.
public struct AgencyReturnSheet: Sendable {
  /// The agency's ID.
  public var agency: String
  /// The agency's name.
  public var agencyName: String
  /// The partnership's name.
  public var partnership: String
  /// The day the sheet is as of.
  public var asOf: CalendarDay
  /// One row per action, in the columns of `AgencyReturnColumn`.
  public var table: Table

  /// What a row asks of an open action.
  public static let askProgress = "Progress"
  /// What a row asks of an action completed and awaiting assurance.
  public static let askImpact = "Evidence of impact (completed, awaiting assurance)"

  /// The agency's open actions that exist on the day, owned alone or jointly, in store order, then its actions completed
  /// and not yet assured, asking for evidence of impact.
  public static func build(_ tracker: Tracker, agency: String, asOf: CalendarDay) -> AgencyReturnSheet {
    let settings = tracker.partnership.settings
    var table = Table(
      caption: "Return", columns: AgencyReturnColumn.allCases.map { Table.Column($0.rawValue) })
    var completed: [[String]] = []
    let agencies = Dictionary(tracker.agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for placed in tracker.placedActions where placed.action.isOwned(by: agency) {
      let state = placed.state(asOf: asOf, settings: settings)
      guard state.exists, state.isOpen || state.status == .completed else { continue }
      // The escalation and its reply as the overdue report and the chase lists show them.
      let line = ActionLine(placed, state, agencies: agencies, settings: settings)
      let row = [
        agency, placed.reference.description, placed.review.title,
        placed.recommendationReference.description + ": " + placed.recommendation.text,
        placed.action.description, placed.action.lead ?? "", state.due.description, state.status.title,
        state.lastUpdate?.date.description ?? "", state.lastUpdate?.note ?? "", line.escalationText,
        line.escalation?.to ?? "", state.isOpen ? askProgress : askImpact, "", "", "", "", "", "",
      ]
      if state.isOpen {
        table.append(row.map { Table.Cell($0) })
      } else {
        completed.append(row)
      }
    }
    for row in completed { table.append(row.map { Table.Cell($0) }) }
    return AgencyReturnSheet(
      agency: agency, agencyName: tracker.agencyName(agency), partnership: tracker.partnership.name,
      asOf: asOf, table: table)
  }

  /// The agencies that get a sheet on the day: those owning an open action or one completed and
  /// awaiting assurance, in the store's order, then owners the store does not list, sorted.
  public static func agencies(_ tracker: Tracker, asOf: CalendarDay) -> [String] {
    let settings = tracker.partnership.settings
    var owners = Set<String>()
    for placed in tracker.placedActions {
      let state = placed.state(asOf: asOf, settings: settings)
      if state.exists && (state.isOpen || state.status == .completed) {
        owners.formUnion(placed.action.owners)
      }
    }
    let listed = tracker.agencies.map(\.id)
    return listed.filter(owners.contains) + owners.subtracting(listed).sorted()
  }

  /// The instruction on the first line of the file.
  public var instruction: String {
    "\(partnership): actions owned by \(agencyName) (\(agency)), open as at \(asOf), then those completed and "
      + "awaiting assurance. For each action, fill in the columns "
      + "marked (fill in): a new status (In progress, Blocked, Completed, Withdrawn), a progress note, evidence titles "
      + "(one per line): under Evidence what was delivered (training run, guidance issued), under Impact evidence what "
      + "shows practice changed (an audit, survey, case sample or data), and a proposed new due day (31/12/2026 or "
      + "2026-12-31) with the reason. For a completed action (Asked for: evidence of impact), give the impact evidence "
      + "the QA subgroup needs to assure it. Leave the columns empty where nothing has changed, "
      + "and do not change the other columns."
  }

  /// CSV as the other reports write it (BOM, CRLF, formula guard), with the instruction first.
  public var asCSV: String {
    let body = table.asCSV
    return "\u{FEFF}" + Escape.csv(instruction) + "\r\n" + body.dropFirst()
  }
}
