/// A statutory clock a review is measured against.
public enum StatutoryClock: String, Encodable, CaseIterable, Sendable {
  /// The local authority notifies the National Panel within 5 working days of becoming aware of a
  /// serious incident (Working Together 2023, chapter 5).
  case notification
  /// The Rapid Review is sent to the National Panel within 15 working days of the clock's start:
  /// the local authority becoming aware of the incident (Working Together), or the notification,
  /// by the partnership's `rapidReviewClockFrom` setting.
  case rapidReview
  /// An LCSPR is completed and published within 6 months of the decision to start it.
  case publication
  /// The final report goes to the National Panel, Ofsted and the DfE at least 7 working days
  /// before publication.
  case finalReportToPanel
  /// A referral without a notification is discussed within 1 month of arriving.
  case referralDiscussed
  /// A referral without a notification is decided within 2 months of arriving.
  case referralDecided

  /// The rule, as a person reads it.
  public var rule: String {
    switch self {
    case .notification: "National Panel notified within 5 working days of becoming aware"
    case .rapidReview: "Rapid Review sent to the Panel within 15 working days"
    case .publication: "LCSPR published within 6 months of the decision"
    case .finalReportToPanel: "Final report sent to the Panel at least 7 working days before publication"
    case .referralDiscussed: "Referral discussed within 1 month"
    case .referralDecided: "Referral decided within 2 months"
    }
  }

  /// What the summary counts ("Rapid Reviews within 15 working days").
  public var summaryNoun: String {
    switch self {
    case .notification: "notifications within 5 working days"
    case .rapidReview: "Rapid Reviews within 15 working days"
    case .publication: "LCSPRs published within 6 months"
    case .finalReportToPanel: "final reports sent 7 working days before publication"
    case .referralDiscussed: "referrals discussed within 1 month"
    case .referralDecided: "referrals decided within 2 months"
    }
  }
}

/// The day a Rapid Review's 15 working days run from, a partnership setting.
///
/// Working Together, North Somerset (4.2.2) and Leicester, Leicestershire and Rutland (4.2.2) count
/// from the local authority becoming aware of the incident; Norfolk (from the Serious Incident
/// Notification), Kent and Derby and Derbyshire (day 1 on receipt of the notification) count from the
/// notification.
public enum RapidReviewClockStart: String, ClosedVocabulary {
  case aware, notified
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "Rapid Review clock start"

  /// "becoming aware" or "notification", for the rule a person reads.
  public var phrase: String {
    switch self {
    case .aware: "of becoming aware"
    case .notified: "of notification"
    }
  }
}

/// Whether a clock was met, as of a day.
public enum ClockVerdict: String, Encodable, Sendable {
  case met, missed, pending
  /// The review is published but the day the report went to the Panel is not recorded.
  case notRecorded
}

/// One clock of one review: the start, the deadline, what happened, and the verdict.
public struct ClockResult: Encodable, Equatable, Sendable {
  /// Which statutory clock.
  public var clock: StatutoryClock
  /// The day the clock runs from.
  public var start: CalendarDay
  /// The last day on which the clock is met; `nil` while it cannot be known (publication not yet fixed).
  public var deadline: CalendarDay?
  /// The day the step was done; absent while it is not.
  public var actual: CalendarDay?
  /// Working days from the start to the actual day (or to the as-of day while pending).
  public var workingDaysTaken: Int?
  /// Met, missed, pending, or not recorded.
  public var verdict: ClockVerdict
  /// While pending: working days left to the deadline (negative when past it).
  public var workingDaysLeft: Int?
  /// The day the verdict became final: the actual day when done (publication, for the final report
  /// to the Panel), the day after the deadline when missed and not done; `nil` while pending.
  public var closed: CalendarDay?

  /// The day that places the clock in a reporting year: the day it closed, met or missed; a clock
  /// still open on the as-of day counts on that day. One rule for every yearly count.
  public func countingDay(asOf: CalendarDay) -> CalendarDay { closed ?? asOf }
}

