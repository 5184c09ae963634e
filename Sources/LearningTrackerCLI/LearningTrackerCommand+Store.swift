import Foundation
import LearningDemo
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// The options of `init`.
  enum InitOptions {
    static let name: TypedOption<String?> = .text(
      "--name", "NAME", help: "the partnership's name (default: \"Safeguarding Children Partnership\")")
  }

  static let initCommand = Command(
    words: ["init"], summary: "create a new store with the default catalogues",
    discussion: """
      Creates a new store (file mode 0600) for a partnership. Its catalogues are filled with
      defaults from partnership guidance: categories of abuse, practice themes (the Rapid Review
      analysis headings and common national themes), dissemination methods and the eight
      Section 11 standards. The three statutory partners are added as agencies (la, police, icb);
      add others with 'agency add'. The timetable of review steps and the publication checklist are
      the defaults (see 'timetable list'). An existing file is never overwritten.
      """,
    options: [InitOptions.name]
  ) { args, context in
    let name = try args[InitOptions.name] ?? "Safeguarding Children Partnership"
    var tracker = DefaultCatalogues.newTracker(partnershipName: name)
    tracker.partnership.timetable = Timetable.standard()
    tracker.agencies = [
      Agency(
        id: "la", name: "Local authority children's services", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
      Agency(id: "icb", name: "Integrated Care Board", kind: .health, statutoryPartner: true),
    ]
    let outcome = try context.transaction(by: context.who(nil)).create(tracker)
    context.report(outcome.warnings)
    context.console.note("created \(context.dataPath) for \(name)")
    return ExitCode.ok
  }

  static let validateCommand = Command(
    words: ["validate"], summary: "check the store and list every problem",
    discussion: """
      Reads the store and reports every finding in one pass: errors (which block writing) and
      warnings. Each names its JSON path, the check that found it, and a hint.
      Exit codes: 0 no errors (warnings allowed), 65 errors or a file that cannot be read as a store,
      66 no such file or it cannot be read.
      """,
    options: [.listFormat]
  ) { args, context in
    let format = try args[.listFormat] ?? "text"
    let loaded = try context.load()
    var diagnostics = loaded.unknownFields.map {
      Diagnostic(
        severity: .error, check: .requiredText, path: $0, message: "unknown field (not in the store format)",
        hint: "check the spelling against docs/FORMAT.md; a rewrite would drop it")
    }
    diagnostics += Validator(today: context.today).validate(loaded.tracker)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if format == "json" {
      context.console.out(try DiagnosticText.json(diagnostics), exact: true)
    } else {
      for diagnostic in diagnostics {
        context.console.out(DiagnosticText.terminal(diagnostic, file: context.dataPath) + "\n")
      }
      // A store changed outside learning-tracker: the history's last entry did not leave it.
      if let history = try? History.read(store: context.dataPath),
        let problem = HistoryCoverage.storeProblem(history, store: context.dataPath)
      {
        context.console.warning(problem + " ('history --verify' checks the whole history)")
      }
      let actions = loaded.tracker.placedActions.count
      context.console.note(
        "\(context.dataPath): \(LearningModel.plural(errors, "error")), \(LearningModel.plural(warnings, "warning")); "
          + "\(LearningModel.plural(loaded.tracker.reviews.count, "review")), "
          + "\(LearningModel.plural(actions, "action"))")
    }
    if errors > 0 { throw CommandError.badData("") }
    return ExitCode.ok
  }

  /// The options of `format`.
  enum FormatOptions {
    static let fixText: TypedOption<Bool> = .flag(
      "--fix-text",
      help: "also remove control characters (escape sequences, bell, backspace, bidirectional "
        + "controls, ...) from every text, as 'validate' warns; recorded in the history")
  }

  static let formatCommand = Command(
    words: ["format"], summary: "rewrite the store in its canonical layout",
    discussion: """
      Rewrites the store pretty-printed with sorted keys, as every command writes it, so that a file \
      edited by hand diffs cleanly again. Nothing is written if the store has errors or fields the \
      format does not know. With --fix-text, control characters are removed from every text too; \
      IDs are left alone: correct those by hand.
      """,
    options: [FormatOptions.fixText, .by]
  ) { args, context in
    let fixText = args[FormatOptions.fixText]
    let by = try args[.by]
    var fixed: [String] = []
    let before = FileManager.default.contents(atPath: context.dataPath)
    if fixText {
      try context.rewrite(by: context.who(by)) { fixTexts(&$0, &fixed) }
    } else {
      try context.rewrite(by: context.who(by))
    }
    if before != nil && FileManager.default.contents(atPath: context.dataPath) == before {
      context.console.note("\(context.dataPath) is already in the canonical layout; nothing changed")
      return ExitCode.ok
    }
    context.console.note(
      "rewrote \(context.dataPath)"
        + (fixText ? "; removed control characters from \(LearningModel.plural(fixed.count, "text"))" : ""))
    for path in fixed.prefix(20) { context.console.note("  fixed \(path)") }
    if fixed.count > 20 { context.console.note("  and \(fixed.count - 20) more") }
    return ExitCode.ok
  }

  /// Removes control characters from every text of the store; returns the records that changed,
  /// for the history, and sets `paths` to the texts that changed. The partnership's own texts are
  /// fixed too; the history holds them only in the store's digest, as no record reference names them.
  static func fixTexts(_ tracker: inout Tracker, _ paths: inout [String]) -> [TouchedRecord] {
    let before = tracker
    (tracker, paths) = before.removingControlCharacters()
    var touched: [TouchedRecord] = []
    let catalogues: [(CatalogueKind, KeyPath<Tracker, [CatalogueEntry]>)] = [
      (.theme, \.themes), (.category, \.categories), (.method, \.disseminationMethods),
      (.standard, \.section11Standards),
    ]
    for (kind, keyPath) in catalogues {
      for (old, new) in zip(before[keyPath: keyPath], tracker[keyPath: keyPath]) where old != new {
        touched.append(.catalogueEntry(kind, new.id))
      }
    }
    for (old, new) in zip(before.agencies, tracker.agencies) where old != new {
      touched.append(.agency(new.id))
    }
    for (old, new) in zip(before.reviews, tracker.reviews) where old != new {
      touched.append(.review(new.id))
    }
    for (old, new) in zip(before.disseminations, tracker.disseminations) where old != new {
      touched.append(.dissemination(new.id))
    }
    for (old, new) in zip(before.section11, tracker.section11) where old != new {
      // The cycle names the return; when it changes, the old return goes and the new one comes.
      touched.append(.section11(agency: old.agency, cycle: old.cycle))
      if new.cycle != old.cycle { touched.append(.section11(agency: new.agency, cycle: new.cycle)) }
    }
    return touched
  }

  /// The options of `agency add`.
  enum AgencyAddOptions {
    static let id: TypedOption<String> = .identifier(
      "--id", of: "agency", help: "the agency's ID (letters, digits, -, _ and .)")
    static let name: TypedOption<String> = .text("--name", "NAME", help: "the agency's name")
    static let kind: TypedOption<AgencyKind?> = .word(
      "--kind", AgencyKind.self, placeholder: "KIND", help: "the kind of agency (default other)")
    static let statutory: TypedOption<Bool> = .flag("--statutory", help: "a statutory safeguarding partner")
  }

  static var agencyCommands: [Command] {
    [
      Command(
        words: ["agency", "add"], summary: "add an agency",
        discussion: "Adds an agency that can own actions, receive learning and make Section 11 returns.",
        options: [
          AgencyAddOptions.id, AgencyAddOptions.name, AgencyAddOptions.kind, AgencyAddOptions.statutory, .by,
        ]
      ) { args, context in
        let id = try args[AgencyAddOptions.id]
        let name = try args[AgencyAddOptions.name]
        let kind = try args[AgencyAddOptions.kind] ?? .other
        let statutory = args[AgencyAddOptions.statutory]
        let by = try args[.by]
        try context.apply(by: context.who(by)) { _ in
          ChangeSet([.add(.agency(Agency(id: id, name: name, kind: kind, statutoryPartner: statutory)))])
        }
        context.console.note("added agency \(id)")
        return ExitCode.ok
      },
      Command(
        words: ["agency", "list"], summary: "list the agencies",
        options: [.listFormat]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let tracker = try context.load().tracker
        if format == "json" {
          context.console.out(try jsonText(tracker.agencies), exact: true)
        } else {
          let rows = tracker.agencies.map {
            [$0.id, $0.name, $0.kind.title, $0.statutoryPartner ? "yes" : "no"]
          }
          context.console.out(listing(["ID", "Name", "Kind", "Statutory partner"], rows))
        }
        return ExitCode.ok
      },
    ]
  }

}

