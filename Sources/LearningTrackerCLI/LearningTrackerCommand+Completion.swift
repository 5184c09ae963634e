import LearningModel

extension LearningTrackerCommand {
  /// `completion bash|zsh|fish`, `completion references KIND` and `manual`: the shell completion
  /// and the manual page, generated from the command declarations.
  static var completionCommands: [Command] {
    [
      completionScript("bash", load: "source <(learning-tracker completion bash)", ShellCompletion.bash),
      completionScript("zsh", load: "source <(learning-tracker completion zsh)", ShellCompletion.zsh),
      completionScript("fish", load: "learning-tracker completion fish | source", ShellCompletion.fish),
      completionReferences, manualCommand,
    ]
  }

  static func completionScript(
    _ shell: String, load: String, _ script: @escaping @Sendable ([Command]) -> String
  ) -> Command {
    Command(
      words: ["completion", shell], summary: "print the \(shell) completion script",
      discussion: """
        Prints a \(shell) completion script made from the command declarations: the commands, \
        their options, the words of closed vocabularies (kinds, statuses, responses, settings) and, \
        when the shell asks, the store's reviews, recommendations, actions, agencies and catalogue \
        entries. Load it in the current shell with '\(load)', or save it where \(shell) loads \
        completions from.
        """,
      usesStore: false
    ) { _, context in
      context.console.out(script(commands), exact: true)
      return ExitCode.ok
    }
  }

  static let completionReferences = Command(
    words: ["completion", "references"], summary: "print the store's references of one kind, for completion",
    discussion: """
      Prints the store's references of one kind, one a line, for the completion scripts: reviews \
      (LCSPR-2025-02), recommendations (LCSPR-2025-02/R1), actions (LCSPR-2025-02/1.1), records \
      (everything 'edit' and 'history' take), agencies, themes, categories, methods, standards or \
      disseminations.
      """,
    positionals: [
      Positional(
        "KIND",
        help: "one of: " + CompletionSource.ReferenceKind.allCases.map(\.rawValue).joined(separator: ", "))
    ]
  ) { args, context in
    let text = try args.positional(0)
    guard let kind = CompletionSource.ReferenceKind(rawValue: text) else {
      let words = CompletionSource.ReferenceKind.allCases.map(\.rawValue)
      let hint = nearest(text, in: words).map { " (did you mean \($0)?)" } ?? ""
      throw CommandError.usage(
        "KIND: \"\(text)\" is not a kind of reference\(hint); expected one of: "
          + words.joined(separator: ", "))
    }
    let tracker = try context.load().tracker
    context.console.out(CompletionSource.references(kind, in: tracker).map { $0 + "\n" }.joined())
    return ExitCode.ok
  }

  static let manualCommand = Command(
    words: ["manual"], summary: "print the manual page (roff)",
    discussion: """
      Prints the manual page, in roff with the man macros, made from the command declarations: \
      every command with its arguments and options, the exit codes and the environment. Read it \
      with 'learning-tracker manual | man -l -', or install it as learning-tracker.1 in a man1 \
      folder on the MANPATH (install.sh does).
      """,
    usesStore: false
  ) { _, context in
    context.console.out(ManualPage.page(commands, version: version), exact: true)
    return ExitCode.ok
  }
}
