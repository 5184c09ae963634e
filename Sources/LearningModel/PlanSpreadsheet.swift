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
    }
  }

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
    ]
    return PlanColumn.allCases.map { cells[$0] ?? "" }
  }

  /// The row of a recommendation that has no action yet: its text alone.
  public static func row(recommendationWithoutActions recommendation: Recommendation) -> [String] {
    PlanColumn.allCases.map { $0 == .recommendation ? recommendation.text : "" }
  }

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
