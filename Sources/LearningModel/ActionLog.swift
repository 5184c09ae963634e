/// The one fold of an action's update log: the updates taken in date order and, on the same date,
/// in log order (so the later entry wins), each applied to what the log said before it. The state
/// on a day (`Action.state`), the statuses on several past days (`Action.statuses(on:)`) and what
/// the log shows about impact (`Action.impact(asOf:)`) are all read from it, so they never differ
/// on how a log is read (docs/FORMAT.md, "Derived state").
public struct ActionLogFold: Sendable {
  /// The day the action was agreed, if given. The fold keeps only what it reads of the action,
  /// so folding a log copies no field of it (a report folds hundreds of thousands).
  public let agreed: CalendarDay?
  /// The due day the action was agreed with.
  public let originalDue: PlannedDue
  /// The last status set; `notStarted` when none was.
  public private(set) var status = ActionStatus.notStarted
  /// The due day in force: the original, else the last revision applied.
  public private(set) var due: PlannedDue
  /// The first due day the action had: the original, else the first one set by a revision.
  public private(set) var firstDueDay: CalendarDay?
  /// Revisions that moved the due day later.
  public private(set) var slips = 0
  /// Days those revisions moved the due day later, in all.
  public private(set) var slipDays = 0
  /// The day the action last became completed or assured without being reopened since.
  public private(set) var completedOn: CalendarDay?
  /// Evidence logged so far, outputs and impact, in log order.
  public private(set) var evidence: [EvidenceItem] = []
  /// The latest result recorded against the measure, and its day.
  public private(set) var result: (text: String, date: CalendarDay)?
  /// The reason given when the action was last assured without impact evidence or a result.
  public private(set) var exception: String?
  /// The last update applied.
  public private(set) var lastUpdate: ActionUpdate?
  /// A new due day the owning agency asked for that is neither applied nor declined yet.
  public private(set) var pendingRequest: DueRequest?
  /// The owning agency's latest rating of its own progress.
  public private(set) var reported: BRAG?
  /// The day of the last update that set the status to assured.
  public private(set) var assuredOn: CalendarDay?
  /// The notes of the updates that gave a revised due day, in the order applied: why it slipped.
  public private(set) var revisionNotes: [String] = []

  /// The fold before any update: the action as agreed.
  public init(_ action: borrowing Action) {
    agreed = action.agreed
    originalDue = action.due
    due = action.due
    firstDueDay = action.due.day
  }

  /// The log in the order the fold takes it: by date, and on the same date in log order. Logs are
  /// almost always in date order already, and are then returned as they are, without copying.
  public static func ordered(_ updates: [ActionUpdate]) -> [ActionUpdate] {
    var index = 1
    while index < updates.count {
      if updates[index].date < updates[index - 1].date {
        // A stable sort by date keeps log order on the same date, so the later entry wins.
        return updates.enumerated()
          .sorted {
            $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset
          }
          .map(\.element)
      }
      index += 1
    }
    return updates
  }

  /// Applies the next update of the ordered log.
  public mutating func apply(_ update: ActionUpdate) {
    change(by: update)
    lastUpdate = update
  }

  /// Applies the updates of the ordered log from `start` that are dated on or before `day`, each
  /// read where it lies, and gives the position of the first one not applied. Only the last one
  /// applied is kept as `lastUpdate` (a long log is not copied update by update).
  mutating func apply(_ ordered: [ActionUpdate], from start: Int, through day: CalendarDay) -> Int {
    ordered.withUnsafeBufferPointer { buffer in
      var next = start
      while next < buffer.count, buffer[next].date <= day {
        change(by: buffer[next])
        next += 1
      }
      if next > start { lastUpdate = buffer[next - 1] }
      return next
    }
  }

