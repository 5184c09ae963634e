import Foundation
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The options of `import plan`.
  enum ImportPlanOptions {
    static let review: TypedOption<String?> = .text(
      "--review", "ID", help: "the review the plan belongs to; required unless --suggest-rules")
    static let by: TypedOption<String?> = .text(
      "--by", "WHO", help: "who the plan and its updates are from; required unless --suggest-rules")
    static let dryRun: TypedOption<Bool> = .flag(
      "--dry-run", help: "show what would change, row by row, and change nothing")
    static let rules: TypedOption<String?> = .text(
      "--rules", "FILE", help: "a rules file for a layout of the partnership's own")
    static let suggestRules: TypedOption<Bool> = .flag(
      "--suggest-rules", help: "print a rules file for the spreadsheet, change nothing")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", help: "the day of updates whose row gives no note day (default today)")
  }

  static let importPlan = Command(
    words: ["import", "plan"], summary: "bring a review's action plan in from a spreadsheet",
    discussion: """
      Reads a review's action plan saved as CSV or Unicode text (Excel or LibreOffice; comma, \
      semicolon or tab separated), one row per action, with the columns "Recommendation", \
      "Action reference", "Action", "Owning agencies", "Lead", "Planned evidence or measure", \
      "Agreed", "Due", "Original due", "Status", "Reported rating", "Latest note", "Note day", \
      "Due revisions", "Evidence received", "Response", "Response note", "Addressed to", \
      "Responded" and "Recommendation number" (matched ignoring case and spaces; "Recommendation", "Owning agencies" and "Due" \
      are needed), the layout 'report plan --format csv' writes. Another layout is read through a \
      rules file (--rules; start from --suggest-rules); a header neither read nor mapped nor \
      ignored is refused by name. A recommendation is given by its reference (R1), which must \
      exist, or by its text: new text adds a recommendation. A row with one cell of text is a \
      heading; an empty recommendation cell continues the one above, and empty recommendation and \
      action cells the action above (a further owner or note). Owning agencies are IDs, \
      names or aliases separated by "/", ",", ";", "&" or " and ". Days are read day first \
      (31/12/2026, 31-Dec-26, 31 December 2026, 2026-12-31). Every row is checked before \
      anything changes; every problem is listed with its row, its column by header, the action \
      and the value, and then nothing changes (exit 65). Otherwise the file is applied as one \
      change: new recommendations and actions are added; for an action that exists, a changed \
      status, note or reported rating is a dated update and a changed Due a revision, dated by \
      the row's note day (else --date, else today); changed text, owner, lead, measure or agreed \
      day a correction, as 'action edit' makes it; an empty cell leaves a field as it is. \
      Importing the same file again changes nothing.
      """,
    positionals: [Positional("FILE.csv", help: "the plan saved as CSV")],
    options: [
      ImportPlanOptions.review, ImportPlanOptions.by, ImportPlanOptions.dryRun, ImportPlanOptions.rules,
      ImportPlanOptions.suggestRules, ImportPlanOptions.date,
    ] + spreadsheetLimitOptions
  ) { args, context in
    let file = try args.positional(0)
    let text = try spreadsheetText(file, args: args, context: context)
    let rules = try rulesFile(args)
    if args[ImportPlanOptions.suggestRules] {
      context.console.out(PlanRulesSuggestion.suggest(text, tracker: try context.load().tracker))
      return ExitCode.ok
    }
    let reviewID = try args.required(ImportPlanOptions.review)
    let by = try args.required(ImportPlanOptions.by)
    let dryRun = args[ImportPlanOptions.dryRun]
    let date = try args[ImportPlanOptions.date] ?? context.today
    func planned(_ tracker: Tracker) throws -> PlanImportChanges {
      _ = try reviewPosition(reviewID, in: tracker, option: "--review")
      let (changes, problems) = PlanImport.plan(
        text, tracker: tracker, review: reviewID, date: date, by: by, rules: rules)
      if !problems.isEmpty { throw importRefusal(problems, file: file) }
      return changes
    }
    if dryRun {
      let changes = try planned(try context.load().tracker)
      context.console.out(
        changes.rows.map { "row \($0.row): \($0.kinds.joined(separator: ", ")) \(shortened($0.subject, 70))" }
          .joined(separator: "\n") + (changes.rows.isEmpty ? "" : "\n"))
      context.console.out(describe(changes, review: reviewID))
      context.console.note("dry run: \(counts(changes)) would be made; nothing was changed")
      return ExitCode.ok
    }
    var applied = PlanImportChanges()
    try context.apply(by: by) { tracker in
      let changes = try planned(tracker)
      applied = changes
      return changes.changeSet(review: reviewID)
    }
    if !applied.isEmpty { context.console.out(describe(applied, review: reviewID)) }
    context.console.note("imported \(file) into \(reviewID): \(counts(applied))")
    return ExitCode.ok
  }

  /// The rules file `--rules` names, read; refused with every problem and its line.
  static func rulesFile(
    _ args: ParsedArguments, option: TypedOption<String?> = ImportPlanOptions.rules
  ) throws -> SpreadsheetRules {
    guard let path = try args[option] else { return SpreadsheetRules() }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw CommandError.missingInput("\(path): no such rules file, or it cannot be read as UTF-8 text")
    }
    let (rules, problems) = SpreadsheetRules.parse(text)
    if !problems.isEmpty {
      throw CommandError.badData(
        "\(LearningModel.plural(problems.count, "problem")) in the rules file \(path); nothing was changed\n"
          + problems.map { "\(path): \($0)" }.joined(separator: "\n"))
    }
    return rules
  }

  /// "1 recommendation added, 7 actions added, 0 corrections, 2 updates".
  static func counts(_ changes: PlanImportChanges) -> String {
    "\(LearningModel.plural(changes.recommendations.count, "recommendation")) added, \(LearningModel.plural(changes.actions.count, "action")) added, "
      + "\(LearningModel.plural(changes.edits.count + changes.recommendationEdits.count, "correction")), \(LearningModel.plural(changes.updates.count, "update"))"
  }

  /// One line per change, in the order they are applied.
  static func describe(_ changes: PlanImportChanges, review: String) -> String {
    if changes.isEmpty { return "No changes.\n" }
    func updateText(_ update: ActionUpdate) -> String {
      var parts: [String] = []
      if let status = update.status { parts.append("status \(status.title.lowercased())") }
      if let note = update.note { parts.append("note \"\(shortened(note, 60))\"") }
      if let rating = update.reported { parts.append("reported rating \(rating.title)") }
      if let due = update.due { parts.append("due revised to \(due)") }
      if let evidence = update.evidence {
        parts.append("evidence: \(shortened(evidence.joined(separator: "; "), 60))")
      }
      return "\(update.date): " + parts.joined(separator: ", ")
    }
    var lines: [String] = []
    for added in changes.recommendations {
      lines.append(
        "add recommendation \(review)/\(added.recommendation.id): \(shortened(added.recommendation.text, 70))"
      )
    }
    for edit in changes.recommendationEdits {
      let recommendation = edit.recommendation
      lines.append(
        "correct recommendation \(review)/\(recommendation.id): response \(recommendation.response.title)"
          + (recommendation.responded.map { ", responded \($0)" } ?? ""))
    }
    for added in changes.actions {
      var line =
        "add action \(added.reference) to \(added.recommendation): \(shortened(added.action.description, 50))"
        + ", owner \(added.action.owner), due \(added.action.due)"
      if let update = added.action.updates.first { line += "; update " + updateText(update) }
      lines.append(line)
    }
    for edit in changes.edits {
      lines.append("correct action \(edit.reference): " + edit.fields.joined(separator: ", "))
    }
    for planned in changes.updates {
      lines.append("update action \(planned.reference) " + updateText(planned.update))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
