import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var actionCommands: [Command] {
    [actionAdd, actionUpdate, actionShow, actionList]
  }

  static func actionReference(_ args: inout Arguments) throws -> ActionReference {
    let text = try args.positionals(count: 1...1, names: "the action reference REVIEW/ACTION")[0]
    guard let reference = ActionReference(text) else {
      throw UsageError(
        message: "\"\(text)\" is not an action reference (expected REVIEW/ACTION, such as LCSPR-2025-02/1.1)")
    }
    return reference
  }

  static func locate(_ reference: ActionReference, in tracker: Tracker) throws -> (Int, Int, Int) {
    guard let found = tracker.actionIndex(reference) else {
      let all = tracker.placedActions.map { $0.reference.description }
      let hint = nearest(reference.description, in: all).map { "; did you mean \($0)?" } ?? ""
      throw UsageError(message: "no action \(reference)\(hint)")
    }
    return found
  }

  static let actionAdd = Command(
    words: ["action", "add"], summary: "add a SMART action to a recommendation",
    help: """
      Usage: learning-tracker action add REVIEW/ACTION --recommendation REC --description TEXT
               --owner AGENCY --due DAY [options]

      Adds an action (such as LCSPR-2025-02/1.1) to a recommendation of the review.
      Action IDs are unique within a review.

      Options:
        --recommendation REC   the recommendation it answers (R1)
        --description TEXT     Specific: what will be done
        --measure TEXT         Measurable: how the change in practice will be assessed
        --owner AGENCY         Achievable: the owning agency's ID
        --lead ROLE            the role that leads it (a role, not a person's name)
        --agreed DAY           the day it was agreed (default today)
        --due DAY              Time-bound: the due day
        --by WHO               who is making the change
      """
  ) { args, context in
    guard let recommendationID = try args.value("--recommendation") else {
      throw UsageError(message: "action add needs --recommendation")
    }
    guard let description = try args.value("--description") else {
      throw UsageError(message: "action add needs --description")
    }
    guard let owner = try args.value("--owner") else { throw UsageError(message: "action add needs --owner") }
    guard let due = try args.day("--due") else { throw UsageError(message: "action add needs --due DAY") }
    let measure = try args.value("--measure")
    let lead = try args.value("--lead")
    let agreed = try args.day("--agreed") ?? context.today
    let by = try args.value("--by")
    let reference = try actionReference(&args)
    try checkIdentifier(reference.action, of: "action", given: reference.description)
    let tracker = try context.change(by: context.who(by)) { tracker in
      guard let r = tracker.reviewIndex(reference.review) else {
        throw UsageError(message: "no review \"\(reference.review)\"")
      }
      guard let m = tracker.reviews[r].recommendations.firstIndex(where: { $0.id == recommendationID }) else {
        throw UsageError(message: "review \(reference.review) has no recommendation \"\(recommendationID)\"")
      }
      if tracker.actionIndex(reference) != nil {
        throw UsageError(message: "action \(reference) already exists")
      }
      if tracker.agency(owner) == nil {
        let hint = nearest(owner, in: tracker.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw UsageError(message: "no agency \"\(owner)\"\(hint) (add it with 'agency add')")
      }
      tracker.reviews[r].recommendations[m].actions.append(
        Action(
          id: reference.action, description: description, owner: owner, lead: lead, measureOfSuccess: measure,
          agreed: agreed, due: due))
      return [.action(reference)]
    }
    for diagnostic in Validator(today: context.today).validate(tracker)
    where diagnostic.severity == .warning && diagnostic.message.contains(reference.description) {
      context.console.warning(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
    }
    context.console.note("added action \(reference)")
    return ExitCode.ok
  }

  static let actionUpdate = Command(
    words: ["action", "update"], summary: "log progress on an action",
    help: """
      Usage: learning-tracker action update REVIEW/ACTION [options]

      Appends a dated update to the action's log. Give at least one of --status, --note, --due or
      --evidence.

      Options:
        --status WORD     \(ActionStatus.allowedWords)
        --note TEXT       progress note (required with --status withdrawn)
        --due DAY         a revised due day; needs --reason
        --reason TEXT     why the due day is revised
        --evidence TEXT   a title of evidence of completion or impact (repeatable)
        --by WHO          who made the update (default $LEARNING_TRACKER_USER or $USER)
        --date DAY        the day of the update (default today)
      """
  ) { args, context in
    let status = try args.word("--status", ActionStatus.self)
    var note = try args.value("--note")
    let due = try args.day("--due")
    let reason = try args.value("--reason")
    let evidence = try args.values("--evidence")
    let by = try args.value("--by")
    let date = try args.day("--date") ?? context.today
    let reference = try actionReference(&args)
    if status == nil && note == nil && due == nil && evidence.isEmpty {
      throw UsageError(message: "give at least one of --status, --note, --due or --evidence")
    }
    if due != nil && (reason ?? "").trimmingSpaces.isEmpty {
      throw UsageError(message: "--due needs --reason saying why the due day is revised")
    }
    if due == nil && reason != nil { throw UsageError(message: "--reason goes with --due") }
    if status == .withdrawn && (note ?? "").trimmingSpaces.isEmpty {
      throw UsageError(message: "withdrawing an action needs --note saying why")
    }
    if let reason {
      note = (note.map { $0 + " " } ?? "") + "Due revised: " + reason
    }
    let who = context.who(by)
    let tracker = try context.change(by: who) { tracker in
      let (r, m, a) = try locate(reference, in: tracker)
      let action = tracker.reviews[r].recommendations[m].actions[a]
      if let agreed = action.agreed, date < agreed {
        throw UsageError(message: "the update's date \(date) is before the action was agreed (\(agreed))")
      }
      tracker.reviews[r].recommendations[m].actions[a].updates.append(
        ActionUpdate(
          date: date, status: status, due: due, note: note, evidence: evidence.isEmpty ? nil : evidence,
          by: who))
      return [.action(reference)]
    }
    let (r, m, a) = try locate(reference, in: tracker)
    let state = tracker.reviews[r].recommendations[m].actions[a].state(
      asOf: max(date, context.today), settings: tracker.partnership.settings)
    context.console.note(
      "updated \(reference): \(state.status.rawValue), due \(state.due), \(state.brag?.title ?? "withdrawn")")
    return ExitCode.ok
  }

  static let actionShow = Command(
    words: ["action", "show"], summary: "show an action's derived state and its full log",
    help: """
      Usage: learning-tracker action show REVIEW/ACTION [--as-of DAY] [--format text|json]

      The action, its derived state as of the day (default today): status, current and original due
      day, slips, overdue, due soon, stale, BRAG; then every update in its log.
      """
  ) { args, context in
    let format = try listFormat(&args)
    let asOf = try args.day("--as-of") ?? context.today
    let reference = try actionReference(&args)
    let tracker = try context.load().tracker
    let (r, m, a) = try locate(reference, in: tracker)
    let review = tracker.reviews[r]
    let recommendation = review.recommendations[m]
    let action = recommendation.actions[a]
    let state = action.state(asOf: asOf, settings: tracker.partnership.settings)
    if format == "json" {
      context.console.out(try jsonText(ActionView(reference: reference, action: action, state: state)))
      return ExitCode.ok
    }
    func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
    var text = "\(reference): \(action.description)\n"
    text += "Review:             \(review.id) \(review.title)\n"
    text += "Recommendation:     \(review.id)/\(recommendation.id) \(shortened(recommendation.text, 70))\n"
    text += "Owner:              \(action.owner) (\(tracker.agencyName(action.owner)))\n"
    text += "Lead:               \(action.lead ?? "(none)")\n"
    text += "Measure of success: \(action.measureOfSuccess ?? "(none)")\n"
    text += "Agreed:             \(action.agreed?.description ?? "(not recorded)")\n"
    text += "Original due:       \(action.due)\n"
    text += "\nAs of \(asOf):\n"
    if !state.exists { text += "  not yet agreed on this day\n" }
    text += "  Status:    \(state.status.rawValue) (\(state.isClosed ? "closed" : "open"))\n"
    text += "  Due:       \(state.due)"
    if state.slips > 0 { text += " (slipped \(state.slips) time(s), \(state.slipDays) days in all)" }
    text += "\n"
    text += "  BRAG:      \(state.brag.map { "\($0.title) (\($0.meaning))" } ?? "none (withdrawn)")\n"
    text += "  Overdue:   \(state.isOverdue ? "yes, by \(state.daysOverdue) days" : "no")\n"
    text += "  Due soon:  \(yes(state.isDueSoon))\n"
    text += "  Stale:     \(yes(state.isStale))\n"
    if let completed = state.completedOn {
      text += "  Completed: \(completed)\(state.completedOnTime ? " (on time)" : "")\n"
    }
    if let last = state.lastHeard {
      text += "  Last heard: \(last) (\(asOf.days(since: last)) days before)\n"
    }
    text += "\nLog (\(action.updates.count) update(s)):\n"
    if action.updates.isEmpty { text += "  (no updates yet)\n" }
    for update in action.updates {
      var parts: [String] = []
      if let status = update.status { parts.append("status \(status.rawValue)") }
      if let due = update.due { parts.append("due \(due)") }
      if let note = update.note { parts.append("\"\(note)\"") }
      if let evidence = update.evidence, !evidence.isEmpty {
        parts.append("evidence: \(evidence.joined(separator: "; "))")
      }
      if let by = update.by { parts.append("by \(by)") }
      text +=
        "  \(update.date)\(update.date > asOf ? " (after \(asOf))" : "")  \(parts.joined(separator: ", "))\n"
    }
    context.console.out(text)
    return ExitCode.ok
  }

  static let actionList = Command(
    words: ["action", "list"], summary: "list actions with their state as of a day",
    help: """
      Usage: learning-tracker action list [filters] [--as-of DAY] [--format text|json]

      Filters:
        --review ID     actions of one review
        --agency ID     actions one agency owns
        --status WORD   \(ActionStatus.allowedWords)
        --open          open actions only
        --overdue       overdue actions only
      """
  ) { args, context in
    let format = try listFormat(&args)
    let asOf = try args.day("--as-of") ?? context.today
    let review = try args.value("--review")
    let agency = try args.value("--agency")
    let status = try args.word("--status", ActionStatus.self)
    let openOnly = args.flag("--open")
    let overdueOnly = args.flag("--overdue")
    try args.finish()
    let tracker = try context.load().tracker
    let settings = tracker.partnership.settings
    let views = tracker.placedActions.compactMap { placed -> ActionView? in
      let state = placed.action.state(asOf: asOf, settings: settings)
      guard state.exists else { return nil }
      if let review, placed.review.id != review { return nil }
      if let agency, placed.action.owner != agency { return nil }
      if let status, state.status != status { return nil }
      if openOnly && !state.isOpen { return nil }
      if overdueOnly && !state.isOverdue { return nil }
      return ActionView(reference: placed.reference, action: placed.action, state: state)
    }
    if format == "json" {
      context.console.out(try jsonText(views))
    } else {
      context.console.out(
        listing(
          ["Action", "Owner", "Status", "Due", "BRAG", "Description"],
          views.map {
            [
              $0.reference, $0.owner, $0.status, $0.due, $0.brag ?? "withdrawn",
              shortened($0.description, 50),
            ]
          }))
    }
    return ExitCode.ok
  }
}

/// An action and its derived state, as `action show` and `action list` print them in JSON.
struct ActionView: Encodable {
  var reference, description, owner: String
  var lead, measureOfSuccess: String?
  var agreed: String?
  var asOf, status, due, originalDue: String
  var open, overdue, dueSoon, stale, exists: Bool
  var daysOverdue, slips, slipDays: Int
  var brag: String?
  var completedOn, lastHeard: String?
  var updates: [ActionUpdate]

  init(reference: ActionReference, action: Action, state: ActionState) {
    self.reference = reference.description
    description = action.description
    owner = action.owner
    lead = action.lead
    measureOfSuccess = action.measureOfSuccess
    agreed = action.agreed?.description
    asOf = state.asOf.description
    status = state.status.rawValue
    due = state.due.description
    originalDue = state.originalDue.description
    open = state.isOpen
    overdue = state.isOverdue
    dueSoon = state.isDueSoon
    stale = state.isStale
    exists = state.exists
    daysOverdue = state.daysOverdue
    slips = state.slips
    slipDays = state.slipDays
    brag = state.brag?.rawValue
    completedOn = state.completedOn?.description
    lastHeard = state.lastHeard?.description
    updates = action.updates
  }
}
