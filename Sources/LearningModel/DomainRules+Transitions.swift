extension DomainRules {
  /// The rules an update to an action's log must keep, given what the log said before it (the one
  /// fold, `ActionLogFold`): the one home of each transition rule. `action update` and
  /// `import plan` call it for the update they would add (through the change path, or row by row),
  /// and the validator calls it for each update of a stored log, so all three give the same verdict
  /// in the same words. `field` is the update's place in the log, `updates[2]`.
  ///
  /// - Assurance needs impact evidence or a result by then, or a recorded reason for the exception:
  ///   Working Together 2023 (chapter 4) asks the safeguarding partners to report on the
  ///   effectiveness of their arrangements, and a delivered output does not show practice changed.
  /// - An action once begun does not go back to Not started: its log says what happened, and a
  ///   paused action is Blocked.
  /// - Withdrawing an action needs a note saying why, for the board and the annual report.
  public static func transitionViolations(
    _ update: ActionUpdate, after before: ActionLogFold, reference: String, field: String
  ) -> [RuleViolation] {
    var found: [RuleViolation] = []
    guard let status = update.status else { return found }
    if status == .notStarted && before.status != .notStarted {
      found.append(
        RuleViolation(
          check: .statusTransition, field: "\(field).status", value: status.rawValue,
          message: "action \(reference) is \(before.status.title) and cannot go back to Not started",
          hint: "record Blocked, with a note, for an action that has stalled"))
    }
    if status == .assured, !hasReasonForAssuringWithoutImpact(update) {
      var impact = before
      impact.apply(update)
      if !impact.impact.showsImpact {
        found.append(
          RuleViolation(
            check: .assuredWithoutEvidence, field: "\(field).status", value: status.rawValue,
            message:
              "action \(reference) cannot be marked assured: its log has no \(ImpactRule.missingImpact)",
            hint:
              "record the impact evidence or result the QA subgroup relied on, or the reason for the exception"
          ))
      }
    }
    if isWithdrawnWithoutNote(update) {
      found.append(
        RuleViolation(
          check: .withdrawnNote, field: "\(field).note", relatedField: "status", relatedValue: "withdrawn",
          message: "withdrawing action \(reference) needs a note saying why"))
    }
    return found
  }

  /// The update records why the QA subgroup assures the action without impact evidence or a result.
  public static func hasReasonForAssuringWithoutImpact(_ update: ActionUpdate) -> Bool {
    !isBlank(update.assuredWithoutImpact)
  }

  /// The transition rules for every update of an action's log, each against the fold of the
  /// updates before it in the fold's order (by date, then log order).
  public static func transitionViolations(of action: Action, reference: String) -> [RuleViolation] {
    var found: [RuleViolation] = []
    var fold = ActionLogFold(action)
    let ordered = action.updates.enumerated().sorted {
      $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset
    }
    for (index, update) in ordered {
      found += transitionViolations(update, after: fold, reference: reference, field: "updates[\(index)]")
      fold.apply(update)
    }
    return found
  }
}