extension Review {
  /// The statutory clocks that apply to this review, judged as of `asOf`.
  ///
  /// Which apply: notification, to Rapid Reviews and to LCSPRs that do not follow a recorded Rapid
  /// Review, when the day of awareness is known; the Rapid Review clock, to the same reviews when
  /// notified; publication and the final report, to LCSPRs once decided; the referral clocks, when
  /// a referral day is recorded. The Rapid Review clock runs from `rapidReviewClockFrom`'s day.
  ///
  /// Each deadline is the rule of the matching step of `timetable` (the default timetable when
  /// absent), computed as `report pipeline` computes it, so the two reports cannot disagree; a step
  /// the timetable does not time keeps the statutory rule.
  public func clocks(
    asOf: CalendarDay, calendar: WorkingDayCalendar, rapidReviewClockFrom: RapidReviewClockStart = .aware,
    timetable: Timetable? = nil
  ) -> [ClockResult] {
    var results: [ClockResult] = []
    let timetable = timetable ?? Timetable.standard(rapidReviewClockFrom: rapidReviewClockFrom)
    func ruled(_ step: String, _ statutory: CalendarDay?) -> CalendarDay? {
      guard let timed = timetable.step(step), timed.deadline != nil else { return statutory }
      return deadline(of: timed, in: timetable, calendar: calendar)
    }
    let carriesRapidReview = kind == .rapidReview || (kind == .lcspr && follows == nil)
    func judge(_ clock: StatutoryClock, start: CalendarDay, deadline: CalendarDay?, actual: CalendarDay?)
      -> ClockResult
    {
      if let actual {
        let verdict: ClockVerdict = deadline.map { actual <= $0 ? .met : .missed } ?? .pending
        return ClockResult(
          clock: clock, start: start, deadline: deadline, actual: actual,
          workingDaysTaken: calendar.workingDays(from: start, to: actual), verdict: verdict,
          workingDaysLeft: nil, closed: verdict == .pending ? nil : actual)
      }
      let verdict: ClockVerdict = deadline.map { asOf > $0 ? .missed : .pending } ?? .pending
      return ClockResult(
        clock: clock, start: start, deadline: deadline, actual: nil,
        workingDaysTaken: calendar.workingDays(from: start, to: max(start, asOf)),
        verdict: verdict,
        workingDaysLeft: deadline.map { calendar.workingDays(from: asOf, to: $0) },
        closed: verdict == .missed ? deadline?.adding(days: 1) : nil)
    }
    if carriesRapidReview, let aware = dates.aware {
      results.append(
        judge(
          .notification, start: aware,
          deadline: ruled("notified", calendar.adding(workingDays: 5, to: aware)),
          actual: dates.notified))
    }
    let rapidReviewStart = rapidReviewClockFrom == .aware ? dates.aware : dates.notified
    if carriesRapidReview, let start = rapidReviewStart {
      results.append(
        judge(
          .rapidReview, start: start,
          deadline: ruled("rapidReview", calendar.adding(workingDays: 15, to: start)),
          actual: dates.rapidReview))
    }
    if kind == .lcspr, let decision = dates.decision {
      results.append(
        judge(
          .publication, start: decision, deadline: ruled("published", decision.adding(months: 6)),
          actual: dates.published))
      if let published = dates.published {
        let latest =
          ruled("sentToPanel", calendar.adding(workingDays: -7, to: published))
          ?? calendar.adding(workingDays: -7, to: published)
        if let sent = dates.sentToPanel {
          results.append(
            ClockResult(
              clock: .finalReportToPanel, start: sent, deadline: latest, actual: sent,
              workingDaysTaken: calendar.workingDays(from: sent, to: published),
              verdict: sent <= latest ? .met : .missed,
              workingDaysLeft: nil, closed: published))
        } else {
          results.append(
            ClockResult(
              clock: .finalReportToPanel, start: published, deadline: latest, actual: nil,
              workingDaysTaken: nil,
              verdict: .notRecorded, workingDaysLeft: nil, closed: published))
        }
      } else if let sent = dates.sentToPanel {
        results.append(
          ClockResult(
            clock: .finalReportToPanel, start: sent, deadline: nil, actual: sent, workingDaysTaken: nil,
            verdict: .pending,
            workingDaysLeft: nil))
      }
    }
    if let referred = dates.referred {
      results.append(
        judge(
          .referralDiscussed, start: referred, deadline: ruled("discussed", referred.adding(months: 1)),
          actual: dates.discussed))
      results.append(
        judge(
          .referralDecided, start: referred, deadline: ruled("decision", referred.adding(months: 2)),
          actual: dates.decision)
      )
    }
    return results
  }
}
