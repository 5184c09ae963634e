import LearningModel

extension LearningTrackerCommand {
  /// The validator's warnings about one action (no measure, no lead, an update in the future...),
  /// chosen by where they are in the store, the action's JSON path, never by their words.
  static func actionWarnings(_ reference: ActionReference, in tracker: Tracker, today: CalendarDay)
    -> [Diagnostic]
  {
    guard let (r, m, a) = tracker.actionIndex(reference) else { return [] }
    let path = "reviews[\(r)].recommendations[\(m)].actions[\(a)]"
    return Validator(today: today).validate(tracker).filter { diagnostic in
      diagnostic.severity == .warning
        && (diagnostic.path == path || diagnostic.path.hasPrefix(path + ".")
          || diagnostic.path.hasPrefix(path + "["))
    }
  }

  /// Writes the validator's warnings about one action to the error stream, each message with its
  /// hint in brackets.
  static func warnAbout(_ reference: ActionReference, in tracker: Tracker, _ context: Context) {
    for diagnostic in actionWarnings(reference, in: tracker, today: context.today) {
      context.console.warning(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
    }
  }
}
