import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The optional fields of an action `action edit --clear` can unset, by the option that sets each.
  static let clearableActionFields: [(name: String, option: TypedOption<String?>, field: ActionTextField)] = [
    ("lead", ActionEditOptions.lead, .lead), ("measure", ActionEditOptions.measure, .measureOfSuccess),
    ("baseline", ActionEditOptions.baseline, .baseline), ("target", ActionEditOptions.target, .target),
    ("evidence-planned", ActionEditOptions.evidencePlanned, .evidencePlanned),
  ]

  /// The fields `action edit --clear` takes: the text ones, then the optional days.
  static let clearableActionNames = clearableActionFields.map(\.name) + ["remeasure", "agreed"]

  /// The options of `action edit`.
  enum ActionEditOptions {
    static let description: TypedOption<String?> = .text(
      "--description", "TEXT", help: "Specific: what will be done")
    static let measure: TypedOption<String?> = .text(
      "--measure", "TEXT", help: "Measurable: how the change in practice will be assessed")
    static let owner: TypedOption<String?> = .text(
      "--owner", "AGENCY", help: "Achievable: the owning agency's ID")
    static let addJointOwner: TypedOption<[String]> = .text(
      "--add-joint-owner", "AGENCY", help: "add an agency that owns the action jointly")
    static let removeJointOwner: TypedOption<[String]> = .text(
      "--remove-joint-owner", "AGENCY", help: "remove a joint owner")
    static let evidencePlanned: TypedOption<String?> = .text(
      "--evidence-planned", "TEXT", help: "the evidence the plan says will show it is done")
    static let lead: TypedOption<String?> = .text(
      "--lead", "ROLE", help: "the role that leads it (a role, not a person's name)")
    static let agreed: TypedOption<CalendarDay?> = .day("--agreed", help: "the day it was agreed")
    static let due: TypedOption<PlannedDue?> = .plannedDue(
      "--due", help: "the due day first agreed, corrected (not a revision; see above)")
    static let baseline: TypedOption<String?> = .text(
      "--baseline", "TEXT", help: "where practice stood, against the measure")
    static let target: TypedOption<String?> = .text("--target", "TEXT", help: "where practice should get to")
    static let remeasure: TypedOption<CalendarDay?> = .day(
      "--remeasure", help: "the day by which the measure should be taken again")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD",
      help: "unset an optional field: " + clearableActionNames.joined(separator: ", "))
  }

  static let actionEdit = Command(
    words: ["action", "edit"], summary: "correct an action as it was agreed",
    discussion: """
      Corrects what was recorded wrongly when the action was agreed: its description, measure, \
      owner and joint owners, lead, planned evidence, agreed day, baseline, target, re-measure day \
      and original due day (a day, a month such as 2026-06, or tbc). --due here \
      corrects the due day first agreed and is not a revision: a due day moved later is revised \
      with 'action update --due DAY --reason TEXT', and only revisions count as slippage. \
      --clear FIELD unsets an optional field. Its log of updates is corrected with 'edit'.
      """,
    positionals: [actionArgument],
    options: [
      ActionEditOptions.description, ActionEditOptions.measure, ActionEditOptions.owner,
      ActionEditOptions.addJointOwner, ActionEditOptions.removeJointOwner, ActionEditOptions.evidencePlanned,
      ActionEditOptions.lead, ActionEditOptions.agreed, ActionEditOptions.due, ActionEditOptions.baseline,
      ActionEditOptions.target, ActionEditOptions.remeasure, ActionEditOptions.clear, .by,
    ]
  ) { args, context in
    let reference = try actionReference(args)
    let clears = try args[ActionEditOptions.clear]
    try checkClears(clears, among: clearableActionNames)
    var texts: [(ActionTextField, String)] = []
    for (name, option, field) in clearableActionFields {
      guard let value = try args[option] else { continue }
      if clears.contains(name) {
        throw CommandError.usage("--\(name) and --clear \(name) go against each other")
      }
      if value.trimmingSpaces.isEmpty {
        throw CommandError.usage("--\(name) \"\" is empty; to unset it, give --clear \(name)")
      }
      texts.append((field, value))
    }
    let description = try args[ActionEditOptions.description]
    if let description, description.trimmingSpaces.isEmpty {
      throw CommandError.usage("--description \"\" is empty")
    }
    let owner = try args[ActionEditOptions.owner]
    let agreed = try args[ActionEditOptions.agreed]
    let due = try args[ActionEditOptions.due]
    let addJoint = try args[ActionEditOptions.addJointOwner]
    let removeJoint = try args[ActionEditOptions.removeJointOwner]
    let remeasure = try args[ActionEditOptions.remeasure]
    for (name, given) in [("agreed", agreed != nil), ("remeasure", remeasure != nil)]
    where given && clears.contains(name) {
      throw CommandError.usage("--\(name) and --clear \(name) go against each other")
    }
    let by = try args[.by]
    if texts.isEmpty && clears.isEmpty && description == nil && owner == nil && agreed == nil && due == nil
      && remeasure == nil && addJoint.isEmpty && removeJoint.isEmpty
    {
      throw CommandError.usage("give at least one thing to correct; see 'action edit --help'")
    }
    // What the user asked for, as corrections; whether the action still keeps the rules (owners
    // exist, a joint owner is not the owner and is listed once) is DomainRules' to say.
    var corrections: [ActionCorrection] = []
    for name in clears {
      if let field = clearableActionFields.first(where: { $0.name == name })?.field {
        corrections.append(.text(field, nil))
      }
      if name == "agreed" { corrections.append(.agreed(nil)) }
      if name == "remeasure" { corrections.append(.remeasure(nil)) }
    }
    corrections += texts.map { .text($0.0, $0.1) }
    if let description { corrections.append(.description(description)) }
    if let owner { corrections.append(.owner(owner)) }
    if let agreed { corrections.append(.agreed(agreed)) }
    if let due { corrections.append(.due(due)) }
    if let remeasure { corrections.append(.remeasure(remeasure)) }
    for agency in removeJoint { corrections.append(.removeJointOwner(agency)) }
    for agency in addJoint { corrections.append(.addJointOwner(agency)) }
    let tracker = try context.apply(by: context.who(by)) { tracker in
      _ = try locate(reference, in: tracker)
      return ChangeSet([.correctAction(reference, corrections)])
    }
    warnAbout(reference, in: tracker, context)
    context.console.note("corrected action \(reference)")
    return ExitCode.ok
  }
}
