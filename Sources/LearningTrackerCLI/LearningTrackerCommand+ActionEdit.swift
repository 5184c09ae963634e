import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The optional fields of an action `action edit --clear` can unset, by the option that sets each.
  nonisolated(unsafe) static let clearableActionFields:
    [(name: String, path: WritableKeyPath<Action, String?>)] = [
      ("lead", \.lead), ("measure", \.measureOfSuccess), ("baseline", \.baseline), ("target", \.target),
      ("evidence-planned", \.evidencePlanned),
    ]

  /// The fields `action edit --clear` takes: the text ones, then the optional days.
  static let clearableActionNames = clearableActionFields.map(\.name) + ["remeasure", "agreed"]

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
      .text("--description", "TEXT", help: "Specific: what will be done"),
      .text("--measure", "TEXT", help: "Measurable: how the change in practice will be assessed"),
      .text("--owner", "AGENCY", help: "Achievable: the owning agency's ID"),
      .text(
        "--add-joint-owner", "AGENCY", repeatable: true, help: "add an agency that owns the action jointly"),
      .text("--remove-joint-owner", "AGENCY", repeatable: true, help: "remove a joint owner"),
      .text("--evidence-planned", "TEXT", help: "the evidence the plan says will show it is done"),
      .text("--lead", "ROLE", help: "the role that leads it (a role, not a person's name)"),
      .day("--agreed", help: "the day it was agreed"),
      .plannedDue("--due", help: "the due day first agreed, corrected (not a revision; see above)"),
      .text("--baseline", "TEXT", help: "where practice stood, against the measure"),
      .text("--target", "TEXT", help: "where practice should get to"),
      .day("--remeasure", help: "the day by which the measure should be taken again"),
      .text(
        "--clear", "FIELD", repeatable: true,
        help: "unset an optional field: " + clearableActionNames.joined(separator: ", ")),
      .by,
    ]
  ) { args, context in
    let reference = try actionReference(args)
    let clears = try args.values("--clear")
    try checkClears(clears, among: clearableActionNames)
    var texts: [(WritableKeyPath<Action, String?>, String)] = []
    for (name, path) in clearableActionFields {
      guard let value = try args.value("--" + name) else { continue }
      if clears.contains(name) {
        throw CommandError.usage("--\(name) and --clear \(name) go against each other")
      }
      if value.trimmingSpaces.isEmpty {
        throw CommandError.usage("--\(name) \"\" is empty; to unset it, give --clear \(name)")
      }
      texts.append((path, value))
    }
    let description = try args.value("--description")
    if let description, description.trimmingSpaces.isEmpty {
      throw CommandError.usage("--description \"\" is empty")
    }
    let owner = try args.value("--owner")
    let agreed = try args.day("--agreed")
    let due = try args.plannedDue("--due")
    let addJoint = try args.values("--add-joint-owner")
    let removeJoint = try args.values("--remove-joint-owner")
    let remeasure = try args.day("--remeasure")
    for (name, given) in [("agreed", agreed != nil), ("remeasure", remeasure != nil)]
    where given && clears.contains(name) {
      throw CommandError.usage("--\(name) and --clear \(name) go against each other")
    }
    let by = try args.value("--by")
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
    for diagnostic in Validator(today: context.today).validate(tracker)
    where diagnostic.severity == .warning && diagnostic.message.contains(reference.description) {
      context.console.warning(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
    }
    context.console.note("corrected action \(reference)")
    return ExitCode.ok
  }
}
