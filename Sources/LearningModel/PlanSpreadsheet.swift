/// The columns of a review's action plan kept as a spreadsheet: the layout `report plan --format csv`
/// writes and `import plan` reads, one row per action.
public enum PlanColumn: String, CaseIterable, Sendable {
  /// The recommendation the action answers: a reference (`R1`) or the recommendation's text.
  case recommendation = "Recommendation"
  /// The action's reference: the full one (`LCSPR-2025-02/1.10`, as `report plan` writes it, kept as
  /// text by a spreadsheet) or the one within the review (`1.1`).
  case action = "Action reference"
  /// Specific: what will be done.
  case description = "Action"
  /// The owning agencies (IDs or names), the accountable one first.
  case owners = "Owning agencies"
  /// The role that leads the action.
  case lead = "Lead"
  /// How the plan says completion and the change in practice will be shown.
  case measure = "Planned evidence or measure"
  /// The day the action was agreed.
  case agreed = "Agreed"
  /// The due day in force, a month, or TBC.
  case due = "Due"
  /// The due day first agreed, when a revision has moved it (a slip); empty otherwise.
  case originalDue = "Original due"
  /// The action's status.
  case status = "Status"
  /// The owning agency's own rating of its progress (Blue, Red, Amber, Green).
  case reported = "Reported rating"
  /// The latest progress note.
  case note = "Latest note"
  /// The day of the latest note.
  case noteDay = "Note day"
  /// Each revision of the due day with its day, in the log's order: "2027-03-31 on 2026-11-15".
  case dueRevisions = "Due revisions"
  /// The evidence received, one item a line with its day: "2026-10-01: Audit of 20 case files".
  case evidence = "Evidence received"
  /// The partnership's response to the recommendation (Accepted, Partially accepted, Not accepted,
  /// Pending), on every row of the recommendation.
  case response = "Response"
  /// Why a recommendation is not, or only partly, accepted.
  case responseNote = "Response note"
  /// The agencies the recommendation is addressed to (IDs or names), when it names them.
  case addressedTo = "Addressed to"
  /// The day the partnership responded to the recommendation.
  case responded = "Responded"
  /// The recommendation's reference in the review (`R3`), so that it comes back under the same one.
  case recommendationNumber = "Recommendation number"
  /// Why the QA subgroup assured the action without evidence of impact, when it did (the exception
  /// the assurance rests on); empty otherwise.
  case assuredWithoutImpact = "Assured without impact evidence"

  /// Other headers a partnership's own spreadsheet may use for the column (matched ignoring case,
  /// spaces and punctuation, like the header itself).
  public var otherNames: [String] {
    switch self {
    case .recommendation: ["Recommendation reference", "Rec", "Recommendation text"]
    case .action: ["Action ref", "Ref", "Reference", "Action number", "Action no"]
    case .description: ["Action description", "Description", "What will be done"]
    case .owners: ["Owning agency", "Owner", "Owners", "Agency", "Agencies", "Lead agency"]
    case .lead: ["Lead officer", "Lead role"]
    case .measure: ["Planned evidence", "Evidence planned", "Measure of success", "Measure", "Evidence"]
    case .agreed: ["Agreed on", "Date agreed", "Agreed date"]
    case .due: ["Due date", "Due by", "Deadline", "Target date", "Timescale"]
    case .originalDue: ["First due", "Originally due", "Original due date", "Original deadline"]
    case .status: ["Progress status"]
    case .reported: ["Rating", "RAG", "BRAG", "Agency rating", "Reported RAG"]
    case .note: ["Note", "Progress note", "Latest update", "Update"]
    case .noteDay: ["Note date", "Update date", "Date of note", "Latest note day"]
    case .dueRevisions: ["Revisions", "Due day revisions", "Revised due days"]
    case .evidence: ["Evidence received", "Evidence provided"]
    case .response: ["Recommendation response", "Partnership response"]
    case .responseNote: ["Reason for response", "Response reason"]
    case .addressedTo: ["Recommendation agencies", "Agencies addressed"]
    case .responded: ["Response day", "Responded on", "Date of response"]
    case .recommendationNumber: ["Recommendation no", "Recommendation ID"]
    case .assuredWithoutImpact: ["Assured without impact", "Reason assured without impact evidence"]
    }
  }

  /// The columns that belong to the recommendation, not to one action: the same on every row of it.
  public static let recommendationColumns: Set<PlanColumn> = [
    .recommendation, .response, .responseNote, .addressedTo, .responded, .recommendationNumber,
  ]

  /// The columns a plan must have: without them no action can be placed.
  public static let required: [PlanColumn] = [.recommendation, .action, .description, .owners, .due]
}

/// A review's action plan as a spreadsheet: the one definition of its layout, used by the plan
/// report to write it and by the plan import to read it back.
public enum PlanSpreadsheet {
  /// The header row, in order.
  public static var header: [String] { PlanColumn.allCases.map(\.rawValue) }

