import Foundation
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// `privacy add-name|remove-name|names`: the names that must never appear in anything published
  /// (`partnership.privacy.names`), which `check privacy` and every publication refusal look for.
  static var privacyCommands: [Command] { [privacyAddName, privacyRemoveName, privacyNames] }

  static let privacyAddName = Command(
    words: ["privacy", "add-name"], summary: "add a name that must never appear in anything published",
    discussion: """
      Adds NAME (a child's, a family member's or a practitioner's) to the partnership's privacy \
      list, which 'check privacy', 'report plan' and 'report briefing' look for, ignoring case. \
      Then lists, masked, every place the name already appears in the store and in the change \
      history, so that it can be removed with 'learning-tracker redact'. The history records the \
      command with the name masked; 'undo' takes the name off the list again.
      """,
    positionals: [Positional("NAME", help: "the name, such as a child's first name and surname")],
    options: [.by]
  ) { args, context in
    let name = String(try args.positional(0).trimmingSpaces)
    if name.isEmpty { throw CommandError.usage("NAME is empty: give the name to keep out of publications") }
    let by = try args[.by]
    var alreadyListed = false
    let tracker = try masking(name, in: context).apply(by: context.who(by)) { before in
      alreadyListed = (before.partnership.privacy?.names ?? []).contains { PrivacyChange.sameName($0, name) }
      return ChangeSet([.changePrivacy(.addName(name))])
    }
    let count = tracker.partnership.privacy?.names.count ?? 0
    context.console.note(
      alreadyListed
        ? "\(name.masked) is already on the privacy list; nothing was written"
        : "added \(name.masked) to the privacy list (\(count) name\(count == 1 ? "" : "s"))")
    let scanner = PersonalDataScanner(names: [name])
    var inStore = 0
    for field in tracker.freeTextFields() where scanner.scan(field.text).contains(where: { $0.kind == .name })
    {
      inStore += 1
      context.console.warning(
        DiagnosticText.terminal(
          Diagnostic.personalData(
            .name, excerpt: name.masked, at: DiagnosticPlace(file: context.dataPath, path: field.path),
            severity: .warning)))
    }
    let inHistory = History.personalData(
      try History.read(store: context.dataPath), scanner: scanner,
      file: History.path(forStore: context.dataPath)
    )
    .filter { $0.personalDataKind == .name }
    for found in inHistory { context.console.warning(DiagnosticText.terminal(found)) }
    if inStore + inHistory.count > 0 {
      context.console.note(
        "the name already appears in \(LearningModel.plural(inStore, "place")) in the store and \(inHistory.count) in the history; "
          + "remove it with 'learning-tracker redact TEXT --by WHO'")
    }
    return ExitCode.ok
  }

  static let privacyRemoveName = Command(
    words: ["privacy", "remove-name"], summary: "take a name off the privacy list",
    discussion: """
      Takes NAME (ignoring case) off the partnership's privacy list, so that 'check privacy' no \
      longer looks for it. The history records the command with the name masked; 'undo' puts the \
      name back.
      """,
    positionals: [Positional("NAME", help: "the name as listed ('privacy names --show')")],
    options: [.by]
  ) { args, context in
    let name = String(try args.positional(0).trimmingSpaces)
    if name.isEmpty { throw CommandError.usage("NAME is empty: give the name to take off the privacy list") }
    let by = try args[.by]
    let tracker = try masking(name, in: context).apply(by: context.who(by)) { before in
      let names = before.partnership.privacy?.names ?? []
      guard names.contains(where: { PrivacyChange.sameName($0, name) }) else {
        throw CommandError.usage(
          "\(name.masked) is not on the privacy list (\(names.count) name\(names.count == 1 ? "" : "s"); "
            + "'privacy names --show' lists them)")
      }
      return ChangeSet([.changePrivacy(.removeName(name))])
    }
    let count = tracker.partnership.privacy?.names.count ?? 0
    context.console.note(
      "took \(name.masked) off the privacy list (\(count) name\(count == 1 ? "" : "s") left)")
    return ExitCode.ok
  }

  /// The options of `privacy names`.
  enum PrivacyNamesOptions {
    static let show: TypedOption<Bool> = .flag("--show", help: "show the names in full")
  }

  static let privacyNames = Command(
    words: ["privacy", "names"], summary: "list the names kept out of publications, masked",
    discussion: """
      Lists the partnership's privacy list, one name a line, masked (its first two and last two \
      letters) unless --show is given, so that the list can be checked without being read over a \
      shoulder.
      """,
    options: [PrivacyNamesOptions.show]
  ) { args, context in
    let show = args[PrivacyNamesOptions.show]
    let names = try context.load().tracker.partnership.privacy?.names ?? []
    if names.isEmpty {
      context.console.note("the privacy list is empty; add a name with 'privacy add-name NAME'")
      return ExitCode.ok
    }
    context.console.out(names.map { (show ? $0 : $0.masked) + "\n" }.joined())
    return ExitCode.ok
  }

  /// Whether two names are the same name, ignoring case and surrounding spaces.
  static func sameName(_ one: String, _ other: String) -> Bool {
    one.trimmingSpaces.lowercased() == other.trimmingSpaces.lowercased()
  }

  /// The context with the name masked in the command the history records, so that the history
  /// does not repeat the name it is asked to keep out of sight.
  static func masking(_ name: String, in context: Context) -> Context {
    Context(
      console: context.console, environment: context.environment, today: context.today,
      dataPath: context.dataPath,
      invocation: context.invocation.map {
        $0.replacingOccurrences(of: name, with: name.masked, options: .caseInsensitive)
      },
      command: context.command, arguments: context.arguments)
  }
}
