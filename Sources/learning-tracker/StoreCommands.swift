import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static let initCommand = Command(
    words: ["init"], summary: "create a new store with the default catalogues",
    help: """
      Usage: learning-tracker init [--name NAME] [--data FILE]

      Creates a new store (file mode 0600) for a partnership. Its catalogues are filled with
      defaults from partnership guidance: categories of abuse, practice themes (the Rapid Review
      analysis headings and common national themes), dissemination methods and the eight
      Section 11 standards. The three statutory partners are added as agencies (la, police, icb);
      add others with 'agency add'. An existing file is never overwritten.

      Options:
        --name NAME   the partnership's name (default: "Safeguarding Children Partnership")
      """
  ) { args, context in
    let name = try args.value("--name") ?? "Safeguarding Children Partnership"
    try args.finish()
    var tracker = DefaultCatalogues.newTracker(partnershipName: name)
    tracker.agencies = [
      Agency(
        id: "la", name: "Local authority children's services", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
      Agency(id: "icb", name: "Integrated Care Board", kind: .health, statutoryPartner: true),
    ]
    try StoreWriter.create(tracker, at: context.dataPath, today: context.today)
    context.console.note("created \(context.dataPath) for \(name)")
    return ExitCode.ok
  }

  static let validateCommand = Command(
    words: ["validate"], summary: "check the store and list every problem",
    help: """
      Usage: learning-tracker validate [--format text|json] [--data FILE]

      Reads the store and reports every finding in one pass: errors (which block writing) and
      warnings. Each names its JSON path, the check that found it, and a hint.
      Exit codes: 0 no errors (warnings allowed), 65 errors or a file that cannot be read as a store,
      66 no such file.

      Options:
        --format text|json   text (default) or the findings as a JSON array
      """
  ) { args, context in
    let format = try args.value("--format") ?? "text"
    guard format == "text" || format == "json" else {
      throw UsageError(message: "--format: \"\(format)\" is not a format here; expected text or json")
    }
    try args.finish()
    let loaded = try context.load(checkingUnknownFields: true)
    var diagnostics = loaded.unknownFields.map {
      Diagnostic(
        severity: .error, check: .requiredText, path: $0, message: "unknown field (not in the store format)",
        hint: "check the spelling against docs/FORMAT.md; a rewrite would drop it")
    }
    diagnostics += Validator(today: context.today).validate(loaded.tracker)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if format == "json" {
      context.console.out(try jsonText(diagnostics))
    } else {
      for diagnostic in diagnostics {
        var line =
          "\(context.dataPath): \(diagnostic.path): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        line += " [\(diagnostic.check.rawValue)]"
        if let hint = diagnostic.hint { line += "\n    hint: \(hint)" }
        context.console.out(line + "\n")
      }
      let actions = loaded.tracker.placedActions.count
      context.console.note(
        "\(context.dataPath): \(errors) error(s), \(warnings) warning(s); "
          + "\(loaded.tracker.reviews.count) reviews, \(actions) actions")
    }
    return errors > 0 ? ExitCode.badData : ExitCode.ok
  }

  static let formatCommand = Command(
    words: ["format"], summary: "rewrite the store in its canonical layout",
    help: """
      Usage: learning-tracker format [--fix-text] [--by WHO] [--data FILE]

      Rewrites the store pretty-printed with sorted keys, as every command writes it, so that a file
      edited by hand diffs cleanly again. Nothing is written if the store has errors or fields the
      format does not know.

      Options:
        --fix-text   also remove control characters (escape sequences, bell, backspace, bidirectional
                     controls, ...) from every text, as 'validate' warns; the change is recorded in the
                     history. IDs are left alone: correct those by hand.
        --by WHO     who is making the change (for the history)
      """
  ) { args, context in
    let fixText = args.flag("--fix-text")
    let by = try args.value("--by")
    try args.finish()
    var fixed: [String] = []
    try context.change(by: context.who(by), rewrite: true) { fixText ? fixTexts(&$0, &fixed) : [] }
    context.console.note(
      "rewrote \(context.dataPath)"
        + (fixText ? "; removed control characters from \(fixed.count) text(s)" : ""))
    for path in fixed.prefix(20) { context.console.note("  fixed \(path)") }
    if fixed.count > 20 { context.console.note("  and \(fixed.count - 20) more") }
    return ExitCode.ok
  }

  /// Removes control characters from every text of the store; returns the records that changed,
  /// for the history, and sets `paths` to the texts that changed.
  static func fixTexts(_ tracker: inout Tracker, _ paths: inout [String]) -> [TouchedRecord] {
    let before = tracker
    (tracker, paths) = before.removingControlCharacters()
    var touched: [TouchedRecord] = []
    if tracker.partnership != before.partnership { touched.append(.partnership) }
    for (key, keyPath) in Tracker.catalogueKeys.sorted(by: { $0.key < $1.key }) {
      for (old, new) in zip(before[keyPath: keyPath], tracker[keyPath: keyPath]) where old != new {
        touched.append(.catalogueEntry(catalogue: key, id: new.id))
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

  static var agencyCommands: [Command] {
    [
      Command(
        words: ["agency", "add"], summary: "add an agency",
        help: """
          Usage: learning-tracker agency add --id ID --name NAME --kind KIND [--statutory] [--by WHO]

          Adds an agency that can own actions, receive learning and make Section 11 returns.
          KIND is one of: \(AgencyKind.allowedWords).
          """
      ) { args, context in
        guard let id = try args.identifier("--id", of: "agency"), let name = try args.value("--name") else {
          throw UsageError(message: "agency add needs --id and --name")
        }
        let kind = try args.word("--kind", AgencyKind.self) ?? .other
        let statutory = args.flag("--statutory")
        let by = try args.value("--by")
        try args.finish()
        try context.change(by: context.who(by)) { tracker in
          if tracker.agency(id) != nil { throw UsageError(message: "agency \"\(id)\" already exists") }
          tracker.agencies.append(Agency(id: id, name: name, kind: kind, statutoryPartner: statutory))
          return [.agency(id)]
        }
        context.console.note("added agency \(id)")
        return ExitCode.ok
      },
      Command(
        words: ["agency", "list"], summary: "list the agencies",
        help: "Usage: learning-tracker agency list [--format text|json]"
      ) { args, context in
        let format = try listFormat(&args)
        try args.finish()
        let tracker = try context.load().tracker
        if format == "json" {
          context.console.out(try jsonText(tracker.agencies))
        } else {
          let rows = tracker.agencies.map {
            [$0.id, $0.name, $0.kind.rawValue, $0.statutoryPartner ? "yes" : "no"]
          }
          context.console.out(listing(["ID", "Name", "Kind", "Statutory partner"], rows))
        }
        return ExitCode.ok
      },
    ]
  }

  /// `--format text|json` for listings.
  static func listFormat(_ args: inout Arguments, allowed: [String] = ["text", "json"]) throws -> String {
    let format = try args.value("--format") ?? "text"
    guard allowed.contains(format) else {
      throw UsageError(
        message: "--format: \"\(format)\" is not a format here; expected \(allowed.joined(separator: " or "))"
      )
    }
    return format
  }
}

/// A plain aligned listing for the terminal, drawn by the reports' table model.
func listing(_ header: [String], _ rows: [[String]]) -> String {
  let table = Table(
    caption: "", columns: header.map { Table.Column($0) }, rows: rows.map { $0.map { Table.Cell($0) } },
    emptyText: "(none)")
  return table.asText()
}

/// The first `limit` characters of a text on one line, with an ellipsis when cut.
func shortened(_ text: String, _ limit: Int = 60) -> String {
  let single = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
  return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
}

extension LearningTrackerCommand {
  static let generateCommand = Command(
    words: ["generate"], summary: "write a realistic synthetic store (demonstrations, load tests)",
    help: """
      Usage: learning-tracker generate --reviews N [--seed S] [--as-of DAY] --output FILE

      Writes a deterministic synthetic store in the real format: reviews of every kind over ten
      years, about eight recommendations per LCSPR and fewer per Rapid Review, about four actions
      per recommendation with realistic update logs (slips, blocks, withdrawals, completion and
      assurance), dissemination and Section 11 returns. The same arguments give the same file.
      """
  ) { args, context in
    guard let count = try args.integer("--reviews"), count >= 0, count <= 1_000_000 else {
      throw UsageError(message: "generate needs --reviews N (0 to 1,000,000)")
    }
    guard let output = try args.value("--output") else {
      throw UsageError(message: "generate needs --output FILE")
    }
    let seedText = try args.value("--seed") ?? "1"
    guard let seed = UInt64(seedText) else {
      throw UsageError(message: "--seed: \"\(seedText)\" is not a whole number")
    }
    let asOf = try args.day("--as-of") ?? context.today
    try args.finish()
    let tracker = SyntheticPartnership.generate(reviews: count, seed: seed, asOf: asOf)
    try StoreWriter.create(tracker, at: output, today: asOf)
    context.console.note(
      "wrote \(output): \(tracker.reviews.count) reviews, \(tracker.placedActions.count) actions")
    return ExitCode.ok
  }
}
