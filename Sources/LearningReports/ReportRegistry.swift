import LearningModel

/// Every report kind, listed once. The list drives the `report` commands, `report all`, the golden
/// tests and the README's table of reports. Adding a report means one file for the report and
/// one entry here.
public enum ReportRegistry {
  /// Every report kind, in the order they are listed.
  public static let all: [ReportKind] = [
    progress, overdue, digest, timeliness, pipeline, dissemination, section11, themes, briefing, plan,
    repeats,
    impact, assurance, annual,
  ]

  /// The report kind with this name.
  public static func kind(named name: String) -> ReportKind? { all.first { $0.name == name } }

  static let onlyThisReview = "only this review"
  static let onlyThisAgency = "only actions this agency owns (and recommendations addressed to it)"

  static let progress = ReportKind(
    name: "progress", summary: "the board's progress summary",
    discussion: """
      The board paper, at most two A4 pages: headline counts and the BRAG split; with --since, what \
      changed since that day; the exceptions (most overdue actions, reviews furthest behind, agencies \
      with most Red), each list capped; the reviews in progress and the Rapid Review decisions since \
      --since with the Panel's response; BRAG by agency; the share closed over 12 months; responses, \
      dissemination and statutory timescales. HTML adds charts. CSV writes every table. --detail \
      appends the full tables after a page break.
      """,
    filters: [(.review, onlyThisReview), (.agency, onlyThisAgency)],
    parameters: [.since, .detail, .failOnOverdue, .meeting, .author, .marking],
    pack: .init([.markdown, .html]),
    overdueCount: { ($0 as? ProgressReport)?.headline.overdue ?? 0 },
    make: { tracker, options in
      var report = ProgressReport.build(tracker, options)
      report.detail = options.detail
      return report
    })

  static let overdue = ReportKind(
    name: "overdue", summary: "overdue, due-soon and stale actions; chase lists",
    discussion: """
      Overdue actions, most days overdue first (ties by reference), with owner, lead, original and \
      current due day, slips, days overdue and the last update; then the due-soon and stale lists. \
      Chase lists are readable by their owner only.
      """,
    filters: [
      (.review, onlyThisReview), (.agency, "only actions this agency owns"),
      (.theme, "only actions whose recommendation or review carries this theme"),
    ],
    parameters: [.byAgency, .failOnOverdue], pack: .init([.markdown, .html, .csv]),
    overdueCount: { ($0 as? OverdueReport)?.overdue.count ?? 0 },
    make: { tracker, options in OverdueReport.build(tracker, options) })

  static let digest = ReportKind(
    name: "digest", summary: "the annual learning digest for a reporting year",
    discussion: """
      For a reporting year: reviews notified, decided and published; themes, new or recurrent; key \
      findings and good practice; recommendations and responses; action progress during the year and \
      at its end; dissemination delivered; Section 11 returns and the learning they evidence.
      """,
    filters: [
      (.review, onlyThisReview), (.agency, "only actions and Section 11 returns of this agency"),
      (
        .year,
        "the reporting year that starts on the partnership's reportingYearStart of YYYY (2025 means 1 April 2025 to 31 March 2026 by default; default the year that contains the as-of day)"
      ),
    ],
    pack: .init([.markdown, .html], forYear: true)
  ) { cut, options, basis in DigestReport.build(cut, options, sharing: basis) }

  static let timeliness = ReportKind(
    name: "timeliness", summary: "statutory timescales met or missed, in working days",
    discussion: """
      For each review, each statutory clock that applies: its start, deadline, the actual day, the \
      working days taken, and met, missed or pending (with working days left, or how far past). \
      Clocks: notification within 5 working days of awareness; Rapid Review within 15 working days of \
      awareness (or of notification, by the partnership's rapid-review-clock-from setting); LCSPR published within 6 months of the decision; final report to the Panel at \
      least 7 working days before publication; a referral discussed within 1 month and decided \
      within 2. Working days exclude weekends and England and Wales bank holidays (and the store's \
      bankHolidays).
      """,
    filters: [
      (.review, onlyThisReview),
      (
        .year,
        "only clocks that closed (met or missed) in this reporting year, and those still open on the as-of day when it falls in the year"
      ),
    ],
    pack: .init([.markdown, .html])
  ) { tracker, options in TimelinessReport.build(tracker, options) }

