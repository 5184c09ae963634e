import Foundation
import Testing

/// The README's short tour runs as written, on the days it was written for and years later: every
/// command in the block after the `<!-- tour: ... -->` marker is run through the built binary, in
/// order, in a new folder, and must exit 0.
@Suite struct ReadmeTourTests {
  /// One command of the tour: its words after `learning-tracker`, and the variables set before it.
  struct TourCommand {
    var line: String
    var arguments: [String]
    var environment: [String: String]
  }

  /// The tour's lines as a shell reads them: continuations joined, blank lines left out.
  static func tourLines(_ readme: String) throws -> [String] {
    let lines = readme.components(separatedBy: "\n")
    let marker = try #require(lines.firstIndex { $0.hasPrefix("<!-- tour:") }, "README.md has no tour marker")
    let start = try #require(
      lines[marker...].firstIndex { $0.hasPrefix("```sh") }, "no sh block after the tour marker")
    let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("```") })
    var joined: [String] = []
    var pending = ""
    for line in lines[(start + 1)..<end] {
      if line.hasSuffix("\\") {
        pending += line.dropLast() + " "
        continue
      }
      joined.append(pending + line)
      pending = ""
    }
    return joined.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// A line's words as the shell splits them: double and single quotes, a backslash, and a `#`
  /// starting a word begins a comment.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in line {
      if escaped {
        word.append(character)
        escaped = false
      } else if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\" && open == "\"" {
          escaped = true
        } else {
          word.append(character)
        }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character == "\\" {
        escaped = true
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else if character == "#" && !inWord {
        break
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// The tour's commands; `export NAME=VALUE` carries on to every later command.
  static func tourCommands() throws -> [TourCommand] {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var exported: [String: String] = [:]
    var commands: [TourCommand] = []
    for line in try tourLines(readme) {
      var words = words(line)
      if words.first == "export" {
        for assignment in words.dropFirst() {
          let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
          if parts.count == 2 { exported[parts[0]] = parts[1] }
        }
        continue
      }
      var environment = exported
      while let first = words.first, first.contains("="), !first.hasPrefix("-") {
        let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
        environment[parts[0]] = parts.count == 2 ? parts[1] : ""
        words.removeFirst()
      }
      #expect(words.first == "learning-tracker", "a tour line that does not run learning-tracker: \(line)")
      commands.append(TourCommand(line: line, arguments: Array(words.dropFirst()), environment: environment))
    }
    return commands
  }

  @Test func wordsAreSplitAsTheShellDoes() {
    #expect(
      Self.words(#"learning-tracker a --name "Child M" 'it''s' x\ y   # a comment"#)
        == ["learning-tracker", "a", "--name", "Child M", "its", "x y"])
    #expect(
      Self.words(#"EDITOR=nano learning-tracker edit REF#1"#) == [
        "EDITOR=nano", "learning-tracker", "edit", "REF#1",
      ])
  }

  @Test(arguments: ["2026-11-22", "2031-07-01"])
  func tourRunsAsWritten(today: String) throws {
    let commands = try Self.tourCommands()
    #expect(commands.count >= 40)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let docs = folder.appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("docs/example-plan.csv"),
      to: docs.appendingPathComponent("example-plan.csv"))
    // Each run of the tour has a temporary folder of its own: `redact` clears the folders `edit`
    // leaves there, and must not reach into the edit of a run going on beside it.
    let temporary = folder.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    for command in commands {
      var environment = command.environment
      environment["LEARNING_TRACKER_TODAY"] = today
      environment["TMPDIR"] = temporary.path
      // The editor the tour names would wait for a person: one that saves the file unchanged does not.
      if environment["EDITOR"] != nil { environment["EDITOR"] = "true" }
      let outcome = try runBinary(command.arguments, in: folder, environment: environment)
      #expect(outcome.status == 0, "as of \(today): \(command.line)\n\(outcome.err)")
      if outcome.status != 0 { break }
    }
  }
}
