import LearningModel
import LearningReports

extension LearningTrackerCommand {
  static let reportAssurance = Command(
    words: ["report", "assurance"], summary: "the QA subgroup's assurance queue",
    help: """
      Usage: learning-tracker report assurance [common options]

      Every action completed and not yet assured as of the day, longest waiting first (ties by
      reference): its measure of success, baseline, target and re-measure day, its evidence (output or
      impact) and result, and what the impact rules say is missing. The paper the QA subgroup signs off
      from; --format csv gives a sheet with empty Decision and Comments columns for the chair.

      \(CommonReportOptions.help)
      """
  ) { args, context in
    let common = try CommonReportOptions(&args, today: context.today)
    try args.finish()
    let tracker = try context.load().tracker
    try common.check(against: tracker)
    try common.emit(AssuranceReport.build(tracker, common.options), context)
    return ExitCode.ok
  }

  static let reportAnnual = Command(
    words: ["report", "annual"], summary: "the yearly report's chapter on learning from case reviews",
    help: """
      Usage: learning-tracker report annual [--year YYYY] [common options]

      For the reporting year that starts in YYYY (default: the last complete reporting year), beside the
      previous year: notifications (deaths and serious harm), Rapid Reviews and their outcomes with the
      conversion to LCSPRs, LCSPRs commissioned, published and late (with reasons), themes new and
      recurrent, improvements achieved (assured actions and their result), where little or no progress
      was made (overdue or repeatedly slipped actions, and why), dissemination by attendance and by
      circulation, and Section 11 with the optimism gap. The figures are the digest's for the year.

      Options:
        --year YYYY   the reporting year

      \(CommonReportOptions.help)
      """
  ) { args, context in
    try runYearReport(&args, context) { tracker, options in AnnualReport.build(tracker, options) }
  }
}
