import Testing

@testable import LearningModel
@testable import LearningStore
@testable import LearningTrackerCLI

/// The one renderer of diagnostics: validation, import problems, personal data in the history and
/// what the history noticed, each in the words the commands have always printed.
@Suite struct DiagnosticTextTests {
  @Test func aValidationDiagnosticNamesTheFileThePathTheSeverityTheCheckAndTheHint() {
    let diagnostic = Diagnostic(
      severity: .warning, check: .measureOfSuccess, path: "reviews[0].recommendations[0].actions[1]",
      message: "action RR-1/1.2 has no measure of success", hint: "say how the change will be assessed")
    #expect(
      DiagnosticText.terminal(diagnostic, file: "tracker.json")
        == "tracker.json: reviews[0].recommendations[0].actions[1]: warning: action RR-1/1.2 has no measure "
        + "of success [measureOfSuccess]\n    hint: say how the change will be assessed")
  }

  @Test func anImportProblemNamesTheRowTheColumnTheActionAndTheValueOnOneLine() {
    let problem = ImportProblem(
      row: 5, column: "Proposed new due", action: "LCSPR-2025-02/1.1", value: "2027-02-30\nlater",
      message: "not a day")
    #expect(problem.code == .importRow && problem.severity == .error)
    #expect(
      DiagnosticText.terminal(problem, file: "police.csv")
        == "police.csv: row 5, column \"Proposed new due\", action LCSPR-2025-02/1.1, value \"2027-02-30\\nlater\": "
        + "not a day")
    #expect(
      DiagnosticText.terminal(ImportProblem(row: 2, value: "", message: "empty")) == "row 2, empty: empty")
  }

  @Test func personalDataInTheHistoryNamesTheEntryAndThePath() {
    let diagnostic = Diagnostic.personalData(
      .email, excerpt: "j***@***",
      at: DiagnosticPlace(file: "tracker.json.history.jsonl", entry: 3, path: "after.note"),
      severity: .warning,
      hint: "remove it")
    #expect(diagnostic.code == .personalData(.email))
    #expect(diagnostic.personalDataKind == .email)
    #expect(diagnostic.place.value == "j***@***")
    #expect(
      DiagnosticText.terminal(diagnostic)
        == "tracker.json.history.jsonl: entry 3: after.note: email address j***@*** (remove it)")
  }

  @Test func personalDataInTheStoreNamesThePathTheKindAndTheMaskedExcerpt() {
    let found = Diagnostic.personalData(
      .nhsNumber, excerpt: "943 *** ****", at: DiagnosticPlace(path: "reviews[0].summary"))
    #expect(found.code == .personalData(.nhsNumber))
    #expect(found.severity == .error)
    #expect(DiagnosticText.terminal(found) == "reviews[0].summary: NHS number 943 *** ****")
  }

  @Test func theStoresPersonalDataIsFoundAsDiagnostics() {
    var tracker = Tracker(partnership: Partnership(name: "Testshire"))
    tracker.reviews = [Review(id: "R1", title: "Child A", kind: .lcspr)]
    tracker.reviews[0].summary = "Mother's number 07700 900123"
    let found = tracker.personalData()
    #expect(found.map(\.code) == [.personalData(.phone)])
    #expect(found.map(\.path) == ["reviews[0].summary"])
    #expect(found.allSatisfy { !$0.message.contains("900123") })
  }

  @Test func whatTheHistoryNoticedIsDecidedByItsCode() {
    let torn = Diagnostic.tornHistoryLine(history: "h.jsonl", keptIn: "h.jsonl.torn", bytes: 12)
    #expect(torn.code == .tornHistoryLine)
    #expect(
      DiagnosticText.terminal(torn)
        == "h.jsonl: the last line was half-written (12 bytes, a writer stopped while appending); "
        + "it was cut off and kept in h.jsonl.torn")
    let outside = Diagnostic.storeChangedOutside(problem: "changed")
    #expect(outside.code == .storeChangedOutside)
    #expect(
      DiagnosticText.terminal(outside)
        == "changed; this was recorded in the history as a change made outside learning-tracker, "
        + "before this change, and 'history' shows where")
  }

  @Test func aBrokenChainNamesTheFileAndTheEntry() {
    let broken = Diagnostic.historyChainBroken(
      file: "t.json.history.jsonl", entry: 4, reason: "it carries no digest")
    #expect(broken.code == .historyChainBroken)
    #expect(broken.severity == .error)
    #expect(
      DiagnosticText.terminal(broken)
        == "t.json.history.jsonl: entry 4: fails the check: it carries no digest")
    #expect(
      StoreError.historyFailsCheck(broken).errorDescription
        == "t.json.history.jsonl: entry 4: fails the check: it carries no digest; undo and redo are refused "
        + "until the history is explained (see docs/history.md)")
  }

  @Test func dataNeverDrivesTheTerminal() {
    let problem = ImportProblem(row: 1, column: "Due\u{1B}[2J", value: "\u{7}", message: "bad\u{202E}")
    let text = DiagnosticText.terminal(problem)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x7 || $0.value == 0x202E })
  }

  @Test func jsonKeepsTheValidationShapeAndGivesOthersTheirCode() throws {
    let json = try DiagnosticText.json([
      Diagnostic(severity: .error, check: .references, path: "agencies[0].id", message: "m"),
      ImportProblem(row: 4, column: "Status", message: "not a status"),
    ])
    #expect(json.contains("\"check\"") && json.contains("\"references\""))
    #expect(json.contains("\"code\"") && json.contains("\"importRow\""))
    #expect(json.contains("\"row\"") && !json.contains("\"record\""))
  }
}
