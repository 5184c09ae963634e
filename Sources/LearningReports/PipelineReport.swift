import LearningModel

/// Every review not yet closed, as of a day: its stage (the last step done), its next step and
/// that step's deadline with the working days left or past, every step done late or missed, and
/// the reviews heading past six months that still owe the Panel a delay notice. Deadlines come from
/// the partnership's timetable, counted by the one working-day calendar (bank holidays included).
public struct PipelineReport: Report, Equatable {
  /// One review in progress.
  public struct Row: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// Its title.
    public var title: String
    /// Its kind.
    public var kind: ReviewKind
    /// The last step done, in timetable order.
    public var stage: StepProgress?
    /// The next step: the first after the stage neither done nor not needed.
    public var next: StepProgress?
    /// The steps done after their deadline, or not done and past it.
    public var lateOrMissed: [StepProgress]
    /// Whether it is heading past its publication deadline with no delay notice sent.
    public var owesDelayNotice: Bool
    /// The publication deadline, when known.
    public var publicationDeadline: CalendarDay?

    func stepDeadline(_ step: String) -> CalendarDay? { step == "published" ? publicationDeadline : nil }
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the pipeline is read on.
  public var asOf: CalendarDay
  /// The reviews in progress, the nearest next deadline first.
  public var rows: [Row] = []

  /// The reviews in scope still open as of the options' day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> PipelineReport {
    let tracker = cut.tracker
    let calendar = tracker.workingDayCalendar
    let timetable = tracker.timetable
    var report = PipelineReport(partnership: tracker.partnership.name, asOf: options.asOf)
    for review in tracker.reviews where options.review == nil || review.id == options.review {
      if let theme = options.theme,
        !(review.themes.contains(theme) || review.findings.contains { $0.themes.contains(theme) })
      {
        continue
      }
      let progress = review.progress(
        asOf: options.asOf, timetable: timetable, calendar: calendar,
        dueSoonDays: tracker.partnership.settings.dueSoonDays)
      guard !progress.closed, progress.stage != nil else { continue }
      report.rows.append(
        Row(
          review: review.id, title: review.title, kind: review.kind, stage: progress.stage,
          next: progress.next,
          lateOrMissed: progress.lateOrMissed, owesDelayNotice: progress.owesDelayNotice,
          publicationDeadline: progress.steps.first { $0.step == "published" }?.deadline))
    }
    report.rows.sort { left, right in
      let l = left.next?.deadline ?? CalendarDay(dayNumber: Int.max / 2)
      let r = right.next?.deadline ?? CalendarDay(dayNumber: Int.max / 2)
      return l != r ? l < r : left.review < right.review
    }
    return report
  }

  /// "3 working days left", "2 working days past", "due today".
  public static func leftText(_ step: StepProgress?) -> String {
    guard let step, step.done == nil else { return "" }
    guard let left = step.workingDaysLeft else {
      return step.planned.map { "planned \($0)" } ?? "no deadline"
    }
    if step.deadline == nil { return "" }
    if left == 0 { return step.verdict == .missed ? "past (deadline was a non-working day)" : "due today" }
    let unit = abs(left) == 1 ? "working day" : "working days"
    return left > 0 ? "\(left) \(unit) left" : "\(-left) \(unit) past"
  }

  /// The table of reviews in progress, shared with the board paper.
  public var inProgressTable: Table {
    var table = Table(
      caption: "Reviews in progress",
      columns: [
        .init("Review"), .init("Stage"), .init("Next step"), .init("Deadline"), .init("Working days", .right),
      ],
      emptyText: "No review is in progress.")
    for row in rows {
      let next = row.next
      let rating: String? =
        next?.verdict == .missed
        ? BRAG.red.rawValue : ((next?.workingDaysLeft ?? 99) <= 5 ? BRAG.amber.rawValue : nil)
      table.append([
        Table.Cell("\(row.review) \(row.title)"),
        Table.Cell(row.stage.map { "\($0.name) (\($0.done?.description ?? ""))" } ?? ""),
        Table.Cell(next.map { "\($0.name) [\($0.step)]" } ?? "none"),
        Table.Cell(next?.deadline?.description ?? ""),
        Table.Cell(Self.leftText(next), rating: rating),
      ])
    }
    return table
  }

  /// The report laid out for reading.
  public var document: ReportDocument {
    var late = Table(
      caption: "Steps late or missed",
      columns: [
        .init("Review"), .init("Step"), .init("Rule"), .init("Deadline"), .init("Done"), .init("Verdict"),
      ],
      emptyText: "No step is late or missed.")
    for row in rows {
      for step in row.lateOrMissed {
        late.append([
          Table.Cell(row.review), Table.Cell("\(step.name) [\(step.step)]"), Table.Cell(step.rule ?? ""),
          Table.Cell(step.deadline?.description ?? ""), Table.Cell(step.done?.description ?? "not done"),
          Table.Cell(step.verdict.rawValue, rating: BRAG.red.rawValue),
        ])
      }
    }
    let owing = rows.filter(\.owesDelayNotice).map { row in
      "\(row.review) (\(row.title)): publication due by "
        + (row.stepDeadline("published")?.description ?? "the six-month deadline")
        + "; no delay notice sent to the Panel"
    }
    return ReportDocument(
      title: "Reviews in progress",
      subtitle:
        "\(partnership) · as at \(asOf) · deadlines from the partnership's timetable · working days exclude weekends and England and Wales bank holidays",
      sections: [
        .init("In progress", [.table(inProgressTable)]),
        .init("Late or missed", [.table(late)]),
        .init(
          "Delay notices owed",
          [.bullets(owing.isEmpty ? ["No review owes the Panel a delay notice."] : owing)]),
        .init(
          "How deadlines are counted",
          [
            .bullets([
              "The stage is the last step done, in the timetable's order; the next step is the first after it neither done nor recorded as not needed.",
              "A step's deadline runs from the day of the step its rule names (day 0); a rule before a step runs back from that step's day, its planned day, or its own deadline.",
              "Working days left count the working days after the as-of day up to the deadline; negative when past.",
              "A review heading past six months is one whose publication deadline is past or within the partnership's due-soon days with no delay notice in its correspondence.",
            ])
          ]),
      ])
  }

  /// One row per review in progress.
  public var csvTable: Table {
    var table = Table(
      caption: "Reviews in progress",
      columns: [
        "Review", "Title", "Kind", "Stage", "Stage done", "Next step", "Next step name", "Deadline",
        "Working days left", "Verdict", "Late or missed", "Owes delay notice",
      ].map { Table.Column($0) })
    for row in rows {
      table.append(
        [
          row.review, row.title, row.kind.rawValue, row.stage?.step ?? "", row.stage?.done?.description ?? "",
          row.next?.step ?? "", row.next?.name ?? "", row.next?.deadline?.description ?? "",
          row.next?.workingDaysLeft.map(String.init) ?? "", row.next?.verdict.rawValue ?? "",
          row.lateOrMissed.map(\.step).joined(separator: " "), row.owesDelayNotice ? "yes" : "no",
        ].map { Table.Cell($0) })
    }
    return table
  }
}

