import Foundation
import LearningModel
import LearningStore
import LearningTrackerCLI
import Testing

/// `edit REF`: a record corrected as JSON in an editor, read back through the one store reader
/// and applied through the change path. The editor here is `sed`, run through `/bin/sh -c`.
@Suite struct EditCommandTests {
  /// Runs `edit` with `EDITOR` set to `editor`.
  func edit(_ reference: String, _ editor: String, path: String, extra: [String: String] = [:]) -> Outcome {
    runTracker(["edit", reference], data: path, environment: ["EDITOR": editor].merging(extra) { $1 })
  }

  /// The file the message names as keeping the rejected text.
  func keptFile(_ err: String) throws -> String {
    let line = try #require(err.split(separator: "\n").first { $0.contains("the edited text is kept in ") })
    let after = line.components(separatedBy: "the edited text is kept in ")[1]
    return try #require(after.components(separatedBy: "; nothing was changed").first)
  }

  @Test func aWrongNoteInAnOldUpdateIsCorrected() throws {
    let path = try copyOfDemonstrationStore()
    let entries = try historyCount(path)
    let outcome = edit(
      "LCSPR-2025-02/1.2", "sed -i 's/by the agency.s senior/by the police senior/'", path: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("corrected action LCSPR-2025-02/1.2"))
    let tracker = try storedTracker(path)
    let action = try #require(tracker.placedActions.first { $0.reference.description == "LCSPR-2025-02/1.2" })
    // The correction lands in the update's own note (actions[].updates[].note); no update is added.
    #expect(action.action.updates.count == 2)
    #expect(action.action.updates[1].note?.contains("awaiting sign-off by the police senior") == true)
    #expect(action.action.updates[0].note?.hasPrefix("Detective inspector") == true)
    #expect(runTracker(["validate"], data: path).status == 0)
    let history = try History.read(store: path)
    #expect(history.count == entries + 1)
    #expect(history.last?.command == ["edit", "LCSPR-2025-02/1.2"])
    #expect(history.last?.changes.map(\.reference) == ["LCSPR-2025-02/1.2"])
    // The correction can be undone like any other change.
    #expect(runTracker(["undo"], data: path).status == 0)
    let undone = try storedTracker(path).placedActions.first {
      $0.reference.description == "LCSPR-2025-02/1.2"
    }
    #expect(undone?.action.updates[1].note?.contains("by the police") == false)
  }

