import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// `report NAME` for every kind in the registry, then `report all`.
  static var reportCommands: [Command] {
    ReportRegistry.all.map(reportCommand) + [reportAll, reportSite]
  }

  /// The `report NAME` command of a report kind: its options come from the registry, and the
  /// filters it cannot honour are refused by name.
  static func reportCommand(_ kind: ReportKind) -> Command {
    let bindings =
      kind.filters.map {
        $0.filter.binding(help: $0.help, required: kind.requiredFilters.contains($0.filter))
      } + kind.parameters.map(\.binding)
    var refused: [String: String] = [:]
    for filter in kind.refusedFilters {
      refused[filter.option] = ReportRequestError.refusedFilter(report: kind.name, filter: filter).message
    }
    return Command(
      words: ["report", kind.name], summary: kind.summary, discussion: kind.discussion,
      options: bindings.map(\.declaration) + [.asOf, .reportFormat, .output],
      refused: refused
    ) { args, context in
      var options = ReportOptions(asOf: try args[.asOf] ?? context.today)
      for binding in bindings { try binding.place(args, &options) }
      let output = try ReportOutput(args)
      let byAgency = kind.parameters.contains(.byAgency) ? try args[ReportParameterOptions.byAgency] : nil
      let allowPersonalData =
        kind.parameters.contains(.allowPersonalData) && args[ReportParameterOptions.allowPersonalData]
      let failOnOverdue =
        kind.parameters.contains(.failOnOverdue) && args[ReportParameterOptions.failOnOverdue]
      try kind.checkRequest(options)
      // Every argument is checked; now the store is read, once. The store is let go once the
      // report is built (freed on another core), so rendering a large report does not sit beside it.
      let built = try { () throws -> (report: any Report, done: Bool) in
        let tracker = try context.load().tracker
        if kind.isForPublication, let review = options.review, tracker.reviewIndex(review) != nil {
          if !allowPersonalData { try refusePersonalData(tracker, review: review) }
          try refuseUnpublished(
            tracker, review: review, asOf: options.asOf, allowed: options.includeUnpublished)
        }
        let report = try kind.build(tracker, options)
        if let byAgency {
          try writeChaseLists(kind, tracker, options, into: byAgency, format: output.format ?? .csv, context)
        }
        // The store is freed on another core while the report is written, and what it held is
        // handed back to the system, so a large rendering does not come on top of it.
        Cores.letGo(consume tracker, then: StoreMemory.returnFreedMemory)
        return (report, byAgency != nil && output.file == nil && output.format == nil)
      }()
      let report = built.report
      if built.done {
        if failOnOverdue && (kind.overdueCount?(report) ?? 0) > 0 { throw CommandError.findings("") }
        return ExitCode.ok
      }
      try output.emit(report, context)
      if failOnOverdue && (kind.overdueCount?(report) ?? 0) > 0 { throw CommandError.findings("") }
      return ExitCode.ok
    }
  }

  /// One report per agency that owns an open action, as DIR/AGENCY.EXT.
  static func writeChaseLists(
    _ kind: ReportKind, _ tracker: Tracker, _ options: ReportOptions, into folder: String,
    format: OutputFormat,
    _ context: Context
  ) throws {
    // Every name is made and checked before anything is written.
    let files = try OverdueReport.agenciesToChase(TrackerAsOf(tracker, asOf: options.asOf), options).map {
      try OutputFileName(
        folder: folder, parts: [$0], fileExtension: format.fileExtension, record: "agency \($0)")
    }
    try OutputFileName.checkDistinct(files)
    for file in files { try OutputTarget.check(file.path, store: context.dataPath) }
    try OutputFolder.create(folder)
    for file in files {
      var chaseOptions = options
      chaseOptions.agency = file.parts[0]
      let chase = try kind.build(tracker, chaseOptions)
      try OutputTarget.write(Array(chase.rendered(as: format).utf8), to: file.path, store: context.dataPath)
    }
    context.console.note("wrote chase lists to \(folder)")
  }

  /// Refuses (exit 1) when the text a published report draws on holds personal data.
  static func refusePersonalData(_ tracker: Tracker, review: String) throws {
    try refusePublishing(
      tracker.personalData(review: review),
      "review \(review) holds personal data that must not be published; nothing was written",
      remedy: "Remove it, or give --allow-personal-data for an internal draft.")
  }

  /// Refuses (exit 1) to publish when personal data was found: `heading`, then each finding in
  /// the one diagnostic layout, then `remedy`. Every publication refusal is written by it.
  static func refusePublishing(_ findings: [Diagnostic], _ heading: String, remedy: String) throws {
    guard !findings.isEmpty else { return }
    throw CommandError.findings(
      ([heading] + findings.map { "  " + DiagnosticText.terminal($0) } + [remedy]).joined(separator: "\n"))
  }

  /// Refuses (exit 1) a review whose learning cannot yet be shared on the as-of day (in progress or
  /// under embargo), unless an internal draft is asked for.
  static func refuseUnpublished(_ tracker: Tracker, review: String, asOf: CalendarDay, allowed: Bool) throws {
    guard let existing = tracker.asOf(asOf).reviews.first(where: { $0.id == review }) else {
      throw CommandError.usage("--review: review \(review) had not begun on \(asOf)")
    }
    guard let reason = existing.withheld(on: asOf), !allowed else { return }
    throw CommandError.findings(
      "review \(review) is \(reason) on \(asOf); its findings and recommendations must not be shared, "
        + "so nothing was written.\nGive --include-unpublished for an internal draft.")
  }

  /// The options of `report all`.
  enum ReportAllOptions {
    static let outputDir: TypedOption<String> = .text(
      "--output-dir", "DIR", help: "the folder to write into (created if needed)")
    static let since: TypedOption<CalendarDay?> = .day(
      "--since", help: "for progress: changes since this day (default 8 weeks before the as-of day)")
    static let year: TypedOption<Int?> = .number(
      "--year", "YYYY", range: 1900...9999,
      help: "for the digest (default the last complete reporting year)")
  }

  static let reportAll = Command(
    words: ["report", "all"], summary: "write the full set of reports into a folder",
    discussion: """
      Writes the meeting pack for a board or QA subgroup meeting into DIR, from one reading of the \
      store: \(ReportRegistry.all.filter { $0.pack != nil }.map(\.name).joined(separator: ", ")) \
      (the briefing and the plan for the most recently published review whose text is clear of \
      personal data), each as \
      Markdown and HTML, and the overdue list as CSV too. The sample reports in Reports/ are made by \
      this command from Seeds/. With --site, the intranet site of 'report site' goes into DIR/site too.
      """,
    options: [
      ReportAllOptions.outputDir, .asOf, ReportAllOptions.since, ReportAllOptions.year,
      ReportSiteOptions.site,
    ]
  ) { args, context in
    let folder = try args[ReportAllOptions.outputDir]
    let asOf = try args[.asOf] ?? context.today
    let since = try args[ReportAllOptions.since] ?? asOf.adding(days: -56)
    let yearOption = try args[ReportAllOptions.year]
    let tracker = try context.load().tracker
    let year = yearOption ?? tracker.partnership.reportingYear(containing: asOf) - 1
    let entries = ReportRegistry.packEntries(tracker, asOf: asOf, since: since, year: year)
    // Every name is made from data and checked before anything is written.
    let files = try entries.filter { $0.skipped == nil }.map { entry in
      try entry.formats.map { format in
        try OutputFileName(
          folder: folder, parts: entry.parts, fileExtension: format.fileExtension, record: entry.record)
      }
    }
    try OutputFileName.checkDistinct(files.flatMap { $0 })
    for file in files.flatMap({ $0 }) { try OutputTarget.check(file.path, store: context.dataPath) }
    try OutputFolder.create(folder)
    // Each report is built, written in each of its formats and let go, on every core: the next
    // report is built while the formats of the one before are written. What the reports share
    // (the store cut at the day, the findings compared) is made once, for all of them.
    let basis = ReportBasis(tracker)
    let store = context.dataPath
    let built = entries.filter { $0.skipped == nil }
    let targets = zip(built, files).map { entry, names in Array(zip(entry.formats, names.map(\.path))) }
    try Cores.pipeline(
      built.count, uses: { targets[$0].count },
      make: { index in try built[index].build(basis) },
      use: { report, index, format in
        try write(report, as: targets[index][format].0, to: targets[index][format].1, store: store)
      },
      // What the renderings freed goes back to the system, so the next report does not come on top.
      finished: { _ in StoreMemory.returnFreedMemory() })
    let written = targets.map(\.count).reduce(0, +)
    context.console.note(
      "wrote \(written) reports to \(folder) (as at \(asOf), changes since \(since), digest \(year))")
    for entry in entries {
      if let reason = entry.skipped { context.console.note("skipped \(entry.kind.name): \(reason)") }
    }
    if args[ReportSiteOptions.site] {
      try writeSite(
        tracker, into: OutputFolder.inside(folder, "site"), asOf: asOf, since: since, year: year,
        isPublic: false,
        context)
    }
    return ExitCode.ok
  }

  /// Writes a report to a file in one format, whole or not at all, without copying its text; never
  /// to a file the store owns (`OutputTarget`).
  static func write(_ report: any Report, as format: OutputFormat, to path: String, store: String) throws {
    if format == .json {
      // Written as it is made: a report of hundreds of thousands of lines never sits whole in memory.
      try OutputTarget.write(to: path, store: store) { write in try report.writeJSON(write) }
    } else {
      // A report can always be made again from the store: replaced whole, not forced to disk.
      try OutputTarget.write(text: report.rendered(as: format), to: path, store: store, flushing: false)
    }
  }
}
