import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var historyCommands: [Command] {
    [
      Command(
        words: ["history"], summary: "show the change history",
        help: """
          Usage: learning-tracker history [REF] [--since DAY] [--format text|json]

          Every change made through the command line, oldest first: when, who, the command, and the
          records it touched. REF narrows to one record (an action LCSPR-2025-02/1.1, a review, ...).
          The history lives beside the store in STORE.history.jsonl and is only ever appended to.
          """
      ) { args, context in
        let format = try listFormat(&args)
        let since = try args.day("--since")
        let reference = try args.positionals(count: 0...1, names: "").first
        var entries = try History.read(store: context.dataPath)
        if let since { entries = entries.filter { (CalendarDay(String($0.at.prefix(10))) ?? since) >= since } }
        if let reference {
          entries = entries.filter { $0.changes.contains { $0.reference == reference || $0.reference.hasPrefix(reference + "/") } }
        }
        if format == "json" {
          context.console.out(try jsonText(entries))
          return ExitCode.ok
        }
        var text = ""
        for entry in entries {
          text += "\(entry.at)  \(entry.by)  learning-tracker \(entry.command.joined(separator: " "))\n"
          for change in entry.changes {
            let kind = change.before == nil ? "added" : (change.after == nil ? "removed" : "changed")
            text += "    \(kind) \(change.reference)\n"
          }
        }
        context.console.out(text.isEmpty ? "(no changes recorded)\n" : text)
        return ExitCode.ok
      }
    ]
  }
}
