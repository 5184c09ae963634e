import LearningJSON
import LearningModel

/// The store format (`docs/FORMAT.md`) as one table of fields per record: each field's JSON name,
/// kind, whether it is required, and how it is read into the model. The reader (`StoreDecoder`)
/// reads by these tables; tests check the text fields (`StoreTextField.all`), the writer's output
/// and FORMAT.md's field tables against them. Adding a field is one line here (and its property in
/// the model, which the writer writes).
///
/// A record's fields are listed in a fixed order: a missing required field is noted in that order.
enum StoreFormat {
  typealias Syntax = JSONSyntaxError
  static let noDay = CalendarDay(dayNumber: 0)

  // MARK: The whole store, the partnership and its catalogues

  /// The whole store.
  static let tracker = StoreRecordFields<Tracker>(
    "store", empty: Tracker(partnership: Partnership(name: "")),
    [
      .custom("schemaVersion", .wholeNumber, required: true) {
        (d: inout StoreDecoder, _: inout Tracker) throws(Syntax) in
        d.schemaVersionSeen = true
        d.schemaVersion = try d.integer()
      },
      .record("partnership", partnership) { $0.partnership = $1 },
      .records("agencies", agency) { $0.agencies = $1 },
      .records("themes", catalogueEntry) { $0.themes = $1 },
      .records("categories", catalogueEntry) { $0.categories = $1 },
      .records("disseminationMethods", method) { $0.disseminationMethods = $1 },
      .records("section11Standards", catalogueEntry) { $0.section11Standards = $1 },
      .custom("bankHolidays", .list(.day)) { (d: inout StoreDecoder, tracker: inout Tracker) throws(Syntax) in
        tracker.bankHolidays = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.day() }
      },
      .custom("reviews", .list(.record(review.shape))) {
        (d: inout StoreDecoder, tracker: inout Tracker) throws(Syntax) in
        tracker.reviews = try d.list { (d: inout StoreDecoder) throws(Syntax) in
          let review = try d.record(review)
          d.afterEachReview?(d.reader.offset)
          return review
        }
      },
      .records("disseminations", dissemination) { $0.disseminations = $1 },
      .records("section11", section11Return) { $0.section11 = $1 },
      .optionalString("historyEntry", .historyMark) { $0.historyEntry = $1 },
    ])

  static let partnership = StoreRecordFields<Partnership>(
    "partnership", empty: Partnership(name: ""),
    [
      .string("name", .text(.freeText)) { $0.name = $1 },
      .custom("reportingYearStart", .monthDay, required: true) {
        (d: inout StoreDecoder, partnership: inout Partnership) throws(Syntax) in
        let offset = d.reader.offset
        guard let text = try d.string() else { return }
        if let start = MonthDay(text) {
          partnership.reportingYearStart = start
        } else {
          d.problem("\"\(text)\" is not a month and day (expected MM-DD)", at: offset)
        }
      },
      .record("settings", settings) { $0.settings = $1 },
      .optionalRecord("privacy", privacy) { $0.privacy = $1 },
      .optionalRecord("timetable", timetable) { $0.timetable = $1 },
    ])

  static let settings = StoreRecordFields<Settings>(
    "settings", empty: Settings(),
    [
      .wholeNumber("dueSoonDays") { $0.dueSoonDays = $1 },
      .wholeNumber("staleAfterDays") { $0.staleAfterDays = $1 },
      .optionalWord("rapidReviewClockFrom", RapidReviewClockStart.self) { $0.rapidReviewClockFrom = $1 },
      .optionalRecords("escalationLevels", escalationLevel) { $0.escalationLevels = $1 },
      .optionalRecord("boardPaper", boardPaper) { $0.boardPaper = $1 },
    ])

  static let escalationLevel = StoreRecordFields<EscalationLevel>(
    "escalation level", empty: EscalationLevel(id: "", name: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("name", .text(.freeText)) { $0.name = $1 },
    ])

  static let boardPaper = StoreRecordFields<BoardPaperSettings>(
    "board paper", empty: BoardPaperSettings(),
    [
      .optionalString("meeting", .text(.freeText)) { $0.meeting = $1 },
      .optionalString("author", .text(.freeText)) { $0.author = $1 },
      .optionalString("marking", .text(.freeText)) { $0.marking = $1 },
    ])

  static let privacy = StoreRecordFields<Privacy>(
    "privacy", empty: Privacy(),
    [
      .strings("names", .text(.privacyName)) { $0.names = $1 }
    ])

  static let agency = StoreRecordFields<Agency>(
    "agency", empty: Agency(id: "", name: "", kind: .other, statutoryPartner: false),
    [
      .string("id", .id) { $0.id = $1 },
      .string("name", .text(.freeText)) { $0.name = $1 },
      .word("kind", AgencyKind.self) { $0.kind = $1 },
      .bool("statutoryPartner") { $0.statutoryPartner = $1 },
      .wholeNumber("workforce", required: false) { $0.workforce = $1 },
      .strings("aliases", .text(.freeText)) { $0.aliases = $1.isEmpty ? nil : $1 },
    ])

  /// An entry of the themes, categories and Section 11 standards, and of the publication checklist.
  static let catalogueEntry = StoreRecordFields<CatalogueEntry>(
    "catalogue entry", empty: CatalogueEntry(id: "", name: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("name", .text(.freeText)) { $0.name = $1 },
    ])

  /// Dissemination methods also say whether their reach counts attendance or circulation.
  static let method = StoreRecordFields<CatalogueEntry>(
    "dissemination method", empty: CatalogueEntry(id: "", name: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("name", .text(.freeText)) { $0.name = $1 },
      .optionalWord("reach", DisseminationReach.self) { $0.reach = $1 },
    ])

  // MARK: The partnership's timetable

  static let timetable = StoreRecordFields<Timetable>(
    "timetable", empty: Timetable(steps: [], publicationChecklist: []),
    [
      .records("steps", timetableStep, required: true) { $0.steps = $1 },
      .records("publicationChecklist", catalogueEntry) { $0.publicationChecklist = $1 },
    ])

  static let timetableStep = StoreRecordFields<TimetableStep>(
    "timetable step", empty: TimetableStep(id: "", name: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("name", .text(.freeText)) { $0.name = $1 },
      .custom("kinds", .list(.word(ReviewKind.vocabularyName))) {
        (d: inout StoreDecoder, step: inout TimetableStep) throws(Syntax) in
        if try d.reader.peek() == .null {
          try d.reader.readNull()
        } else {
          step.kinds = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.word(ReviewKind.self) }
        }
      },
      .optionalRecord("deadline", stepDeadline) { $0.deadline = $1 },
    ])

  static let stepDeadline = StoreRecordFields<StepDeadline>(
    "step deadline", empty: StepDeadline(),
    [
      .optionalString("after", .reference("step ID")) { $0.after = $1 },
      .optionalString("before", .reference("step ID")) { $0.before = $1 },
      .wholeNumber("workingDays", required: false) { $0.workingDays = $1 },
      .wholeNumber("months", required: false) { $0.months = $1 },
    ])
}
