import Foundation
import LearningModel
import LearningStore
import LearningTestSupport
import LearningTrackerCLI
import Testing

/// `settings show|set|reset` and `privacy add-name|remove-name|names`: the partnership record
/// changed by command, through the one change path, with history and undo.
@Suite struct SettingsCommandTests {
  /// The stale list of `report overdue` as JSON.
  func staleCount(_ store: String) throws -> Int {
    let outcome = runTracker(["report", "overdue", "--as-of", "2026-11-20", "--format", "json"], data: store)
    #expect(outcome.status == 0, "\(outcome.err)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(outcome.out.utf8)) as? [String: Any])
    return try #require(json["stale"] as? [Any]).count
  }

  @Test func everySettingIsShownSetAndResetWithUndo() throws {
    let store = try copyOfDemonstrationStore()
    let samples = [
      "name": "Southshire Safeguarding Children Partnership", "reporting-year-start": "01-01",
      "due-soon-days": "14", "stale-after-days": "60", "rapid-review-clock-from": "notified",
      "escalation-levels": "chase=Officer chase; chair=Chair's letter; executive=Safeguarding partners",
      "board-paper-meeting": "Partnership Executive, 3 December 2026",
      "board-paper-author": "Independent Scrutineer", "board-paper-marking": "OFFICIAL",
    ]
    for setting in PartnershipSetting.all {
      let original = try storeRecords(store)
      let value = try #require(samples[setting.name], "a sample value for \(setting.name)")
      let set = runTracker(["settings", "set", setting.name, value], data: store)
      #expect(set.status == 0, "\(setting.name): \(set.err)")
      let shown = runTracker(["settings", "show", setting.name, "--format", "json"], data: store)
      #expect(shown.out.contains("\"value\" : \"\(value)\""), "\(setting.name): \(shown.out)")
      #expect(runTracker(["undo"], data: store).status == 0)
      #expect(try storeRecords(store) == original, "undo puts \(setting.name) back")
      let reset = runTracker(["settings", "reset", setting.name], data: store)
      if let defaultText = setting.defaultText {
        #expect(reset.status == 0, "\(setting.name): \(reset.err)")
        let after = runTracker(["settings", "show", setting.name, "--format", "json"], data: store)
        #expect(after.out.contains("\"value\" : \"\(defaultText)\""))
      } else {
        #expect(reset.status == 64)
        #expect(reset.err.contains(setting.name))
        #expect(try storeRecords(store) == original)
      }
    }
  }

