import Foundation
import LearningJSON
import LearningModel
import Testing

@testable import LearningStore

/// The one table of the store's fields (`StoreFormat`) is the format: the text fields
/// (`StoreTextField.all`), docs/FORMAT.md's field tables and the writer's output all agree with it.
@Suite struct StoreFormatTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every field of the format by its place, as FORMAT.md names it (`reviews[].findings[].text`).
  static let fields: [(path: String, field: StoreFieldShape)] = StoreFormat.tracker.shape.places(at: "")
    .flatMap { place, shape in
      shape.fields.map { (place.isEmpty ? $0.name : place + "." + $0.name, $0) }
    }

  @Test func everyRecordListsEachFieldOnce() {
    for (place, shape) in StoreFormat.tracker.shape.places(at: "") {
      #expect(Set(shape.fields.map(\.name)).count == shape.fields.count, "\(place) lists a field twice")
    }
    #expect(Set(Self.fields.map(\.path)).count == Self.fields.count)
  }

  // MARK: The text fields

  /// The text fields of the table, each as `StoreTextField` names it (a list of text ends in `[]`).
  static var textFields: [String: StoreTextField.Kind] {
    var found: [String: StoreTextField.Kind] = [:]
    for (path, field) in fields {
      switch field.kind {
      case .text(let kind): found[path] = kind
      case .list(.text(let kind)): found[path + "[]"] = kind
      default: break
      }
    }
    return found
  }

  @Test func theTextFieldsAreTheTablesTextFields() {
    let table = Self.textFields
    let visited = Dictionary(
      StoreTextField.all.map { ($0.pattern, $0.kind) }, uniquingKeysWith: { first, _ in first })
    #expect(visited.count == StoreTextField.all.count, "StoreTextField.all lists a field twice")
    for (pattern, kind) in table.sorted(by: { $0.key < $1.key }) {
      #expect(
        visited[pattern] == kind,
        "\(pattern) is \(kind) text in StoreFormat; StoreTextField.all has \(String(describing: visited[pattern]))"
      )
    }
    for pattern in visited.keys.sorted() where table[pattern] == nil {
      Issue.record("StoreTextField.all visits \(pattern), which StoreFormat does not declare as text")
    }
    #expect(table.count >= 55)
  }

  // MARK: FORMAT.md

  /// The rows of FORMAT.md's field tables (`| field | type | required | meaning |`), by path: the
  /// place in each table's heading (several places share one table), then the row's field.
  static func documentedFields() throws -> [String: (type: String, required: String)] {
    let text = try String(contentsOf: root.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
    var places: [String] = []
    var inFieldTable = false
    var rows: [String: (type: String, required: String)] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#") {
        inFieldTable = false
        if line == "## Top level" {
          places = [""]
        } else if line.hasPrefix("### ") {
          places = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        } else {
          places = []
        }
        continue
      }
      guard line.hasPrefix("|") else {
        inFieldTable = false
        continue
      }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
        .map { $0.trimmingCharacters(in: .whitespaces) }
      if cells.count == 4 && cells[0] == "field" && cells[1] == "type" && cells[2] == "required" {
        inFieldTable = true
        continue
      }
      guard inFieldTable, cells.count == 4, cells[0].hasPrefix("`") else { continue }
      let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      for place in places {
        let path = place.isEmpty ? name : place + "." + name
        #expect(rows[path] == nil, "FORMAT.md documents \(path) twice")
        rows[path] = (cells[1], cells[2])
      }
    }
    return rows
  }

  @Test func formatDocumentsEveryFieldWithItsTypeAndWhetherItIsRequired() throws {
    let documented = try Self.documentedFields()
    #expect(documented.count >= 190)
    for (path, field) in Self.fields {
      guard let row = documented[path] else {
        Issue.record("FORMAT.md does not document \(path) (\(field.kind.documented))")
        continue
      }
      #expect(row.type == field.kind.documented, "\(path): FORMAT.md says \(row.type)")
      #expect(
        row.required == (field.isRequired ? "yes" : "no"), "\(path): FORMAT.md says required \(row.required)")
    }
    let known = Set(Self.fields.map(\.path))
    for path in documented.keys.sorted() where !known.contains(path) {
      Issue.record("FORMAT.md documents \(path), which the store format does not have")
    }
  }

  // MARK: The writer

  /// Every field the writer writes is in the table at its place, and every field of the table is
  /// written by a store that uses it: the writer (the model's `Encodable` properties) and the reader
  /// (the table) know the same fields. And what is written reads back as it was.
  @Test func theWriterWritesTheTablesFieldsAndNoOthers() throws {
    let tracker = Self.everyField()
    let bytes = try JSONWriter.pretty(tracker)
    let written = try JSONValue.parse(bytes)
    var seen: Set<String> = []
    let places = Dictionary(
      StoreFormat.tracker.shape.places(at: "").map { ($0.place, $0.shape) },
      uniquingKeysWith: { first, _ in first })
    func walk(_ value: JSONValue, at place: String) {
      switch value {
      case .object(let members):
        guard let shape = places[place] else {
          Issue.record("the writer writes an object at \(place), which the table has no record for")
          return
        }
        for (name, member) in members {
          let path = place.isEmpty ? name : place + "." + name
          guard let field = shape.field(name) else {
            Issue.record("the writer writes \(path), which the table does not have")
            continue
          }
          seen.insert(path)
          switch field.kind {
          case .record: walk(member, at: path)
          case .list(.record):
            if case .array(let elements) = member {
              for element in elements { walk(element, at: path + "[]") }
            }
          default: break
          }
        }
      default: Issue.record("the writer writes \(place) as something other than an object")
      }
    }
    walk(written, at: "")
    for (path, _) in Self.fields where !seen.contains(path) {
      Issue.record("a store using every field does not write \(path)")
    }
    let read = try StoreReader.decode(bytes: bytes, file: "every-field.json")
    #expect(read.tracker == tracker)
    #expect(read.unknownFields.isEmpty)
  }

  // MARK: The reader, by the table

  /// The every-field store as JSON, with `change` applied to the value at `pattern` (`[]` is the
  /// first element), then read: the problems the reader reports.
  static func problems(at pattern: String, _ change: (inout JSONValue?) -> Void) throws -> [StoreProblem] {
    var value = try JSONValue.parse(try JSONWriter.pretty(everyField()))
    func edit(_ value: inout JSONValue?, _ steps: ArraySlice<Substring>) {
      guard let step = steps.first else {
        change(&value)
        return
      }
      let isList = step.hasSuffix("[]")
      let name = String(isList ? step.dropLast(2) : step)
      guard case .object(var members)? = value, let at = members.firstIndex(where: { $0.key == name }) else {
        Issue.record("\(pattern): no \(name) in the every-field store")
        return
      }
      var member: JSONValue? = members[at].value
      if isList {
        guard case .array(var elements)? = member, !elements.isEmpty else {
          Issue.record("\(pattern): \(name) is not a list with an element")
          return
        }
        var first: JSONValue? = elements[0]
        edit(&first, steps.dropFirst())
        if let first { elements[0] = first } else { elements.remove(at: 0) }
        member = .array(elements)
      } else {
        edit(&member, steps.dropFirst())
      }
      if let member { members[at].value = member } else { members.remove(at: at) }
      value = .object(members)
    }
    var root: JSONValue? = value
    edit(&root, pattern.split(separator: ".")[...])
    value = root ?? .null
    let bytes = try JSONWriter.pretty(value)
    do throws(StoreError) {
      // A store whose only problems are unknown fields reads, listing them (commands then refuse it).
      let loaded = try StoreReader.decode(bytes: bytes, file: "store.json")
      return loaded.unknownFields.map { StoreProblem(line: 0, column: 0, path: $0, message: "unknown field") }
    } catch {
      if case .problems(_, let problems) = error { return problems }
      Issue.record("\(pattern): \(error)")
      return []
    }
  }

  /// The JSON path the reader gives for a pattern in the every-field store (first elements).
  static func path(_ pattern: String) -> String { pattern.replacingOccurrences(of: "[]", with: "[0]") }

  @Test func everyRequiredFieldLeftOutIsMissingAtItsPath() throws {
    for (path, field) in Self.fields where field.isRequired && path != "schemaVersion" {
      let found = try Self.problems(at: path) { $0 = nil }
      #expect(found.map(\.path) == [Self.path(path)], "\(path)")
      #expect(found.map(\.message) == ["required field is missing"], "\(path)")
    }
  }

  @Test func everyFieldOfTheWrongKindIsNotedAtItsPath() throws {
    for (path, field) in Self.fields where path != "schemaVersion" {
      let found = try Self.problems(at: path) { $0 = .bool(true) }
      if field.kind == .bool {
        #expect(found.isEmpty, "\(path)")
        continue
      }
      #expect(found.map(\.path) == [Self.path(path)], "\(path)")
      #expect(found.map(\.message) == ["expected \(Self.expected(field.kind)), found true"], "\(path)")
    }
  }

  @Test func anUnknownFieldInEveryRecordIsNotedAtItsPath() throws {
    for (place, _) in StoreFormat.tracker.shape.places(at: "") where !place.isEmpty {
      let found = try Self.problems(at: place) { value in
        if case .object(let members)? = value { value = .object(members + [("extra", .null)]) }
      }
      #expect(found.map(\.path) == [Self.path(place) + ".extra"], "\(place)")
      #expect(found.map(\.message) == ["unknown field"], "\(place)")
    }
  }

  /// What the reader says it expected for a value of a kind.
  static func expected(_ kind: StoreFieldKind) -> String {
    switch kind {
    case .text, .id, .reference, .day, .due, .monthDay, .word, .historyMark: "a string"
    case .wholeNumber: "a whole number"
    case .number: "a number"
    case .bool: "true or false"
    case .record: "an object"
    case .list: "a list"
    }
  }

  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  /// A store that gives every field of the format a value.
  static func everyField() -> Tracker {
    var tracker = Tracker(partnership: Partnership(name: "Northshire"))
    tracker.historyEntry = String(repeating: "a", count: 64)
    tracker.partnership.privacy = Privacy(names: ["Jane Smith"])
    tracker.partnership.settings.rapidReviewClockFrom = .notified
    tracker.partnership.settings.escalationLevels = [EscalationLevel(id: "chase", name: "Officer chase")]
    tracker.partnership.settings.boardPaper = BoardPaperSettings(
      meeting: "Board", author: "Business manager", marking: "OFFICIAL")
    tracker.partnership.timetable = Timetable(
      steps: [
        // Read, not validated: the first step gives every field of a step and of its deadline.
        TimetableStep(
          id: "notified", name: "Notified", kinds: [.lcspr],
          deadline: StepDeadline(after: "aware", before: "published", workingDays: 5, months: 1)),
        TimetableStep(id: "aware", name: "Aware"),
        TimetableStep(id: "published", name: "Published"),
      ],
      publicationChecklist: [CatalogueEntry(id: "website", name: "Website")])
    tracker.agencies = [
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Police", kind: .police, statutoryPartner: true),
    ]
    tracker.agencies[0].workforce = 400
    tracker.agencies[0].aliases = ["CSC"]
    tracker.themes = [CatalogueEntry(id: "voice", name: "Voice of the child")]
    tracker.categories = [CatalogueEntry(id: "neglect", name: "Neglect")]
    tracker.disseminationMethods = [CatalogueEntry(id: "briefing", name: "Briefing", reach: .attendance)]
    tracker.section11Standards = [CatalogueEntry(id: "s11-1", name: "Leadership")]
    tracker.bankHolidays = [day("2025-12-29")]
    var update = ActionUpdate(
      date: day("2025-10-01"), status: .assured, due: .onDay(day("2026-06-30")), note: "Done",
      evidence: ["Training"], by: "QA subgroup", requestedDue: day("2026-07-31"), requestReason: "Staff",
      declinedDue: day("2026-08-31"), reported: .green)
    update.impactEvidence = ["Audit"]
    update.result = "80%"
    update.assuredWithoutImpact = "Agreed"
    var action = Action(
      id: "1.1", description: "Train", owner: "la", jointOwners: ["police"], lead: "Lead",
      measureOfSuccess: "Audit", agreed: day("2025-09-15"), due: .onDay(day("2026-03-31")), updates: [update],
      evidencePlanned: "An audit")
    action.baseline = "40%"
    action.target = "80%"
    action.remeasure = day("2026-09-30")
    action.escalations = [
      Escalation(
        date: day("2026-04-01"), level: "chase", to: "Head", replyBy: day("2026-04-15"), note: "Late",
        by: "Chair", reply: "In hand", replied: day("2026-04-10"))
    ]
    var review = Review(
      id: "LCSPR-2025-02", title: "Child M", kind: .lcspr, follows: "RR-2025-01",
      dates: ReviewDates(
        incident: day("2025-01-10"), aware: day("2025-01-11"), notified: day("2025-01-14"),
        referred: day("2025-01-12"), discussed: day("2025-01-13"), rapidReview: day("2025-02-03"),
        decision: day("2025-02-03"), sentToPanel: day("2025-08-20"), published: day("2025-09-01")),
      categories: ["neglect"], themes: ["voice"],
      findings: [
        Finding(id: "F1", text: "Not seen", themes: ["voice"], goodPractice: false, repeats: "RR-2025-01/F1")
      ],
      recommendations: [
        Recommendation(
          id: "R1", text: "Hear the child", agencies: ["la"], response: .partiallyAccepted,
          responseNote: "Cost",
          themes: ["voice"], actions: [action], responded: day("2025-09-10"))
      ],
      summary: "A summary", commissionedBy: "Board",
      embargo: Embargo(reason: "Trial", since: day("2025-03-01"), lifted: day("2025-06-01")))
    review.notificationType = .seriousHarm
    review.rapidReviewOutcome = .lcspr
    review.delayReason = "Trial"
    review.steps = [
      StepRecord(
        step: "notified", done: day("2025-07-01"), planned: day("2025-06-30"), notNeeded: "Referral",
        note: "N",
        by: "B")
    ]
    review.decisionRecord = DecisionRecord(
      criteriaMet: true, reasons: "Met", nationalReviewRecommended: false, disagreement: "None",
      scrutineerAdvice: "Agree",
      ratifications: [Ratification(partner: "la", by: "Director", day: day("2025-02-04"))])
    review.correspondence = [
      CorrespondenceEntry(
        id: "C1", day: day("2025-02-05"), received: true, with: .panel, kind: .panelResponse,
        response: .agrees, text: "Agreed")
    ]
    review.publication = PublicationRecord(
      decision: .notPublish, justification: "Family", reviewer: "Reviewer",
      checklist: [ChecklistTick(item: "website", day: day("2025-09-01"), by: "Business unit")])
    tracker.reviews = [review]
    var activity = Dissemination(
      id: "D-1", date: day("2025-10-05"), status: .delivered, method: "briefing", title: "Briefing",
      reviews: ["LCSPR-2025-02"], themes: ["voice"], audience: ["la"], reach: 40, note: "Good")
    activity.reachByAgency = [AgencyReach(agency: "la", reach: 30)]
    activity.evaluation = DisseminationEvaluation(responses: 10, rating: 4.5, willChange: 8)
    activity.followUp = DisseminationFollowUp(date: day("2025-12-01"), note: "Changed")
    tracker.disseminations = [activity]
    tracker.section11 = [
      Section11Return(
        agency: "la", cycle: "2025-26", due: day("2025-11-30"), submitted: day("2025-11-28"),
        ratings: [
          Section11StandardRating(standard: "s11-1", self: .met, moderated: .partiallyMet, evidence: "E")
        ],
        learning: [
          Section11Learning(
            review: "LCSPR-2025-02", disseminated: "Team", implemented: "Audit", evidence: ["A"])
        ])
    ]
    return tracker
  }
}
