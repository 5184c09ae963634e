import Foundation
import LearningModel
import LearningReports
import LearningStore

/// The options every report shares.
struct CommonReportOptions {
  var options: ReportOptions
  var format: OutputFormat?
  var output: String?

  static let help = """
    Common options:
      --as-of DAY        the day the state is for (default today)
      --format FORMAT    text, markdown, html, csv or json (default text, or from the --output extension)
      --output FILE      write to FILE instead of standard output
      --agency ID        only actions this agency owns
      --review ID        only this review
    """

  init(_ args: inout Arguments, today: CalendarDay) throws {
    options = ReportOptions(asOf: try args.day("--as-of") ?? today)
    options.agency = try args.value("--agency")
    options.review = try args.value("--review")
    if let text = try args.value("--format") {
      guard let format = OutputFormat(rawValue: text) else {
        let hint =
          nearest(text, in: OutputFormat.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
        throw UsageError(
          message: "--format: \"\(text)\" is not a format\(hint); expected text, markdown, html, csv or json")
      }
      self.format = format
    }
    output = try args.value("--output")
  }

  /// The format: as given, else from the output file's extension, else text.
  func resolvedFormat() throws -> OutputFormat {
    if let format { return format }
    guard let output else { return .text }
    let fileExtension = URL(fileURLWithPath: output).pathExtension
    guard let format = OutputFormat(fileExtension: fileExtension) else {
      throw UsageError(message: "--output: cannot tell the format from \"\(output)\"; give --format")
    }
    return format
  }

  /// Checks that the filters name things that exist.
  func check(against tracker: Tracker) throws {
    if let agency = options.agency, tracker.agency(agency) == nil {
      let hint = nearest(agency, in: tracker.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--agency: no agency \"\(agency)\"\(hint)")
    }
    if let review = options.review, tracker.reviewIndex(review) == nil {
      let hint = nearest(review, in: tracker.reviews.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--review: no review \"\(review)\"\(hint)")
    }
  }

  /// Writes the rendered report to the output file or standard output.
  func emit(_ report: some Report, _ context: Context) throws {
    let format = try resolvedFormat()
    let text = report.rendered(as: format)
    if let output {
      try AtomicFile.write(Array(text.utf8), to: output, mode: 0o600)
      context.console.note("wrote \(output)")
    } else if format == .text {
      context.console.out(text)
    } else {
      context.console.document(format == .json ? Escape.terminalJSON(text) : text)
    }
  }
}

extension LearningTrackerCommand {
  static var reportCommands: [Command] {
    [
      reportProgress, reportOverdue, reportDigest, reportTimeliness, reportDissemination, reportSection11,
      reportAll,
    ]
  }

  static let reportProgress = Command(
    words: ["report", "progress"], summary: "the board's progress summary",
    help: """
      Usage: learning-tracker report progress [--since DAY] [common options]

      Headline counts and the BRAG split; progress by review and by agency (% closed, overdue,
      slipped, completed on time); recommendations by response; with --since, what changed since that
      day (closed, newly overdue, newly slipped, newly agreed); every red action. HTML adds charts.

      Options:
        --since DAY          show what changed since this day (the board's last meeting)
        --fail-on-overdue    exit 1 when any action is overdue

      \(CommonReportOptions.help)
      """
  ) { args, context in
    var common = try CommonReportOptions(&args, today: context.today)
    common.options.since = try args.day("--since")
    let failOnOverdue = args.flag("--fail-on-overdue")
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    let report = ProgressReport.build(tracker, common.options)
    try common.emit(report, context)
    return failOnOverdue && report.headline.overdue > 0 ? ExitCode.findings : ExitCode.ok
  }

