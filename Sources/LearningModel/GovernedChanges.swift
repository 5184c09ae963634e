/// Why a governed change (an embargo, a decision on a requested due day) cannot be made.
public enum GovernedChangeError: Error, Equatable, Sendable, CustomStringConvertible {
  case noReview(String)
  case noAction(ActionReference)
  case reasonMissing(what: String)
  case alreadyEmbargoed(review: String, since: CalendarDay)
  case notEmbargoed(review: String)
  case dayBeforeEmbargo(review: String, since: CalendarDay, day: CalendarDay)
  case noPendingRequest(ActionReference)

  /// The reason as the user reads it, naming the review or action.
  public var description: String {
    switch self {
    case .noReview(let id): "no review \"\(id)\""
    case .noAction(let reference): "no action \(reference)"
    case .reasonMissing(let what): "\(what) needs a reason"
    case .alreadyEmbargoed(let review, let since):
      "review \(review) is already under embargo (since \(since)); lift it first to record a new one"
    case .notEmbargoed(let review): "review \(review) is not under embargo"
    case .dayBeforeEmbargo(let review, let since, let day):
      "the embargo on \(review) began on \(since); it cannot be lifted on \(day)"
    case .noPendingRequest(let reference):
      "action \(reference) has no requested due day awaiting a decision on that day"
    }
  }
}

extension Tracker {
  /// Puts a review under embargo from `day`: its findings and recommendations are left out of
  /// everything for practitioners or the public until the embargo is lifted.
  public mutating func placeUnderEmbargo(review id: String, reason: String, on day: CalendarDay)
    throws(GovernedChangeError)
  {
    guard let r = reviewIndex(id) else { throw .noReview(id) }
    try reviews[r].placeUnderEmbargo(reason: reason, on: day)
  }

  /// Lifts a review's embargo on `day`, keeping its reason and start so that reports as of earlier
  /// days still withhold the learning.
  public mutating func liftEmbargo(review id: String, on day: CalendarDay) throws(GovernedChangeError) {
    guard let r = reviewIndex(id) else { throw .noReview(id) }
    try reviews[r].liftEmbargo(on: day)
  }

  /// The requested due day awaiting a decision on an action, as of `day` (so a request made after the
  /// day cannot be decided on it).
  public func pendingDueRequest(_ reference: ActionReference, on day: CalendarDay) throws(GovernedChangeError)
    -> DueRequest
  {
    guard let (r, m, a) = actionIndex(reference) else { throw .noAction(reference) }
    let state = reviews[r].recommendations[m].actions[a].state(
      asOf: day, settings: partnership.settings, heardFrom: nil)
    guard let pending = state.pendingRequest else { throw .noPendingRequest(reference) }
    return pending
  }

  /// Applies the pending requested due day of an action: an update by the business unit or the QA
  /// subgroup that revises the due day to the one asked for (the same as `action update --due`).
  /// Returns the update recorded.
  @discardableResult
  public mutating func applyDueRequest(
    _ reference: ActionReference, on day: CalendarDay, reason: String, by: String?
  ) throws(GovernedChangeError) -> ActionUpdate {
    let pending = try pendingDueRequest(reference, on: day)
    guard !reason.trimmingSpaces.isEmpty else { throw .reasonMissing(what: "applying a requested due day") }
    let update = ActionUpdate(
      date: day, due: .onDay(pending.due), note: "Due revised: " + String(reason.trimmingSpaces), by: by)
    try append(update, to: reference)
    return update
  }

  /// The update that declines the pending requested due day of an action, with the reason (the
  /// due day stays): the intent `action decline` adds to the action's log through the change path.
  public func dueRequestDecline(
    _ reference: ActionReference, on day: CalendarDay, reason: String, by: String?
  ) throws(GovernedChangeError) -> ActionUpdate {
    let pending = try pendingDueRequest(reference, on: day)
    guard !reason.trimmingSpaces.isEmpty else { throw .reasonMissing(what: "declining a requested due day") }
    return ActionUpdate(
      date: day, note: "Requested due \(pending.due) declined: " + String(reason.trimmingSpaces), by: by,
      declinedDue: pending.due)
  }

  /// Declines the pending requested due day of an action, with the reason; the due day stays.
  /// Returns the update recorded.
  @discardableResult
  public mutating func declineDueRequest(
    _ reference: ActionReference, on day: CalendarDay, reason: String, by: String?
  ) throws(GovernedChangeError) -> ActionUpdate {
    let update = try dueRequestDecline(reference, on: day, reason: reason, by: by)
    try append(update, to: reference)
    return update
  }

  private mutating func append(_ update: ActionUpdate, to reference: ActionReference)
    throws(GovernedChangeError)
  {
    guard let (r, m, a) = actionIndex(reference) else { throw .noAction(reference) }
    reviews[r].recommendations[m].actions[a].updates.append(update)
  }
}
