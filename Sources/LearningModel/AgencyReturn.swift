/// The columns of an agency's return: the spreadsheet a partnership sends each agency before a QA
/// subgroup meeting and takes back filled in. The first thirteen are for reading; the last six are
/// for the agency to fill in.
public enum AgencyReturnColumn: String, CaseIterable, Sendable {
  case agency = "Agency"
  case action = "Action"
  case review = "Review"
  case recommendation = "Recommendation"
  case description = "Action description"
  case lead = "Lead"
  case currentDue = "Current due"
  case status = "Status"
  case lastUpdate = "Last update"
  case lastNote = "Last note"
  /// The action's current escalation as the overdue report shows it: its level, day, and the day
  /// its reply is due (or the day it came).
  case escalation = "Escalation"
  /// To whom the action was escalated.
  case escalatedTo = "Escalated to"
  /// What the row asks of the agency: progress on an open action, or evidence of impact for one
  /// completed and awaiting assurance.
  case askedFor = "Asked for"
  case newStatus = "New status (fill in)"
  case progressNote = "Progress note (fill in)"
  case evidence = "Evidence (fill in)"
  case impactEvidence = "Impact evidence (fill in)"
  case proposedDue = "Proposed new due (fill in)"
  case dueReason = "Reason for new due (fill in)"

  /// The columns the agency fills in.
  public static let fillIn: [AgencyReturnColumn] = [
    .newStatus, .progressNote, .evidence, .impactEvidence, .proposedDue, .dueReason,
  ]

  /// Fill-in columns a returned file may lack: sheets sent out before the column was added.
  public static let optionalFillIn: Set<AgencyReturnColumn> = [.impactEvidence]

  /// The status words an agency may write, in any case and with spaces ("In progress"), read by
  /// the one reader of status words (`ActionStatus.reading`).
  public static func status(from text: String) -> ActionStatus? { ActionStatus.reading(text) }
}
