import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// `report NAME` for every kind in the registry, then `report all`.
  static var reportCommands: [Command] {
    ReportRegistry.all.map(reportCommand) + [reportAll]
  }

  /// The option a report filter is given by, with what it means for this report.
  static func filterOption(_ filter: ReportFilter, help: String, required: Bool) -> Option {
    switch filter {
    case .year: .number("--year", "YYYY", range: 1900...9999, required: required, help: help)
    case .review, .agency, .theme: .text(filter.option, filter.placeholder, required: required, help: help)
    }
  }

  /// The option a report parameter is given by.
  static func parameterOption(_ parameter: ReportParameter) -> Option {
    switch parameter {
    case .since: .day(parameter.option, help: parameter.help)
    case .cycle, .byAgency, .meeting, .author, .marking:
      .text(parameter.option, parameter.placeholder ?? "TEXT", help: parameter.help)
    case .threshold:
      Option(parameter.option, .decimal(placeholder: "NUMBER", above: 0, atMost: 1), help: parameter.help)
    case .matches: .number(parameter.option, "N", range: 1...20, help: parameter.help)
    case .failOnOverdue, .allowPersonalData, .includeUnpublished, .detail:
      .flag(parameter.option, help: parameter.help)
    }
  }

  /// The `report NAME` command of a report kind: its options come from the registry, and the
  /// filters it cannot honour are refused by name.
  static func reportCommand(_ kind: ReportKind) -> Command {
    let filters = kind.filters.map {
      filterOption($0.filter, help: $0.help, required: kind.requiredFilters.contains($0.filter))
    }
    var refused: [String: String] = [:]
    for filter in kind.refusedFilters {
      refused[filter.option] = ReportRequestError.refusedFilter(report: kind.name, filter: filter).message
    }
    return Command(
      words: ["report", kind.name], summary: kind.summary, discussion: kind.discussion,
      options: filters + kind.parameters.map(parameterOption) + [.asOf, .reportFormat, .output],
      refused: refused
    ) { args, context in
      var options = ReportOptions(asOf: try args.day("--as-of") ?? context.today)
      for (filter, _) in kind.filters {
        switch filter {
        case .review: options.review = try args.value("--review")
        case .agency: options.agency = try args.value("--agency")
        case .theme: options.theme = try args.value("--theme")
        case .year: options.year = try args.integer("--year")
        }
      }
      for parameter in kind.parameters {
        switch parameter {
        case .since: options.since = try args.day(parameter.option)
        case .cycle: options.cycle = try args.value(parameter.option)
        case .threshold: options.threshold = try args.decimal(parameter.option)
        case .matches: options.matches = try args.integer(parameter.option)
        case .includeUnpublished: options.includeUnpublished = args.flag(parameter.option)
        case .detail: options.detail = args.flag(parameter.option)
        case .meeting: options.meeting = try args.value(parameter.option)
        case .author: options.author = try args.value(parameter.option)
        case .marking: options.marking = try args.value(parameter.option)
        case .failOnOverdue, .byAgency, .allowPersonalData: break
        }
      }
      let output = try ReportOutput(args)
      let byAgency = kind.parameters.contains(.byAgency) ? try args.value("--by-agency") : nil
      let allowPersonalData =
        kind.parameters.contains(.allowPersonalData) && args.flag("--allow-personal-data")
      let failOnOverdue = kind.parameters.contains(.failOnOverdue) && args.flag("--fail-on-overdue")
      try kind.checkRequest(options)
      // Every argument is checked; now the store is read, once. The store is let go once the
      // report is built, so that rendering a large report never sits beside the whole store.
      let built = try { () throws -> (report: any Report, done: Bool) in
        let tracker = try context.load().tracker
        if kind.isForPublication, let review = options.review, tracker.reviewIndex(review) != nil {
          if !allowPersonalData { try refusePersonalData(tracker, review: review) }
          try refuseUnpublished(
            tracker, review: review, asOf: options.asOf, allowed: options.includeUnpublished)
        }
        let report = try kind.build(tracker, options)
        guard let byAgency else { return (report, false) }
        try writeChaseLists(kind, tracker, options, into: byAgency, format: output.format ?? .csv, context)
        return (report, output.file == nil && output.format == nil)
      }()
      let report = built.report
      StoreMemory.returnFreedMemory()
      if built.done {
        return failOnOverdue && (kind.overdueCount?(report) ?? 0) > 0 ? ExitCode.findings : ExitCode.ok
      }
      try output.emit(report, context)
      return failOnOverdue && (kind.overdueCount?(report) ?? 0) > 0 ? ExitCode.findings : ExitCode.ok
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
    let findings = tracker.personalData(review: review)
    guard !findings.isEmpty else { return }
    let lines = findings.map { "  \($0.path): \($0.kind.title) (\($0.excerpt))" }
    throw CommandError.findings(
      "review \(review) holds personal data that must not be published; nothing was written\n"
        + lines.joined(separator: "\n")
        + "\nRemove it, or give --allow-personal-data for an internal draft.")
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

  static let reportAll = Command(
    words: ["report", "all"], summary: "write the full set of reports into a folder",
    discussion: """
      Writes the meeting pack for a board or QA subgroup meeting into DIR, from one reading of the \
      store: \(ReportRegistry.all.filter { $0.pack != nil }.map(\.name).joined(separator: ", ")) \
      (the briefing and the plan for the most recently published review whose text is clear of \
      personal data), each as \
      Markdown and HTML, and the overdue list as CSV too. The sample reports in Reports/ are made by \
      this command from Seeds/.
      """,
    options: [
      .text("--output-dir", "DIR", required: true, help: "the folder to write into (created if needed)"),
      .asOf,
      .day("--since", help: "for progress: changes since this day (default 8 weeks before the as-of day)"),
      .number(
        "--year", "YYYY", range: 1900...9999,
        help: "for the digest (default the last complete reporting year)"),
    ]
  ) { args, context in
    let folder = try args.required("--output-dir")
    let asOf = try args.day("--as-of") ?? context.today
    let since = try args.day("--since") ?? asOf.adding(days: -56)
    let yearOption = try args.integer("--year")
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
    // One report at a time: built, written in each of its formats, then let go.
    var written = 0
    for (entry, names) in zip(entries.filter { $0.skipped == nil }, files) {
      let report = try entry.build(tracker)
      for (format, name) in zip(entry.formats, names) {
        try write(report, as: format, to: name.path, store: context.dataPath)
        written += 1
        // What a rendering freed goes back to the system, so the next one does not come on top.
        StoreMemory.returnFreedMemory()
      }
    }
    context.console.note(
      "wrote \(written) reports to \(folder) (as at \(asOf), changes since \(since), digest \(year))")
    for entry in entries {
      if let reason = entry.skipped { context.console.note("skipped \(entry.kind.name): \(reason)") }
    }
    return ExitCode.ok
  }

  /// Writes a report to a file in one format, whole or not at all, without copying its text; never
  /// to a file the store owns (`OutputTarget`).
  static func write(_ report: any Report, as format: OutputFormat, to path: String, store: String) throws {
    if format == .json {
      try OutputTarget.write(report.jsonBytes, to: path, store: store)
    } else {
      try OutputTarget.write(text: report.rendered(as: format), to: path, store: store)
    }
  }
}
