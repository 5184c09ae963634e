import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The options that set a review's days, declared once for `review add` and `review update`,
  /// each with the day it sets; `review update --clear` unsets a day by the same name.
  nonisolated(unsafe) static let clearableReviewDays:
    [(name: String, option: TypedOption<CalendarDay?>, path: WritableKeyPath<ReviewDates, CalendarDay?>)] = [
      ("incident", .day("--incident", help: "the day of the incident"), \.incident),
      ("aware", .day("--aware", help: "the day the local authority became aware"), \.aware),
      ("notified", .day("--notified", help: "the day the National Panel was notified"), \.notified),
      (
        "referred",
        .day("--referred", help: "the day a partner's referral arrived, when there was no notification"),
        \.referred
      ),
      ("discussed", .day("--discussed", help: "the day the referral was discussed"), \.discussed),
      (
        "rapid-review",
        .day("--rapid-review", help: "the day the Rapid Review was sent to the National Panel"),
        \.rapidReview
      ),
      ("decision", .day("--decision", help: "the day of the decision to start the review"), \.decision),
      (
        "sent-to-panel",
        .day("--sent-to-panel", help: "the day the final report went to the Panel, Ofsted and the DfE"),
        \.sentToPanel
      ),
      ("published", .day("--published", help: "the day the report was published"), \.published),
    ]

  /// The options that set a review's days, in the order help lists them.
  static let reviewDayOptions: [any OptionDeclaration] = clearableReviewDays.map(\.option)

  /// The days given on the line, by `reviewDayOptions`.
  static func reviewDays(_ args: ParsedArguments) throws -> ReviewDates {
    var dates = ReviewDates()
    for (_, option, path) in clearableReviewDays { dates[keyPath: path] = try args[option] }
    return dates
  }

  /// The options of `review update`.
  enum ReviewUpdateOptions {
    static let title: TypedOption<String?> = .text("--title", "TITLE", help: "the published pseudonym")
    static let kind: TypedOption<ReviewKind?> = .word(
      "--kind", ReviewKind.self, placeholder: "KIND", help: "the kind of review")
    static let follows: TypedOption<String?> = .text(
      "--follows", "ID", help: "the review this one grew out of")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD",
      help:
        "unset a day (incident, aware, notified, referred, discussed, rapid-review, decision, sent-to-panel, published) or follows, summary, delay-reason, commissioned-by"
    )
    static let addTheme: TypedOption<[String]> = .text("--add-theme", "ID", help: "add a theme")
    static let removeTheme: TypedOption<[String]> = .text("--remove-theme", "ID", help: "remove a theme")
    static let addCategory: TypedOption<[String]> = .text(
      "--add-category", "ID", help: "add a category of abuse")
    static let removeCategory: TypedOption<[String]> = .text(
      "--remove-category", "ID", help: "remove a category of abuse")
    static let summary: TypedOption<String?> = .text(
      "--summary", "TEXT", help: "a short anonymised summary of the case")
    static let notificationType: TypedOption<NotificationType?> = .word(
      "--notification-type", NotificationType.self, help: "what the National Panel was notified of")
    static let rapidReviewOutcome: TypedOption<RapidReviewOutcome?> = .word(
      "--rapid-review-outcome", RapidReviewOutcome.self, help: "what the Rapid Review decided")
    static let delayReason: TypedOption<String?> = .text(
      "--delay-reason", "TEXT", help: "why publication is later than the six-month clock")
    static let commissionedBy: TypedOption<String?> = .text(
      "--commissioned-by", "BODY", help: "the body that commissioned the review")
    static let embargo: TypedOption<String?> = .text(
      "--embargo", "REASON", help: "withhold its learning from today, for this reason")
    static let liftEmbargo: TypedOption<Bool> = .flag("--lift-embargo", help: "lift the embargo from today")
  }

  static let reviewUpdate = Command(
    words: ["review", "update"], summary: "correct or complete a review",
    discussion: """
      Corrects or completes a review in place: its title, kind, the review it follows, its days \
      (a Rapid Review added on the day it met later gets its decision, Panel and publication days), \
      its themes and categories, the notification type and the Rapid Review's outcome, the reason \
      publication was late, the body that commissioned it, and an embargo on its learning. \
      --clear DAY unsets a day (or follows, summary, delay-reason, commissioned-by). Its findings \
      and recommendations are changed with their own commands.
      """,
    positionals: [Positional("ID", help: "the review, such as RR-2026-01")],
    options: [ReviewUpdateOptions.title, ReviewUpdateOptions.kind, ReviewUpdateOptions.follows]
      + reviewDayOptions
      + [
        ReviewUpdateOptions.clear, ReviewUpdateOptions.addTheme, ReviewUpdateOptions.removeTheme,
        ReviewUpdateOptions.addCategory, ReviewUpdateOptions.removeCategory, ReviewUpdateOptions.summary,
        ReviewUpdateOptions.notificationType, ReviewUpdateOptions.rapidReviewOutcome,
        ReviewUpdateOptions.delayReason, ReviewUpdateOptions.commissionedBy, ReviewUpdateOptions.embargo,
        ReviewUpdateOptions.liftEmbargo, .by,
      ],
    exclusive: [[ReviewUpdateOptions.embargo, ReviewUpdateOptions.liftEmbargo]]
  ) { args, context in
    let id = try args.positional(0)
    let clears = try args[ReviewUpdateOptions.clear]
    let clearable =
      clearableReviewDays.map(\.name) + ["follows", "summary", "delay-reason", "commissioned-by"]
    try checkClears(clears, among: clearable)
    var days: [(WritableKeyPath<ReviewDates, CalendarDay?>, CalendarDay)] = []
    for (name, option, path) in clearableReviewDays {
      if let day = try args[option] {
        if clears.contains(name) {
          throw CommandError.usage("--\(name) and --clear \(name) go against each other")
        }
        days.append((path, day))
      }
    }
    let title = try args[ReviewUpdateOptions.title]
    if let title, title.trimmingSpaces.isEmpty { throw CommandError.usage("--title \"\" is empty") }
    let kind = try args[ReviewUpdateOptions.kind]
    let follows = try args[ReviewUpdateOptions.follows]
    let summary = try args[ReviewUpdateOptions.summary]
    let addThemes = try args[ReviewUpdateOptions.addTheme]
    let removeThemes = try args[ReviewUpdateOptions.removeTheme]
    let addCategories = try args[ReviewUpdateOptions.addCategory]
    let removeCategories = try args[ReviewUpdateOptions.removeCategory]
    let notificationType = try args[ReviewUpdateOptions.notificationType]
    let outcome = try args[ReviewUpdateOptions.rapidReviewOutcome]
    let delayReason = try args[ReviewUpdateOptions.delayReason]
    let commissionedBy = try args[ReviewUpdateOptions.commissionedBy]
    let embargo = try args[ReviewUpdateOptions.embargo]
    if let embargo, embargo.trimmingSpaces.isEmpty {
      throw CommandError.usage("--embargo needs the reason, such as criminal proceedings")
    }
    let liftEmbargo = args[ReviewUpdateOptions.liftEmbargo]
    let by = try args[.by]
    let anything =
      !clears.isEmpty || !days.isEmpty || title != nil || kind != nil || follows != nil || summary != nil
      || !addThemes.isEmpty || !removeThemes.isEmpty || !addCategories.isEmpty || !removeCategories.isEmpty
      || notificationType != nil || outcome != nil || delayReason != nil || commissionedBy != nil
      || embargo != nil || liftEmbargo
    if !anything { throw CommandError.usage("give at least one thing to change; see 'review update --help'") }
    try context.apply(by: context.who(by)) { before in
      let index = try reviewPosition(id, in: before)
      try checkCatalogue(addThemes, in: before.themes, option: "--add-theme", what: "theme")
      try checkCatalogue(addCategories, in: before.categories, option: "--add-category", what: "category")
      if let follows, before.reviewIndex(follows) == nil {
        let hint = nearest(follows, in: before.reviews.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("--follows: no review \"\(follows)\"\(hint)")
      }
      let review = before.reviews[index]
      var changes: [ReviewChange] = []
      for name in clears {
        if let path = clearableReviewDays.first(where: { $0.name == name })?.path,
          let day = ReviewDay(path: path)
        {
          changes.append(.day(day, nil))
        }
        if name == "follows" { changes.append(.follows(nil)) }
        if name == "summary" { changes.append(.summary(nil)) }
        if name == "delay-reason" { changes.append(.delayReason(nil)) }
        if name == "commissioned-by" { changes.append(.commissionedBy(nil)) }
      }
      for (path, day) in days {
        if let field = ReviewDay(path: path) { changes.append(.day(field, day)) }
      }
      if let title { changes.append(.title(title)) }
      if let kind { changes.append(.kind(kind)) }
      if let follows { changes.append(.follows(follows)) }
      if let summary { changes.append(.summary(summary)) }
      changes += try tagChanges(
        option: "--remove-theme", held: review.themes, add: addThemes, remove: removeThemes,
        adding: ReviewChange.addTheme, removing: ReviewChange.removeTheme,
        absent: { "review \(id) does not carry theme \"\($0)\"" })
      changes += try tagChanges(
        option: "--remove-category", held: review.categories, add: addCategories, remove: removeCategories,
        adding: ReviewChange.addCategory, removing: ReviewChange.removeCategory,
        absent: { "review \(id) is not tagged \"\($0)\"" })
      if let notificationType { changes.append(.notificationType(notificationType)) }
      if let outcome { changes.append(.rapidReviewOutcome(outcome)) }
      if let delayReason { changes.append(.delayReason(delayReason)) }
      if let commissionedBy { changes.append(.commissionedBy(commissionedBy)) }
      if let embargo { changes.append(.placeUnderEmbargo(reason: embargo, on: context.today)) }
      if liftEmbargo { changes.append(.liftEmbargo(on: context.today)) }
      return ChangeSet([.updateReview(id, changes)])
    }
    context.console.note("updated review \(id)")
    return ExitCode.ok
  }

  /// Refuses a `--clear FIELD` naming a field that cannot be cleared, with "did you mean" and the
  /// fields that can.
  static func checkClears(_ clears: [String], among clearable: [String]) throws {
    for field in clears where !clearable.contains(field) {
      let hint = nearest(field, in: clearable).map { " (did you mean \($0)?)" } ?? ""
      throw CommandError.usage(
        "--clear: \"\(field)\" is not a field that can be cleared\(hint); one of: "
          + clearable.joined(separator: ", "))
    }
  }
}
