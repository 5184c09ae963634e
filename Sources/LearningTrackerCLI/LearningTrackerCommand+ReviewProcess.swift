import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The review as it happens: its steps, its Rapid Review decision record, its correspondence
  /// with the Panel and its publication, each a change of the review through the one change path.
  static var reviewProcessCommands: [Command] {
    [reviewStep, reviewDecision, reviewCorrespondence, reviewPublication, reviewChecklist]
  }

  /// A yes or no option, read as true for yes.
  static func yesNo(_ name: String, help: String) -> TypedOption<Bool?> {
    let words = ["yes", "no"]
    return TypedOption(
      Option(
        name, .word(placeholder: words.joined(separator: "|"), vocabulary: "answer", words: words), help: help
      )
    ) { $0.first?.text.map { $0 == "yes" } }
  }

  /// The options of `review step`.
  enum ReviewStepOptions {
    static let done: TypedOption<CalendarDay?> = .day("--done", help: "the day the step was done")
    static let planned: TypedOption<CalendarDay?> = .day("--planned", help: "the day the step is planned for")
    static let notNeeded: TypedOption<String?> = .text(
      "--not-needed", "REASON", help: "the step is not needed for this review, for this reason")
    static let clear: TypedOption<Bool> = .flag(
      "--clear", help: "forget the step for this review (and a built-in step's day)")
    static let note: TypedOption<String?> = .text("--note", "TEXT", help: "a short note")
  }

  static let reviewStep = Command(
    words: ["review", "step"], summary: "record a step of a review: done, planned or not needed",
    discussion: """
      Records where a step of the timetable stands for a review: --done DAY, --planned DAY, or \
      --not-needed REASON, with a note and who recorded it; --clear forgets the step for the review. \
      Recording a built-in step (aware, notified, referred, discussed, rapidReview, decision, \
      sentToPanel, published) done sets the review's day of that name. See 'timetable list' for the \
      steps.
      """,
    positionals: [
      Positional("REVIEW", help: "the review, such as RR-2026-03"),
      Positional("STEP", help: "the step, such as meeting"),
    ],
    options: [
      ReviewStepOptions.done, ReviewStepOptions.planned, ReviewStepOptions.notNeeded, ReviewStepOptions.clear,
      ReviewStepOptions.note, .by,
    ],
    exclusive: [
      [ReviewStepOptions.done, ReviewStepOptions.notNeeded],
      [ReviewStepOptions.clear, ReviewStepOptions.done],
      [ReviewStepOptions.clear, ReviewStepOptions.planned],
      [ReviewStepOptions.clear, ReviewStepOptions.notNeeded],
      [ReviewStepOptions.clear, ReviewStepOptions.note],
    ]
  ) { args, context in
    let id = try args.positional(0)
    let step = try args.positional(1)
    let done = try args[ReviewStepOptions.done]
    let planned = try args[ReviewStepOptions.planned]
    let notNeeded = try args[ReviewStepOptions.notNeeded]
    if let notNeeded, notNeeded.trimmingSpaces.isEmpty {
      throw CommandError.usage("--not-needed needs the reason the step is not needed")
    }
    let clear = args[ReviewStepOptions.clear]
    let note = try args[ReviewStepOptions.note]
    let by = try args[.by]
    if done == nil && planned == nil && notNeeded == nil && !clear && note == nil {
      throw CommandError.usage("give --done DAY, --planned DAY, --not-needed REASON, --note TEXT or --clear")
    }
    try context.apply(by: context.who(by)) { before in
      let index = try reviewPosition(id, in: before)
      _ = try stepPosition(step, in: before.timetable)
      let review = before.reviews[index]
      if clear {
        guard review.stepRecord(step) != nil || review.doneDay(step) != nil else {
          throw CommandError.usage("review \(id) records nothing for step \"\(step)\"")
        }
        return ChangeSet([.updateReview(id, [.clearStep(step)])])
      }
      if notNeeded != nil, let done = review.doneDay(step) {
        throw CommandError.usage(
          "review \(id) records step \"\(step)\" done on \(done.description); clear it first with --clear")
      }
      let entry = StepRecord(
        step: step, done: done, planned: planned, notNeeded: notNeeded, note: note, by: by)
      return ChangeSet([.updateReview(id, [.recordStep(entry)])])
    }
    context.console.note("recorded step \(step) of review \(id)")
    return ExitCode.ok
  }

  /// The options of `review decision`.
  enum ReviewDecisionOptions {
    static let criteriaMet = yesNo("--criteria-met", help: "whether the criteria for an LCSPR are met")
    static let nationalReview = yesNo(
      "--national-review", help: "whether a national review is recommended to the Panel")
    static let reasons: TypedOption<String?> = .text(
      "--reasons", "TEXT", help: "the reasons for the decision")
    static let disagreement: TypedOption<String?> = .text(
      "--disagreement", "TEXT", help: "any disagreement between the partners and how it was resolved")
    static let scrutineerAdvice: TypedOption<String?> = .text(
      "--scrutineer-advice", "TEXT", help: "the independent scrutineer's advice")
    static let ratified: TypedOption<String?> = .text(
      "--ratified", "AGENCY", help: "a safeguarding partner that ratified the decision (with --on)")
    static let on: TypedOption<CalendarDay?> = .day("--on", help: "the day of the ratification")
    static let ratifiedBy: TypedOption<String?> = .text(
      "--ratified-by", "ROLE", help: "who ratified for the partner")
    static let unratify: TypedOption<String?> = .text(
      "--unratify", "AGENCY", help: "take back a partner's recorded ratification")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD",
      help: "unset criteria-met, reasons, national-review, disagreement or scrutineer-advice")
    static let remove: TypedOption<Bool> = .flag("--remove", help: "remove the decision record")
  }

  static let reviewDecision = Command(
    words: ["review", "decision"], summary: "record a Rapid Review's decision and its ratification",
    discussion: """
      Records the decision record of a Rapid Review: whether the criteria for an LCSPR are met and \
      why, whether a national review is recommended, any disagreement between the partners and the \
      independent scrutineer's advice, and each safeguarding partner's ratification (--ratified \
      AGENCY --on DAY; --unratify AGENCY takes one back). --clear FIELD unsets a field; --remove \
      removes the whole record. The review's outcome stays 'review update --rapid-review-outcome'.
      """,
    positionals: [Positional("REVIEW", help: "the review, such as RR-2026-03")],
    options: [
      ReviewDecisionOptions.criteriaMet, ReviewDecisionOptions.reasons, ReviewDecisionOptions.nationalReview,
      ReviewDecisionOptions.disagreement, ReviewDecisionOptions.scrutineerAdvice,
      ReviewDecisionOptions.ratified, ReviewDecisionOptions.on, ReviewDecisionOptions.ratifiedBy,
      ReviewDecisionOptions.unratify, ReviewDecisionOptions.clear, ReviewDecisionOptions.remove, .by,
    ]
  ) { args, context in
    let id = try args.positional(0)
    let criteriaMet = try args[ReviewDecisionOptions.criteriaMet]
    let reasons = try args[ReviewDecisionOptions.reasons]
    let nationalReview = try args[ReviewDecisionOptions.nationalReview]
    let disagreement = try args[ReviewDecisionOptions.disagreement]
    let advice = try args[ReviewDecisionOptions.scrutineerAdvice]
    let ratified = try args[ReviewDecisionOptions.ratified]
    let on = try args[ReviewDecisionOptions.on]
    let ratifiedBy = try args[ReviewDecisionOptions.ratifiedBy]
    let unratify = try args[ReviewDecisionOptions.unratify]
    let clears = try args[ReviewDecisionOptions.clear]
    let remove = args[ReviewDecisionOptions.remove]
    let by = try args[.by]
    try checkClears(
      clears, among: ["criteria-met", "reasons", "national-review", "disagreement", "scrutineer-advice"])
    if (ratified == nil) != (on == nil) { throw CommandError.usage("give --ratified AGENCY with --on DAY") }
    let anything =
      criteriaMet != nil || reasons != nil || nationalReview != nil || disagreement != nil || advice != nil
      || ratified != nil || unratify != nil || !clears.isEmpty || remove
    if !anything {
      throw CommandError.usage("give at least one thing to record; see 'review decision --help'")
    }
    if remove && (anything && !(criteriaMet == nil && reasons == nil && ratified == nil && unratify == nil)) {
      throw CommandError.usage("--remove removes the whole record: give it alone")
    }
    try context.apply(by: context.who(by)) { before in
      let index = try reviewPosition(id, in: before)
      let review = before.reviews[index]
      if remove {
        guard review.decisionRecord != nil else {
          throw CommandError.usage("review \(id) has no decision record")
        }
        return ChangeSet([.updateReview(id, [.removeDecisionRecord])])
      }
      var change = DecisionChange()
      change.clears = clears
      change.criteriaMet = criteriaMet
      change.reasons = reasons
      change.nationalReviewRecommended = nationalReview
      change.disagreement = disagreement
      change.scrutineerAdvice = advice
      if let unratify {
        guard review.decisionRecord?.ratifications?.contains(where: { $0.partner == unratify }) == true else {
          throw CommandError.usage("--unratify: review \(id) records no ratification by \"\(unratify)\"")
        }
        change.unratify = unratify
      }
      if let ratified, let on {
        if before.agency(ratified) == nil {
          let hint = nearest(ratified, in: before.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
          throw CommandError.usage("--ratified: no agency \"\(ratified)\"\(hint)")
        }
        change.ratify = Ratification(partner: ratified, by: ratifiedBy, day: on)
      }
      return ChangeSet([.updateReview(id, [.decision(change)])])
    }
    context.console.note("recorded the decision of review \(id)")
    return ExitCode.ok
  }

  /// The options of `review correspondence`.
  enum ReviewCorrespondenceOptions {
    static let day: TypedOption<CalendarDay?> = .day("--day", help: "the day it was sent or received")
    static let direction: TypedOption<String?> = .choice(
      "--direction", ["sent", "received"], vocabulary: "direction", help: "sent or received")
    static let with: TypedOption<Correspondent?> = .word(
      "--with", Correspondent.self, placeholder: "BODY", help: "who it was sent to or received from")
    static let kind: TypedOption<CorrespondenceKind?> = .word(
      "--kind", CorrespondenceKind.self, placeholder: "KIND", help: "what it was")
    static let response: TypedOption<PanelResponse?> = .word(
      "--response", PanelResponse.self, placeholder: "WORD", help: "what the Panel's response said")
    static let text: TypedOption<String?> = .text(
      "--text", "TEXT", help: "a short text: the gist, the reviewer's name, the reason for a delay")
    static let remove: TypedOption<Bool> = .flag("--remove", help: "remove the entry")
  }

  static let reviewCorrespondence = Command(
    words: ["review", "correspondence"], summary: "log what was sent to or received from the Panel",
    discussion: """
      Adds or corrects an entry of a review's correspondence with the National Panel, the DfE, \
      Ofsted or the Secretary of State: its day, whether it was sent or received, what it was \
      (notification, template, panelResponse, reviewerName, delayNotice, finalReport, \
      notPublishing, other), for the Panel's response what it said, and a short text. ENTRY is \
      the entry's ID in the review, such as C1; --remove removes it.
      """,
    positionals: [
      Positional("REVIEW", help: "the review, such as RR-2026-03"),
      Positional("ENTRY", help: "the entry, such as C1"),
    ],
    options: [
      ReviewCorrespondenceOptions.day, ReviewCorrespondenceOptions.direction,
      ReviewCorrespondenceOptions.with, ReviewCorrespondenceOptions.kind,
      ReviewCorrespondenceOptions.response, ReviewCorrespondenceOptions.text,
      ReviewCorrespondenceOptions.remove, .by,
    ]
  ) { args, context in
    let id = try args.positional(0)
    let entryID = try args.positional(1)
    let day = try args[ReviewCorrespondenceOptions.day]
    let direction = try args[ReviewCorrespondenceOptions.direction]
    let with = try args[ReviewCorrespondenceOptions.with]
    let kind = try args[ReviewCorrespondenceOptions.kind]
    let response = try args[ReviewCorrespondenceOptions.response]
    let text = try args[ReviewCorrespondenceOptions.text]
    if let text, text.trimmingSpaces.isEmpty { throw CommandError.usage("--text \"\" is empty") }
    let remove = args[ReviewCorrespondenceOptions.remove]
    let by = try args[.by]
    let anything =
      day != nil || direction != nil || with != nil || kind != nil || response != nil || text != nil
    if remove && anything { throw CommandError.usage("--remove removes the entry: give it alone") }
    if !remove && !anything {
      throw CommandError.usage("give the entry's fields; see 'review correspondence --help'")
    }
    var added = false
    try context.apply(by: context.who(by)) { before in
      let index = try reviewPosition(id, in: before)
      let entries = before.reviews[index].correspondence ?? []
      let exists = entries.contains { $0.id == entryID }
      if remove {
        guard exists else {
          let hint = nearest(entryID, in: entries.map(\.id)).map { "; did you mean \($0)?" } ?? ""
          throw CommandError.usage("review \(id) has no correspondence entry \"\(entryID)\"\(hint)")
        }
        return ChangeSet([.updateReview(id, [.removeCorrespondence(id: entryID)])])
      }
      if exists {
        var correction = CorrespondenceCorrection()
        correction.day = day
        correction.received = direction.map { $0 == "received" }
        correction.with = with
        correction.kind = kind
        correction.response = response
        correction.text = text
        return ChangeSet([.updateReview(id, [.correctCorrespondence(id: entryID, correction)])])
      }
      try checkIdentifier(entryID, of: "correspondence entry", given: "ENTRY")
      guard let day, let kind, let text else {
        throw CommandError.usage("a new entry needs --day DAY, --kind KIND and --text TEXT")
      }
      added = true
      return ChangeSet([
        .updateReview(
          id,
          [
            .addCorrespondence(
              CorrespondenceEntry(
                id: entryID, day: day, received: direction == "received", with: with ?? .panel, kind: kind,
                response: response, text: text))
          ])
      ])
    }
    context.console.note(
      "\(remove ? "removed" : added ? "added" : "corrected") correspondence \(entryID) of review \(id)")
    return ExitCode.ok
  }

  /// The options of `review publication`.
  enum ReviewPublicationOptions {
    static let decision: TypedOption<PublicationDecision?> = .word(
      "--decision", PublicationDecision.self, help: "the publication decision")
    static let justification: TypedOption<String?> = .text(
      "--justification", "TEXT", help: "why the report is not published")
    static let reviewer: TypedOption<String?> = .text(
      "--reviewer", "NAME", help: "the reviewer's name, as published with the report")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD", help: "unset decision, justification or reviewer")
  }

  static let reviewPublication = Command(
    words: ["review", "publication"], summary: "record a review's publication decision and reviewer",
    discussion: """
      Records the partnership's publication decision (publish, improvementsOnly: publish \
      information about improvements only, notPublish: with the justification given to the Panel) \
      and the reviewer's name. --clear FIELD unsets decision, justification or reviewer. The \
      checklist is ticked off with 'review checklist'.
      """,
    positionals: [Positional("REVIEW", help: "the review, such as LCSPR-2026-01")],
    options: [
      ReviewPublicationOptions.decision, ReviewPublicationOptions.justification,
      ReviewPublicationOptions.reviewer, ReviewPublicationOptions.clear, .by,
    ]
  ) { args, context in
    let id = try args.positional(0)
    let decision = try args[ReviewPublicationOptions.decision]
    let justification = try args[ReviewPublicationOptions.justification]
    let reviewer = try args[ReviewPublicationOptions.reviewer]
    let clears = try args[ReviewPublicationOptions.clear]
    let by = try args[.by]
    try checkClears(clears, among: ["decision", "justification", "reviewer"])
    if decision == nil && justification == nil && reviewer == nil && clears.isEmpty {
      throw CommandError.usage("give at least one thing to record; see 'review publication --help'")
    }
    try context.apply(by: context.who(by)) { before in
      _ = try reviewPosition(id, in: before)
      return ChangeSet([
        .updateReview(
          id,
          [.publication(decision: decision, justification: justification, reviewer: reviewer, clears: clears)]
        )
      ])
    }
    context.console.note("recorded the publication of review \(id)")
    return ExitCode.ok
  }

  /// The options of `review checklist`.
  enum ReviewChecklistOptions {
    static let done: TypedOption<CalendarDay?> = .day("--done", help: "the day the item was done")
    static let clear: TypedOption<Bool> = .flag("--clear", help: "take the item back")
  }

  static let reviewChecklist = Command(
    words: ["review", "checklist"], summary: "tick off a publication checklist item for a review",
    discussion: """
      Records an item of the publication checklist done for a review, with the day and who did it \
      (--done DAY); recording it again corrects it; --clear takes it back. See 'checklist list' for \
      the items.
      """,
    positionals: [
      Positional("REVIEW", help: "the review, such as LCSPR-2026-01"),
      Positional("ITEM", help: "the checklist item, such as website"),
    ],
    options: [ReviewChecklistOptions.done, ReviewChecklistOptions.clear, .by],
    exclusive: [[ReviewChecklistOptions.done, ReviewChecklistOptions.clear]]
  ) { args, context in
    let id = try args.positional(0)
    let item = try args.positional(1)
    let done = try args[ReviewChecklistOptions.done]
    let clear = args[ReviewChecklistOptions.clear]
    let by = try args[.by]
    if done == nil && !clear { throw CommandError.usage("give --done DAY or --clear") }
    try context.apply(by: context.who(by)) { before in
      let index = try reviewPosition(id, in: before)
      _ = try itemPosition(item, in: before.timetable)
      let ticks = before.reviews[index].publication?.checklist ?? []
      if clear {
        guard ticks.contains(where: { $0.item == item }) else {
          throw CommandError.usage("review \(id) records no item \"\(item)\" done")
        }
        return ChangeSet([.updateReview(id, [.untickChecklistItem(item)])])
      }
      guard let done else { return ChangeSet([.updateReview(id, [])]) }
      return ChangeSet([.updateReview(id, [.tickChecklistItem(ChecklistTick(item: item, day: done, by: by))])]
      )
    }
    context.console.note("recorded checklist item \(item) of review \(id)")
    return ExitCode.ok
  }
}