  @Test func unchangedTextChangesNothing() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let entries = try historyCount(path)
    for editor in ["true", "sed -i 's/\" : /\":  /'"] {
      let outcome = edit("LCSPR-2025-02/1.1", editor, path: path)
      #expect(outcome.status == 0, "\(editor): \(outcome.err)")
      #expect(outcome.err.contains("action LCSPR-2025-02/1.1 is unchanged; nothing was written"))
    }
    #expect(try storeBytes(path) == before)
    #expect(try historyCount(path) == entries)
  }

  @Test func anEditThatBreaksARuleIsKeptAndChangesNothing() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let outcome = edit(
      "LCSPR-2025-02/1.2", "sed -i 's/\"due\" : \"2026-06\"/\"due\" : \"2020-06-30\"/'", path: path)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "action LCSPR-2025-02/1.2: due: due 2020-06-30 is before the agreed day 2025-09-15"))
    let kept = try keptFile(outcome.err)
    #expect(kept.hasPrefix(path + ".edit-LCSPR-2025-02-1.2"))
    let keptText = try String(contentsOfFile: kept, encoding: .utf8)
    #expect(keptText.contains("\"due\" : \"2020-06-30\""))
    #expect(try storeBytes(path) == before)
    #expect(runTracker(["validate"], data: path).status == 0)
    // A second rejected edit is kept in a file of its own.
    let again = edit(
      "LCSPR-2025-02/1.2", "sed -i 's/\"due\" : \"2026-06\"/\"due\" : \"2020-06-30\"/'", path: path)
    #expect(try keptFile(again.err) != kept)
  }

  @Test func theIDCannotChange() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let cases: [(String, String)] = [
      ("LCSPR-2025-02/1.2", "sed -i 's/\"id\" : \"1.2\"/\"id\" : \"1.3\"/'"),
      ("LCSPR-2025-02/R1", "sed -i 's/\"id\" : \"R1\"/\"id\" : \"R7\"/'"),
      ("agency:police", "sed -i 's/\"id\" : \"police\"/\"id\" : \"constabulary\"/'"),
      ("section11:la:2024-25", "sed -i 's/\"cycle\" : \"2024-25\"/\"cycle\" : \"2025-26\"/'"),
    ]
    for (reference, editor) in cases {
      let outcome = edit(reference, editor, path: path)
      #expect(outcome.status == 65, "\(reference)")
      #expect(outcome.err.contains("the ID cannot change through edit"), "\(reference): \(outcome.err)")
      #expect(FileManager.default.fileExists(atPath: try keptFile(outcome.err)))
    }
    #expect(try storeBytes(path) == before)
  }

  @Test func problemsInTheTextAreReportedWithTheirPlace() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let unknown = edit("LCSPR-2025-02/1.2", "sed -i 's/\"lead\"/\"leader\"/'", path: path)
    #expect(unknown.status == 65)
    let kept = try keptFile(unknown.err)
    #expect(unknown.err.contains("\(kept):11:3: leader: unknown field"))
    let badDay = edit("LCSPR-2025-02/1.2", "sed -i 's/\"2026-06\"/\"2026-06-31\"/'", path: path)
    #expect(badDay.status == 65)
    #expect(badDay.err.contains(":5:11: due: \"2026-06-31\" is not a due day"))
    let syntax = edit("LCSPR-2025-02/1.2", "sed -i 's/\"id\" : \"1.2\",/\"id\" : \"1.2\"/'", path: path)
    #expect(syntax.status == 65)
    #expect(syntax.err.contains("not valid JSON"))
    let actions = edit(
      "LCSPR-2025-02/R1", "sed -i 's/\"id\" : \"R1\",/\"id\" : \"R1\", \"actions\" : [],/'", path: path)
    #expect(actions.status == 65)
    #expect(actions.err.contains("actions: the recommendation's actions are records of their own"))
    let findings = edit(
      "LCSPR-2025-02",
      "sed -i 's/\"id\" : \"LCSPR-2025-02\",/\"id\" : \"LCSPR-2025-02\", \"findings\" : [],/'",
      path: path)
    #expect(findings.status == 65)
    #expect(findings.err.contains("findings: the review's findings are records of their own"))
    #expect(try storeBytes(path) == before)
  }

  @Test func everyKindOfRecordIsCorrected() throws {
    let path = try copyOfDemonstrationStore()
    let review = edit(
      "LCSPR-2025-02", "sed -i 's/\"title\" : \"Child M\"/\"title\" : \"Child N\"/'", path: path)
    #expect(review.status == 0, "\(review.err)")
    let finding = edit(
      "LCSPR-2025-02/F1", "sed -i 's/\"goodPractice\" : false/\"goodPractice\" : true/'", path: path)
    #expect(finding.status == 0, "\(finding.err)")
    let recommendation = edit(
      "LCSPR-2025-02/R1", "sed -i 's/\"id\" : \"R1\",/\"id\" : \"R1\", \"responded\" : \"2025-09-15\",/'",
      path: path)
    #expect(recommendation.status == 0, "\(recommendation.err)")
    let agency = edit(
      "agency:police", "sed -i 's/\"name\" : \"[^\"]*\"/\"name\" : \"Northshire Police\"/'", path: path)
    #expect(agency.status == 0, "\(agency.err)")
    let dissemination = edit(
      "dissemination:D-2023-01", "sed -i 's/\"reach\" : 180/\"reach\" : 181/'", path: path)
    #expect(dissemination.status == 0, "\(dissemination.err)")
    let section11 = edit(
      "section11:la:2024-25", "sed -i 's/\"submitted\" : \"2024-11-25\"/\"submitted\" : \"2024-11-26\"/'",
      path: path)
    #expect(section11.status == 0, "\(section11.err)")
    #expect(runTracker(["validate"], data: path).status == 0)
    let tracker = try storedTracker(path)
    let child = try #require(tracker.reviews.first { $0.id == "LCSPR-2025-02" })
    #expect(child.title == "Child N")
    // The review keeps its findings and recommendations, and the recommendation its actions.
    #expect(child.findings.count == 5 && child.recommendations.count == 5)
    #expect(child.findings[0].goodPractice)
    #expect(child.recommendations[0].responded == CalendarDay("2025-09-15"))
    #expect(child.recommendations[0].actions.map(\.id) == ["1.1", "1.2"])
    #expect(tracker.agency("police")?.name == "Northshire Police")
    #expect(tracker.disseminations.first { $0.id == "D-2023-01" }?.reach == 181)
    #expect(
      tracker.section11.first { $0.agency == "la" && $0.cycle == "2024-25" }?.submitted
        == CalendarDay("2024-11-26"))
  }

  @Test func aRecommendationNotAcceptedNeedsItsNote() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let outcome = edit("LCSPR-2025-02/R1", "sed -i 's/\"accepted\"/\"notAccepted\"/'", path: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("responseNote: a recommendation that is not accepted needs a responseNote"))
    #expect(try storeBytes(path) == before)
  }

  @Test func theEditorAndTheReferenceAreChecked() throws {
    let path = try copyOfDemonstrationStore()
    let noEditor = runTracker(["edit", "LCSPR-2025-02/1.1"], data: path)
    #expect(noEditor.status == 64)
    #expect(noEditor.err.contains("set $VISUAL or $EDITOR"))
    let failing = edit("LCSPR-2025-02/1.1", "false", path: path)
    #expect(failing.status == 64)
    #expect(failing.err.contains("the editor \"false\" ($VISUAL or $EDITOR) exited with status 1"))
    let unknown = edit("LCSPR-2025-02/R11", "true", path: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("no record \"LCSPR-2025-02/R11\"; did you mean LCSPR-2025-02/R1?"))
    let agency = edit("agency:polise", "true", path: path)
    #expect(agency.err.contains("did you mean agency:police?"))
    // $VISUAL comes before $EDITOR.
    let visual = edit(
      "agency:police", "false", path: path,
      extra: ["VISUAL": "sed -i 's/\"name\" : \"[^\"]*\"/\"name\" : \"Constabulary\"/'"])
    #expect(visual.status == 0, "\(visual.err)")
    #expect(try storedTracker(path).agency("police")?.name == "Constabulary")
  }

  /// An editor that breaks the due day the first time and mends it the second.
  func twoStepEditor(in folder: URL) throws -> String {
    let script = folder.appendingPathComponent("editor.sh")
    let marker = folder.appendingPathComponent("opened").path
    try """
    if [ -e '\(marker)' ]; then
      sed -i 's/"due" : "2020-06-30"/"due" : "2026-07-31"/' "$1"
    else
      touch '\(marker)'
      sed -i 's/"due" : "2026-06"/"due" : "2020-06-30"/' "$1"
    fi
    """.write(to: script, atomically: true, encoding: .utf8)
    return "sh '\(script.path)'"
  }

  /// Runs `edit` as from a terminal, answering each question with the next of `answers`.
  func editAtTerminal(_ reference: String, editor: String, path: String, answers: [String]) -> Outcome {
    var out = ""
    var err = ""
    var remaining = answers
    let console = Console(
      out: { out += $0 }, err: { err += $0 }, inputIsTerminal: true,
      answers: { remaining.isEmpty ? nil : remaining.removeFirst() })
    let environment = [
      "LEARNING_TRACKER_TODAY": "2026-11-22", "LEARNING_TRACKER_USER": "Business unit",
      "LEARNING_TRACKER_TIMESTAMP": "2026-11-22T09:00:00Z", "LEARNING_TRACKER_DATA": path, "EDITOR": editor,
    ]
    let status = LearningTrackerCommand.run(["edit", reference], environment: environment, console: console)
    return Outcome(status: status, out: out, err: err)
  }

  @Test func atATerminalTheProblemIsShownAndTheTextEditedAgain() throws {
    let path = try copyOfDemonstrationStore()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let outcome = editAtTerminal(
      "LCSPR-2025-02/1.2", editor: try twoStepEditor(in: folder), path: path, answers: ["y"])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("due: due 2020-06-30 is before the agreed day 2025-09-15"))
    #expect(outcome.err.contains("edit again? [Y/n]"))
    let tracker = try storedTracker(path)
    let action = tracker.placedActions.first { $0.reference.description == "LCSPR-2025-02/1.2" }
    #expect(action?.action.due.day == CalendarDay("2026-07-31"))
  }

  @Test func atATerminalAnsweringNoKeepsTheText() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let outcome = editAtTerminal(
      "LCSPR-2025-02/1.2", editor: try twoStepEditor(in: folder), path: path, answers: ["n"])
    #expect(outcome.status == 65)
    let kept = try keptFile(outcome.err)
    #expect(try String(contentsOfFile: kept, encoding: .utf8).contains("\"due\" : \"2020-06-30\""))
    #expect(try storeBytes(path) == before)
  }

  @Test func theBuiltProgramRunsTheEditorWithItsArguments() throws {
    let path = try copyOfDemonstrationStore()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let process = Process()
    process.executableURL = try builtExecutable()
    process.arguments = ["edit", "agency:police"]
    process.currentDirectoryURL = folder
    process.environment = [
      "LEARNING_TRACKER_TODAY": "2026-11-22", "LEARNING_TRACKER_USER": "Business unit",
      "PATH": "/usr/bin:/bin",
      "EDITOR": "sed -i 's/\"name\" : \"[^\"]*\"/\"name\" : \"Police service\"/'",
    ]
    process.standardInput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
    #expect(try storedTracker(path).agency("police")?.name == "Police service")
  }
}
