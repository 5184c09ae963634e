import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var returnsCommands: [Command] { [exportReturns, importReturns] }

  /// The options of `export returns`.
  enum ExportReturnsOptions {
    static let agency: TypedOption<String?> = .text(
      "--agency", "ID", help: "the agency whose open actions to write")
    static let output: TypedOption<String?> = .text(
      "--output", "FILE.csv", help: "the file to write, with --agency")
    static let all: TypedOption<String?> = .text(
      "--all", "DIR", help: "one file per agency that owns an open action, into DIR")
  }

  static let exportReturns = Command(
    words: ["export", "returns"], summary: "write an agency's open actions as a spreadsheet to fill in",
    discussion: """
      Writes the agency's open actions, owned alone or jointly (reference, review, recommendation, \
      action, lead, current due, status, last update), then its actions completed and awaiting \
      assurance, asking for evidence of impact, with six empty columns for the agency to fill in: new \
      status, progress note, evidence, impact evidence, proposed new due day and the reason for it. \
      The first line tells the agency what to do. CSV for Excel and LibreOffice (UTF-8 with a \
      byte-order mark). With --all, one file per agency that owns such an action (a joint action is \
      in each owner's file), as DIR/AGENCY.csv. Files are readable by the owner only. Give --agency \
      ID with --output FILE.csv, or --all DIR.
      """,
    options: [ExportReturnsOptions.agency, ExportReturnsOptions.output, ExportReturnsOptions.all, .asOf],
    exclusive: [
      [ExportReturnsOptions.agency, ExportReturnsOptions.all],
      [ExportReturnsOptions.output, ExportReturnsOptions.all],
    ]
  ) { args, context in
    let agency = try args[ExportReturnsOptions.agency]
    let output = try args[ExportReturnsOptions.output]
    let all = try args[ExportReturnsOptions.all]
    let asOf = try args[.asOf] ?? context.today
    guard (agency != nil && output != nil && all == nil) || (all != nil && agency == nil && output == nil)
    else {
      throw CommandError.usage("give --agency ID with --output FILE.csv, or --all DIR")
    }
    let tracker = try context.load().tracker
    var files: [(agency: String, path: String)] = []
    if let agency, let output {
      guard tracker.agency(agency) != nil else {
        let hint = nearest(agency, in: tracker.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("--agency: no agency \"\(agency)\"\(hint)")
      }
      files = [(agency, output)]
    } else if let all {
      let names = try AgencyReturnSheet.agencies(tracker, asOf: asOf).map {
        try OutputFileName(folder: all, parts: [$0], fileExtension: "csv", record: "agency \($0)")
      }
      try OutputFileName.checkDistinct(names)
      for name in names { try OutputTarget.check(name.path, store: context.dataPath) }
      try OutputFolder.create(all)
      files = names.map { ($0.parts[0], $0.path) }
    }
    for file in files { try OutputTarget.check(file.path, store: context.dataPath) }
    for file in files {
      let sheet = AgencyReturnSheet.build(tracker, agency: file.agency, asOf: asOf)
      try OutputTarget.write(Array(sheet.asCSV.utf8), to: file.path, store: context.dataPath)
      let asked = AgencyReturnColumn.allCases.firstIndex(of: .askedFor) ?? 0
      let impact = sheet.table.rows.filter {
        asked < $0.count && $0[asked].text == AgencyReturnSheet.askImpact
      }
      .count
      let open = LearningModel.plural(sheet.table.rows.count - impact, "open action")
      context.console.note(
        "wrote \(file.path) (\(open) and \(impact) awaiting evidence of "
          + "impact for \(file.agency))")
    }
    return ExitCode.ok
  }

  /// The options of `import returns`.
  enum ImportReturnsOptions {
    static let by: TypedOption<String?> = .text(
      "--by", "NAME",
      help: "who the updates are from (the agency's safeguarding lead); required unless --suggest-rules")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", help: "the day of the updates (default today)")
    static let dryRun: TypedOption<Bool> = .flag("--dry-run", help: "show what would change, change nothing")
    static let rules: TypedOption<String?> = .text(
      "--rules", "FILE", help: "a rules file for a return in a layout of the agency's own")
    static let suggestRules: TypedOption<Bool> = .flag(
      "--suggest-rules", help: "print a rules file for the spreadsheet, change nothing")
  }

  static let importReturns = Command(
    words: ["import", "returns"], summary: "take an agency's filled-in spreadsheet back",
    discussion: """
      Reads a return as the agency saved it as CSV (Excel or LibreOffice; with or without a \
      byte-order mark, CRLF or LF, comma or semicolon separated); a workbook (.xlsx, .xls, .ods) is \
      refused: save it as CSV first. Days are read as 2026-12-31 or day first as UK spreadsheets \
      save them (31/12/2026; 1/2/2026 is 1 February), never month first. Every row is checked \
      before anything changes: missing columns, unknown actions, actions the agency does not own, \
      unknown statuses, a proposed due day that is not a day, in the past, or without a reason, and \
      closed actions being reopened. The agency is given by its ID, name or an alias; status words \
      are read as returns write them ("Complete", "On track", "Amber - in progress"). Another \
      layout is read through a rules file (--rules; start from --suggest-rules), as for 'import \
      plan'; a header neither read nor mapped nor ignored is refused by name. Every problem is listed with its spreadsheet row (a cell \
      holding a line break does not add a row), its column by header, the action and the value, \
      and then nothing changes (exit 65). Otherwise every row is applied as a dated update by NAME. \
      Importing the same file again changes nothing.
      """,
    positionals: [Positional("FILE.csv", help: "the returned spreadsheet")],
    options: [
      ImportReturnsOptions.by, ImportReturnsOptions.date, ImportReturnsOptions.dryRun,
      ImportReturnsOptions.rules, ImportReturnsOptions.suggestRules,
    ] + spreadsheetLimitOptions
  ) { args, context in
    let file = try args.positional(0)
    let text = try spreadsheetText(file, args: args, context: context)
    let rules = try rulesFile(args, option: ImportReturnsOptions.rules)
    if args[ImportReturnsOptions.suggestRules] {
      context.console.out(ReturnRulesSuggestion.suggest(text, tracker: try context.load().tracker))
      return ExitCode.ok
    }
    let by = try args.required(ImportReturnsOptions.by)
    let date = try args[ImportReturnsOptions.date] ?? context.today
    let dryRun = args[ImportReturnsOptions.dryRun]
    func report(_ problems: [ImportProblem]) -> CommandError { importRefusal(problems, file: file) }
    func describe(_ planned: PlannedUpdate) -> String {
      var parts: [String] = []
      if let status = planned.update.status { parts.append("status \(status.title.lowercased())") }
      if let due = planned.update.due { parts.append("due \(due)") }
      if let note = planned.update.note { parts.append("note \"\(shortened(note, 60))\"") }
      if let evidence = planned.update.evidence {
        parts.append("evidence: \(evidence.joined(separator: "; "))")
      }
      if let impact = planned.update.impactEvidence {
        parts.append("impact evidence: \(impact.joined(separator: "; "))")
      }
      return "\(planned.reference): " + parts.joined(separator: ", ")
    }
    if dryRun {
      let tracker = try context.load().tracker
      let (updates, problems) = AgencyReturnImport.plan(
        text, tracker: tracker, date: date, by: by, rules: rules)
      if !problems.isEmpty { throw report(problems) }
      context.console.out(
        updates.isEmpty ? "No changes.\n" : updates.map(describe).joined(separator: "\n") + "\n")
      context.console.note(
        "dry run: \(LearningModel.plural(updates.count, "update")) would be made; nothing was changed")
      return ExitCode.ok
    }
    var applied: [PlannedUpdate] = []
    try context.apply(by: by) { tracker in
      let (updates, problems) = AgencyReturnImport.plan(
        text, tracker: tracker, date: date, by: by, rules: rules)
      if !problems.isEmpty { throw report(problems) }
      applied = updates
      return ChangeSet(updates.map { .addActionUpdate($0.reference, $0.update) })
    }
    if !applied.isEmpty { context.console.out(applied.map(describe).joined(separator: "\n") + "\n") }
    context.console.note("imported \(file): \(LearningModel.plural(applied.count, "update"))")
    return ExitCode.ok
  }

  /// A spreadsheet saved as CSV or Unicode text, as text, through the one spreadsheet reader:
  /// refused when it cannot be read, is a workbook, is over the limits or is not text. A note says
  /// which lines were not UTF-8. Used by every import.
  static func spreadsheetText(_ file: String, args: ParsedArguments, context: Context) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandError.missingInput(SpreadsheetError.unreadable(file: file).description)
    }
    let limits = try spreadsheetLimits(args)
    do throws(SpreadsheetError) {
      let read = try Spreadsheet.read(file: file, bytes: Array(data), limits: limits)
      if let note = read.note { context.console.note("\(file): \(note)") }
      return read.text
    } catch {
      throw CommandError.badData(error.description)
    }
  }

  /// The options that raise a spreadsheet's limits.
  static let maxRowsOption: TypedOption<Int?> = .number(
    "--max-rows", range: 1...10_000_000, help: "read a file of up to N rows (default 100000)")
  static let maxMegabytesOption: TypedOption<Int?> = .number(
    "--max-megabytes", range: 1...4096, help: "read a file of up to N MiB (default 64)")
  static let spreadsheetLimitOptions: [any OptionDeclaration] = [maxRowsOption, maxMegabytesOption]

  /// The limits the options give.
  static func spreadsheetLimits(_ args: ParsedArguments) throws -> SpreadsheetLimits {
    var limits = SpreadsheetLimits()
    if let rows = try args[maxRowsOption] { limits.rows = rows }
    if let megabytes = try args[maxMegabytesOption] { limits.bytes = megabytes << 20 }
    return limits
  }

  /// The problems of a file as one refusal: at most 50 listed, then how many more.
  static func importRefusal(_ problems: [ImportProblem], file: String) -> CommandError {
    let lines = Spreadsheet.shown(
      problems.map { DiagnosticText.terminal($0, file: file) }, limits: SpreadsheetLimits())
    return CommandError.badData(
      "\(LearningModel.plural(problems.count, "problem")) in \(file); nothing was changed\n"
        + lines.joined(separator: "\n"))
  }
}
