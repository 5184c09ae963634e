import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The optional fields of an action `action edit --clear` can unset, by the option that sets each.
  nonisolated(unsafe) static let clearableActionFields:
    [(name: String, option: TypedOption<String?>, path: WritableKeyPath<Action, String?>)] = [
      ("lead", ActionEditOptions.lead, \.lead), ("measure", ActionEditOptions.measure, \.measureOfSuccess),
      ("baseline", ActionEditOptions.baseline, \.baseline), ("target", ActionEditOptions.target, \.target),
      ("evidence-planned", ActionEditOptions.evidencePlanned, \.evidencePlanned),
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
    var texts: [(WritableKeyPath<Action, String?>, String)] = []
    for (name, option, path) in clearableActionFields {
      guard let value = try args[option] else { continue }
      if clears.contains(name) {
        throw CommandError.usage("--\(name) and --clear \(name) go against each other")
      }
      if value.trimmingSpaces.isEmpty {
        throw CommandError.usage("--\(name) \"\" is empty; to unset it, give --clear \(name)")
      }
      texts.append((path, value))
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
    let tracker = try context.change(by: context.who(by)) { tracker in
      let (r, m, a) = try locate(reference, in: tracker)
      if let owner { try checkAgencies([owner], in: tracker, option: "--owner") }
      try checkAgencies(addJoint, in: tracker, option: "--add-joint-owner")
      var action = tracker.reviews[r].recommendations[m].actions[a]
      for name in clears {
        if let path = clearableActionFields.first(where: { $0.name == name })?.path {
          action[keyPath: path] = nil
        }
        if name == "agreed" { action.agreed = nil }
        if name == "remeasure" { action.remeasure = nil }
      }
      for (path, value) in texts { action[keyPath: path] = value }
      if let description { action.description = description }
      if let owner { action.owner = owner }
      if let agreed { action.agreed = agreed }
      if let due { action.due = due }
      if let remeasure { action.remeasure = remeasure }
      var joint = action.jointOwners ?? []
      for agency in removeJoint {
        guard joint.contains(agency) else {
          throw CommandError.usage("--remove-joint-owner: \"\(agency)\" is not a joint owner of \(reference)")
        }
        joint.removeAll { $0 == agency }
      }
      for agency in addJoint {
        if agency == action.owner {
          throw CommandError.usage("--add-joint-owner: \"\(agency)\" is already the owner")
        }
        if joint.contains(agency) {
          throw CommandError.usage("--add-joint-owner: \"\(agency)\" already owns \(reference) jointly")
        }
        joint.append(agency)
      }
      action.jointOwners = joint.isEmpty ? nil : joint
      tracker.reviews[r].recommendations[m].actions[a] = action
      return [.action(reference)]
    }
    warnAbout(reference, in: tracker, context)
    context.console.note("corrected action \(reference)")
    return ExitCode.ok
  }
}
