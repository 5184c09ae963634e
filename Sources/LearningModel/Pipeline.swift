/// How one step of a review stands against its deadline, as of a day.
public enum StepVerdict: String, Encodable, Sendable {
  /// Done on or before its deadline.
  case onTime
  /// Done after its deadline.
  case late
  /// Not done and its deadline has passed.
  case missed
  /// Not done; its deadline is still to come.
  case pending
  /// Done, with no deadline to meet.
  case done
  /// Not done, with no deadline that can be known yet.
  case open
  /// Recorded as not needed for this review.
  case notNeeded
}

/// One step of one review, as of a day.
public struct StepProgress: Encodable, Equatable, Sendable {
  /// The timetable step's ID.
  public var step: String
  /// Its name.
  public var name: String
  /// The day it was done.
  public var done: CalendarDay?
  /// The day it is planned for.
  public var planned: CalendarDay?
  /// Why it is not needed.
  public var notNeeded: String?
  /// The last day on which it is on time; absent while it cannot be known.
  public var deadline: CalendarDay?
  /// The rule behind the deadline, as a person reads it.
  public var rule: String?
  /// How it stands.
  public var verdict: StepVerdict
  /// While not done: working days from the as-of day to the deadline (negative when past).
  public var workingDaysLeft: Int?
}

/// Where one review stands in its process, as of a day: its stage, its next step, its late and
/// missed steps, and whether it owes the Panel a delay notice.
public struct ReviewProgress: Encodable, Equatable, Sendable {
  /// The review's ID.
  public var review: String
  /// Its title.
  public var title: String
  /// Its kind.
  public var kind: ReviewKind
  /// Every step of the timetable that applies to it or was recorded for it, in timetable order.
  public var steps: [StepProgress]
  /// The last step done, in timetable order.
  public var stage: StepProgress?
  /// The first step after the stage neither done nor not needed.
  public var next: StepProgress?
  /// Whether the review is closed: published, or nothing left after its stage.
  public var closed: Bool
  /// Whether the published-report deadline is past or within the due-soon window, the report is
  /// not published and no delay notice has gone to the Panel.
  public var owesDelayNotice: Bool
  /// The steps done late or missed.
  public var lateOrMissed: [StepProgress] { steps.filter { $0.verdict == .late || $0.verdict == .missed } }
}

extension Review {
  /// The deadline of `step` for this review: from the day of the step its rule hangs off (done; or
  /// for a rule before a step, that step's planned day, else its own deadline).
  public func deadline(
    of step: TimetableStep, in timetable: Timetable, calendar: WorkingDayCalendar, depth: Int = 0
  ) -> CalendarDay? {
    guard let rule = step.deadline, depth < 32 else { return nil }
    var anchorDay = doneDay(rule.anchor)
    if anchorDay == nil, rule.before != nil {
      anchorDay = stepRecord(rule.anchor)?.planned
      if anchorDay == nil, let anchor = timetable.step(rule.anchor) {
        anchorDay = deadline(of: anchor, in: timetable, calendar: calendar, depth: depth + 1)
      }
    }
    return anchorDay.map { rule.deadline(from: $0, calendar: calendar) }
  }

  /// Where the review stands as of `asOf` (the review should already be cut at that day).
  public func progress(
    asOf: CalendarDay, timetable: Timetable, calendar: WorkingDayCalendar, dueSoonDays: Int
  ) -> ReviewProgress {
    var steps: [StepProgress] = []
    for step in timetable.steps {
      let record = stepRecord(step.id)
      let done = doneDay(step.id)
      guard step.applies(to: kind) || done != nil || record != nil else { continue }
      let deadline = deadline(of: step, in: timetable, calendar: calendar)
      let verdict: StepVerdict
      var left: Int?
      if let done {
        verdict = deadline.map { done <= $0 ? .onTime : .late } ?? .done
      } else if record?.notNeeded != nil {
        verdict = .notNeeded
      } else if let deadline {
        verdict = asOf > deadline ? .missed : .pending
        left = calendar.workingDays(from: asOf, to: deadline)
      } else {
        verdict = .open
      }
      steps.append(
        StepProgress(
          step: step.id, name: step.name, done: done, planned: record?.planned, notNeeded: record?.notNeeded,
          deadline: deadline, rule: step.deadline?.phrase, verdict: verdict, workingDaysLeft: left))
    }
    let stageIndex = steps.lastIndex { $0.done != nil }
    let after = stageIndex.map { steps.index(after: $0) } ?? steps.startIndex
    let next = steps[after...].first { $0.done == nil && $0.notNeeded == nil }
    let published = doneDay("published") != nil
    let closed = published || (stageIndex != nil && next == nil)
    // A skipped step with no deadline is not missed; one whose deadline passed is.
    var owesDelayNotice = false
    if !published, let publishing = steps.first(where: { $0.step == "published" }),
      let deadline = publishing.deadline,
      deadline.days(since: asOf) <= dueSoonDays,
      !(correspondence ?? []).contains(where: { $0.kind == .delayNotice && $0.day <= asOf })
    {
      owesDelayNotice = true
    }
    return ReviewProgress(
      review: id, title: title, kind: kind, steps: steps, stage: stageIndex.map { steps[$0] }, next: next,
      closed: closed, owesDelayNotice: owesDelayNotice)
  }
}