  static let reportOverdue = Command(
    words: ["report", "overdue"], summary: "overdue, due-soon and stale actions; chase lists",
    help: """
      Usage: learning-tracker report overdue [--by-agency DIR] [common options]

      Overdue actions, most days overdue first (ties by reference), with owner, lead, original and
      current due day, slips, days overdue and the last update; then the due-soon and stale lists.

      Options:
        --by-agency DIR      also write one chase list per agency that owns an open action, as
                             DIR/AGENCY.EXT (EXT from --format, default csv), readable by the owner only
        --fail-on-overdue    exit 1 when any action is overdue

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    let byAgency = try args.value("--by-agency")
    let failOnOverdue = args.flag("--fail-on-overdue")
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    let report = OverdueReport.build(tracker, common.options)
    if let byAgency {
      let format = common.format ?? .csv
      let files = try OverdueReport.agenciesToChase(tracker, common.options).map {
        try OutputFileName(
          folder: byAgency, parts: [$0], fileExtension: format.fileExtension, record: "agency \($0)")
      }
      try OutputFileName.checkDistinct(files)
      try OutputFolder.create(byAgency)
      for file in files {
        var options = common.options
        options.agency = file.parts[0]
        let chase = OverdueReport.build(tracker, options)
        try AtomicFile.write(Array(chase.rendered(as: format).utf8), to: file.path, mode: 0o600)
      }
      context.console.note("wrote chase lists to \(byAgency)")
      if common.output == nil && common.format == nil {
        return failOnOverdue && !report.overdue.isEmpty ? ExitCode.findings : ExitCode.ok
      }
    }
    try common.emit(report, context)
    return failOnOverdue && !report.overdue.isEmpty ? ExitCode.findings : ExitCode.ok
  }

  static let reportDigest = Command(
    words: ["report", "digest"], summary: "the annual learning digest for a reporting year",
    help: """
      Usage: learning-tracker report digest [--year YYYY] [common options]

      For the reporting year that starts on the partnership's reportingYearStart of YYYY (2025 means
      1 April 2025 to 31 March 2026 by default; default: the year that contains the as-of day):
      reviews notified, decided and published; themes, new or recurrent; key findings and good
      practice; recommendations and responses; action progress during the year and at its end;
      dissemination delivered; Section 11 returns and the learning they evidence.

      Options:
        --year YYYY   the reporting year

      \(CommonReportOptions.help)
      """
  ) { args, context in
    try runYearReport(&args, context) { tracker, options in DigestReport.build(tracker, options) }
  }

  static let reportTimeliness = Command(
    words: ["report", "timeliness"], summary: "statutory timescales met or missed, in working days",
    help: """
      Usage: learning-tracker report timeliness [--year YYYY] [common options]

      For each review, each statutory clock that applies: its start, deadline, the actual day, the
      working days taken, and met, missed or pending (with working days left, or how far past).
      Clocks: notification within 5 working days of awareness; Rapid Review within 15 working days of
      notification; LCSPR published within 6 months of the decision; final report to the Panel at least
      7 working days before publication; a referral discussed within 1 month and decided within 2.
      Working days exclude weekends and England and Wales bank holidays (and the store's bankHolidays).

      Options:
        --year YYYY   only clocks that started in this reporting year

      \(CommonReportOptions.help)
      """
  ) { args, context in
    try runYearReport(&args, context) { tracker, options in TimelinessReport.build(tracker, options) }
  }

  static let reportDissemination = Command(
    words: ["report", "dissemination"], summary: "how learning reached practitioners",
    help: """
      Usage: learning-tracker report dissemination [--year YYYY] [common options]

      Activities by method and status, reach by agency, each review's dissemination (planned,
      delivered, days from publication to the first delivered activity), and the published reviews
      with none. An activity counts as delivered once its day is on or before the as-of day.

      Options:
        --year YYYY   only activities dated in this reporting year

      \(CommonReportOptions.help)
      """
  ) { args, context in
    try runYearReport(&args, context) { tracker, options in DisseminationReport.build(tracker, options) }
  }

  static let reportSection11 = Command(
    words: ["report", "section11"], summary: "Section 11 returns, ratings and evidence of learning",
    help: """
      Usage: learning-tracker report section11 [--cycle CYCLE] [common options]

      For one cycle (default the latest): returns on time, late or missing per agency; self and
      moderated ratings by agency and standard, with the optimism gap (self rated above moderated)
      counted per agency and per standard; and, for every review reported on in the 24 months before
      the cycle's due day, whether each agency its recommendations address evidences its learning,
      with the gaps listed for chasing.

      Options:
        --cycle CYCLE   such as 2025-26

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    let cycle = try args.value("--cycle")
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    if let cycle, !tracker.section11.contains(where: { $0.cycle == cycle }) {
      let hint = nearest(cycle, in: Section11Report.cycles(tracker)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--cycle: no returns for \"\(cycle)\"\(hint)")
    }
    try common.emit(Section11Report.build(tracker, common.options, cycle: cycle), context)
    return ExitCode.ok
  }

  /// Runs a report that takes the common options and `--year`.
  static func runYearReport(
    _ args: inout Arguments, _ context: Context, _ build: (Tracker, ReportOptions) -> some Report
  ) throws -> Int32 {
    var common = try CommonReportOptions(&args, today: context.today)
    common.options.year = try args.integer("--year")
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    try common.emit(build(tracker, common.options), context)
    return ExitCode.ok
  }

