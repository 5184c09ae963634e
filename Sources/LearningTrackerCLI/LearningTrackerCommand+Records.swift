import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var recordCommands: [Command] {
    [reviewUpdate, agencyUpdate, actionDeclineRequest]
  }

  /// The options of `agency update`.
  enum AgencyUpdateOptions {
    static let name: TypedOption<String?> = .text("--name", "NAME", help: "the agency's name")
    static let kind: TypedOption<AgencyKind?> = .word(
      "--kind", AgencyKind.self, placeholder: "KIND", help: "the kind of agency")
    static let statutory: TypedOption<Bool> = .flag(
      "--statutory", help: "mark it a statutory safeguarding partner")
    static let notStatutory: TypedOption<Bool> = .flag(
      "--not-statutory", help: "mark it not a statutory safeguarding partner")
    static let workforce: TypedOption<Int?> = .number(
      "--workforce", range: 1...Int.max, help: "practitioners it employs who work with children")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD", help: "unset an optional field: workforce")
    static let addAlias: TypedOption<[String]> = .text(
      "--add-alias", "TEXT", help: "another name spreadsheets give the agency")
    static let removeAlias: TypedOption<[String]> = .text(
      "--remove-alias", "TEXT", help: "an alias to remove")
  }

  static let agencyUpdate = Command(
    words: ["agency", "update"],
    summary: "correct an agency's name, kind, statutory standing, workforce or aliases",
    discussion: """
      Corrects an agency in place. Give at least one of --name, --kind, --statutory, \
      --not-statutory, --workforce, --clear workforce, --add-alias or --remove-alias. The ID stays: \
      actions, dissemination and returns refer to it. The workforce (practitioners it employs who \
      work with children) is what 'report dissemination' measures each agency's coverage against. \
      An alias is another name the partnership's spreadsheets give the agency ("NSFT", "Children's \
      Social Care"): 'import plan' and 'import returns' read it as the agency, ignoring case, \
      punctuation and curly quotes. An alias may not name another agency.
      """,
    positionals: [Positional("ID", help: "the agency, such as LA")],
    options: [
      AgencyUpdateOptions.name, AgencyUpdateOptions.kind, AgencyUpdateOptions.statutory,
      AgencyUpdateOptions.notStatutory, AgencyUpdateOptions.workforce, AgencyUpdateOptions.clear,
      AgencyUpdateOptions.addAlias, AgencyUpdateOptions.removeAlias, .by,
    ],
    exclusive: [[AgencyUpdateOptions.workforce, AgencyUpdateOptions.clear]]
  ) { args, context in
    let id = try args.positional(0)
    let workforce = try args[AgencyUpdateOptions.workforce]
    let clears = try args[AgencyUpdateOptions.clear]
    try checkClears(clears, among: ["workforce"])
    let addAliases = try args[AgencyUpdateOptions.addAlias]
    let removeAliases = try args[AgencyUpdateOptions.removeAlias]
    let name = try args[AgencyUpdateOptions.name]
    let kind = try args[AgencyUpdateOptions.kind]
    let statutory = args[AgencyUpdateOptions.statutory]
    let notStatutory = args[AgencyUpdateOptions.notStatutory]
    let by = try args[.by]
    if statutory && notStatutory {
      throw CommandError.usage("give --statutory or --not-statutory, not both")
    }
    if name == nil && kind == nil && !statutory && !notStatutory && workforce == nil && clears.isEmpty
      && addAliases.isEmpty && removeAliases.isEmpty
    {
      throw CommandError.usage(
        "give at least one of --name, --kind, --statutory, --not-statutory, --workforce, --clear, "
          + "--add-alias or --remove-alias")
    }
    if addAliases.contains(where: { SpreadsheetCell.nameKey($0).isEmpty }) {
      throw CommandError.usage("--add-alias needs a name with letters or digits")
    }
    if let name, name.trimmingSpaces.isEmpty { throw CommandError.usage("--name \"\" is empty") }
    try context.apply(by: context.who(by)) { before in
      guard let agency = before.agency(id) else {
        let hint = nearest(id, in: before.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("no agency \"\(id)\"\(hint)")
      }
      var changes: [AgencyChange] = []
      if let name { changes.append(.name(name)) }
      if let kind { changes.append(.kind(kind)) }
      if statutory { changes.append(.statutoryPartner(true)) }
      if notStatutory { changes.append(.statutoryPartner(false)) }
      if let workforce { changes.append(.workforce(workforce)) }
      if clears.contains("workforce") {
        guard workforce != nil || agency.workforce != nil else {
          throw CommandError.usage("--clear workforce: agency \"\(id)\" records no workforce")
        }
        changes.append(.workforce(nil))
      }
      var aliases = agency.aliases ?? []
      for alias in removeAliases {
        guard
          let at = aliases.firstIndex(where: { SpreadsheetCell.nameKey($0) == SpreadsheetCell.nameKey(alias) }
          )
        else {
          throw CommandError.usage(
            "--remove-alias: agency \(id) has no alias \"\(alias)\" (its aliases: "
              + (aliases.isEmpty ? "none" : aliases.joined(separator: ", ")) + ")")
        }
        changes.append(.removeAlias(aliases.remove(at: at)))
      }
      for alias in addAliases {
        if let other = SpreadsheetCell.agency(named: alias, in: before), other != id {
          throw CommandError.usage("--add-alias: \"\(alias)\" already names agency \(other)")
        }
        if !aliases.contains(where: { SpreadsheetCell.nameKey($0) == SpreadsheetCell.nameKey(alias) }) {
          let trimmed = String(alias.trimmingSpaces)
          aliases.append(trimmed)
          changes.append(.addAlias(trimmed))
        }
      }
      return ChangeSet([.updateAgency(id, changes)])
    }
    context.console.note("updated agency \(id)")
    return ExitCode.ok
  }

  /// The options of `action decline-request`.
  enum ActionDeclineRequestOptions {
    static let reason: TypedOption<String> = .text(
      "--reason", "TEXT", help: "why the requested due day is declined")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", help: "the day of the decision (default today)")
  }

  static let actionDeclineRequest = Command(
    words: ["action", "decline-request"], summary: "decline the requested due day of an action",
    discussion: """
      Records that the business unit or the QA subgroup declined the due day an agency asked for; \
      the due day stays. The request must be awaiting a decision on --date.
      """,
    positionals: [actionArgument],
    options: [ActionDeclineRequestOptions.reason, .by, ActionDeclineRequestOptions.date]
  ) { args, context in
    let reason = try args[ActionDeclineRequestOptions.reason]
    let by = try args[.by]
    let date = try args[ActionDeclineRequestOptions.date] ?? context.today
    let reference = try actionReference(args)
    if reason.trimmingSpaces.isEmpty {
      throw CommandError.usage("--reason needs the reason for declining the requested due day")
    }
    let who = context.who(by)
    try context.apply(by: who) { before in
      _ = try locate(reference, in: before)
      do throws(GovernedChangeError) {
        let update = try before.dueRequestDecline(reference, on: date, reason: reason, by: who)
        return ChangeSet([.addActionUpdate(reference, update)])
      } catch {
        throw CommandError.usage(error.description)
      }
    }
    context.console.note("declined the requested due day of \(reference)")
    return ExitCode.ok
  }
}
