import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var actionCommands: [Command] {
    [actionAdd, actionUpdate, actionEscalate, actionShow, actionList]
  }

  /// The action argument every action command takes.
  static let actionArgument = Positional("REVIEW/ACTION", help: "the action, such as LCSPR-2025-02/1.1")

  static func actionReference(_ args: ParsedArguments) throws -> ActionReference {
    let text = try args.positional(0)
    guard let reference = ActionReference(text) else {
      throw CommandError.usage(
        "\"\(text)\" is not an action reference (expected REVIEW/ACTION, such as LCSPR-2025-02/1.1)")
    }
    return reference
  }

  static func locate(_ reference: ActionReference, in tracker: Tracker) throws -> (Int, Int, Int) {
    guard let found = tracker.actionIndex(reference) else {
      let all = tracker.placedActions.map { $0.reference.description }
      let hint = nearest(reference.description, in: all).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("no action \(reference)\(hint)")
    }
    return found
  }

  /// The options of `action add`.
  enum ActionAddOptions {
    static let recommendation: TypedOption<String> = .text(
      "--recommendation", "REC", help: "the recommendation it answers (R1)")
    static let description: TypedOption<String> = .text(
      "--description", "TEXT", help: "Specific: what will be done")
    static let owner: TypedOption<String> = .text(
      "--owner", "AGENCY", help: "Achievable: the owning agency's ID (accountable)")
    static let jointOwner: TypedOption<[String]> = .text(
      "--joint-owner", "AGENCY",
      help: "another agency that owns the action with the owner")
    static let due: TypedOption<PlannedDue?> = .plannedDue(
      "--due", required: true,
      help: "Time-bound: the due day (YYYY-MM-DD), a month (YYYY-MM: its last day) or tbc (not yet set)")
    static let evidencePlanned: TypedOption<String?> = .text(
      "--evidence-planned", "TEXT", help: "the evidence that will show the action is done")
    static let measure: TypedOption<String?> = .text(
      "--measure", "TEXT", help: "Measurable: how the change in practice will be assessed")
    static let baseline: TypedOption<String?> = .text(
      "--baseline", "TEXT", help: "where practice stands now, against the measure")
    static let target: TypedOption<String?> = .text("--target", "TEXT", help: "where practice should get to")
    static let remeasure: TypedOption<CalendarDay?> = .day(
      "--remeasure", help: "the day by which the measure should be taken again")
    static let lead: TypedOption<String?> = .text(
      "--lead", "ROLE", help: "the role that leads it (a role, not a person's name)")
    static let agreed: TypedOption<CalendarDay?> = .day(
      "--agreed", help: "the day it was agreed (default today)")
  }

  static let actionAdd = Command(
    words: ["action", "add"], summary: "add a SMART action to a recommendation",
    discussion: """
      Adds an action (such as LCSPR-2025-02/1.1) to a recommendation of the review. Action IDs are \
      unique within a review.
      """,
    positionals: [actionArgument],
    options: [
      ActionAddOptions.recommendation, ActionAddOptions.description, ActionAddOptions.owner,
      ActionAddOptions.jointOwner, ActionAddOptions.due, ActionAddOptions.evidencePlanned,
      ActionAddOptions.measure, ActionAddOptions.baseline, ActionAddOptions.target,
      ActionAddOptions.remeasure, ActionAddOptions.lead, ActionAddOptions.agreed, .by,
    ]
  ) { args, context in
    let recommendationID = try args[ActionAddOptions.recommendation]
    let description = try args[ActionAddOptions.description]
    let owner = try args[ActionAddOptions.owner]
    let jointOwners = try args[ActionAddOptions.jointOwner]
    guard let due = try args[ActionAddOptions.due] else {
      throw CommandError.usage("action add needs --due DUE")
    }
    let evidencePlanned = try args[ActionAddOptions.evidencePlanned]
    let measure = try args[ActionAddOptions.measure]
    let baseline = try args[ActionAddOptions.baseline]
    let target = try args[ActionAddOptions.target]
    let remeasure = try args[ActionAddOptions.remeasure]
    let lead = try args[ActionAddOptions.lead]
    let agreed = try args[ActionAddOptions.agreed] ?? context.today
    let by = try args[.by]
    let reference = try actionReference(args)
    try checkIdentifier(reference.action, of: "action", given: reference.description)
    // The owner and joint owners exist, a joint owner is not the owner and is listed once, and no
    // action has this reference: DomainRules', applied by the change path.
    let tracker = try context.apply(by: context.who(by)) { tracker in
      guard let r = tracker.reviewIndex(reference.review) else {
        throw CommandError.usage("no review \"\(reference.review)\"")
      }
      guard tracker.reviews[r].recommendations.contains(where: { $0.id == recommendationID }) else {
        let ids = tracker.reviews[r].recommendations.map(\.id)
        let hint = nearest(recommendationID, in: ids).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage(
          "--recommendation: review \(reference.review) has no recommendation \"\(recommendationID)\"\(hint)")
      }
      var action = Action(
        id: reference.action, description: description, owner: owner,
        jointOwners: jointOwners.isEmpty ? nil : jointOwners, lead: lead, measureOfSuccess: measure,
        agreed: agreed, due: due, evidencePlanned: evidencePlanned)
      action.baseline = baseline
      action.target = target
      action.remeasure = remeasure
      return ChangeSet([.add(.action(review: reference.review, recommendation: recommendationID, action))])
    }
    warnAbout(reference, in: tracker, context)
    context.console.note("added action \(reference)")
    return ExitCode.ok
  }

  /// The options of `action update`.
  enum ActionUpdateOptions {
    static let status: TypedOption<ActionStatus?> = .word(
      "--status", ActionStatus.self, help: "the new status")
    static let note: TypedOption<String?> = .text(
      "--note", "TEXT", help: "progress note (required with --status withdrawn)")
    static let due: TypedOption<PlannedDue?> = .plannedDue(
      "--due", help: "a revised due day (YYYY-MM-DD, YYYY-MM or tbc); needs --reason")
    static let reason: TypedOption<String?> = .text("--reason", "TEXT", help: "why the due day is revised")
    static let evidence: TypedOption<[String]> = .text(
      "--evidence", "TEXT", help: "a title of evidence of output: what was delivered")
    static let impactEvidence: TypedOption<[String]> = .text(
      "--impact-evidence", "TEXT",
      help: "a title of evidence that practice changed: an audit, survey, case sample or data")
    static let result: TypedOption<String?> = .text(
      "--result", "TEXT", help: "what the re-measure found, against the baseline and target")
    static let assureWithoutImpact: TypedOption<String?> = .text(
      "--assure-without-impact", "REASON",
      help: "with --status assured: why the QA subgroup assures it without impact evidence or a result")
    static let reported: TypedOption<BRAG?> = .word(
      "--reported", BRAG.self, help: "the owning agency's own rating of its progress")
    static let date: TypedOption<CalendarDay?> = .day("--date", help: "the day of the update (default today)")
  }

  static let actionUpdate = Command(
    words: ["action", "update"], summary: "log progress on an action",
    discussion: """
      Appends a dated update to the action's log. Give at least one of --status, --note, --due, \
      --evidence, --impact-evidence, --result or --reported. --due takes a day, a month (its last day) \
      or tbc; setting a first due day for an action due TBC is not a slip. --reported records the \
      owning agency's own rating beside the derived one. --status assured is refused unless the log (with \
      this update) has impact evidence or a result, or --assure-without-impact gives the reason for \
      the exception.
      """,
    positionals: [actionArgument],
    options: [
      ActionUpdateOptions.status, ActionUpdateOptions.note, ActionUpdateOptions.due,
      ActionUpdateOptions.reason, ActionUpdateOptions.evidence, ActionUpdateOptions.impactEvidence,
      ActionUpdateOptions.result, ActionUpdateOptions.assureWithoutImpact, ActionUpdateOptions.reported, .by,
      ActionUpdateOptions.date,
    ]
  ) { args, context in
    let status = try args[ActionUpdateOptions.status]
    var note = try args[ActionUpdateOptions.note]
    let due = try args[ActionUpdateOptions.due]
    let reason = try args[ActionUpdateOptions.reason]
    let reported = try args[ActionUpdateOptions.reported]
    let evidence = try args[ActionUpdateOptions.evidence]
    let impactEvidence = try args[ActionUpdateOptions.impactEvidence]
    let result = try args[ActionUpdateOptions.result]
    let exception = try args[ActionUpdateOptions.assureWithoutImpact]
    let by = try args[.by]
    let date = try args[ActionUpdateOptions.date] ?? context.today
    let reference = try actionReference(args)
    if status == nil && note == nil && due == nil && evidence.isEmpty && impactEvidence.isEmpty
      && result == nil && reported == nil
    {
      throw CommandError.usage(
        "give at least one of --status, --note, --due, --evidence, --impact-evidence, --result or --reported")
    }
    if let exception {
      if status != .assured {
        throw CommandError.usage("--assure-without-impact goes with --status assured")
      }
      if exception.trimmingSpaces.isEmpty {
        throw CommandError.usage("--assure-without-impact needs the reason for assuring without impact")
      }
    }
    if due != nil && (reason ?? "").trimmingSpaces.isEmpty {
      throw CommandError.usage("--due needs --reason saying why the due day is revised")
    }
    if due == nil && reason != nil { throw CommandError.usage("--reason goes with --due") }
    if let reason {
      note = (note.map { $0 + " " } ?? "") + "Due revised: " + reason
    }
    let who = context.who(by)
    let tracker = try context.apply(by: who) { tracker in
      _ = try locate(reference, in: tracker)
      var update = ActionUpdate(
        date: date, status: status, due: due, note: note, evidence: evidence.isEmpty ? nil : evidence, by: who
      )
      update.impactEvidence = impactEvidence.isEmpty ? nil : impactEvidence
      update.result = result
      update.assuredWithoutImpact = exception
      update.reported = reported
      // The transition rules (impact before assurance, no return to Not started, withdrawn needs
      // a note) are DomainRules', applied by the change path.
      return ChangeSet([.addActionUpdate(reference, update)])
    }
    let (r, m, a) = try locate(reference, in: tracker)
    let state = tracker.reviews[r].recommendations[m].actions[a].state(
      asOf: max(date, context.today), settings: tracker.partnership.settings, heardFrom: nil)
    context.console.note(
      "updated \(reference): \(state.status.title.lowercased()), due \(state.due), \(state.brag?.title ?? "withdrawn")"
    )
    return ExitCode.ok
  }

  static let actionShow = Command(
    words: ["action", "show"], summary: "show an action's derived state and its full log",
    discussion: """
      The action, its derived state as of the day (default today): status, current and original due
      day, slips, overdue, due soon, stale, BRAG; then every update in its log.
      """,
    positionals: [actionArgument], options: [.asOf, .listFormat]
  ) { args, context in
    let format = try args[.listFormat] ?? "text"
    let asOf = try args[.asOf] ?? context.today
    let reference = try actionReference(args)
    let tracker = try context.load().tracker
    let (r, m, a) = try locate(reference, in: tracker)
    let review = tracker.reviews[r]
    let recommendation = review.recommendations[m]
    let action = recommendation.actions[a]
    // The state comes from the same cut of the store as the reports'; an action not in the cut
    // (not yet agreed, or its review not yet begun) is shown as it will be agreed.
    let state =
      TrackerAsOf(tracker, asOf: asOf).placedAction(reference)?.state
      ?? PlacedAction(review: review, recommendation: recommendation, action: action).state(
        asOf: asOf, settings: tracker.partnership.settings)
    if format == "json" {
      context.console.out(
        try jsonText(ActionView(reference: reference, action: action, state: state)), exact: true)
      return ExitCode.ok
    }
    func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
    var text = "\(reference): \(action.description)\n"
    text += "Review:             \(review.id) \(review.title)\n"
    text += "Recommendation:     \(review.id)/\(recommendation.id) \(shortened(recommendation.text, 70))\n"
    text += "Owner:              \(action.owner) (\(tracker.agencyName(action.owner)))\n"
    if let joint = action.jointOwners, !joint.isEmpty {
      text +=
        "Joint owners:       \(joint.map { "\($0) (\(tracker.agencyName($0)))" }.joined(separator: ", "))\n"
    }
    text += "Lead:               \(action.lead ?? "(none)")\n"
    text += "Measure of success: \(action.measureOfSuccess ?? "(none)")\n"
    if let baseline = action.baseline { text += "Baseline:           \(baseline)\n" }
    if let target = action.target { text += "Target:             \(target)\n" }
    if let remeasure = action.remeasure { text += "Re-measure by:      \(remeasure)\n" }
    if let planned = action.evidencePlanned { text += "Evidence planned:   \(planned)\n" }
    text += "Agreed:             \(action.agreed?.description ?? "(not recorded)")\n"
    text += "Original due:       \(action.due)\n"
    text += "\nAs of \(asOf):\n"
    if !state.exists { text += "  not yet agreed on this day\n" }
    text += "  Status:    \(state.status.title) (\(state.isClosed ? "closed" : "open"))\n"
    text += "  Due:       \(state.due)"
    if case .inMonth(let day) = state.due { text += " (by \(day))" }
    if state.isNotYetTimeBound { text += " (no due day yet: not time-bound)" }
    if state.slips > 0 {
      text +=
        " (slipped \(LearningModel.plural(state.slips, "time")), "
        + "\(LearningModel.plural(state.slipDays, "day")) in all)"
    }
    text += "\n"
    if let pending = state.pendingRequest {
      text +=
        "  Requested: due \(pending.due), asked \(pending.requestedOn): \(pending.reason) (awaiting a decision)\n"
    }
    text += "  BRAG:      \(state.brag.map { "\($0.title) (\($0.meaning))" } ?? "none (withdrawn)")\n"
    if let reported = state.reported {
      text +=
        "  Agency's rating: \(reported.title)\(state.reportedIsBetter ? " (better than the derived rating)" : "")\n"
    }
    if !state.evidence.isEmpty { text += "  Evidence received: \(state.evidence.joined(separator: "; "))\n" }
    text += "  Overdue:   \(state.isOverdue ? "yes, by \(state.daysOverdue) days" : "no")\n"
    text += "  Due soon:  \(yes(state.isDueSoon))\n"
    text += "  Stale:     \(yes(state.isStale))\n"
    if let completed = state.completedOn {
      text += "  Completed: \(completed)\(state.completedOnTime ? " (on time)" : "")\n"
    }
    if let last = state.lastHeard {
      text += "  Last heard: \(last) (\(asOf.days(since: last)) days before)\n"
    }
    text += "\nLog (\(LearningModel.plural(action.updates.count, "update"))):\n"
    if action.updates.isEmpty { text += "  (no updates yet)\n" }
    for update in action.updates {
      var parts: [String] = []
      if let status = update.status { parts.append("status \(status.title.lowercased())") }
      if let due = update.due { parts.append("due \(due)") }
      if let requested = update.requestedDue {
        parts.append("requested due \(requested) (\(update.requestReason ?? "no reason given"))")
      }
      if let declined = update.declinedDue { parts.append("requested due \(declined) declined") }
      if let note = update.note { parts.append("\"\(note)\"") }
      if let evidence = update.evidence, !evidence.isEmpty {
        parts.append("evidence: \(evidence.joined(separator: "; "))")
      }
      if let impact = update.impactEvidence, !impact.isEmpty {
        parts.append("impact evidence: \(impact.joined(separator: "; "))")
      }
      if let result = update.result { parts.append("result \"\(result)\"") }
      if let reported = update.reported { parts.append("agency rates \(reported.title)") }
      if let reason = update.assuredWithoutImpact { parts.append("assured without impact: \"\(reason)\"") }
      if let by = update.by { parts.append("by \(by)") }
      text +=
        "  \(update.date)\(update.date > asOf ? " (after \(asOf))" : "")  \(parts.joined(separator: ", "))\n"
    }
    text += escalationText(action, settings: tracker.partnership.settings, asOf: asOf)
    context.console.out(text)
    return ExitCode.ok
  }

  /// The options of `action list`.
  enum ActionListOptions {
    static let review: TypedOption<String?> = .text("--review", "ID", help: "actions of one review")
    static let agency: TypedOption<String?> = .text(
      "--agency", "ID", help: "actions one agency owns, alone or jointly")
    static let status: TypedOption<ActionStatus?> = .word(
      "--status", ActionStatus.self, help: "actions with this status")
    static let open: TypedOption<Bool> = .flag("--open", help: "open actions only")
    static let overdue: TypedOption<Bool> = .flag("--overdue", help: "overdue actions only")
  }

  static let actionList = Command(
    words: ["action", "list"], summary: "list actions with their state as of a day",
    discussion: "Every action that exists on the day, with its state; the filters narrow the list.",
    options: [
      ActionListOptions.review, ActionListOptions.agency, ActionListOptions.status, ActionListOptions.open,
      ActionListOptions.overdue, .asOf, .listFormat,
    ]
  ) { args, context in
    let format = try args[.listFormat] ?? "text"
    let asOf = try args[.asOf] ?? context.today
    let review = try args[ActionListOptions.review]
    let agency = try args[ActionListOptions.agency]
    let status = try args[ActionListOptions.status]
    let openOnly = args[ActionListOptions.open]
    let overdueOnly = args[ActionListOptions.overdue]
    let tracker = try context.load().tracker
    // The states come from the same cut of the store as the reports'; the log shown is the whole.
    let states = Dictionary(
      TrackerAsOf(tracker, asOf: asOf).actions.map { ($0.placed.reference, $0.state) },
      uniquingKeysWith: { first, _ in first })
    let views = tracker.placedActions.compactMap { placed -> ActionView? in
      guard let state = states[placed.reference] else { return nil }
      if let review, placed.review.id != review { return nil }
      if let agency, !placed.action.isOwned(by: agency) { return nil }
      if let status, state.status != status { return nil }
      if openOnly && !state.isOpen { return nil }
      if overdueOnly && !state.isOverdue { return nil }
      return ActionView(reference: placed.reference, action: placed.action, state: state)
    }
    if format == "json" {
      context.console.out(try jsonText(views), exact: true)
    } else {
      context.console.out(
        listing(
          ["Action", "Owner", "Status", "Due", "BRAG", "Description"],
          views.map {
            [
              $0.reference,
              ([$0.owner] + ($0.jointOwners ?? [])).map(tracker.agencyName).joined(separator: " + "),
              ActionStatus(rawValue: $0.status)?.title ?? $0.status, $0.due,
              $0.brag.map { BRAG(rawValue: $0)?.title ?? $0 } ?? "withdrawn",
              shortened($0.description, 50),
            ]
          }))
    }
    return ExitCode.ok
  }
}