  static let pipeline = ReportKind(
    name: "pipeline", summary: "reviews in progress: stage, next step and its deadline",
    discussion: """
      Every review not yet closed: its stage (the last step done), its next step with its ID, that \
      step's deadline and the working days left or past; every step done late or missed; and the \
      reviews heading past six months that still owe the Panel a delay notice. Deadlines come from \
      the partnership's timetable ('timetable list'), counted in working days that exclude weekends \
      and England and Wales bank holidays (and the store's bankHolidays).
      """,
    filters: [(.review, onlyThisReview), (.theme, "only reviews that carry this theme")],
    pack: .init([.markdown, .html])
  ) { tracker, options in PipelineReport.build(tracker, options) }

  static let dissemination = ReportKind(
    name: "dissemination", summary: "how learning reached practitioners",
    discussion: """
      Activities by method and status, reach by agency, each review's dissemination (planned, \
      delivered, days from publication to the first delivered activity), and the published reviews \
      with none. An activity counts as delivered once its day is on or before the as-of day.
      """,
    filters: [
      (.review, "only activities covering this review"),
      (.year, "only activities dated in this reporting year"),
    ],
    pack: .init([.markdown, .html])
  ) { tracker, options in DisseminationReport.build(tracker, options) }

  static let section11 = ReportKind(
    name: "section11", summary: "Section 11 returns, ratings and evidence of learning",
    discussion: """
      For one cycle (default the latest): returns on time, late or missing per agency; self and \
      moderated ratings by agency and standard, with the optimism gap (self rated above moderated) \
      counted per agency and per standard; and, for every review reported on in the 24 months before \
      the cycle's due day, whether each agency its recommendations address evidences its learning, \
      with the gaps listed for chasing.
      """,
    filters: [
      (.review, "only the learning evidenced from this review"), (.agency, "only this agency's return"),
    ],
    parameters: [.cycle], pack: .init([.markdown, .html])
  ) { tracker, options in Section11Report.build(tracker, options, cycle: options.cycle) }

  static let themes = ReportKind(
    name: "themes", summary: "theme packs for trainers",
    discussion: """
      Per theme: the reviews that carry it, their findings and good practice, the recommendations \
      with the state of their actions, the dissemination that covered it, and how often it recurred \
      year by year.
      """,
    filters: [(.theme, "only this theme"), (.year, "only reviews and activities of this reporting year")]
  ) { cut, options, basis in ThemesReport.build(cut, options, theme: options.theme, sharing: basis) }

  static let briefing = ReportKind(
    name: "briefing", summary: "a 7-minute briefing on one page for one review",
    discussion: """
      A draft in seven sections: background; why it matters; what the review found; what must \
      change; good practice; questions for reflection; what to do next and where to learn more. Best \
      as --format markdown or html. Refuses (exit 1) when the review's text holds personal data (see \
      'check privacy') unless --allow-personal-data is given, and when the review is in progress (a \
      review of a published kind before its published day) or under embargo unless \
      --include-unpublished is given, for an internal draft marked not for circulation.
      """,
    filters: [(.review, "the review")], requiredFilters: [.review],
    parameters: [.allowPersonalData, .includeUnpublished],
    isForPublication: true, pack: .init([.markdown, .html], forPublishedReview: true)
  ) { cut, options, basis in
    options.review.flatMap {
      BriefingReport.build(
        cut, options, review: $0, includeUnpublished: options.includeUnpublished, sharing: basis)
    }
  }

  static let plan = ReportKind(
    name: "plan", summary: "one review's SMART action plan, for publication",
    discussion: """
      Each recommendation with its response (and the reason where not accepted), each action with \
      its owning agency, measure of success, due day, BRAG and completion day as of the day. No \
      notes, no evidence titles, no names of individuals. As CSV it is the plan as a spreadsheet in \
      the layout 'import plan' reads: one row per action with its recommendation's text, lead, agreed \
      day, status and latest note, so a plan kept in a spreadsheet can go out and come back. Refuses \
      (exit 1) when the review's text holds personal data unless --allow-personal-data is given, and \
      when the review is in progress or under embargo unless --include-unpublished is given.
      """,
    filters: [(.review, "the review")], requiredFilters: [.review],
    parameters: [.allowPersonalData, .includeUnpublished],
    isForPublication: true, pack: .init([.markdown, .html], forPublishedReview: true)
  ) { tracker, options in
    options.review.flatMap { PlanReport.build(tracker, options, review: $0) }
  }

