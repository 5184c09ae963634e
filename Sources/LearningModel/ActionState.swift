/// The state of one action as of a day, folded from its update log.
///
/// The rules (docs/FORMAT.md, "Derived state"): updates dated after the as-of day are ignored;
/// updates are taken in date order and, on the same date, in log order, so the later entry wins.
public struct ActionState: Equatable, Sendable {
  /// The day the state is for.
  public let asOf: CalendarDay
  /// The action has no `agreed` day, or was agreed on or before the as-of day.
  public let exists: Bool
  /// The last status set on or before the day; `notStarted` when none was.
  public let status: ActionStatus
  /// The due day the action was agreed with (a day, a month, or not yet set).
  public let originalDue: PlannedDue
  /// The last revised due day on or before the as-of day, else the original.
  public let due: PlannedDue
  /// The first due day the action had: the original, else the first one set by a revision.
  public let firstDueDay: CalendarDay?
  /// Revisions that moved the due day later.
  public let slips: Int
  /// Days those revisions moved the due day later, in all.
  public let slipDays: Int
  /// The day of the last update on or before the as-of day, if any.
  public let lastUpdate: ActionUpdate?
  /// The day the action last became completed or assured without being reopened since.
  public let completedOn: CalendarDay?
  /// Evidence titles logged on or before the as-of day.
  public let evidence: [String]
  /// The settings the thresholds came from.
  public let settings: Settings
  /// A new due day the owning agency asked for that is neither applied nor declined by the day.
  public let pendingRequest: DueRequest?

  /// Completed, assured or withdrawn.
  public var isClosed: Bool { status.isClosed }
  /// Any status other than completed, assured or withdrawn.
  public var isOpen: Bool { !status.isClosed }

  /// Open, and due before the as-of day (due on the day itself is not overdue). An action with
  /// no due day yet is never overdue.
  public var isOverdue: Bool { isOpen && (due.day.map { $0 < asOf } ?? false) }

  /// Whole days past the due day (0 when not overdue).
  public var daysOverdue: Int { isOverdue ? due.day.map { asOf.days(since: $0) } ?? 0 : 0 }

  /// Open, not overdue, and due within `dueSoonDays` of the as-of day (inclusive).
  public var isDueSoon: Bool {
    guard isOpen, !isOverdue, let day = due.day else { return false }
    return day.days(since: asOf) <= settings.dueSoonDays
  }

  /// Open with no due day yet: the plan says "TBC", so the action is not time-bound.
  public var isNotYetTimeBound: Bool { isOpen && !due.isSet }

  /// The owning agency's latest rating of its own progress on or before the as-of day.
  public let reported: BRAG?

  /// The agency's latest rating is better than the derived one (it says Green, the rules say Red).
  public var reportedIsBetter: Bool {
    guard let reported, let brag else { return false }
    return reported < brag
  }

  /// The last update's day, else the agreed day, else its review's day: when the action was last
  /// heard of.
  public let lastHeard: CalendarDay?

  /// Open, and last heard of more than `staleAfterDays` days before the as-of day.
  public var isStale: Bool {
    guard isOpen, let lastHeard else { return false }
    return asOf.days(since: lastHeard) > settings.staleAfterDays
  }

  /// The due day was revised later at least once.
  public var hasSlipped: Bool { slips > 0 }

  /// Closed as completed or assured on or before the first due day it had.
  public var completedOnTime: Bool {
    guard let completedOn, let firstDueDay, status == .completed || status == .assured else { return false }
    return completedOn <= firstDueDay
  }

  /// The BRAG rating; `nil` for withdrawn actions, which are counted apart.
  ///
  /// First match wins: Red overdue; Blue assured; Green completed; Amber open and due soon,
  /// blocked, slipped at least once, or with no due day yet; Green any other open action (on track).
  public var brag: BRAG? {
    if status == .withdrawn { return nil }
    if isOverdue { return .red }
    if status == .assured { return .blue }
    if status == .completed { return .green }
    if isDueSoon || status == .blocked || hasSlipped || !due.isSet { return .amber }
    return .green
  }
}

/// A new due day an owning agency asked for, awaiting the partnership's decision.
public struct DueRequest: Equatable, Sendable, Encodable {
  /// The due day asked for.
  public var due: CalendarDay
  /// Why the agency asks for it.
  public var reason: String
  /// The day the request was recorded.
  public var requestedOn: CalendarDay
  /// Who asked (the agency's return, as recorded).
  public var by: String?
}

extension Action {
  /// The action's state as of `day`, from the one fold of its log (`ActionLogFold`). `heardFrom`
  /// is the day it was last heard of when it has no update and no agreed day: its review's day
  /// (`Review.planDay`) in the same cut of the store, so that an undated action never updated
  /// still becomes stale instead of vanishing from the stale list. Every caller says which day
  /// that is (nil when there is none), so no view of an action can forget it: `PlacedAction.state`
  /// and `TrackerAsOf.state` pass the review's day.
  public func state(asOf day: CalendarDay, settings: Settings, heardFrom: CalendarDay?) -> ActionState {
    fold(through: day).state(asOf: day, settings: settings, heardFrom: heardFrom)
  }

  /// The status in force on each of several days (given in ascending order), in one pass of the
  /// one fold over the log; `nil` on days before the action was agreed.
  public func statuses(on days: [CalendarDay]) -> [ActionStatus?] {
    states(on: days, settings: Settings(), heardFrom: nil).map { $0.exists ? $0.status : nil }
  }
}

/// The rating partnerships use for progress: Blue, Red, Amber, Green.
public enum BRAG: String, ClosedVocabulary, Comparable {
  case blue, green, amber, red

  /// What the vocabulary is called in messages.
  public static let vocabularyName = "rating"

  /// Red is worst, then Amber, Green, Blue.
  public var severity: Int {
    switch self {
    case .blue: 0
    case .green: 1
    case .amber: 2
    case .red: 3
    }
  }

  /// Orders by severity: Blue, Green, Amber, then Red.
  public static func < (lhs: BRAG, rhs: BRAG) -> Bool { lhs.severity < rhs.severity }

  /// The rating as reports show it, such as "Amber"; shown with its name, never colour alone.
  public var title: String {
    switch self {
    case .blue: "Blue"
    case .green: "Green"
    case .amber: "Amber"
    case .red: "Red"
    }
  }

  /// What the colour means, for a reader who cannot see it.
  public var meaning: String {
    switch self {
    case .blue: "assured"
    case .green: "on track or completed"
    case .amber: "at risk"
    case .red: "overdue"
    }
  }

  /// Reports list colours worst first.
  public static let worstFirst: [BRAG] = [.red, .amber, .green, .blue]
}

extension Recommendation {
  /// The recommendation's rating as of a day: its worst action's rating among the actions that
  /// exist and are not withdrawn (so Blue only when all are assured); `nil` when there are none.
  public func rating(asOf day: CalendarDay, settings: Settings) -> BRAG? {
    actions.compactMap { action -> BRAG? in
      // The rating does not depend on when the action was last heard of.
      let state = action.state(asOf: day, settings: settings, heardFrom: nil)
      return state.exists ? state.brag : nil
    }.max()
  }
}
