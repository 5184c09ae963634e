import Foundation
import LearningTestSupport
import LearningTrackerCLI
import Testing

/// The folder of the command line's golden files.
let commandLineGolden = testsFolder.appendingPathComponent("Golden")

/// A store path whose folder does not exist: a command that touched it would exit 66, so every
/// usage error below proves it was found before any file was touched.
let absentStore = "/nonexistent-learning-tracker-folder/tracker.json"

/// A command's name as a file name: `action update` → `action-update`.
func goldenName(_ command: Command) -> String { command.words.joined(separator: "-") }

/// Golden files for every `--help` and every kind of usage error of every command: the whole
/// error stream and the exit code.
@Suite struct CommandLineGoldenTests {
  @Test func overviewHelp() throws {
    let outcome = runTracker(["--help"])
    #expect(outcome.status == 0)
    #expect(outcome.err.isEmpty)
    try GoldenFile.assert(outcome.out, "help/overview.txt", in: commandLineGolden)
  }

  @Test(arguments: LearningTrackerCommand.commands.map(\.name))
  func commandHelp(_ name: String) throws {
    let words = name.split(separator: " ").map(String.init)
    let outcome = runTracker(words + ["--help"], data: absentStore)
    #expect(outcome.status == 0)
    #expect(outcome.out.hasPrefix("Usage: learning-tracker \(name)"))
    // `help COMMAND` and `COMMAND -h` give the same text.
    #expect(runTracker(["help"] + words).out == outcome.out)
    #expect(runTracker(words + ["-h"]).out == outcome.out)
    try GoldenFile.assert(outcome.out, "help/\(words.joined(separator: "-")).txt", in: commandLineGolden)
  }

  @Test(arguments: LearningTrackerCommand.commands.map(\.name))
  func usageErrors(_ name: String) throws {
    let command = try #require(LearningTrackerCommand.commands.first { $0.name == name })
    var transcript = ""
    for line in UsageMistakes.lines(for: command) {
      let outcome = runTracker(line, data: absentStore)
      #expect(outcome.status == 64, "\(line): \(outcome.err)")
      #expect(outcome.out.isEmpty, "\(line)")
      transcript +=
        "$ learning-tracker \(line.joined(separator: " "))\nexit \(outcome.status)\n\(outcome.err)\n"
    }
    try GoldenFile.assert(transcript, "usage/\(goldenName(command)).txt", in: commandLineGolden)
  }

  @Test func topLevelUsageErrors() throws {
    let lines: [[String]] = [
      [], ["--data"], ["--data", "a.json", "--data=b.json", "validate"], ["nosuch"], ["reprot", "overdue"],
      ["report"], ["report", "overdu"], ["help", "nosuch"], ["--formt"],
      ["--data", "a.json", "generate", "--reviews", "5", "--output", "b.json"],
    ]
    var transcript = ""
    for line in lines {
      let outcome = runTracker(line, data: absentStore)
      #expect(outcome.status == 64, "\(line): \(outcome.err)")
      transcript +=
        "$ learning-tracker \(line.joined(separator: " "))\nexit \(outcome.status)\n\(outcome.err)\n"
    }
    let badToday = runTracker(["validate"], data: absentStore, today: "2026-02-30")
    #expect(badToday.status == 64)
    transcript +=
      "$ LEARNING_TRACKER_TODAY=2026-02-30 learning-tracker validate\nexit \(badToday.status)\n\(badToday.err)\n"
    try GoldenFile.assert(transcript, "usage/top-level.txt", in: commandLineGolden)
  }
}

/// Command lines with one mistake each, made from a command's declaration: a line that is right
/// in every other way, then each mistake the declaration can catch.
enum UsageMistakes {
  /// A right value for an option or argument of each kind.
  static func sample(_ kind: Option.Kind) -> String {
    switch kind {
    case .flag: ""
    case .text(let placeholder): sample(placeholder: placeholder)
    case .day: "2026-01-05"
    case .plannedDue: "2026-01"
    case .identifier: "x"
    case .wholeNumber(_, let range): String(max(range.lowerBound, min(range.upperBound, 2025)))
    case .decimal(_, _, let atMost): String(atMost)
    case .word(_, _, let words): words.first ?? ""
    }
  }

  /// A right value for a placeholder.
  static func sample(placeholder: String) -> String {
    switch placeholder {
    case "REVIEW/ACTION": "LCSPR-2025-02/1.1"
    case "REVIEW/REC": "LCSPR-2025-02/R1"
    case "FROM", "TO", "DAY": "2026-01-05"
    case "N": "5"
    case "FILE.csv": "returns.csv"
    case "STANDARD=RATING": "s11-1=met"
    case "STANDARD=TEXT": "s11-1=Audit"
    default: "x"
    }
  }

  /// A wrong value for an option of a checked kind; nil for kinds that take any text.
  static func wrong(_ kind: Option.Kind) -> String? {
    switch kind {
    case .flag, .text: nil
    case .day: "2026-02-30"
    case .plannedDue: "2026-13"
    case .identifier: "../escapes"
    case .wholeNumber(_, let range): range.upperBound < Int.max ? String(range.upperBound) + "0" : "many"
    case .decimal(_, _, let atMost): atMost < 2 ? "2" : "9"
    case .word(_, _, let words): words.first.map { String($0.dropLast()) }
    }
  }

  /// The words, positionals and required options of a right line.
  static func base(_ command: Command, without skipped: String? = nil) -> [String] {
    var line = command.words + command.positionals.filter(\.required).map { sample(placeholder: $0.name) }
    for option in command.options where option.required && option.name != skipped {
      line += [option.name, sample(option.kind)]
    }
    return line
  }

  /// Every line with one mistake for `command`.
  static func lines(for command: Command) -> [[String]] {
    var lines: [[String]] = [base(command) + ["--nosuch"]]
    if let first = command.options.first {
      lines.append(base(command) + [String(first.name.dropLast())] + (first.kind == .flag ? [] : ["x"]))
    }
    for option in command.options where option.required {
      lines.append(base(command, without: option.name))
    }
    let required = command.positionals.filter(\.required)
    if !required.isEmpty {
      lines.append(Array(base(command).prefix(command.words.count + required.count - 1)))
    }
    if command.positionals.count == required.count {
      lines.append(base(command) + ["extra"])
    }
    for option in command.options {
      let rest = base(command, without: option.name)
      if option.kind == .flag {
        lines.append(rest + [option.name + "=yes"])
        continue
      }
      lines.append(rest + [option.name])
      if let wrong = wrong(option.kind) { lines.append(rest + [option.name, wrong]) }
      if !option.repeatable {
        lines.append(rest + [option.name, sample(option.kind), option.name + "=" + sample(option.kind)])
      }
    }
    for group in command.exclusive {
      lines.append(base(command) + group.flatMap { [$0, "x"] })
    }
    for name in command.refused.keys.sorted() {
      lines.append(base(command) + [name, "x"])
    }
    return lines
  }
}
