import Foundation
import LearningModel
import LearningTrackerCLI
import Testing

/// A command reads the typed value of the option it declared, never an option by its name, and
/// ends with `ExitCode.ok` or an error whose code comes from the one map.
@Suite struct OptionBindingTests {
  /// The command line's sources, each with its text.
  static func commandLineSources() throws -> [(name: String, text: String)] {
    let folder = packageRoot.appendingPathComponent("Sources/LearningTrackerCLI")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".swift")
    }
    return try names.sorted().map { name in
      (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
  }

  /// The lines of `text` that match `pattern`.
  static func lines(in text: String, matching pattern: String) throws -> [String] {
    let expression = try NSRegularExpression(pattern: pattern)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
      expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
  }

  /// No source reads an option by a name written out: `args.value("--by")`, `args.flag("--x")`,
  /// `args.given("--x")`.
  @Test func noOptionIsReadByItsName() throws {
    for (name, text) in try Self.commandLineSources() {
      let found = try Self.lines(in: text, matching: #"args\??\.\w+\(\s*"--|\.given\(\s*"--"#)
      #expect(found.isEmpty, "\(name) reads an option by its name:\n\(found.joined(separator: "\n"))")
    }
  }

  /// No command returns an exit code other than ok: every other code comes from the one map, by
  /// the kind of error thrown.
  @Test func everyExitCodeComesFromTheMap() throws {
    for (name, text) in try Self.commandLineSources() where name.hasPrefix("LearningTrackerCommand") {
      let found = try Self.lines(in: text, matching: #"ExitCode\.(?!ok\b)\w+"#)
      #expect(found.isEmpty, "\(name) returns an exit code directly:\n\(found.joined(separator: "\n"))")
    }
  }

  /// The type an option is read as says what its declaration is: a non-optional text must be
  /// given, a list may be repeated, an optional value may be left out.
  @Test func theTypeMakesTheDeclaration() {
    let required: TypedOption<String> = .text("--text", "TEXT", help: "h")
    let optional: TypedOption<String?> = .text("--text", "TEXT", help: "h")
    let repeated: TypedOption<[String]> = .text("--theme", "ID", help: "h")
    let kinds: TypedOption<[ReviewKind]> = .words("--kind", ReviewKind.self, help: "h")
    #expect(required.option.required && !required.option.repeatable)
    #expect(!optional.option.required && !optional.option.repeatable)
    #expect(repeated.option.repeatable && !repeated.option.required)
    #expect(kinds.option.repeatable)
    #expect(required.name == "--text")
  }

  /// Findings already written out end with their code and no further message.
  @Test func findingsEndWithTheirCodeAndNoMessage() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json").path
    try FileManager.default.copyItem(atPath: CommandLineTests.seeds, toPath: store)
    let outcome = runTracker(
      ["report", "overdue", "--fail-on-overdue", "--as-of", "2030-01-01"], data: store)
    #expect(outcome.status == 1)
    #expect(!outcome.err.contains("error"))
  }
}
