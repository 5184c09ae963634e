/// The manual page (roff, `man` macros), generated from the command declarations
/// (`LearningTrackerCommand.commands`), with the exit codes and the environment.
enum ManualPage {
  /// The exit codes, as every command documents them (`ExitCode`).
  static let exitCodes: [(Int32, String)] = [
    (ExitCode.ok, "done"),
    (
      ExitCode.findings,
      "findings asked for: overdue actions with --fail-on-overdue, personal data found by check privacy"
    ),
    (
      ExitCode.usage,
      "usage: an unknown command or option, a bad or missing value, a filter a report refuses, a reference that does not exist"
    ),
    (
      ExitCode.badData,
      "bad data: the store is not valid JSON, not the format, or fails validation; a returned spreadsheet with problems"
    ),
    (ExitCode.missingInput, "the store, or a file to import, does not exist or cannot be read"),
    (ExitCode.cannotWrite, "cannot write, or already exists (init on a file that exists)"),
    (ExitCode.inputOutput, "the change history could not be written, so nothing was changed"),
    (
      ExitCode.busy,
      "busy: another learning-tracker holds the store's lock, or the file changed meanwhile; try again"
    ),
    (
      ExitCode.changedSince,
      "undo or redo refused: the store or the records changed since the entry, or it needs text since redacted"
    ),
  ]

  /// The environment variables the tool reads.
  static let environment: [(String, String)] = [
    ("LEARNING_TRACKER_DATA", "the store, when --data is not given (else ./tracker.json)"),
    ("LEARNING_TRACKER_USER", "who is making changes (else $USER), recorded in updates and the history"),
    ("LEARNING_TRACKER_TODAY", "a fixed today (YYYY-MM-DD), for rehearsals and tests"),
    (
      "LEARNING_TRACKER_LOCK_WAIT", "seconds a writer waits for another to finish before exit 75 (default 10)"
    ),
    ("VISUAL, EDITOR", "the editor that edit opens"),
    ("NO_COLOR", "no colour in messages"),
  ]

  /// Text made safe for roff: backslashes escaped, hyphens as minus signs where they start
  /// options, every character outside ASCII by its code, and a line that would start with a
  /// control character protected.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\e"
      case "-": result += "\\-"
      case "\n", "\t": result.unicodeScalars.append(scalar)
      default:
        if scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F {
          result.unicodeScalars.append(scalar)
        } else if scalar.value > 0x7F {
          result += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
        }
      }
    }
    return result.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
    }.joined(separator: "\n")
  }

  /// The whole page.
  static func page(_ commands: [Command], version: String) -> String {
    var page = """
      .TH LEARNING\\-TRACKER 1 "" "learning\\-tracker \(escaped(version))" "User Commands"
      .SH NAME
      learning\\-tracker \\- track the learning from case reviews
      .SH SYNOPSIS
      .B learning\\-tracker
      .I COMMAND
      [\\fIoptions\\fR] [\\fB\\-\\-data\\fR \\fIFILE\\fR]
      .SH DESCRIPTION
      \(escaped(
        "Learning Tracker keeps a Safeguarding Children Partnership's learning from its case reviews "
        + "(reviews, findings, recommendations, SMART action plans and their dated updates, "
        + "dissemination and Section 11 returns) in one JSON file, the store, and makes the reports "
        + "the executive board, the quality-assurance subgroup and trainers need."))
      .PP
      \(escaped(
        "The store is --data FILE (anywhere on the line), else $LEARNING_TRACKER_DATA, else ./tracker.json. "
        + "Every command takes --help. Data goes to standard output and messages to standard error. "
        + "Every change is checked, written whole or not at all, and recorded in the change history "
        + "beside the store, from which undo and redo work."))
      .SH COMMANDS

      """
    for command in commands {
      page += ".SS \"\(escaped(command.name))\"\n"
      page += escaped(String(command.usage.dropFirst("Usage: ".count))) + "\n.PP\n"
      let discussion =
        command.discussion.isEmpty
        ? command.summary.prefix(1).uppercased() + command.summary.dropFirst() + "." : command.discussion
      page += escaped(discussion) + "\n"
      for positional in command.positionals {
        page += ".TP\n.I \(escaped(positional.name))\n\(escaped(positional.help))\n"
      }
      for option in command.allOptions {
        let value = option.kind.placeholder.map { " \\fI" + escaped($0) + "\\fR" } ?? ""
        page += ".TP\n\\fB\(escaped(option.name))\\fR\(value)\n\(escaped(option.fullHelp))\n"
      }
      if !command.exclusive.isEmpty {
        page += ".PP\n"
        page +=
          command.exclusive.map { escaped("Give at most one of " + $0.joined(separator: " and ") + ".") }
          .joined(separator: "\n.br\n") + "\n"
      }
    }
    page += ".SH \"EXIT STATUS\"\n"
    for (code, meaning) in exitCodes { page += ".TP\n.B \(code)\n\(escaped(meaning))\n" }
    page += ".SH ENVIRONMENT\n"
    for (name, use) in environment { page += ".TP\n.B \(escaped(name))\n\(escaped(use))\n" }
    page += """
      .SH FILES
      .TP
      .I STORE.history.jsonl
      \(escaped("the change history beside the store: append-only, hash-chained"))
      .TP
      .I STORE.lock
      \(escaped("the store's lock while a command writes"))
      .SH "SEE ALSO"
      \(escaped("docs/FORMAT.md (the store format) and the guides in docs/ beside the source."))

      """
    return page
  }
}

extension String {
  /// The text with zeros before it to make `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
