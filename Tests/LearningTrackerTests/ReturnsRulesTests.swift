import Foundation
import LearningModel
import LearningStore
import Testing

/// Returns in a layout of the agency's own, read through the same rules files as plans: the agency
/// by name or alias, status words as returns write them, and no column dropped silently.
@Suite struct ReturnsRulesTests {
  let returns = ReturnsSpreadsheetTests()

  /// la's open actions as an agency keeps its own return: the agency by name, its own headers, its
  /// own status words and a column of its own.
  func ownLayout() throws -> (store: URL, file: URL, references: [String]) {
    let (store, file, table) = try returns.exported()
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    let action = try #require(column["Action"])
    let references = table.dropFirst().prefix(2).map { $0[action] }
    var rows = [
      ["Organisation", "Ref", "What we were asked", "RAG status", "Progress update", "Manager sign-off"]
    ]
    rows.append(
      [
        "Northshire Council Children’s Services", references[0], "x", "On track", "Audit booked for March",
        "JB",
      ])
    rows.append([
      "Children's Services", references[1], "x", "Amber - in progress", "Training half delivered", "",
    ])
    try returns.save(rows, to: file)
    return (store, file, references)
  }

  @Test func withoutRulesNothingChangesAndEveryUnknownHeaderIsNamed() throws {
    let (store, file, _) = try ownLayout()
    let before = try Data(contentsOf: store)
    // No header the return layout knows: no header row, the first row shown, rules pointed at.
    let outcome = returns.importing(file, into: store)
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains("no header row found: the first rows are \"Organisation,Ref,"), "\(outcome.err)")
    #expect(outcome.err.contains("--suggest-rules"))
    // The sheet as sent, with a column of the agency's own added: that column is named.
    let (_, sent, table) = try returns.exported()
    try returns.save(
      table.enumerated().map { $0.element + [$0.offset == 0 ? "Manager sign-off" : "JB"] }, to: sent)
    let extra = returns.importing(sent, into: store)
    #expect(extra.status == 65)
    #expect(
      extra.err.contains("column \"Manager sign-off\": a column the return layout does not read"),
      "\(extra.err)")
    #expect(try Data(contentsOf: store) == before)
  }

  @Test func theSuggestedRulesNameEveryHeaderAndEveryValueNotUnderstood() throws {
    let (store, file, _) = try ownLayout()
    let outcome = runTracker(["import", "returns", file.path, "--suggest-rules"], data: store.path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("# Rules suggested by 'import returns --suggest-rules'"))
    #expect(outcome.out.contains("column \"Organisation\" = agency\n"), "\(outcome.out)")
    #expect(outcome.out.contains("column \"Ref\" = action\n"))
    #expect(outcome.out.contains("column \"RAG status\" = new status\n"))
    #expect(outcome.out.contains("column \"Progress update\" = progress note\n"))
    #expect(outcome.out.contains("# ? column \"Manager sign-off\" = FIELD, or: ignore \"Manager sign-off\""))
    // An agency's short name that is no ID, name or alias yet.
    #expect(outcome.out.contains("if \"Organisation\" is \"Children's Services\"\n  agency = ?\n"))
  }

  @Test func aReturnInTheAgencysOwnLayoutImportsWithARulesFileAndAnAlias() throws {
    let (store, file, references) = try ownLayout()
    let rules = file.deletingLastPathComponent().appendingPathComponent("la.rules")
    try """
    # la's own return
    column "Organisation" = agency
    column "Ref" = action
    column "RAG status" = new status
    column "Progress update" = progress note
    ignore "What we were asked"
    ignore "Manager sign-off"

    """.write(to: rules, atomically: true, encoding: .utf8)
    let unknown = runTracker(
      ["import", "returns", file.path, "--by", "LA lead", "--rules", rules.path], data: store.path)
    #expect(unknown.status == 65)
    #expect(unknown.err.contains("value \"Children's Services\": no such agency"), "\(unknown.err)")
    #expect(
      runTracker(["agency", "update", "la", "--add-alias", "Children’s Services"], data: store.path).status
        == 0)
    let dry = runTracker(
      ["import", "returns", file.path, "--by", "LA lead", "--rules", rules.path, "--dry-run"],
      data: store.path)
    #expect(dry.status == 0, "\(dry.err)")
    #expect(
      dry.out.contains("\(references[0]): status inProgress") || dry.out.contains("\(references[0]): note"))
    let outcome = runTracker(
      ["import", "returns", file.path, "--by", "LA lead", "--rules", rules.path, "--date", "2026-11-22"],
      data: store.path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(try returns.lastUpdate(references[0], in: store)?.note == "Audit booked for March")
    #expect(try returns.lastUpdate(references[1], in: store)?.note == "Training half delivered")
    // A rating before a dash is passed over: "Amber - in progress" is In progress.
    let tracker = try StoreReader.read(path: store.path).tracker
    let reference = try #require(ActionReference(references[1]))
    let (r, m, a) = try #require(tracker.actionIndex(reference))
    let state = tracker.reviews[r].recommendations[m].actions[a].state(
      asOf: CalendarDay("2026-11-22")!, settings: tracker.partnership.settings, heardFrom: nil)
    #expect(state.status == .inProgress)
    // Imported twice, nothing changes.
    let again = runTracker(
      ["import", "returns", file.path, "--by", "LA lead", "--rules", rules.path, "--date", "2026-11-22"],
      data: store.path)
    #expect(again.err.contains("0 updates"), "\(again.err)")
  }

  @Test func setAndIfGiveValuesTheFileDoesNotHave() throws {
    let (store, file, references) = try ownLayout()
    let rules = file.deletingLastPathComponent().appendingPathComponent("la.rules")
    try """
    set agency = la
    column "Ref" = action
    column "Progress update" = progress note
    ignore "Organisation"
    ignore "What we were asked"
    ignore "Manager sign-off"
    column "RAG status" = new status
    if "RAG status" is "amber - in progress."
      new status = blocked

    """.write(to: rules, atomically: true, encoding: .utf8)
    let outcome = runTracker(
      ["import", "returns", file.path, "--by", "LA lead", "--rules", rules.path, "--date", "2026-11-22"],
      data: store.path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(try returns.lastUpdate(references[1], in: store)?.status == .blocked)
  }
}
