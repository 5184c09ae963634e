/// The store as it stood at the end of one day, with that day: what every report and every view
/// of an action (`action show`, `action list`) is built from. It is made only by cutting a whole
/// store (`Tracker.asOf`), so whatever is handed one cannot be handed an uncut store by mistake,
/// and it derives each action's state with the one fold of its log and its review's day in the
/// same cut, so a report and a view never disagree on overdue, due soon, stale or BRAG.
public struct TrackerAsOf: Sendable {
  /// The day of the cut.
  public let day: CalendarDay
  /// The store as it stood at the end of the day: nothing dated after it.
  public let tracker: Tracker

  /// Cuts `whole` at the end of `day`.
  public init(_ whole: Tracker, asOf day: CalendarDay) {
    self.day = day
    tracker = whole.asOf(day)
  }

  /// The partnership's settings (thresholds for due soon and stale).
  public var settings: Settings { tracker.partnership.settings }

  /// The state on the day of an action placed in this cut.
  public func state(_ placed: PlacedAction) -> ActionState {
    placed.state(asOf: day, settings: settings)
  }

  /// The action at `reference` in this cut with its state on the day; nil when the action is not
  /// in the store, or was not yet agreed on the day.
  public func placedAction(_ reference: ActionReference) -> (placed: PlacedAction, state: ActionState)? {
    guard let review = tracker.reviews.first(where: { $0.id == reference.review }) else { return nil }
    for recommendation in review.recommendations {
      if let action = recommendation.actions.first(where: { $0.id == reference.action }) {
        let placed = PlacedAction(review: review, recommendation: recommendation, action: action)
        return (placed, state(placed))
      }
    }
    return nil
  }

  /// Every action that exists on the day, in store order, with its state.
  public var actions: [(placed: PlacedAction, state: ActionState)] {
    tracker.placedActions.compactMap { placed in
      let state = state(placed)
      return state.exists ? (placed, state) : nil
    }
  }
}

extension TrackerAsOf {
  /// The same store as it stood at the end of an earlier day (a reporting year that ended before
  /// this day); this cut itself when `earlier` is not before its day. Cutting a cut again at an
  /// earlier day gives what cutting the whole store there gives.
  public func narrowed(to earlier: CalendarDay) -> TrackerAsOf {
    earlier < day ? TrackerAsOf(tracker, asOf: earlier) : self
  }
}
