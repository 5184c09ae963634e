import LearningModel

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

extension PlanImport {
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
