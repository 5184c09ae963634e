import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// `add`, `update`, `list` and `remove` for each of the four catalogues a partnership keeps:
  /// themes, categories, dissemination methods and Section 11 standards.
  static var catalogueCommands: [Command] {
    CatalogueKind.allCases.flatMap { kind in
      [catalogueAdd(kind), catalogueUpdate(kind), catalogueList(kind), catalogueRemove(kind)]
    }
  }

  /// The catalogue in the plural, for help: "themes", "dissemination methods".
  static func plural(_ kind: CatalogueKind) -> String {
    switch kind {
    case .theme: "themes"
    case .category: "categories"
    case .method: "dissemination methods"
    case .standard: "Section 11 standards"
    }
  }

  /// What refers to an entry of the catalogue, for help.
  static func users(_ kind: CatalogueKind) -> String {
    switch kind {
    case .theme: "reviews, findings, recommendations and dissemination"
    case .category: "reviews"
    case .method: "dissemination activities"
    case .standard: "Section 11 ratings"
    }
  }

  /// `ID`: an entry of the catalogue.
  static func entryArgument(_ kind: CatalogueKind) -> Positional {
    let example =
      switch kind {
      case .theme: "voice-of-the-child"
      case .category: "neglect-recent"
      case .method: "seven-minute-briefing"
      case .standard: "s11-1"
      }
    return Positional("ID", help: "the \(kind.title), such as \(example)")
  }

  /// `--reach`: whether a dissemination method's reach counts people or copies.
  static let reachOption: TypedOption<DisseminationReach?> = .word(
    "--reach", DisseminationReach.self, placeholder: "KIND",
    help: "whether its reach counts people who attended or copies circulated")

  /// The entry's position in its catalogue, or a usage error with "did you mean".
  static func entryPosition(_ id: String, _ kind: CatalogueKind, in tracker: Tracker) throws -> Int {
    let entries = tracker[keyPath: kind.entries]
    guard let index = entries.firstIndex(where: { $0.id == id }) else {
      let hint = nearest(id, in: entries.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("no \(kind.title) \"\(id)\"\(hint)")
    }
    return index
  }

  static func catalogueAdd(_ kind: CatalogueKind) -> Command {
    let nameOption: TypedOption<String> = .text("--name", "NAME", help: "the \(kind.title)'s name")
    return Command(
      words: [kind.rawValue, "add"], summary: "add a \(kind.title) to the catalogue",
      discussion: """
        Adds a \(kind.title) to the partnership's catalogue of \(plural(kind)), for \(users(kind)) \
        to refer to by its ID.
        """,
      positionals: [entryArgument(kind)],
      options: [nameOption]
        + (kind == .method ? [reachOption] : []) + [.by]
    ) { args, context in
      let id = try args.positional(0)
      try checkIdentifier(id, of: kind.title, given: "ID")
      let name = try args[nameOption]
      if name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
      let reach = kind == .method ? try args[reachOption] : nil
      let by = try args[.by]
      try context.apply(by: context.who(by)) { _ in
        ChangeSet([.add(.catalogue(kind, CatalogueEntry(id: id, name: name, reach: reach)))])
      }
      context.console.note("added \(kind.title) \(id)")
      return ExitCode.ok
    }
  }

  /// `--no-reach` of `method update`.
  static let noReachOption: TypedOption<Bool> = .flag(
    "--no-reach", help: "no longer say what its reach counts")

  static func catalogueUpdate(_ kind: CatalogueKind) -> Command {
    let nameOption: TypedOption<String?> = .text("--name", "NAME", help: "the \(kind.title)'s name")
    let methodOptions: [any OptionDeclaration] = [reachOption, noReachOption]
    return Command(
      words: [kind.rawValue, "update"], summary: "correct a \(kind.title)",
      discussion: """
        Corrects a \(kind.title) in place. The ID stays: \(users(kind)) refer to it.
        """,
      positionals: [entryArgument(kind)],
      options: [nameOption]
        + (kind == .method ? methodOptions : []) + [.by],
      exclusive: kind == .method ? [[reachOption, noReachOption]] : []
    ) { args, context in
      let id = try args.positional(0)
      let name = try args[nameOption]
      if let name, name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
      let reach = kind == .method ? try args[reachOption] : nil
      let noReach = kind == .method && args[noReachOption]
      let by = try args[.by]
      if name == nil && reach == nil && !noReach {
        throw CommandError.usage(
          "give at least one thing to change; see '\(kind.rawValue) update --help'")
      }
      try context.apply(by: context.who(by)) { before in
        _ = try entryPosition(id, kind, in: before)
        var changes: [CatalogueEntryChange] = []
        if let name { changes.append(.name(name)) }
        if let reach { changes.append(.reach(reach)) }
        if noReach { changes.append(.reach(nil)) }
        return ChangeSet([.updateCatalogueEntry(kind, id, changes)])
      }
      context.console.note("updated \(kind.title) \(id)")
      return ExitCode.ok
    }
  }

  static func catalogueList(_ kind: CatalogueKind) -> Command {
    Command(
      words: [kind.rawValue, "list"], summary: "list the \(plural(kind))",
      discussion: """
        Lists the catalogue of \(plural(kind)), with how many records use each one (an entry no \
        record uses can be removed).
        """,
      options: [.listFormat]
    ) { args, context in
      let format = try args[.listFormat] ?? "text"
      let tracker = try context.load().tracker
      let entries = tracker[keyPath: kind.entries]
      if format == "json" {
        context.console.out(try jsonText(entries), exact: true)
        return ExitCode.ok
      }
      let header = ["ID", "Name"] + (kind == .method ? ["Reach"] : []) + ["Used by"]
      let rows = entries.map { entry in
        [entry.id, entry.name] + (kind == .method ? [entry.reach?.rawValue ?? ""] : [])
          + [String(tracker.referrers(of: .catalogue(kind, entry.id)).count)]
      }
      context.console.out(listing(header, rows))
      return ExitCode.ok
    }
  }

  static func catalogueRemove(_ kind: CatalogueKind) -> Command {
    Command(
      words: [kind.rawValue, "remove"], summary: "remove a \(kind.title) no record uses",
      discussion: """
        Removes a \(kind.title) from the catalogue; `undo` puts it back. Refused, naming every \
        record that still uses it, while \(users(kind)) refer to it.
        """,
      positionals: [entryArgument(kind)],
      options: [.by]
    ) { args, context in
      let id = try args.positional(0)
      let by = try args[.by]
      try context.remove(by: context.who(by)) { tracker in
        _ = try entryPosition(id, kind, in: tracker)
        return .catalogue(kind, id)
      }
      context.console.note("removed \(kind.title) \(id)")
      return ExitCode.ok
    }
  }
}
