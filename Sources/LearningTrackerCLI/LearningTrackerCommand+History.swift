import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// The options of `history`.
  enum HistoryOptions {
    static let since: TypedOption<CalendarDay?> = .day(
      "--since", help: "only changes made on or after this day")
    static let verify: TypedOption<Bool> = .flag(
      "--verify", help: "check the chain of digests and name the first entry that fails")
  }

  /// The options of `redact`.
  enum RedactOptions {
    static let by: TypedOption<String> = .text("--by", "WHO", help: "who asked for the removal")
  }

  static var historyCommands: [Command] {
    [
      Command(
        words: ["history"], summary: "show the change history",
        discussion: """
          Every change made through the command line, oldest first: when, who (and on whose behalf), \
          the command, and the records it touched. REF narrows to one record (an action \
          LCSPR-2025-02/1.1, a review, ...). An entry whose store never arrived (the writer stopped \
          between the two) is shown as "not applied". The history lives beside the store in \
          STORE.history.jsonl and is only ever appended to. --verify checks the chain of digests and \
          names the first entry that fails (see docs/history.md).
          """,
        positionals: [Positional("REF", required: false, help: "only changes to this record")],
        options: [HistoryOptions.since, .listFormat, HistoryOptions.verify]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let since = try args[HistoryOptions.since]
        let verify = args[HistoryOptions.verify]
        let reference = args.positionals.first
        let file = try History.load(store: context.dataPath)
        if verify {
          if let failure = History.verify(file.entries, file: file.path) {
            throw CommandError.badData(DiagnosticText.terminal(failure))
          }
          if let problem = HistoryCoverage.storeProblem(file.entries, store: context.dataPath) {
            throw CommandError.badData(problem)
          }
          let last = file.entries.last?.digest.map { "; the last entry's digest is \($0)" } ?? ""
          context.console.out(
            "\(file.path): \(LearningModel.plural(file.entries.count, "entry", "entries")), the chain verifies\(last)\n"
          )
          // Changes found made outside learning-tracker are part of the record: said, never hidden.
          for (index, entry) in file.entries.enumerated() where entry.kind == .outside {
            let note = StoreStanding.recorded(file.entries, at: index).shortNote ?? ""
            context.console.out("  entry \(index + 1) (\(entry.at)) records that \(note)\n")
          }
          return ExitCode.ok
        }
        let current = FileManager.default.contents(atPath: context.dataPath).map {
          HistoryDigest.store([UInt8]($0))
        }
        let statuses = History.statuses(file.entries, currentStore: current)
        let standing = StoreStanding.of(file.entries, store: context.dataPath)
        var notes: [String?] = file.entries.indices.map { index in
          file.entries[index].kind == .outside
            ? StoreStanding.recorded(file.entries, at: index).shortNote : nil
        }
        if let last = notes.indices.last, statuses[last] == .changedOutside, let note = standing.shortNote {
          notes[last] = "then " + note
        }
        var entries = Array(zip(file.entries, zip(statuses, notes)))
        if let since {
          entries = entries.filter { (CalendarDay(String($0.0.at.prefix(10))) ?? since) >= since }
        }
        if let reference {
          entries = entries.filter {
            $0.0.changes.contains { $0.reference == reference || $0.reference.hasPrefix(reference + "/") }
          }
        }
        if format == "json" {
          context.console.out(
            Escape.terminalJSON(HistoryJSON.line(.array(entries.map { $0.0.json })) + "\n"), exact: true)
          return ExitCode.ok
        }
        var text = ""
        if file.tornTail != nil {
          text += "(the last line of \(file.path) is half-written; the next change sets it aside)\n"
        }
        for (entry, (status, recorded)) in entries {
          let who = entry.operatorName + (entry.by.map { " for \($0)" } ?? "")
          if entry.kind == .outside {
            text +=
              "\(entry.at)  \(who)  found that \(recorded ?? "the store was changed outside learning-tracker") "
              + "(recorded by \(entry.commandLine))\n"
            continue
          }
          let note =
            switch status {
            case .notApplied: "  (not applied: the store never received this change)"
            case .changedOutside:
              "  (\(recorded ?? "then changed outside learning-tracker, or later entries were cut off the history"))"
            default: ""
            }
          text += "\(entry.at)  \(who)  \(entry.commandLine)\(note)\n"
          for change in entry.changes {
            let kind = change.before == nil ? "added" : (change.after == nil ? "removed" : "changed")
            text += "    \(kind) \(change.reference)\n"
          }
        }
        context.console.out(text.isEmpty ? "(no changes recorded)\n" : text)
        if let problem = standing.problem(file.entries, store: context.dataPath) {
          context.console.warning(problem)
        }
        return ExitCode.ok
      },
      Command(
        words: ["undo"], summary: "revert the last command's changes",
        discussion: """
          Puts back the records the last command changed, as they were before it. Run it again to \
          revert the command before that, and so on. It is refused (exit 76) when the store or those \
          records have changed since in any other way, or when the change needs text since redacted, \
          and (exit 65) when the history fails its check (history --verify). The undo is itself \
          recorded in the history, which is never rewritten.
          """,
        options: [.by]
      ) { args, context in
        try revert(args, context, undoing: true)
      },
      Command(
        words: ["redo"], summary: "make again the last change undone",
        discussion: """
          Makes again the change the last undo reverted; run it again for the one before. Once a new \
          change is made, what was undone can no longer be redone. Recorded in the history.
          """,
        options: [.by]
      ) { args, context in
        try revert(args, context, undoing: false)
      },
      Command(
        words: ["redact"], summary: "remove a piece of personal data from the store and its history",
        discussion: """
          Replaces TEXT (ignoring case) with [redacted] in every free-text field of the store (the \
          text fields docs/FORMAT.md lists; never an ID, a digest or a word of a closed list), and \
          every text holding it in the history with a marker that shows only [redacted] and keeps \
          the text's digest, so that the history still verifies. The one rewrite the history allows; \
          it is recorded by the text's digest, never the text. Changes that needed the text can no \
          longer be undone. Then removes every file that holds TEXT and that 'edit' left: rejected \
          text kept beside the store or in its private folder, and editor folders a stopped 'edit' \
          left in the temporary folder; and empties the store's lock file when a stopped command left \
          TEXT in it. Each such file is named. When TEXT is in no text field, no history text and no \
          such file, nothing changes and the exit code is 65.
          """,
        positionals: [Positional("TEXT", help: "the personal data to remove")],
        options: [RedactOptions.by]
      ) { args, context in
        let by = try args[RedactOptions.by]
        let text = try args.positional(0)
        guard !text.trimmingSpaces.isEmpty else {
          throw CommandError.usage("redact needs a TEXT that is not empty", command: "redact")
        }
        let lock = StorePath.resolved(context.dataPath) + ".lock"
        let lockHeldText = RedactLeftovers.holds(text, lock)
        var transaction = context.transaction(by: by)
        // The lock file names the command holding it: never with the text.
        transaction.command = transaction.command.map { Redaction.masking(text, in: $0) }
        let outcome = try transaction.redact(text)
        context.report(outcome.warnings)
        var cleaned = RedactLeftovers.clean(
          text, store: context.dataPath,
          temporaryFolder: context.environment["TMPDIR"] ?? FileManager.default.temporaryDirectory.path)
        if lockHeldText && !cleaned.contains(where: { $0.path == lock }) {
          cleaned.append(RedactLeftovers.Cleaned(path: lock, action: "rewritten"))
        }
        for file in cleaned {
          context.console.note("\(file.path) held the text: \(file.action)")
        }
        if outcome.entry == nil {
          if !cleaned.isEmpty { return ExitCode.ok }
          throw CommandError.badData(
            "\"\(text)\" is in no text field of the store, no text of its history and no file left beside it; "
              + "nothing was changed")
        } else {
          context.console.note(
            "redacted \(LearningModel.plural(outcome.touched.count, "record")) and the history")
        }
        return ExitCode.ok
      },
    ]
  }

  static func revert(_ args: ParsedArguments, _ context: Context, undoing: Bool) throws -> Int32 {
    let by = try args[.by]
    let transaction = context.transaction(by: context.who(by))
    let outcome: TransactionOutcome
    do {
      outcome = try undoing ? transaction.undo() : transaction.redo()
    } catch StoreError.nothingTo(_, _, let reason) where !undoing {
      // Nothing undone is waiting: not a mistake, nothing to do.
      context.console.note("nothing to redo: \(reason); nothing was changed")
      return ExitCode.ok
    }
    context.report(outcome.warnings)
    if let target = outcome.target {
      context.console.note(
        "\(undoing ? "undid" : "redid") '\(target.commandLine)' (\(target.at), \(LearningModel.plural(target.changes.count, "record")))"
      )
    }
    return ExitCode.ok
  }
}
