import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var checkCommands: [Command] { [checkSmart, checkPrivacy] }

  /// The options of `check smart`.
  enum CheckSmartOptions {
    static let review: TypedOption<String?> = .text("--review", "ID", help: "only this review's actions")
    static let agency: TypedOption<String?> = .text(
      "--agency", "ID", help: "only actions this agency owns, alone or jointly")
  }

  static let checkSmart = Command(
    words: ["check", "smart"], summary: "rate every action against SMART, with reasons",
    discussion: """
      Specific: a description of substance, not only a vague phrase ("raise awareness", "consider"). \
      Measurable: a measure of success naming a number, a target or an audit. Achievable: the owner is \
      an agency the recommendation addresses, and a lead is named. Time-bound: a due day is set (an open \
      action due TBC fails), no more than two years after agreed. A summary per review and per agency \
      (joint actions counted for each owner), then the actions to strengthen.
      """,
    options: [CheckSmartOptions.review, CheckSmartOptions.agency, .asOf, .reportFormat, .output]
  ) { args, context in
    var options = ReportOptions(asOf: try args[.asOf] ?? context.today)
    options.review = try args[CheckSmartOptions.review]
    options.agency = try args[CheckSmartOptions.agency]
    let output = try ReportOutput(args)
    let tracker = try context.load().tracker
    try ReportKind.checkValues(options, in: tracker)
    try output.emit(SmartReport.build(tracker, options), context)
    return ExitCode.ok
  }

  /// The options of `check privacy`.
  enum CheckPrivacyOptions {
    static let review: TypedOption<String?> = .text("--review", "ID", help: "only this review's text")
  }

  static let checkPrivacy = Command(
    words: ["check", "privacy"], summary: "find personal data in free text before anything is published",
    discussion: """
      Scans every free-text field for NHS numbers (ten digits passing the modulus 11 check), UK \
      postcodes, email addresses, UK phone numbers, dates of birth written as such, and the names in \
      the store's partnership.privacy.names. The change history is scanned too (what is found \
      there is listed on the error stream; remove it with 'learning-tracker redact'). Exit 1 when \
      anything is found.
      """,
    options: [CheckPrivacyOptions.review, .reportFormat, .output]
  ) { args, context in
    let review = try args[CheckPrivacyOptions.review]
    let output = try ReportOutput(args)
    let tracker = try context.load().tracker
    try ReportKind.checkValues(ReportOptions(asOf: context.today, review: review), in: tracker)
    let report = PrivacyReport.build(tracker, review: review)
    try output.emit(report, context)
    let scanner = PersonalDataScanner(names: tracker.partnership.privacy?.names ?? [])
    let inHistory = History.personalData(
      try History.read(store: context.dataPath), scanner: scanner,
      file: History.path(forStore: context.dataPath),
      hint: "remove it with 'learning-tracker redact TEXT --by WHO'")
    for found in inHistory { context.console.warning(DiagnosticText.terminal(found)) }
    if !report.findings.isEmpty || !inHistory.isEmpty { throw CommandError.findings("") }
    return ExitCode.ok
  }
}
