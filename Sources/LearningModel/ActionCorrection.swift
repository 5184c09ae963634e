/// A free-text field of an action that a correction sets or clears.
public enum ActionTextField: String, CaseIterable, Equatable, Sendable {
  case lead, measureOfSuccess, baseline, target, evidencePlanned

  /// Where the field is held on an action.
  var path: WritableKeyPath<Action, String?> {
    switch self {
    case .lead: \.lead
    case .measureOfSuccess: \.measureOfSuccess
    case .baseline: \.baseline
    case .target: \.target
    case .evidencePlanned: \.evidencePlanned
    }
  }
}

/// One correction to an action as it was agreed (`action edit`, a plan's corrected row): the
/// intent, not the action as it ends up. Its log is never touched: progress is an update.
public enum ActionCorrection: Equatable, Sendable {
  /// Sets a free-text field, or clears it with nil.
  case text(ActionTextField, String?)
  /// Rewrites the description (Specific).
  case description(String)
  /// Makes another agency the accountable owner; the joint owners stay.
  case owner(String)
  /// Sets the accountable owner and the joint owners at once (a plan's owning agencies cell).
  case owners([String])
  /// Adds an agency that owns the action jointly (after those listed).
  case addJointOwner(String)
  /// Takes an agency off the joint owners.
  case removeJointOwner(String)
  /// Sets the day the action was agreed, or clears it with nil.
  case agreed(CalendarDay?)
  /// Sets the planned due (a correction of what was agreed, not a revision: that is an update).
  case due(PlannedDue)
  /// Sets the day the change will be measured again, or clears it with nil.
  case remeasure(CalendarDay?)

  /// The correction applied to `action`. Whether the result keeps the rules (owners exist, a
  /// joint owner is not the owner and is listed once) is `DomainRules`' to say, after every
  /// change of a change set is applied.
  public func apply(to action: inout Action) {
    switch self {
    case .text(let field, let value): action[keyPath: field.path] = value
    case .description(let text): action.description = text
    case .owner(let agency): action.owner = agency
    case .owners(let agencies):
      guard let first = agencies.first else { return }
      action.owner = first
      action.jointOwners = agencies.count > 1 ? Array(agencies.dropFirst()) : nil
    case .addJointOwner(let agency): action.jointOwners = (action.jointOwners ?? []) + [agency]
    case .removeJointOwner(let agency):
      let kept = (action.jointOwners ?? []).filter { $0 != agency }
      action.jointOwners = kept.isEmpty ? nil : kept
    case .agreed(let day): action.agreed = day
    case .due(let due): action.due = due
    case .remeasure(let day): action.remeasure = day
    }
  }
}

extension Tracker {
  /// Applies `corrections` to the action `reference` names, in order; refused when there is no
  /// such action, or when a joint owner to remove is not one.
  mutating func correct(_ reference: ActionReference, _ corrections: [ActionCorrection]) throws(ChangeRefusal)
  {
    guard let (r, m, a) = actionIndex(reference) else {
      throw .notFound(.action(reference), suggestion: nearest(to: .action(reference)))
    }
    var action = reviews[r].recommendations[m].actions[a]
    for correction in corrections {
      if case .removeJointOwner(let agency) = correction, action.jointOwners?.contains(agency) != true {
        throw .breaksRule(
          .action(reference),
          RuleViolation(
            check: .references, field: "jointOwners", value: agency,
            message: "\"\(agency)\" is not a joint owner of \(reference)"))
      }
      correction.apply(to: &action)
    }
    reviews[r].recommendations[m].actions[a] = action
  }
}

extension ActionCorrection {
  /// The corrections that turn `before` into `after`, field by field, for every field agreed with
  /// the action (its log and escalations are not corrections).
  public static func between(_ before: Action, _ after: Action) -> [ActionCorrection] {
    var found: [ActionCorrection] = []
    if before.description != after.description { found.append(.description(after.description)) }
    if before.owners != after.owners { found.append(.owners(after.owners)) }
    for field in ActionTextField.allCases where before[keyPath: field.path] != after[keyPath: field.path] {
      found.append(.text(field, after[keyPath: field.path]))
    }
    if before.agreed != after.agreed { found.append(.agreed(after.agreed)) }
    if before.due != after.due { found.append(.due(after.due)) }
    if before.remeasure != after.remeasure { found.append(.remeasure(after.remeasure)) }
    return found
  }
}
