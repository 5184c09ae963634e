import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var trainerCommands: [Command] {
    [reportThemes, reportBriefing, reportPlan, reportRepeats, reportImpact, checkSmart, checkPrivacy]
  }

  /// Refuses (exit 1) when the text a published report draws on holds personal data.
  static func refusePersonalData(_ tracker: Tracker, review: String, allowed: Bool, context: Context) throws {
    let findings = tracker.personalData(review: review)
    guard !findings.isEmpty, !allowed else { return }
    let lines = findings.map { "  \($0.path): \($0.kind.title) (\($0.excerpt))" }
    throw CommandFailure(
      message: "review \(review) holds personal data that must not be published; nothing was written\n"
        + lines.joined(separator: "\n")
        + "\nRemove it, or give --allow-personal-data for an internal draft.",
      code: ExitCode.findings)
  }

  static func requireReview(_ common: CommonReportOptions, _ tracker: Tracker) throws -> String {
    guard let review = common.options.review else { throw UsageError(message: "give --review ID") }
    guard tracker.reviewIndex(review) != nil else {
      let hint = nearest(review, in: tracker.reviews.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--review: no review \"\(review)\"\(hint)")
    }
    return review
  }

  static let reportThemes = Command(
    words: ["report", "themes"], summary: "theme packs for trainers",
    help: """
      Usage: learning-tracker report themes [--theme ID] [--year YYYY] [common options]

      Per theme: the reviews that carry it, their findings and good practice, the recommendations
      with the state of their actions, the dissemination that covered it, and how often it recurred
      year by year.

      \(CommonReportOptions.help)
      """
  ) { args, context in
    var common = try CommonReportOptions(&args, today: context.today)
    common.options.year = try args.integer("--year")
    let theme = try args.value("--theme")
    try args.finish()
    let tracker = try context.load().tracker
    if let theme, !tracker.themes.contains(where: { $0.id == theme }) {
      let hint = nearest(theme, in: tracker.themes.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--theme: no theme \"\(theme)\"\(hint)")
    }
    try common.emit(ThemesReport.build(tracker, common.options, theme: theme), context)
    return ExitCode.ok
  }

  static let reportBriefing = Command(
    words: ["report", "briefing"], summary: "a 7-minute briefing draft for one review",
    help: """
      Usage: learning-tracker report briefing --review ID [--allow-personal-data] [common options]

      A draft in seven sections: background; why it matters; what the review found; what must change;
      good practice; questions for reflection; what to do next and where to learn more. Best as
      --format markdown or html. Refuses (exit 1) when the review's text holds personal data (see
      'check privacy') unless --allow-personal-data is given.

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    let allow = args.flag("--allow-personal-data")
    let tracker = try context.load().tracker
    let review = try requireReview(common, tracker)
    try args.finish()
    try refusePersonalData(tracker, review: review, allowed: allow, context: context)
    guard let report = BriefingReport.build(tracker, common.options, review: review) else {
      return ExitCode.usage
    }
    try common.emit(report, context)
    return ExitCode.ok
  }

  static let reportPlan = Command(
    words: ["report", "plan"], summary: "one review's SMART action plan, for publication",
    help: """
      Usage: learning-tracker report plan --review ID [--allow-personal-data] [common options]

      Each recommendation with its response (and the reason where not accepted), each action with
      its owning agency, measure of success, due day, BRAG and completion day as of the day. No notes,
      no evidence titles, no names of individuals. Refuses (exit 1) when the review's text holds
      personal data unless --allow-personal-data is given.

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    let allow = args.flag("--allow-personal-data")
    let tracker = try context.load().tracker
    let review = try requireReview(common, tracker)
    try args.finish()
    try refusePersonalData(tracker, review: review, allowed: allow, context: context)
    guard let report = PlanReport.build(tracker, common.options, review: review) else {
      return ExitCode.usage
    }
    try common.emit(report, context)
    return ExitCode.ok
  }

  static let reportRepeats = Command(
    words: ["report", "repeats"],
    summary: "learning that comes back: families of recommendations made again",
    help: """
      Usage: learning-tracker report repeats [--threshold 0.5] [--matches 3] [--theme ID] [--year YYYY]
                                             [--since DAY] [common options]

      Each recommendation with its closest earlier recommendations from other reviews (IDF-weighted
      Jaccard: words weigh more the rarer they are), the words they share and the state of the
      earlier one's actions; the families this makes, those spanning more than one reporting year
      first; and the themes found in more than one reporting year. See docs/repeats.md.

      Options:
        --threshold X   the least similarity counted as a repeat, above 0 and at most 1 (default 0.5)
        --matches N     closest earlier recommendations kept for each, 1 to 20 (default 3)
        --theme ID      only recommendations with this theme (and their families)
        --year YYYY     only recommendations of reviews in this reporting year
        --since DAY     only recommendations of reviews dated on or after DAY

      \(CommonReportOptions.help)
      """
  ) { args, context in
    var common = try CommonReportOptions(&args, today: context.today)
    let thresholdText = try args.value("--threshold")
    let matches = try args.integer("--matches") ?? RepeatsReport.defaultMatches
    let theme = try args.value("--theme")
    common.options.year = try args.integer("--year")
    common.options.since = try args.day("--since")
    try args.finish()
    var threshold = RepeatsReport.defaultThreshold
    if let thresholdText {
      guard let value = Double(thresholdText), value > 0, value <= 1 else {
        throw UsageError(message: "--threshold: \"\(thresholdText)\" is not a number above 0 and at most 1")
      }
      threshold = value
    }
    guard (1...20).contains(matches) else {
      throw UsageError(message: "--matches: \(matches) is not a whole number from 1 to 20")
    }
    if common.options.agency != nil {
      throw UsageError(
        message:
          "--agency: report repeats compares recommendations across reviews; narrow it with --review, --theme, --year or --since"
      )
    }
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    if let theme, !tracker.themes.contains(where: { $0.id == theme }) {
      let hint = nearest(theme, in: tracker.themes.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "--theme: no theme \"\(theme)\"\(hint)")
    }
    let report = RepeatsReport.build(
      tracker, common.options, threshold: threshold, matches: matches, theme: theme)
    try common.emit(report, context)
    return ExitCode.ok
  }

  static let reportImpact = Command(
    words: ["report", "impact"], summary: "actions closed without evidence of impact",
    help: """
      Usage: learning-tracker report impact [common options]

      Completed or assured actions with no evidence in their log, and assured actions with no evidence
      recorded at or after the assurance; counted per agency and per review.

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    try common.emit(ImpactReport.build(tracker, common.options), context)
    return ExitCode.ok
  }

  static let checkSmart = Command(
    words: ["check", "smart"], summary: "rate every action against SMART, with reasons",
    help: """
      Usage: learning-tracker check smart [--review ID] [--agency ID] [--format FORMAT] [--output FILE]

      Specific: a description of substance, not only a vague phrase ("raise awareness", "consider").
      Measurable: a measure of success naming a number, a target or an audit. Achievable: the owner is
      an agency the recommendation addresses, and a lead is named. Time-bound: due no more than two
      years after agreed. A summary per review and per agency, then the actions to strengthen.
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    try common.emit(SmartReport.build(tracker, common.options), context)
    return ExitCode.ok
  }

  static let checkPrivacy = Command(
    words: ["check", "privacy"], summary: "find personal data in free text before anything is published",
    help: """
      Usage: learning-tracker check privacy [--review ID] [--format FORMAT] [--output FILE]

      Scans every free-text field for NHS numbers (ten digits passing the modulus 11 check), UK
      postcodes, email addresses, UK phone numbers, dates of birth written as such, and the names in
      the store's partnership.privacy.names. Exit 1 when anything is found.
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    let report = PrivacyReport.build(tracker, review: common.options.review)
    try common.emit(report, context)
    return report.findings.isEmpty ? ExitCode.ok : ExitCode.findings
  }
}