  static let repeats = ReportKind(
    name: "repeats", summary: "learning that comes back: families of findings and recommendations made again",
    discussion: """
      Each recommendation with its closest earlier recommendations from other reviews (IDF-weighted \
      Jaccard: words weigh more the rarer they are), the words they share and the state of the \
      earlier one's actions; the families this makes, those spanning more than one reporting year \
      first; and the themes found in more than one reporting year. See docs/repeats.md.
      """,
    filters: [
      (.review, "only recommendations of this review (and their families)"),
      (.theme, "only recommendations with this theme (and their families)"),
      (.year, "only recommendations of reviews in this reporting year"),
    ],
    parameters: [.threshold, .matches, .since], pack: .init([.markdown, .html])
  ) { cut, options, basis in
    RepeatsReport.build(
      cut, options, threshold: options.threshold ?? RepeatsReport.defaultThreshold,
      matches: options.matches ?? RepeatsReport.defaultMatches, theme: options.theme, sharing: basis)
  }

  static let impact = ReportKind(
    name: "impact", summary: "actions closed on outputs alone; re-measures overdue",
    discussion: """
      Completed or assured actions closed on outputs alone (no impact evidence and no result, \
      including those assured as an exception), counted per agency and per review; and actions past \
      their re-measure day with no result.
      """,
    filters: [
      (.review, onlyThisReview), (.agency, "only actions this agency owns"),
      (.theme, "only actions whose recommendation or review carries this theme"),
    ]
  ) { tracker, options in ImpactReport.build(tracker, options) }

  static let assurance = ReportKind(
    name: "assurance", summary: "the QA subgroup's assurance queue",
    discussion: """
      Every action completed and not yet assured as of the day, longest waiting first (ties by \
      reference): its measure of success, baseline, target and re-measure day, its evidence (output \
      or impact) and result, and what the impact rules say is missing. The paper the QA subgroup \
      signs off from; --format csv gives a sheet with empty Decision and Comments columns for the \
      chair.
      """,
    filters: [
      (.review, onlyThisReview), (.agency, "only actions this agency owns"),
      (.theme, "only actions whose recommendation or review carries this theme"),
    ],
    pack: .init([.markdown, .html, .csv])
  ) { tracker, options in AssuranceReport.build(tracker, options) }

  static let annual = ReportKind(
    name: "annual", summary: "the yearly report's chapter on learning from case reviews",
    discussion: """
      For a reporting year, beside the previous year: notifications (deaths and serious harm), Rapid \
      Reviews and their outcomes with the conversion to LCSPRs, LCSPRs commissioned, published and \
      late (with reasons), themes new and recurrent, improvements achieved (assured actions and their \
      result), where little or no progress was made (overdue or repeatedly slipped actions, and why), \
      dissemination by attendance and by circulation, and Section 11 with the optimism gap. The \
      figures are the digest's for the year.
      """,
    filters: [
      (
        .year,
        "the reporting year that starts in YYYY (default the last complete reporting year)"
      )
    ],
    pack: .init([.markdown, .html], forYear: true)
  ) { cut, options, basis in AnnualReport.build(cut, options, sharing: basis) }
}

extension ReportRegistry {
  /// One file of the meeting pack: its name, the report and the format it is written in.
  public struct PackFile {
    /// The file name, such as `digest-2025.html`.
    public var name: String
    /// The parts the name is made of, joined by `-`: the report's name, then the year or the
    /// review (`["digest", "2025"]`); each from data, so each is checked before a file is made.
    public var parts: [String]
    /// What the file holds, for messages: "the digest report", "the briefing of review X".
    public var record: String
    /// The report.
    public var report: any Report
    /// The format it is written in.
    public var format: OutputFormat
  }