  /// One action's row as of a day, in column order: the recommendation's text, the action's
  /// reference, its fields, its status on the day and its latest note on or before the day. With
  /// `review`, the reference is the full one (`LCSPR-2025-02/1.10`), which a spreadsheet keeps as
  /// text: Excel and LibreOffice read a bare `1.10` as the number 1.1.
  public static func row(
    _ action: Action, recommendation: Recommendation, in tracker: Tracker, asOf: CalendarDay,
    review: String? = nil
  ) -> [String] {
    let state = action.state(asOf: asOf, settings: tracker.partnership.settings, heardFrom: nil)
    let latest = action.latestNote(asOf: asOf)
    let fields = planFields(action, state: state, in: tracker)
    let cells: [PlanColumn: String] = [
      .recommendation: recommendation.text, .action: review.map { "\($0)/\(action.id)" } ?? action.id,
      .description: action.description,
      .owners: fields.owners, .lead: action.lead ?? "", .measure: fields.measure,
      .agreed: action.agreed?.description ?? "", .due: fields.due,
      .originalDue: state.due != action.due ? dueText(action.due) : "", .status: state.status.title,
      .reported: fields.reported, .note: latest?.note ?? "", .noteDay: latest?.date.description ?? "",
      .dueRevisions: revisionsText(action, asOf: asOf), .evidence: evidenceText(action, asOf: asOf),
      .assuredWithoutImpact: assuredWithoutImpactText(action, asOf: asOf),
    ]
    let own = recommendationCells(recommendation, in: tracker)
    return PlanColumn.allCases.map { cells[$0] ?? own[$0] ?? "" }
  }

  /// The row of a recommendation that has no action yet: its text and response alone.
  public static func row(recommendationWithoutActions recommendation: Recommendation, in tracker: Tracker)
    -> [String]
  {
    let own = recommendationCells(recommendation, in: tracker)
    return PlanColumn.allCases.map { $0 == .recommendation ? recommendation.text : own[$0] ?? "" }
  }

  /// The cells of the recommendation's own columns: response, its note, agencies and day.
  static func recommendationCells(_ recommendation: Recommendation, in tracker: Tracker) -> [PlanColumn:
    String]
  {
    [
      .response: recommendation.response.title, .responseNote: recommendation.responseNote ?? "",
      .addressedTo: recommendation.agencies.map { tracker.agencyName($0) }.joined(separator: ownerSeparator),
      .responded: recommendation.responded?.description ?? "", .recommendationNumber: recommendation.id,
    ]
  }

  /// Each revision of the due day on or before `asOf`, with its day: "2027-03 on 2026-11-15; TBC on
  /// 2026-12-01".
  public static func revisionsText(_ action: Action, asOf: CalendarDay) -> String {
    action.updates.filter { $0.date <= asOf }.compactMap { update in
      update.due.map { "\(dueText($0)) on \(update.date)" }
    }.joined(separator: revisionSeparator)
  }

  /// The evidence received on or before `asOf`, one item a line with its day; evidence of impact
  /// (what assurance rests on) is marked `Impact:` after the day.
  public static func evidenceText(_ action: Action, asOf: CalendarDay) -> String {
    action.updates.filter { $0.date <= asOf }.flatMap { update in
      (update.evidence ?? []).map { "\(update.date): \($0)" }
        + (update.impactEvidence ?? []).map { "\(update.date): \(impactMark)\($0)" }
    }.joined(separator: "\n")
  }

  /// The reason recorded with the latest assurance on or before `asOf` for assuring without evidence
  /// of impact; empty when there is none.
  public static func assuredWithoutImpactText(_ action: Action, asOf: CalendarDay) -> String {
    action.updates.filter { $0.date <= asOf && $0.status == .assured }.last?.assuredWithoutImpact ?? ""
  }

  /// The mark before an item of evidence of impact in the Evidence received column.
  public static let impactMark = "Impact: "

  /// An item of the Evidence received column as the log holds it: the text, and whether it is
  /// evidence of impact (marked `Impact:`, in any case).
  public static func evidenceItem(_ text: String) -> (item: String, impact: Bool) {
    guard text.lowercased().hasPrefix(impactMark.lowercased()) else { return (text, false) }
    return (String(text.dropFirst(impactMark.count)), true)
  }

  /// How revisions are joined in a cell.
  public static let revisionSeparator = "; "

  /// How owners are joined in a cell: by "; ", as names may hold "and".
  public static let ownerSeparator = "; "

  // MARK: - The plan fields the store holds in its own way

  /// The cells of the four plan fields: owning agencies (by name, the accountable one first, then
  /// the joint owners), the planned evidence (else the measure of success), the due day, month or
  /// TBC in force, and the owner's latest reported rating.
  static func planFields(_ action: Action, state: ActionState, in tracker: Tracker) -> (
    owners: String, measure: String, due: String, reported: String
  ) {
    (
      owners: action.owners.map { tracker.agencyName($0) }.joined(separator: ownerSeparator),
      measure: action.evidencePlanned ?? action.measureOfSuccess ?? "", due: dueText(state.due),
      reported: state.reported?.title ?? ""
    )
  }

  /// A due cell: the day (`2026-06-30`), the month (`2026-06`) or `TBC`.
  public static func dueText(_ due: PlannedDue) -> String { due.isSet ? due.storeText : "TBC" }
}

extension Action {
  /// The latest update with a note on or before `day`, in the order the derived state folds the log
  /// (by date, and on the same date the later entry).
  public func latestNote(asOf day: CalendarDay) -> ActionUpdate? {
    var latest: ActionUpdate?
    for update in updates where update.date <= day && update.note != nil {
      if let current = latest, current.date > update.date { continue }
      latest = update
    }
    return latest
  }
}