  static let reportAll = Command(
    words: ["report", "all"], summary: "write the full set of reports into a folder",
    help: """
      Usage: learning-tracker report all --output-dir DIR [--as-of DAY] [--since DAY] [--year YYYY]

      Writes the progress summary, the overdue list, the annual digest, the statutory timescales,
      dissemination, the latest Section 11 cycle, learning that comes back, and a 7-minute briefing and
      the published action plan of the most recently published review, as Markdown and HTML (and the overdue list as CSV) into DIR: the pack for a board or QA subgroup meeting. The sample reports
      in Reports/ are made by this command from Seeds/.

      Options:
        --output-dir DIR   the folder to write into (created if needed)
        --as-of DAY        the day the state is for (default today)
        --since DAY        for progress: changes since this day (default 8 weeks before the as-of day)
        --year YYYY        for the digest (default the last complete reporting year)
      """
  ) { args, context in
    guard let folder = try args.value("--output-dir") else {
      throw UsageError(message: "report all needs --output-dir DIR")
    }
    let asOf = try args.day("--as-of") ?? context.today
    let since = try args.day("--since") ?? asOf.adding(days: -56)
    let yearOption = try args.integer("--year")
    try args.finish()
    let tracker = try context.load().tracker
    let year = yearOption ?? tracker.partnership.reportingYear(containing: asOf) - 1
    let progress = ProgressReport.build(tracker, ReportOptions(asOf: asOf, since: since))
    let overdue = OverdueReport.build(tracker, ReportOptions(asOf: asOf))
    let digest = DigestReport.build(tracker, ReportOptions(asOf: asOf, year: year))
    let timeliness = TimelinessReport.build(tracker, ReportOptions(asOf: asOf))
    let dissemination = DisseminationReport.build(tracker, ReportOptions(asOf: asOf))
    let section11 = Section11Report.build(tracker, ReportOptions(asOf: asOf), cycle: nil)
    let repeats = RepeatsReport.build(tracker, ReportOptions(asOf: asOf))
    // The briefing and the plan are for publication: the most recently published review, if its text is clear.
    let published = tracker.reviews.filter {
      ($0.dates.published.map { $0 <= asOf } ?? false) && !$0.recommendations.isEmpty
    }
    .max { ($0.dates.published ?? asOf, $0.id) < ($1.dates.published ?? asOf, $1.id) }
    // Every name is made and checked before anything is written.
    func file(_ parts: [String], _ format: OutputFormat, _ record: String) throws(OutputFileNameError)
      -> OutputFileName
    {
      try OutputFileName(folder: folder, parts: parts, fileExtension: format.fileExtension, record: record)
    }
    var publication: [(OutputFileName, any Report, OutputFormat)] = []
    if let review = published?.id, tracker.personalData(review: review).isEmpty,
      let briefing = BriefingReport.build(tracker, ReportOptions(asOf: asOf), review: review),
      let plan = PlanReport.build(tracker, ReportOptions(asOf: asOf), review: review)
    {
      let record = "the briefing and plan of review \(review)"
      publication = [
        (try file(["briefing", review], .markdown, record), briefing, .markdown),
        (try file(["briefing", review], .html, record), briefing, .html),
        (try file(["plan", review], .markdown, record), plan, .markdown),
        (try file(["plan", review], .html, record), plan, .html),
      ]
    }
    var files: [(OutputFileName, any Report, OutputFormat)] = []
    let reports: [(String, any Report, [OutputFormat])] = [
      ("progress", progress, [.markdown, .html]), ("overdue", overdue, [.markdown, .html, .csv]),
      ("digest-\(year)", digest, [.markdown, .html]), ("timeliness", timeliness, [.markdown, .html]),
      ("dissemination", dissemination, [.markdown, .html]), ("section11", section11, [.markdown, .html]),
      ("repeats", repeats, [.markdown, .html]),
    ]
    for (name, report, formats) in reports {
      for format in formats { files.append((try file([name], format, "the \(name) report"), report, format)) }
    }
    files += publication
    try OutputFileName.checkDistinct(files.map(\.0))
    try OutputFolder.create(folder)
    for (name, report, format) in files {
      try AtomicFile.write(Array(report.rendered(as: format).utf8), to: name.path, mode: 0o600)
    }
    context.console.note(
      "wrote \(files.count) reports to \(folder) (as at \(asOf), changes since \(since), digest \(year))")
    return ExitCode.ok
  }
}
