import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// The partnership's timetable of review steps and its publication checklist: list, add,
  /// correct and remove, each a change of the one `timetable` record, with history and undo.
  static var timetableCommands: [Command] {
    [
      timetableList, timetableAdd, timetableUpdate, timetableRemove, checklistList, checklistAdd,
      checklistUpdate,
      checklistRemove,
    ]
  }

  /// The options that set a step's name, kinds and deadline, for `timetable add` and `timetable update`.
  enum StepOptions {
    static let name: TypedOption<String?> = .text(
      "--name", "TEXT", help: "what the step is, such as \"Rapid Review meeting\"")
    static let kind: TypedOption<[ReviewKind]> = .words(
      "--kind", ReviewKind.self, placeholder: "KIND",
      help: "a review kind the step applies to (repeat; none: every kind)")
    static let after: TypedOption<String?> = .text(
      "--after", "STEP", help: "the deadline runs from this step")
    static let before: TypedOption<String?> = .text(
      "--before", "STEP", help: "the deadline runs back from this step")
    static let workingDays: TypedOption<Int?> = .number(
      "--working-days", range: 0...9999, help: "the deadline is N working days after (or before) the step")
    static let months: TypedOption<Int?> = .number(
      "--months", range: 0...9999, help: "the deadline is N calendar months after the step")
    static let placeBefore: TypedOption<String?> = .text(
      "--place-before", "STEP", help: "put the step before this one in the order")
    static let everyKind: TypedOption<Bool> = .flag(
      "--every-kind", help: "apply the step to every kind of review")
    static let noDeadline: TypedOption<Bool> = .flag("--no-deadline", help: "the step has no deadline")
  }

  /// The options that set a step's name, kinds and deadline, for `timetable add` and `timetable update`.
  static let stepOptions: [any OptionDeclaration] = [
    StepOptions.name, StepOptions.kind, StepOptions.after, StepOptions.before, StepOptions.workingDays,
    StepOptions.months,
  ]

  /// The deadline given on the line, or `nil` when none is given; a half-given one is a usage error.
  static func stepDeadline(_ args: ParsedArguments) throws -> StepDeadline? {
    let after = try args[StepOptions.after]
    let before = try args[StepOptions.before]
    let workingDays = try args[StepOptions.workingDays]
    let months = try args[StepOptions.months]
    if after == nil && before == nil && workingDays == nil && months == nil { return nil }
    if after == nil && before == nil {
      throw CommandError.usage("give --after STEP or --before STEP with the count")
    }
    if workingDays == nil && months == nil {
      throw CommandError.usage("give --working-days N or --months N with --after or --before")
    }
    if before != nil && months != nil {
      throw CommandError.usage("--before counts working days: give --working-days N, not --months")
    }
    return StepDeadline(after: after, before: before, workingDays: workingDays, months: months)
  }

  /// The review kinds given with `--kind`.
  static func stepKinds(_ args: ParsedArguments) throws -> [ReviewKind] {
    try args[StepOptions.kind]
  }

  /// Refuses a timetable that breaks a rule, naming the step and what is wrong.
  static func checkTimetable(_ timetable: Timetable) throws {
    if let problem = timetable.problems.first {
      throw CommandError.usage("\(problem.path): \(problem.message)")
    }
  }

  /// The change set that revises the timetable, refused in the timetable's own terms (the step
  /// and what is wrong, by `Timetable.problems`, the rule the change path checks too) when the
  /// revised timetable would break a rule.
  static func timetableRevision(_ revisions: [TimetableRevision], of tracker: Tracker) throws -> ChangeSet {
    var revised = tracker.timetable
    for revision in revisions { revision.apply(to: &revised) }
    try checkTimetable(revised)
    return ChangeSet([.reviseTimetable(revisions)])
  }

  /// The step's position in the timetable, or a usage error with "did you mean".
  static func stepPosition(_ id: String, in timetable: Timetable) throws -> Int {
    guard let index = timetable.steps.firstIndex(where: { $0.id == id }) else {
      let hint = nearest(id, in: timetable.steps.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("no step \"\(id)\" in the timetable\(hint); see 'timetable list'")
    }
    return index
  }

  static let stepArgument = Positional("STEP", help: "the step's ID, such as meeting")

  static let timetableList = Command(
    words: ["timetable", "list"], summary: "list the steps of a review and their deadlines",
    discussion: """
      Lists the partnership's timetable: each step of a review in order, the review kinds it \
      applies to, and its deadline rule (working days are counted by the working-day calendar, \
      bank holidays included).
      """,
    options: [.listFormat]
  ) { args, context in
    let format = try args[.listFormat] ?? "text"
    let timetable = try context.load().tracker.timetable
    if format == "json" {
      context.console.out(try jsonText(timetable.steps), exact: true)
      return ExitCode.ok
    }
    let rows = timetable.steps.map { step in
      [
        step.id, step.name, step.kinds.map { $0.map(\.title).joined(separator: ", ") } ?? "every kind",
        step.deadline?.phrase ?? "",
      ]
    }
    context.console.out(listing(["Step", "Name", "Kinds", "Deadline"], rows))
    return ExitCode.ok
  }

  static let timetableAdd = Command(
    words: ["timetable", "add"], summary: "add a step to the timetable",
    discussion: """
      Adds a step to the partnership's timetable of review steps, after the others or before the \
      step named by --place-before, with the review kinds it applies to and its deadline: \
      --after STEP with --working-days N or --months N, or --before STEP with --working-days N.
      """,
    positionals: [stepArgument],
    options: stepOptions + [StepOptions.placeBefore, .by]
  ) { args, context in
    let id = try args.positional(0)
    try checkIdentifier(id, of: "step", given: "STEP")
    let name = try args.required(StepOptions.name)
    if name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
    let kinds = try stepKinds(args)
    let deadline = try stepDeadline(args)
    let placeBefore = try args[StepOptions.placeBefore]
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      if before.timetable.step(id) != nil {
        throw CommandError.usage("step \"\(id)\" is already in the timetable")
      }
      if let placeBefore { _ = try stepPosition(placeBefore, in: before.timetable) }
      let step = TimetableStep(id: id, name: name, kinds: kinds.isEmpty ? nil : kinds, deadline: deadline)
      return try timetableRevision([.addStep(step, before: placeBefore)], of: before)
    }
    context.console.note("added step \(id) to the timetable")
    return ExitCode.ok
  }

  static let timetableUpdate = Command(
    words: ["timetable", "update"], summary: "correct a step of the timetable",
    discussion: """
      Corrects a step in place: its name, the review kinds it applies to (--kind replaces them; \
      --every-kind applies it to all), its deadline (--no-deadline removes it). The ID stays: \
      reviews record steps by it.
      """,
    positionals: [stepArgument],
    options: stepOptions + [StepOptions.everyKind, StepOptions.noDeadline, .by],
    exclusive: [
      [StepOptions.kind, StepOptions.everyKind], [StepOptions.noDeadline, StepOptions.after],
      [StepOptions.noDeadline, StepOptions.before],
    ]
  ) { args, context in
    let id = try args.positional(0)
    let name = try args[StepOptions.name]
    if let name, name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
    let kinds = try stepKinds(args)
    let everyKind = args[StepOptions.everyKind]
    let deadline = try stepDeadline(args)
    let noDeadline = args[StepOptions.noDeadline]
    let by = try args[.by]
    if name == nil && kinds.isEmpty && !everyKind && deadline == nil && !noDeadline {
      throw CommandError.usage("give at least one thing to change; see 'timetable update --help'")
    }
    try context.apply(by: context.who(by)) { before in
      _ = try stepPosition(id, in: before.timetable)
      var revisions: [TimetableRevision] = []
      if let name { revisions.append(.renameStep(id, name: name)) }
      if !kinds.isEmpty { revisions.append(.stepKinds(id, kinds)) }
      if everyKind { revisions.append(.stepKinds(id, nil)) }
      if let deadline { revisions.append(.stepDeadline(id, deadline)) }
      if noDeadline { revisions.append(.stepDeadline(id, nil)) }
      return try timetableRevision(revisions, of: before)
    }
    context.console.note("updated step \(id) of the timetable")
    return ExitCode.ok
  }

  static let timetableRemove = Command(
    words: ["timetable", "remove"], summary: "remove a step no review records",
    discussion: """
      Removes a step from the timetable; `undo` puts it back. Refused, listing them, while a review \
      records the step, and while another step's deadline runs from it. The built-in steps (the \
      days a review records: aware, notified, referred, discussed, rapidReview, decision, \
      sentToPanel, published) may be removed only when no review records their day.
      """,
    positionals: [stepArgument],
    options: [.by]
  ) { args, context in
    let id = try args.positional(0)
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      let timetable = before.timetable
      _ = try stepPosition(id, in: timetable)
      let recording = DomainRules.reviewsRecording(step: id, in: before)
      if !recording.isEmpty {
        throw CommandError.usage(
          "step \"\(id)\" is recorded by review " + recording.joined(separator: ", ")
            + "; nothing was changed")
      }
      let dependents = DomainRules.stepsRunning(from: id, in: timetable)
      if !dependents.isEmpty {
        throw CommandError.usage(
          "the deadline of step " + dependents.joined(separator: ", ") + " runs from step \"\(id)\"; "
            + "change it first with 'timetable update'; nothing was changed")
      }
      return ChangeSet([.reviseTimetable([.removeStep(id)])])
    }
    context.console.note("removed step \(id) from the timetable")
    return ExitCode.ok
  }

  static let itemArgument = Positional("ITEM", help: "the checklist item's ID, such as website")

  /// The item's position in the checklist, or a usage error with "did you mean".
  static func itemPosition(_ id: String, in timetable: Timetable) throws -> Int {
    guard let index = timetable.publicationChecklist.firstIndex(where: { $0.id == id }) else {
      let hint =
        nearest(id, in: timetable.publicationChecklist.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("no item \"\(id)\" in the publication checklist\(hint); see 'checklist list'")
    }
    return index
  }

  static let checklistList = Command(
    words: ["checklist", "list"], summary: "list the publication checklist",
    discussion: """
      Lists what the partnership does when a review is published (family and practitioners told, \
      Lead Member, website, NSPCC repository...); each review ticks items off with 'review checklist'.
      """,
    options: [.listFormat]
  ) { args, context in
    let format = try args[.listFormat] ?? "text"
    let tracker = try context.load().tracker
    let items = tracker.timetable.publicationChecklist
    if format == "json" {
      context.console.out(try jsonText(items), exact: true)
      return ExitCode.ok
    }
    let rows = items.map { item in
      [
        item.id, item.name,
        String(
          tracker.reviews.filter { $0.publication?.checklist?.contains { $0.item == item.id } ?? false }.count
        ),
      ]
    }
    context.console.out(listing(["Item", "Name", "Done by reviews"], rows))
    return ExitCode.ok
  }

  /// The options of `checklist add`.
  enum ChecklistAddOptions {
    static let name: TypedOption<String> = .text(
      "--name", "TEXT", help: "what is done, such as \"Lead Member briefed\"")
  }

  static let checklistAdd = Command(
    words: ["checklist", "add"], summary: "add an item to the publication checklist",
    discussion: "Adds an item to the publication checklist every published review works through.",
    positionals: [itemArgument],
    options: [ChecklistAddOptions.name, .by]
  ) { args, context in
    let id = try args.positional(0)
    try checkIdentifier(id, of: "checklist item", given: "ITEM")
    let name = try args[ChecklistAddOptions.name]
    if name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      if before.timetable.publicationChecklist.contains(where: { $0.id == id }) {
        throw CommandError.usage("item \"\(id)\" is already in the publication checklist")
      }
      return ChangeSet([.reviseTimetable([.addChecklistItem(CatalogueEntry(id: id, name: name))])])
    }
    context.console.note("added item \(id) to the publication checklist")
    return ExitCode.ok
  }

  /// The options of `checklist update`.
  enum ChecklistUpdateOptions {
    static let name: TypedOption<String> = .text("--name", "TEXT", help: "what is done")
  }

  static let checklistUpdate = Command(
    words: ["checklist", "update"], summary: "correct an item of the publication checklist",
    discussion: "Corrects an item's name in place. The ID stays: reviews tick items off by it.",
    positionals: [itemArgument],
    options: [ChecklistUpdateOptions.name, .by]
  ) { args, context in
    let id = try args.positional(0)
    let name = try args[ChecklistUpdateOptions.name]
    if name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      _ = try itemPosition(id, in: before.timetable)
      return ChangeSet([.reviseTimetable([.renameChecklistItem(id, name: name)])])
    }
    context.console.note("updated item \(id) of the publication checklist")
    return ExitCode.ok
  }

  static let checklistRemove = Command(
    words: ["checklist", "remove"], summary: "remove an item no review has ticked",
    discussion: """
      Removes an item from the publication checklist; `undo` puts it back. Refused, listing them, \
      while a review records the item done.
      """,
    positionals: [itemArgument],
    options: [.by]
  ) { args, context in
    let id = try args.positional(0)
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      _ = try itemPosition(id, in: before.timetable)
      let ticked = DomainRules.reviewsTicking(item: id, in: before)
      if !ticked.isEmpty {
        throw CommandError.usage(
          "item \"\(id)\" is recorded done by review " + ticked.joined(separator: ", ")
            + "; nothing was changed")
      }
      return ChangeSet([.reviseTimetable([.removeChecklistItem(id)])])
    }
    context.console.note("removed item \(id) from the publication checklist")
    return ExitCode.ok
  }
}