  /// What an update changes, but for `lastUpdate`.
  private mutating func change(by update: borrowing ActionUpdate) {
    if let requested = update.requestedDue {
      pendingRequest = DueRequest(
        due: requested, reason: update.requestReason ?? "", requestedOn: update.date, by: update.by)
    }
    // A revised due day settles the request (applied or superseded); so does a decline.
    if update.due != nil || update.declinedDue != nil { pendingRequest = nil }
    if let newStatus = update.status {
      if newStatus == .completed || newStatus == .assured {
        if !(status == .completed || status == .assured) { completedOn = update.date }
      } else {
        completedOn = nil
      }
      status = newStatus
      if newStatus == .assured { assuredOn = update.date }
      if newStatus == .assured {
        let reason = update.assuredWithoutImpact.map { String($0.trimmingSpaces) } ?? ""
        exception = reason.isEmpty ? nil : reason
      }
    }
    if update.due != nil, let note = update.note { revisionNotes.append(note) }
    if let newDue = update.due, newDue != due {
      // Only a later day moves a day: setting a first day for an action due "TBC" is not a slip.
      if let newDay = newDue.day, let currentDay = due.day, newDay > currentDay {
        slips += 1
        slipDays += newDay.days(since: currentDay)
      }
      if firstDueDay == nil { firstDueDay = newDue.day }
      due = newDue
    }
    if let rating = update.reported { reported = rating }
    for title in update.evidence ?? [] {
      evidence.append(EvidenceItem(kind: .output, title: title, date: update.date))
    }
    for title in update.impactEvidence ?? [] {
      evidence.append(EvidenceItem(kind: .impact, title: title, date: update.date))
    }
    if let text = update.result, !text.trimmingSpaces.isEmpty { result = (text, update.date) }
  }

  /// The state the log gives on `day`, once every update on or before it has been applied.
  /// `heardFrom` is the day the action was last heard of when it has no update and no agreed day
  /// (its review's day, `Review.planDay`, in the same cut of the store), or nil when there is none.
  public func state(asOf day: CalendarDay, settings: Settings, heardFrom: CalendarDay?) -> ActionState {
    ActionState(
      asOf: day, exists: agreed.map { $0 <= day } ?? true, status: status, originalDue: originalDue,
      due: due, firstDueDay: firstDueDay, slips: slips, slipDays: slipDays, lastUpdate: lastUpdate,
      completedOn: completedOn, evidence: evidence.filter { $0.kind == .output }.map(\.title),
      settings: settings, pendingRequest: pendingRequest, reported: reported,
      lastHeard: lastUpdate?.date ?? agreed ?? heardFrom.flatMap { $0 <= day ? $0 : nil })
  }

  /// What the log shows about impact so far.
  public var impact: ImpactState {
    ImpactState(evidence: evidence, result: result?.text, resultDate: result?.date, exception: exception)
  }
}

extension Action {
  /// The log folded through the end of `day`.
  public func fold(through day: CalendarDay) -> ActionLogFold {
    var fold = ActionLogFold(self)
    _ = fold.apply(ActionLogFold.ordered(updates), from: 0, through: day)
    return fold
  }

  /// The action's state on `earlier` and on `day`, in one pass of the one fold over its log when
  /// `earlier` comes first (a year's reports read every action on the day before the year and on
  /// its last day). `heardFrom` as for `state(asOf:settings:heardFrom:)`.
  public func states(
    on earlier: CalendarDay, and day: CalendarDay, settings: Settings, heardFrom: CalendarDay?
  ) -> (earlier: ActionState, day: ActionState) {
    guard earlier <= day else {
      return (
        state(asOf: earlier, settings: settings, heardFrom: heardFrom),
        state(asOf: day, settings: settings, heardFrom: heardFrom)
      )
    }
    let ordered = ActionLogFold.ordered(updates)
    var fold = ActionLogFold(self)
    let next = fold.apply(ordered, from: 0, through: earlier)
    let first = fold.state(asOf: earlier, settings: settings, heardFrom: heardFrom)
    _ = fold.apply(ordered, from: next, through: day)
    return (first, fold.state(asOf: day, settings: settings, heardFrom: heardFrom))
  }

  /// The action's state on each of several days (given in ascending order), in one pass of the
  /// one fold over its log. `heardFrom` as for `state(asOf:settings:heardFrom:)`.
  public func states(on days: [CalendarDay], settings: Settings, heardFrom: CalendarDay?) -> [ActionState] {
    let ordered = ActionLogFold.ordered(updates)
    var fold = ActionLogFold(self)
    var next = 0
    var result: [ActionState] = []
    result.reserveCapacity(days.count)
    for day in days {
      next = fold.apply(ordered, from: next, through: day)
      result.append(fold.state(asOf: day, settings: settings, heardFrom: heardFrom))
    }
    return result
  }
}
