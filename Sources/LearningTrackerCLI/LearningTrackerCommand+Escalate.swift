import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The options of `action escalate`.
  enum ActionEscalateOptions {
    static let level: TypedOption<String?> = .text(
      "--level", "LEVEL", help: "the level: one of the partnership's (chase, chair, executive)")
    static let `to`: TypedOption<String?> = .text(
      "--to", "WHO", help: "who it is escalated to (a role, a group, an agency's senior lead)")
    static let replyBy: TypedOption<CalendarDay?> = .day("--reply-by", help: "the day a reply is due")
    static let note: TypedOption<String?> = .text(
      "--note", "TEXT", help: "what was asked, or why the action is escalated")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", help: "the day of the escalation (default today)")
    static let reply: TypedOption<String?> = .text(
      "--reply", "TEXT", help: "the reply to the latest escalation awaiting one")
    static let on: TypedOption<CalendarDay?> = .day("--on", help: "the day the reply came (default today)")
    static let correct: TypedOption<Bool> = .flag(
      "--correct", help: "correct the latest escalation with the options given")
    static let remove: TypedOption<Bool> = .flag(
      "--remove", help: "remove the latest escalation, recorded by mistake")
  }

  static let actionEscalate = Command(
    words: ["action", "escalate"], summary: "escalate a stuck action, or record the reply",
    discussion: """
      Records a stage of escalation: --level (the partnership's levels, lowest first; by default \
      chase, chair, executive), --to (who it went to) and --reply-by (the day a reply is due). \
      --reply TEXT records the reply to the latest escalation awaiting one, on --on DAY (default \
      today). --correct puts right the latest escalation with the options given (--level, --to, \
      --reply-by, --note, --date, --reply, --on); --remove takes away the latest escalation, made by \
      mistake. Every change is in the history and can be undone.
      """,
    positionals: [actionArgument],
    options: [
      ActionEscalateOptions.level, ActionEscalateOptions.`to`, ActionEscalateOptions.replyBy,
      ActionEscalateOptions.note, ActionEscalateOptions.date, ActionEscalateOptions.reply,
      ActionEscalateOptions.on, ActionEscalateOptions.correct, ActionEscalateOptions.remove, .by,
    ]
  ) { args, context in
    let level = try args[ActionEscalateOptions.level]
    let to = try args[ActionEscalateOptions.`to`]
    let replyBy = try args[ActionEscalateOptions.replyBy]
    let note = try args[ActionEscalateOptions.note]
    let date = try args[ActionEscalateOptions.date]
    let reply = try args[ActionEscalateOptions.reply]
    let on = try args[ActionEscalateOptions.on]
    let correct = args[ActionEscalateOptions.correct]
    let remove = args[ActionEscalateOptions.remove]
    let by = try args[.by]
    let reference = try actionReference(args)
    for (name, text) in [("--level", level), ("--to", to), ("--note", note), ("--reply", reply)] {
      if let text, text.trimmingSpaces.isEmpty { throw CommandError.usage("\(name) \"\" is empty") }
    }
    let escalating = level != nil || to != nil || replyBy != nil || note != nil || date != nil
    let replying = reply != nil || on != nil
    let mode: EscalationChange
    if remove {
      if correct || escalating || replying {
        throw CommandError.usage("--remove takes no other option but --by")
      }
      mode = .remove
    } else if correct {
      if !escalating && !replying {
        throw CommandError.usage(
          "--correct needs at least one of --level, --to, --reply-by, --note, --date, --reply, --on")
      }
      mode = .correct
    } else if replying {
      if escalating {
        throw CommandError.usage(
          "--reply records a reply; escalate again in a separate command, or give --correct to put one right")
      }
      guard reply != nil else { throw CommandError.usage("--on goes with --reply TEXT") }
      mode = .reply
    } else {
      guard level != nil, to != nil, replyBy != nil else {
        throw CommandError.usage(
          "action escalate needs --level LEVEL, --to WHO and --reply-by DAY (or --reply TEXT to record a reply)"
        )
      }
      mode = .escalate
    }
    let who = context.who(by)
    var message = ""
    _ = try context.apply(by: who) { before in
      let (r, m, a) = try locate(reference, in: before)
      let levels = before.partnership.settings.escalationLevelsInForce.map(\.id)
      if let level, !levels.contains(level) {
        let hint = nearest(level, in: levels).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage(
          "--level: \"\(level)\" is not a level of escalation the partnership uses (\(levels.joined(separator: ", ")))\(hint)"
        )
      }
      let action = before.reviews[r].recommendations[m].actions[a]
      let escalations = action.escalations ?? []
      let change: LearningModel.EscalationChange
      switch mode {
      case .escalate:
        guard let level, let to, let replyBy else { return ChangeSet([]) }
        let day = date ?? context.today
        if let agreed = action.agreed, day < agreed {
          throw CommandError.usage("--date: \(day) is before the action was agreed (\(agreed))")
        }
        if replyBy < day {
          throw CommandError.usage("--reply-by: \(replyBy) is before the escalation (\(day))")
        }
        change = .escalate(Escalation(date: day, level: level, to: to, replyBy: replyBy, note: note, by: who))
        let name = before.partnership.settings.escalationLevelName(level)
        message = "escalated \(reference) to \(to) (\(name)), reply by \(replyBy)"
      case .reply:
        guard let reply else { return ChangeSet([]) }
        guard let index = escalations.lastIndex(where: { $0.replied == nil }) else {
          throw CommandError.usage(
            "action \(reference) has no escalation awaiting a reply; escalate it first, or give --correct")
        }
        let day = on ?? context.today
        if day < escalations[index].date {
          throw CommandError.usage(
            "--on: \(day) is before the escalation it answers (\(escalations[index].date))")
        }
        change = .reply(reply, on: day)
        message = "recorded the reply of \(escalations[index].to) to the escalation of \(reference)"
      case .correct:
        guard !escalations.isEmpty else {
          throw CommandError.usage("action \(reference) has no escalation to correct")
        }
        var correction = EscalationCorrection()
        correction.level = level
        correction.to = to
        correction.replyBy = replyBy
        correction.note = note
        correction.date = date
        correction.reply = reply
        correction.replied = on
        correction.repliedByDefault = context.today
        if on != nil && reply == nil && escalations[escalations.count - 1].reply == nil {
          throw CommandError.usage(
            "--on: the latest escalation of \(reference) has no reply; give --reply TEXT")
        }
        change = .correctLatest(correction)
        var corrected = escalations
        change.apply(to: &corrected)
        let fixed = corrected[corrected.count - 1]
        if fixed.replyBy < fixed.date {
          throw CommandError.usage("--reply-by: \(fixed.replyBy) is before the escalation (\(fixed.date))")
        }
        if let replied = fixed.replied, replied < fixed.date {
          throw CommandError.usage("--on: \(replied) is before the escalation (\(fixed.date))")
        }
        message = "corrected the latest escalation of \(reference)"
      case .remove:
        guard let removed = escalations.last else {
          throw CommandError.usage("action \(reference) has no escalation to remove")
        }
        change = .removeLatest
        message = "removed the escalation of \(reference) to \(removed.to) made \(removed.date)"
      }
      return ChangeSet([.changeEscalations(reference, change)])
    }
    context.console.note(message)
    return ExitCode.ok
  }

  /// What one `action escalate` does.
  enum EscalationChange {
    case escalate, reply, correct, remove
  }
}

extension LearningTrackerCommand {
  /// The action's escalations for `action show`, oldest first, each with its reply or how late it is.
  static func escalationText(_ action: Action, settings: Settings, asOf: CalendarDay) -> String {
    guard let escalations = action.escalations, !escalations.isEmpty else { return "" }
    var text = "\nEscalations:\n"
    for escalation in escalations {
      text += "  \(escalation.date)\(escalation.date > asOf ? " (after \(asOf))" : "")  "
      text +=
        "\(settings.escalationLevelName(escalation.level)) to \(escalation.to), reply by \(escalation.replyBy)"
      if let note = escalation.note { text += ", \"\(note)\"" }
      if let by = escalation.by { text += ", by \(by)" }
      text += "\n"
      if let reply = escalation.reply, let replied = escalation.replied {
        text += "    replied \(replied): \"\(reply)\"\n"
      } else if escalation.isReplyOverdue(on: asOf) {
        text +=
          "    no reply yet: \(LearningModel.plural(asOf.days(since: escalation.replyBy), "day")) late\n"
      } else {
        text += "    awaiting a reply\n"
      }
    }
    return text
  }
}
