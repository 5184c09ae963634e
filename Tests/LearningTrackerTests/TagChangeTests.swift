import LearningModel
import Testing

@testable import LearningTrackerCLI

/// Every `--add-X`/`--remove-X` pair of an update command goes through one rule.
@Suite struct TagChangeTests {
  func changes(held: [String], add: [String], remove: [String]) throws -> [String] {
    try LearningTrackerCommand.tagChanges(
      option: "--remove-theme", held: held, add: add, remove: remove, adding: { "+" + $0 },
      removing: { "-" + $0 }, absent: { "review R does not carry theme \"\($0)\"" })
  }

  @Test func additionsComeFirstAndARemovalMayTakeBackWhatWasJustAdded() throws {
    #expect(try changes(held: ["a"], add: ["b"], remove: ["a"]) == ["+b", "-a"])
    #expect(try changes(held: [], add: ["b"], remove: ["b"]) == ["+b", "-b"])
    #expect(try changes(held: ["a"], add: [], remove: []) == [])
  }

  @Test func removingATagNotHeldIsRefusedNamingTheNearestHeld() {
    do {
      _ = try changes(held: ["safe-sleep", "neglect"], add: [], remove: ["safe-slep"])
      Issue.record("a tag not held was removed")
    } catch CommandError.usage(let message, _) {
      #expect(
        message == "--remove-theme: review R does not carry theme \"safe-slep\"; did you mean safe-sleep?")
    } catch {
      Issue.record("refused otherwise: \(error)")
    }
    #expect(throws: (any Error).self) { try changes(held: ["a"], add: [], remove: ["a", "a"]) }
  }
}