  @Test func aBadValueIsRefusedNamingTheSettingBeforeTheStoreIsRead() {
    let cases = [
      ("due-soon-days", "soon"), ("stale-after-days", "-1"), ("rapid-review-clock-from", "notifed"),
      ("reporting-year-start", "02-29"), ("name", " "),
    ]
    for (name, value) in cases {
      let outcome = runTracker(["settings", "set", name, value], data: absentStore)
      #expect(outcome.status == 64, "\(name) \(value): \(outcome.err)")
      #expect(outcome.err.contains("error: \(name)"), "\(outcome.err)")
    }
    let unknown = runTracker(["settings", "set", "stale-after-day", "60"], data: absentStore)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("did you mean stale-after-days?"))
  }

  @Test func staleAfterDaysChangesTheOverdueReportsStaleList() throws {
    let store = try copyOfDemonstrationStore()
    let before = try staleCount(store)
    let set = runTracker(["settings", "set", "stale-after-days", "60"], data: store)
    #expect(set.status == 0)
    #expect(try storedTracker(store).partnership.settings.staleAfterDays == 60)
    #expect(try staleCount(store) > before)
    #expect(runTracker(["undo"], data: store).status == 0)
    #expect(try staleCount(store) == before)
  }

  @Test func aChangeIsOneHistoryEntryAndSettingTheSameValueWritesNothing() throws {
    let store = try copyOfDemonstrationStore()
    let entries = try historyCount(store)
    #expect(
      runTracker(["settings", "set", "due-soon-days", "21", "--by", "QA subgroup"], data: store).status == 0)
    #expect(try historyCount(store) == entries + 1)
    let last = try #require(try History.read(store: store).last)
    #expect(last.changes.map(\.reference) == ["partnership"])
    let again = runTracker(["settings", "set", "due-soon-days", "21"], data: store)
    #expect(again.status == 0)
    #expect(again.err.contains("nothing was written"))
    #expect(try historyCount(store) == entries + 1)
  }

  @Test func theDocumentedTableOfSettingsIsMadeFromTheDeclarations() throws {
    let url = packageRoot.appendingPathComponent("docs/FORMAT.md")
    let format = try String(contentsOf: url, encoding: .utf8)
    let start = "<!-- settings: made from PartnershipSetting.all; a test checks this table -->\n"
    let end = "\n<!-- /settings -->"
    let head = try #require(format.range(of: start))
    let tail = try #require(format.range(of: end, range: head.upperBound..<format.endIndex))
    let table = String(format[head.upperBound..<tail.lowerBound])
    if GoldenFile.isRecording {
      try
        (String(format[..<head.upperBound]) + PartnershipSetting.documentationTable
        + String(format[tail.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
      return
    }
    if let diff = LineDiff.render(expected: table, actual: PartnershipSetting.documentationTable) {
      Issue.record("docs/FORMAT.md's table of settings differs from PartnershipSetting.all:\n\(diff)")
    }
  }

  @Test func theRecordCannotBeRemoved() throws {
    let store = try copyOfDemonstrationStore()
    let outcome = runTracker(["remove", "partnership"], data: store)
    #expect(outcome.status == 64, "\(outcome.err)")
  }
}

@Suite struct PrivacyCommandTests {
  @Test func anAddedNameIsFoundByCheckPrivacyInANoteThatHoldsIt() throws {
    let store = try copyOfDemonstrationStore()
    let note = runTracker(
      [
        "action", "update", "LCSPR-2025-02/1.1", "--note", "Spoke with Zebedee Quartermain's teacher",
        "--date", "2026-11-20",
      ], data: store)
    #expect(note.status == 0, "\(note.err)")
    let masked = "ze•••••••••••••••in"
    #expect(!runTracker(["check", "privacy"], data: store).out.contains(masked))
    let added = runTracker(["privacy", "add-name", "zebedee quartermain"], data: store)
    #expect(added.status == 0, "\(added.err)")
    // Where the name already is: the note in the store, and the entry that added the note.
    // (in the history: the command that added the note, and the action after it)
    #expect(added.err.contains(".note: listed name \(masked)"), "\(added.err)")
    #expect(added.err.contains("1 place in the store and 2 in the history"), "\(added.err)")
    #expect(!added.err.lowercased().contains("zebedee"))
    let check = runTracker(["check", "privacy"], data: store)
    #expect(check.status == 1)
    #expect(check.out.contains("listed name  \(masked)"), "\(check.out)")
    // The list itself, and the command that made it, are not findings in the history.
    #expect(!check.err.contains("entry \(try historyCount(store))"), "\(check.err)")
    #expect(try storedTracker(store).partnership.privacy?.names.contains("zebedee quartermain") == true)
  }

  @Test func namesAreListedMaskedUnlessShownAndRemovedWithUndo() throws {
    let store = try copyOfDemonstrationStore()
    let original = try storedTracker(store).partnership.privacy?.names ?? []
    #expect(runTracker(["privacy", "add-name", "Jordan Example"], data: store).status == 0)
    let again = runTracker(["privacy", "add-name", "JORDAN EXAMPLE"], data: store)
    #expect(again.err.contains("already on the privacy list"))
    let masked = runTracker(["privacy", "names"], data: store)
    #expect(masked.out.contains("Jo••••••••••le\n"), "\(masked.out)")
    #expect(!masked.out.contains("Jordan"))
    #expect(runTracker(["privacy", "names", "--show"], data: store).out.contains("Jordan Example\n"))
    let history = try String(contentsOfFile: History.path(forStore: store), encoding: .utf8)
    #expect(history.contains("\"add-name\",\"Jo••••••••••le\""), "the command is recorded masked")
    #expect(runTracker(["privacy", "remove-name", "jordan example"], data: store).status == 0)
    #expect(try storedTracker(store).partnership.privacy?.names ?? [] == original)
    let missing = runTracker(["privacy", "remove-name", "Jordan Example"], data: store)
    #expect(missing.status == 64)
    #expect(runTracker(["undo"], data: store).status == 0)
    #expect(try storedTracker(store).partnership.privacy?.names.contains("Jordan Example") == true)
  }
}

@Suite struct EditPartnershipTests {
  @Test func editOpensThePartnershipRecordAndAppliesTheCorrection() throws {
    let store = try copyOfDemonstrationStore()
    let folder = URL(fileURLWithPath: store).deletingLastPathComponent()
    let script = folder.appendingPathComponent("editor.sh")
    try """
    #!/bin/sh
    sed -e 's/"dueSoonDays" : 28/"dueSoonDays" : 35/' "$1" > "$1.new" && mv "$1.new" "$1"
    """.write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
    let outcome = runTracker(["edit", "partnership"], data: store, environment: ["EDITOR": script.path])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("corrected the partnership record"))
    #expect(try storedTracker(store).partnership.settings.dueSoonDays == 35)
    #expect(try History.read(store: store).last?.changes.map(\.reference) == ["partnership"])
    #expect(runTracker(["undo"], data: store).status == 0)
    #expect(try storedTracker(store).partnership.settings.dueSoonDays == 28)
  }
}
