import LearningModel

/// The spreadsheet sent to one agency: its open actions as of a day, with empty columns to fill in.
public struct AgencyReturnSheet: Sendable {
  public var agency: String
  public var agencyName: String
  public var partnership: String
  public var asOf: CalendarDay
  public var table: Table

  /// The agency's open actions that exist on the day, owned alone or jointly, in store order.
  public static func build(_ tracker: Tracker, agency: String, asOf: CalendarDay) -> AgencyReturnSheet {
    let settings = tracker.partnership.settings
    var table = Table(
      caption: "Return", columns: AgencyReturnColumn.allCases.map { Table.Column($0.rawValue) })
    for placed in tracker.placedActions where placed.action.isOwned(by: agency) {
      let state = placed.action.state(asOf: asOf, settings: settings)
      guard state.exists, state.isOpen else { continue }
      table.append(
        [
          agency, placed.reference.description, placed.review.title,
          placed.recommendationReference.description + ": " + placed.recommendation.text,
          placed.action.description, placed.action.lead ?? "", state.due.description, state.status.title,
          state.lastUpdate?.date.description ?? "", state.lastUpdate?.note ?? "", "", "", "", "", "", "",
        ].map { Table.Cell($0) })
    }
    return AgencyReturnSheet(
      agency: agency, agencyName: tracker.agencyName(agency), partnership: tracker.partnership.name,
      asOf: asOf, table: table)
  }

  /// The instruction on the first line of the file.
  public var instruction: String {
    "\(partnership): actions owned by \(agencyName) (\(agency)), open as at \(asOf). For each action, fill in the columns "
      + "marked (fill in): a new status (In progress, Blocked, Completed, Withdrawn), a progress note, evidence titles "
      + "(one per line): under Evidence what was delivered (training run, guidance issued), under Impact evidence what "
      + "shows practice changed (an audit, survey, case sample or data), and a proposed new due day (YYYY-MM-DD) with the reason. Leave them empty where nothing has changed, "
      + "and do not change the other columns."
  }

  /// CSV as the other reports write it (BOM, CRLF, formula guard), with the instruction first.
  public var asCSV: String {
    let body = table.asCSV
    return "\u{FEFF}" + Escape.csv(instruction) + "\r\n" + body.dropFirst()
  }
}
