import Foundation
import Testing

@testable import LearningModel

/// The identifier rule and the control-character warning, as `validate` reports them.
@Suite struct TextValidationTests {
  let today = CalendarDay("2026-11-22") ?? CalendarDay(dayNumber: 0)

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// A store whose every text is `text`, with one record of every kind.
  func store(text: String) -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: text)
    tracker.partnership.privacy = Privacy(names: [text])
    tracker.themes = [CatalogueEntry(id: "t", name: text)]
    tracker.categories = [CatalogueEntry(id: "c", name: text)]
    tracker.disseminationMethods = [CatalogueEntry(id: "m", name: text)]
    tracker.section11Standards = [CatalogueEntry(id: "s", name: text)]
    tracker.agencies = [Agency(id: "la", name: text, kind: .localAuthority, statutoryPartner: true)]
    let update = ActionUpdate(
      date: day("2025-10-01"), status: .inProgress, note: text, evidence: [text], by: text)
    let action = Action(
      id: "1.1", description: text, owner: "la", lead: text, measureOfSuccess: text,
      agreed: day("2025-09-15"),
      due: day("2026-03-31"), updates: [update])
    tracker.reviews = [
      Review(
        id: "R-1", title: text, kind: .lcspr, dates: ReviewDates(decision: day("2025-06-01")), themes: ["t"],
        findings: [Finding(id: "F1", text: text)],
        recommendations: [
          Recommendation(
            id: "R1", text: text, agencies: ["la"], response: .partiallyAccepted, responseNote: text,
            actions: [action])
        ], summary: text)
    ]
    tracker.disseminations = [
      Dissemination(
        id: "D-1", date: day("2025-10-05"), status: .delivered, method: "m", title: text, reach: 3, note: text
      )
    ]
    tracker.section11 = [
      Section11Return(
        agency: "la", cycle: "2025-26", due: day("2025-11-30"),
        ratings: [Section11StandardRating(standard: "s", self: .met, evidence: text)],
        learning: [Section11Learning(review: "R-1", disseminated: text, implemented: text, evidence: [text])])
    ]
    // Every other text field of the format (StoreTextField.all), so that every one holds `text`.
    tracker.reviews[0].delayReason = text
    tracker.reviews[0].commissionedBy = text
    tracker.reviews[0].embargo = Embargo(reason: text, since: day("2025-06-01"), lifted: day("2025-07-01"))
    tracker.section11[0].cycle = text
    tracker.reviews[0].recommendations[0].actions[0].evidencePlanned = text
    tracker.reviews[0].recommendations[0].actions[0].baseline = text
    tracker.reviews[0].recommendations[0].actions[0].target = text
    tracker.reviews[0].recommendations[0].actions[0].updates[0].impactEvidence = [text]
    tracker.reviews[0].recommendations[0].actions[0].updates[0].result = text
    tracker.reviews[0].recommendations[0].actions[0].updates[0].assuredWithoutImpact = text
    tracker.reviews[0].recommendations[0].actions[0].updates[0].requestReason = text
    tracker.agencies[0].aliases = [text]
    var timetable = tracker.timetable
    timetable.steps[timetable.steps.count - 1].name = text
    timetable.publicationChecklist[0].name = text
    tracker.partnership.timetable = timetable
    tracker.partnership.settings.escalationLevels = [EscalationLevel(id: "chase", name: text)]
    tracker.partnership.settings.boardPaper = BoardPaperSettings(meeting: text, author: text, marking: text)
    tracker.reviews[0].steps = [
      StepRecord(step: "draft", done: day("2025-08-01"), note: text, by: text),
      StepRecord(step: "practitionerEvents", notNeeded: text),
    ]
    tracker.reviews[0].decisionRecord = DecisionRecord(
      criteriaMet: true, reasons: text, disagreement: text, scrutineerAdvice: text,
      ratifications: [Ratification(partner: "la", by: text, day: day("2025-06-02"))])
    tracker.reviews[0].correspondence = [
      CorrespondenceEntry(
        id: "C1", day: day("2025-06-03"), received: false, with: .panel, kind: .other, text: text)
    ]
    tracker.reviews[0].publication = PublicationRecord(
      decision: .notPublish, justification: text, reviewer: text,
      checklist: [ChecklistTick(item: timetable.publicationChecklist[0].id, day: day("2025-09-01"), by: text)]
    )
    tracker.reviews[0].recommendations[0].actions[0].escalations = [
      Escalation(
        date: day("2025-11-01"), level: "chase", to: text, replyBy: day("2025-11-15"), note: text, by: text,
        reply: text, replied: day("2025-11-10"))
    ]
    tracker.disseminations[0].followUp = DisseminationFollowUp(date: day("2025-12-01"), note: text)
    return tracker
  }

  /// The value at a path such as `reviews[0].recommendations[0].text` in a parsed JSON document.
  func value(at path: String, in json: Any) -> Any? {
    var current: Any? = json
    for part in path.split(separator: ".") {
      let name = part.prefix { $0 != "[" }
      if !name.isEmpty { current = (current as? [String: Any])?[String(name)] }
      for index in part.split(separator: "[").dropFirst() {
        guard let number = Int(index.dropLast()), let list = current as? [Any], number < list.count else {
          return nil
        }
        current = list[number]
      }
    }
    return current
  }

  @Test func everyTextInTheStoreIsVisitedAtItsPath() throws {
    let marker = "TEXT-MARKER"
    var tracker = store(text: marker)
    let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(tracker))
    func strings(_ value: Any) -> Int {
      if let text = value as? String { return text == marker ? 1 : 0 }
      if let list = value as? [Any] { return list.map(strings).reduce(0, +) }
      if let object = value as? [String: Any] { return object.values.map(strings).reduce(0, +) }
      return 0
    }
    var visited: [String] = []
    tracker.visitTexts { text, path in
      if text == marker { visited.append(path()) }
      return nil
    }
    #expect(visited.count == strings(json))
    for path in visited { #expect(value(at: path, in: json) as? String == marker, "\(path)") }
  }

  @Test func controlCharactersAreWarningsAtTheirPaths() {
    let hostile = "a\u{1B}[2Jb\u{07}\u{202E}c"
    let found = Validator(today: today).validate(store(text: hostile))
    #expect(found.allSatisfy { $0.check == .controlCharacters && $0.severity == .warning })
    #expect(found.count == StoreTextField.all.count)
    #expect(found.contains { $0.path == "reviews[0].recommendations[0].actions[0].updates[0].evidence[0]" })
    #expect(found.contains { $0.path == "partnership.privacy.names[0]" })
    #expect(found[0].message.contains("U+1B, U+7, U+202E"))
    #expect(Validator(today: today).validate(store(text: "line one\n\tline two")).isEmpty)
  }

  @Test func removingControlCharactersKeepsTabsAndLineBreaks() {
    let (fixed, paths) = store(text: "a\u{1B}[2J\u{0}\u{7F}\u{9B}\u{2066}b\n\tc").removingControlCharacters()
    #expect(paths.count == StoreTextField.all.count)
    #expect(fixed == store(text: "a[2Jb\n\tc"))
    #expect(store(text: "plain").removingControlCharacters().paths.isEmpty)
  }

  @Test func identifiersBreakingTheRuleAreLocatedErrors() {
    var tracker = store(text: "plain")
    tracker.reviews[0].id = "x/../../p5esc"
    tracker.reviews[0].recommendations[0].actions[0].id = "1 1"
    tracker.agencies.append(Agency(id: "a\u{1B}b", name: "A", kind: .other, statutoryPartner: false))
    tracker.themes.append(CatalogueEntry(id: "-t", name: "T"))
    tracker.disseminations[0].id = String(repeating: "d", count: 65)
    tracker.reviews[0].findings[0].id = ".F"
    let errors = Validator(today: today).validate(tracker).filter { $0.check == .identifiers }
    #expect(errors.allSatisfy { $0.severity == .error })
    #expect(
      errors.map(\.path).sorted() == [
        "agencies[1].id", "disseminations[0].id", "reviews[0].findings[0].id", "reviews[0].id",
        "reviews[0].recommendations[0].actions[0].id", "themes[1].id",
      ])
    #expect(
      errors.contains {
        $0.message == "review ID \"x/../../p5esc\" holds '/'; use only letters, digits, '-', '_' and '.'"
      })
  }
}