  /// One report of the meeting pack, to be built when it is written (so that only one report is
  /// held at a time), or the reason it is left out.
  public struct PackEntry: Sendable {
    /// The kind of report.
    public var kind: ReportKind
    /// The options it is built with.
    public var options: ReportOptions
    /// The parts its file names are made of, joined by `-`: the report's name, then the year or
    /// the review (`["digest", "2025"]`); each from data, so each is checked before a file is made.
    public var parts: [String]
    /// What the files hold, for messages: "the digest report", "the briefing of review X".
    public var record: String
    /// The formats it is written in.
    public var formats: [OutputFormat]
    /// Why it is left out of the pack, when it is; nil when it is written.
    public var skipped: String?

    /// The file name in one format, such as `digest-2025.html`.
    public func name(_ format: OutputFormat) -> String {
      parts.joined(separator: "-") + "." + format.fileExtension
    }

    /// Builds the report from the one reading of the store.
    public func build(_ tracker: Tracker) throws(ReportRequestError) -> any Report {
      try kind.build(tracker, options)
    }

    /// Builds the report from what the pack's reports share.
    public func build(_ basis: ReportBasis) throws(ReportRequestError) -> any Report {
      try kind.build(basis, options)
    }
  }

  /// The review the pack's briefing and plan are for: the most recently published Local Child
  /// Safeguarding Practice Review with recommendations on the day (a children's partnership's own
  /// review), else the most recently published review of any kind, if its text is clear of
  /// personal data.
  public static func packReview(_ tracker: Tracker, asOf: CalendarDay) -> String? {
    packReviewChoice(tracker, asOf: asOf).review
  }

  /// The pack's review, or why there is none.
  static func packReviewChoice(_ tracker: Tracker, asOf: CalendarDay) -> (review: String?, reason: String) {
    let candidates = tracker.reviews.filter {
      ($0.dates.published.map { $0 <= asOf } ?? false) && !$0.recommendations.isEmpty
        && $0.withheld(on: asOf) == nil
    }
    let children = candidates.filter { $0.kind == .lcspr }
    let published = (children.isEmpty ? candidates : children)
      .max { ($0.dates.published ?? asOf, $0.id) < ($1.dates.published ?? asOf, $1.id) }
    guard let review = published?.id else {
      return (nil, "no review with recommendations was published by \(asOf) and free to publish")
    }
    guard tracker.personalData(review: review).isEmpty else {
      return (
        nil,
        "the most recently published review, \(review), holds personal data in its text "
          + "(see 'learning-tracker check privacy --review \(review)')"
      )
    }
    return (review, "")
  }

  /// The meeting pack: every report kind that goes into it, with the options it is built with, in
  /// registry order; those that cannot be made carry the reason. `since` is for the reports that
  /// take it; `year` for those built for a reporting year.
  public static func packEntries(_ tracker: Tracker, asOf: CalendarDay, since: CalendarDay, year: Int)
    -> [PackEntry]
  {
    let choice = packReviewChoice(tracker, asOf: asOf)
    var entries: [PackEntry] = []
    for kind in all {
      guard let pack = kind.pack else { continue }
      var options = ReportOptions(asOf: asOf)
      var parts = [kind.name]
      var record = "the \(kind.name) report"
      var skipped: String?
      if kind.parameters.contains(.since) { options.since = since }
      if pack.forYear {
        options.year = year
        parts.append(String(year))
      }
      if pack.forPublishedReview {
        if let review = choice.review {
          options.review = review
          parts.append(review)
          record = "the \(kind.name) of review \(review)"
        } else {
          skipped = choice.reason
        }
      }
      entries.append(
        PackEntry(
          kind: kind, options: options, parts: parts, record: record, formats: pack.formats, skipped: skipped)
      )
    }
    return entries
  }

  /// The meeting pack with every report built: each entry of `packEntries` that is not skipped, in
  /// each of its formats.
  public static func pack(_ tracker: Tracker, asOf: CalendarDay, since: CalendarDay, year: Int) -> [PackFile]
  {
    var files: [PackFile] = []
    let basis = ReportBasis(tracker)
    for entry in packEntries(tracker, asOf: asOf, since: since, year: year) where entry.skipped == nil {
      guard let report = try? entry.build(basis) else { continue }
      for format in entry.formats {
        files.append(
          PackFile(
            name: entry.name(format), parts: entry.parts, record: entry.record, report: report, format: format
          ))
      }
    }
    return files
  }
}
