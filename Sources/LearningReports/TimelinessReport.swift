import LearningModel

/// Statutory timescales met or missed, per review, in working days (England and Wales).
public struct TimelinessReport: Report, Equatable {
  /// One statutory clock of one review, as of the report's day.
  public struct Row: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// The review's title.
    public var title: String
    /// What kind of review it is.
    public var kind: ReviewKind
    /// The clock: its start, deadline, the day it was met if it was, and the verdict.
    public var result: ClockResult
  }

  /// One clock's count: "4 of 5 Rapid Reviews within 15 working days".
  public struct Summary: Encodable, Equatable, Sendable {
    /// The clock counted.
    public var clock: StatutoryClock
    /// Clocks met within the timescale.
    public var met = 0
    /// Clocks missed: done late, or not done and past the deadline.
    public var missed = 0
    /// Clocks still running and not yet past the deadline.
    public var pending = 0
    /// Clocks of published reviews whose day the report went to the Panel is not recorded.
    public var notRecorded = 0

    /// The summary line a board reads.
    public var sentence: String {
      let decided = met + missed
      var text = "\(met) of \(decided) \(clock.summaryNoun)"
      if pending > 0 { text += "; \(pending) pending" }
      if notRecorded > 0 { text += "; \(notRecorded) not recorded" }
      return text
    }
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the clocks are read on.
  public var asOf: CalendarDay
  /// The reporting year the clocks are counted in (closed in, or open at the as-of day), if restricted.
  public var year: Int?
  /// The day the Rapid Review clock runs from (the partnership's setting).
  public var rapidReviewClockFrom: RapidReviewClockStart = .aware
  /// Every clock started by the report's day, review by review.
  public var rows: [Row] = []
  /// The clocks counted by verdict, one summary per clock in the statutory order.
  public var summary: [Summary] = []

  /// The clocks of the reviews in scope as of the options' day, limited to their reporting year if given.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> TimelinessReport {
    let tracker = cut.tracker
    let calendar = tracker.workingDayCalendar
    let period = options.year.map { tracker.partnership.reportingYear($0) }
    let clockFrom = tracker.partnership.settings.rapidReviewClockStart
    let timetable = tracker.timetable
    var report = TimelinessReport(
      partnership: tracker.partnership.name, asOf: options.asOf, year: options.year,
      rapidReviewClockFrom: clockFrom)
    var summaries: [StatutoryClock: Summary] = [:]
    for review in tracker.reviews where options.review == nil || review.id == options.review {
      for result in review.clocks(
        asOf: options.asOf, calendar: calendar, rapidReviewClockFrom: clockFrom, timetable: timetable)
      {
        // One rule for every yearly count: the year the clock closed, met or missed.
        if let period, !period.contains(result.countingDay(asOf: options.asOf)) { continue }
        // A clock that started after the as-of day is not yet running.
        if result.start > options.asOf { continue }
        report.rows.append(Row(review: review.id, title: review.title, kind: review.kind, result: result))
        var summary = summaries[result.clock] ?? Summary(clock: result.clock)
        switch result.verdict {
        case .met: summary.met += 1
        case .missed: summary.missed += 1
        case .pending: summary.pending += 1
        case .notRecorded: summary.notRecorded += 1
        }
        summaries[result.clock] = summary
      }
    }
    report.summary = StatutoryClock.allCases.compactMap { summaries[$0] }
    return report
  }

  /// The clock's rule as a person reads it, with the Rapid Review clock's start.
  func rule(_ clock: StatutoryClock) -> String {
    clock == .rapidReview ? clock.rule + " " + rapidReviewClockFrom.phrase : clock.rule
  }

  static func verdictText(_ result: ClockResult) -> String {
    switch result.verdict {
    case .met: return "met"
    case .notRecorded: return "not recorded"
    case .missed:
      if result.actual == nil, let left = result.workingDaysLeft {
        return "missed: not yet done, \(-left) working days past the deadline"
      }
      return "missed"
    case .pending:
      if let left = result.workingDaysLeft { return "pending: \(left) working days left" }
      return "pending"
    }
  }

  /// The report laid out as the summary and each review's clocks, for the renderers.
  public var document: ReportDocument {
    var table = Table(
      caption: "Statutory clocks by review",
      columns: [
        .init("Review"), .init("Title"), .init("Clock"), .init("Start"), .init("Deadline"), .init("Actual"),
        .init("Working days", .right), .init("Verdict"),
      ],
      emptyText: "No clock applies.")
    for row in rows {
      let result = row.result
      table.append([
        Table.Cell(row.review), Table.Cell(row.title), Table.Cell(rule(result.clock)),
        Table.Cell(result.start.description),
        Table.Cell(result.deadline?.description ?? "not yet known"),
        Table.Cell(result.actual?.description ?? ""),
        Table.Cell(result.workingDaysTaken.map(String.init) ?? ""),
        Table.Cell(
          Self.verdictText(result),
          rating: result.verdict == .missed
            ? BRAG.red.rawValue : (result.verdict == .met ? BRAG.blue.rawValue : nil)),
      ])
    }
    var summaryTable = Table(
      caption: "Summary by clock",
      columns: [
        .init("Clock"), .init("Met", .right), .init("Missed", .right), .init("Pending", .right),
        .init("Not recorded", .right),
      ],
      emptyText: "No clock applies.")
    for line in summary {
      summaryTable.append([
        Table.Cell(rule(line.clock)), .number(line.met), .number(line.missed), .number(line.pending),
        .number(line.notRecorded),
      ])
    }
    let scope =
      year.map { "clocks closed in \($0)-\(String($0 + 1).suffix(2)) or open at \(asOf)" } ?? "all reviews"
    return ReportDocument(
      title: "Statutory timescales",
      subtitle:
        "\(partnership) · as at \(asOf) · \(scope) · working days exclude weekends and England and Wales bank holidays",
      sections: [
        .init("Summary", [.bullets(summary.map(\.sentence)), .table(summaryTable)]),
        .init("By review", [.table(table)]),
        .init(
          "How clocks are counted",
          [
            .bullets([
              "The day of the event is day 0; a clock is met when the actual day is on or before the deadline.",
              "Month clocks (publication within 6 months, referral clocks) run to the same day of the month; a month without that day ends on its last day.",
              "The final report is on time when sent on or before the 7th working day before publication.",
              "The Rapid Review clock runs from the day \(rapidReviewClockFrom == .aware ? "the local authority became aware of the incident" : "the National Panel was notified") (the partnership's rapid-review-clock-from setting).",
              "In a yearly count a clock belongs to the reporting year it closed in, met or missed; one still open belongs to the as-of day's year.",
            ])
          ]),
      ])
  }

  /// One row per review and clock.
  public var csvTable: Table {
    var table = Table(
      caption: "Statutory clocks",
      columns: [
        "Review", "Title", "Kind", "Clock", "Start", "Deadline", "Actual", "Working days", "Verdict",
        "Working days left",
      ].map { Table.Column($0) })
    for row in rows {
      let result = row.result
      table.append(
        [
          row.review, row.title, row.kind.rawValue, result.clock.rawValue, result.start.description,
          result.deadline?.description ?? "",
          result.actual?.description ?? "", result.workingDaysTaken.map(String.init) ?? "",
          result.verdict.rawValue,
          result.workingDaysLeft.map(String.init) ?? "",
        ].map { Table.Cell($0) })
    }
    return table
  }
}