/// A Rapid Review decision and the Panel's response, for the board ("Decisions since the last
/// meeting"): Kent's arrangements tell the executive board of each decision and the Panel's reply.
public struct BoardDecision: Encodable, Equatable, Sendable {
  /// The review's ID.
  public var review: String
  /// Its title.
  public var title: String
  /// The day of the decision.
  public var decided: CalendarDay
  /// What was decided: the outcome, or whether the LCSPR criteria were met.
  public var decision: String
  /// The Panel's response, if received by the day.
  public var panelResponse: PanelResponse?
  /// The day of the Panel's response.
  public var panelResponded: CalendarDay?

  /// The Rapid Review decisions made after `since` up to `asOf` (the tracker already cut at `asOf`).
  public static func since(
    _ since: CalendarDay?, in tracker: Tracker, asOf: CalendarDay, review: String? = nil
  )
    -> [BoardDecision]
  {
    var found: [BoardDecision] = []
    for item in tracker.reviews where item.kind == .rapidReview && (review == nil || item.id == review) {
      guard let decided = item.dates.decision, decided <= asOf, since.map({ decided > $0 }) ?? true else {
        continue
      }
      let outcome =
        item.rapidReviewOutcome.map(\.title)
        ?? item.decisionRecord?.criteriaMet.map {
          $0 ? "criteria for an LCSPR met" : "criteria for an LCSPR not met"
        }
        ?? "decision recorded"
      let response = (item.correspondence ?? []).last { $0.kind == .panelResponse && $0.day <= asOf }
      found.append(
        BoardDecision(
          review: item.id, title: item.title, decided: decided, decision: outcome,
          panelResponse: response?.response, panelResponded: response?.day))
    }
    return found.sorted { ($0.decided, $0.review) < ($1.decided, $1.review) }
  }

  /// The decisions as a table for the board paper.
  public static func table(_ decisions: [BoardDecision]) -> Table {
    var table = Table(
      caption: "Decisions since the last meeting",
      columns: [.init("Review"), .init("Decided"), .init("Decision"), .init("Panel's response")],
      emptyText: "No Rapid Review decision since the last meeting.")
    for decision in decisions {
      table.append([
        Table.Cell("\(decision.review) (\(decision.title))"), Table.Cell(decision.decided.description),
        Table.Cell(decision.decision),
        Table.Cell(
          decision.panelResponse.map { "\($0.title) (\(decision.panelResponded?.description ?? ""))" }
            ?? "awaited"),
      ])
    }
    return table
  }
}