extension LearningTrackerCommand {
  /// The options of `generate`.
  enum GenerateOptions {
    static let reviews: TypedOption<Int?> = .number(
      "--reviews", range: 0...1_000_000, required: true, help: "how many reviews")
    static let output: TypedOption<String> = .text(
      "--output", "FILE", help: "the file to write (never overwritten)")
    static let seed: TypedOption<Int?> = .number(
      "--seed", "S", range: 0...Int.max, help: "the seed of the generator (default 1)")
    static let asOf: TypedOption<CalendarDay?> = .day(
      "--as-of", help: "the day the store is as of (default today)")
    static let texts: TypedOption<String?> = .choice(
      "--texts", ["templated", "prose"], vocabulary: "kind of text",
      help: "recommendation texts: templated (a few templates, the default) or prose")
    static let plantedRepeats: TypedOption<Int?> = .number(
      "--planted-repeats", "PERCENT", range: 0...100,
      help: "with prose texts, the percent of recommendations that repeat an earlier one (default 1)")
  }

  static let generateCommand = Command(
    words: ["generate"], summary: "write a realistic synthetic store (demonstrations, load tests)",
    discussion: """
      Writes a deterministic synthetic store in the real format: reviews of every kind over ten
      years, about eight recommendations per LCSPR and fewer per Rapid Review, about four actions
      per recommendation with realistic update logs (slips, blocks, withdrawals, completion and
      assurance), dissemination and Section 11 returns. The same arguments give the same file.
      With --texts prose, recommendation texts vary as prose does (a few words in most texts, most \
      words rare), and about --planted-repeats percent of recommendations repeat one from at least \
      400 days before with a word changed.
      """,
    options: [
      GenerateOptions.reviews, GenerateOptions.output, GenerateOptions.seed, GenerateOptions.asOf,
      GenerateOptions.texts, GenerateOptions.plantedRepeats,
    ],
    usesStore: false
  ) { args, context in
    let count = try args[GenerateOptions.reviews] ?? 0
    let output = try args[GenerateOptions.output]
    let seed = UInt64(try args[GenerateOptions.seed] ?? 1)
    let asOf = try args[GenerateOptions.asOf] ?? context.today
    let texts =
      SyntheticPartnership.RecommendationTexts(rawValue: try args[GenerateOptions.texts] ?? "templated")
      ?? .templated
    let planted = try args[GenerateOptions.plantedRepeats] ?? 1
    try OutputTarget.check(output, store: context.dataPath)
    let tracker = SyntheticPartnership.generate(
      reviews: count, seed: seed, asOf: asOf, texts: texts, plantedRepeats: planted)
    try StoreWriter.create(tracker, at: output, today: asOf)
    context.console.note(
      "wrote \(output): \(tracker.reviews.count) reviews, \(tracker.placedActions.count) actions")
    return ExitCode.ok
  }
}
