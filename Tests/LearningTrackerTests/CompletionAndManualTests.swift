import Foundation
import Testing

@testable import LearningTrackerCLI

/// Runs a program found on the PATH with `arguments`; its output and error streams and status.
func runTool(_ name: String, _ arguments: [String], environment extra: [String: String] = [:]) throws
  -> Outcome
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [name] + arguments
  process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Outcome(
    status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
    err: String(decoding: errData, as: UTF8.self))
}

/// The completion scripts and the manual page, checked against the command declarations so that
/// they never drift from them; a check whose shell or groff is not installed is skipped.
@Suite struct CompletionAndManualTests {
  static let commands = LearningTrackerCommand.commands

  /// A script printed by the tool, saved in a new folder.
  func saved(_ arguments: [String], as name: String) throws -> URL {
    let outcome = runTracker(arguments)
    #expect(outcome.status == 0, "\(outcome.err)")
    let url = try temporaryFolder().appendingPathComponent(name)
    try outcome.out.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test(.enabled(if: PrintCheckTests.installed("bash"), "skipped: bash is not installed"))
  func theBashScriptIsValidAndCompletesEveryCommandAndOption() throws {
    let script = try saved(["completion", "bash"], as: "learning-tracker.bash")
    let syntax = try runTool("bash", ["-n", script.path])
    #expect(syntax.status == 0, "\(syntax.err)")
    // One bash runs every query: the words typed, the last one being completed.
    var queries: [[String]] = [["learning-tracker", "rev"]]
    var expected: [(query: [String], words: [String])] = [(queries[0], ["review"])]
    for command in Self.commands {
      if command.words.count > 1 {
        let query = ["learning-tracker", command.words[0], String(command.words[1].prefix(2))]
        queries.append(query)
        expected.append((query, [command.words[1]]))
      } else {
        let query = ["learning-tracker", String(command.words[0].prefix(3))]
        queries.append(query)
        expected.append((query, [command.words[0]]))
      }
      let positionals = command.positionals.filter(\.required).map { _ in "x" }
      let query = ["learning-tracker"] + command.words + positionals + ["--"]
      queries.append(query)
      expected.append((query, command.allOptions.map(\.name)))
      for option in command.allOptions {
        if case .word(_, _, let words) = option.kind {
          let query = ["learning-tracker"] + command.words + [option.name, ""]
          queries.append(query)
          expected.append((query, words))
        }
      }
    }
    let store = try copyOfDemonstrationStore()
    let referencesQuery = ["learning-tracker", "--data", store, "action", "update", "LCSPR-2025-02/1."]
    queries.append(referencesQuery)
    expected.append((referencesQuery, ["LCSPR-2025-02/1.1", "LCSPR-2025-02/1.2"]))
    var driver = "source \(ShellCompletion.quoted(script.path))\n"
    driver += """
      query() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _learning_tracker; echo "${COMPREPLY[*]}"; }

      """
    for query in queries {
      driver += "query " + query.map(ShellCompletion.quoted).joined(separator: " ") + "\n"
    }
    let binFolder = try builtExecutable().deletingLastPathComponent().path
    let outcome = try runTool(
      "bash", ["-c", driver],
      environment: [
        "PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      ])
    #expect(outcome.err.isEmpty, "\(outcome.err)")
    let answers = outcome.out.split(separator: "\n", omittingEmptySubsequences: false).map {
      Set($0.split(separator: " ").map(String.init))
    }
    for (index, (query, words)) in expected.enumerated() {
      let answer = index < answers.count ? answers[index] : []
      for word in words {
        #expect(
          answer.contains(word), "\(query.joined(separator: " ")) does not offer \(word): \(answer.sorted())")
      }
    }
    #expect(answers[0] == ["review"])
  }

  @Test(.enabled(if: PrintCheckTests.installed("zsh"), "skipped: zsh is not installed"))
  func theZshScriptIsValid() throws {
    let script = try saved(["completion", "zsh"], as: "_learning-tracker")
    let syntax = try runTool("zsh", ["-n", script.path])
    #expect(syntax.status == 0, "\(syntax.err)")
  }

  @Test(.enabled(if: PrintCheckTests.installed("fish"), "skipped: fish is not installed"))
  func theFishScriptIsValid() throws {
    let script = try saved(["completion", "fish"], as: "learning-tracker.fish")
    let syntax = try runTool("fish", ["--no-execute", script.path])
    #expect(syntax.status == 0, "\(syntax.err)")
  }

  @Test func theZshAndFishScriptsHoldEveryCommandAndOption() {
    let zsh = runTracker(["completion", "zsh"]).out
    let fish = runTracker(["completion", "fish"]).out
    #expect(zsh.hasPrefix("#compdef learning-tracker\n"))
    for command in Self.commands {
      #expect(zsh.contains("'\(command.name)')"), "zsh: \(command.name)")
      #expect(fish.contains("-a '\(command.words.last ?? "")'"), "fish: \(command.name)")
      for option in command.allOptions where option.name != "--data" {
        #expect(fish.contains("-l \(option.name.dropFirst(2))"), "fish: \(command.name) \(option.name)")
      }
    }
  }

  @Test func referencesAreReadFromTheStoreAndAKindIsChecked() throws {
    let store = try copyOfDemonstrationStore()
    let actions = runTracker(["completion", "references", "actions"], data: store)
    #expect(actions.status == 0)
    #expect(actions.out.split(separator: "\n").contains("LCSPR-2025-02/1.1"))
    let records = runTracker(["completion", "references", "records"], data: store)
    #expect(records.out.hasPrefix("partnership\n"))
    let wrong = runTracker(["completion", "references", "action"], data: absentStore)
    #expect(wrong.status == 64)
    #expect(wrong.err.contains("did you mean actions?"))
  }

  @Test func theManualListsEveryCommandOptionExitCodeAndVariable() {
    let page = runTracker(["manual"]).out
    #expect(page.hasPrefix(".TH LEARNING\\-TRACKER 1"))
    for command in Self.commands {
      #expect(page.contains(".SS \"\(ManualPage.escaped(command.name))\"\n"), "\(command.name)")
      for option in command.allOptions {
        #expect(page.contains("\\fB\(ManualPage.escaped(option.name))\\fR"), "\(command.name) \(option.name)")
      }
    }
    for (code, _) in ManualPage.exitCodes { #expect(page.contains(".B \(code)\n")) }
    for (name, _) in ManualPage.environment { #expect(page.contains(".B \(ManualPage.escaped(name))\n")) }
  }

  @Test(.enabled(if: PrintCheckTests.installed("groff"), "skipped: groff is not installed"))
  func theManualRendersWithoutWarnings() throws {
    let page = try saved(["manual"], as: "learning-tracker.1")
    let check = try runTool("groff", ["-man", "-ww", "-z", page.path])
    #expect(check.status == 0)
    #expect(check.err.isEmpty, "\(check.err)")
    let text = try runTool("groff", ["-man", "-Tutf8", "-P-c", page.path])
    let flat = text.out.replacingOccurrences(of: "\u{2010}\n", with: "").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    for command in Self.commands {
      #expect(flat.contains("learning-tracker \(command.name)"), "\(command.name)")
    }
  }
}
