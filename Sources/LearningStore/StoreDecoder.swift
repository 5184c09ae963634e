import Foundation
import LearningJSON
import LearningModel

/// The one definition in code of the store format: reads a store's bytes once, straight into the
/// model, through the JSON syntax layer (`JSONReader`).
///
/// A syntax error stops the read. Every other problem (a wrong type, a missing required field, a
/// day that is not a day, a word not in its vocabulary, a number that is too large or not whole, a
/// name twice in one object) is noted with its place and reading goes on, so one read finds them
/// all. Fields the format does not have are noted wherever they are, whatever their value.
/// Optional fields may be left out or `null`; a list left out or `null` reads as empty.
public struct StoreDecoder {
  typealias Syntax = JSONSyntaxError

  /// A problem at a byte offset, with its JSON path.
  struct Problem {
    var offset: Int
    var path: String
    var message: String
    /// For a name given twice: where it was given first.
    var firstOffset: Int?
  }

  /// The member names of one kind of object, and which of them are required.
  struct Fields {
    let names: [String]
    let bytes: [[UInt8]]
    let required: [Int]

    init(_ names: [String], required: [String] = []) {
      self.names = names
      bytes = names.map { Array($0.utf8) }
      self.required = required.compactMap { names.firstIndex(of: $0) }
    }

    func index(of key: JSONReader.Key, in reader: JSONReader) -> Int? {
      if !key.escaped {
        let count = key.range.count
        let start = key.range.lowerBound
        names: for (index, name) in bytes.enumerated() where name.count == count {
          for position in 0..<count where reader.bytes[start + position] != name[position] { continue names }
          return index
        }
        return nil
      }
      let text = reader.name(of: key)
      return names.firstIndex(of: text)
    }
  }

  private enum Step {
    case field(String)
    case index(Int)
  }

  var reader: JSONReader
  /// Called after each review with the offset read so far, so that a large file's bytes already
  /// read can be let go (`StoreReader`).
  var afterEachReview: ((Int) -> Void)? = nil
  var problems: [Problem] = []
  /// Fields the format does not have: where they are and their paths.
  var unknownFields: [(offset: Int, path: String)] = []

  /// Every problem found, with each unknown field as one: a field the format does not have would be
  /// lost when the store is written.
  var problemsWithUnknownFields: [Problem] {
    problems
      + unknownFields.map { field in
        Problem(
          offset: field.offset, path: field.path,
          message:
            "unknown field: the store format has no such field, and it would be lost when the store is written"
        )
      }
  }
  private var path: [Step] = []
  /// Where each known member of the open objects was first given (for names given twice).
  private var firstOffsets: [Int] = []
  private var skippedDuplicates: [JSONReader.DuplicateKey] = []
  /// The top-level `schemaVersion`, when it is a whole number, and where it is.
  var schemaVersion: Int?
  var schemaVersionSeen = false
  /// When one record is read on its own: the fields of the record that hold records of their own
  /// (a review's findings), each with the problem to note when the text gives it.
  var ownRecords: [String: String] = [:]

  init(bytes: UnsafeBufferPointer<UInt8>) {
    reader = JSONReader(bytes: bytes)
  }

  // MARK: Places and problems

  var pathText: String {
    var out = ""
    for step in path {
      switch step {
      case .field(let name):
        if !out.isEmpty { out += "." }
        out += name
      case .index(let index): out += "[\(index)]"
      }
    }
    return out
  }

  mutating func problem(_ message: String, at offset: Int) {
    problems.append(Problem(offset: offset, path: pathText, message: message))
  }

  /// Reads past a value of the wrong kind and notes what was expected and what was found.
  mutating func wrongType(_ expected: String) throws(Syntax) {
    let offset = reader.offset
    let found = try reader.describeAndSkip(duplicates: &skippedDuplicates)
    problem("expected \(expected), found \(found)", at: offset)
    noteSkippedDuplicates()
  }

  private mutating func skip() throws(Syntax) {
    try reader.skipValue(duplicates: &skippedDuplicates)
    noteSkippedDuplicates()
  }

  private mutating func noteSkippedDuplicates() {
    guard !skippedDuplicates.isEmpty else { return }
    let base = pathText
    for duplicate in skippedDuplicates {
      problems.append(
        Problem(
          offset: duplicate.secondOffset, path: base + duplicate.path + "." + duplicate.name,
          message: StoreDecoder.duplicateMessage(duplicate.name), firstOffset: duplicate.firstOffset))
    }
    skippedDuplicates.removeAll()
  }

  static func duplicateMessage(_ name: String) -> String {
    "\"\(name)\" is given twice in one object; only one value can be kept, so remove the other"
  }

  // MARK: Values

  mutating func string() throws(Syntax) -> String? {
    guard try reader.peek() == .string else {
      try wrongType("a string")
      return nil
    }
    return try reader.readString()
  }

  /// A string that may be `null`.
  mutating func optionalString() throws(Syntax) -> String? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try string()
  }

  mutating func integer() throws(Syntax) -> Int? {
    guard try reader.peek() == .number else {
      try wrongType("a whole number")
      return nil
    }
    let offset = reader.offset
    let number = try reader.readNumber()
    if let value = reader.integer(number) { return value }
    let text = reader.text(of: number.range)
    if number.digits > JSONLimits.maximumDigits {
      problem("the number \(text) is too large (at most \(JSONLimits.maximumDigits) digits)", at: offset)
    } else {
      problem("expected a whole number, found \(text)", at: offset)
    }
    return nil
  }

  mutating func bool() throws(Syntax) -> Bool? {
    guard try reader.peek() == .bool else {
      try wrongType("true or false")
      return nil
    }
    return try reader.readBool()
  }

  mutating func day() throws(Syntax) -> CalendarDay? {
    let offset = reader.offset
    guard let text = try string() else { return nil }
    guard let day = CalendarDay(text) else {
      problem("\"\(text)\" is not a calendar day (expected YYYY-MM-DD, a real day)", at: offset)
      return nil
    }
    return day
  }

  /// A day that may be `null`.
  mutating func optionalDay() throws(Syntax) -> CalendarDay? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try day()
  }

  /// A due day as plans give it: `YYYY-MM-DD`, `YYYY-MM` or `tbc`.
  mutating func plannedDue() throws(Syntax) -> PlannedDue? {
    let offset = reader.offset
    guard let text = try string() else { return nil }
    guard let due = PlannedDue(text) else {
      problem("\"\(text)\" is not a due day (expected \(PlannedDue.expectedForms))", at: offset)
      return nil
    }
    return due
  }

  /// A due day that may be `null`.
  mutating func optionalPlannedDue() throws(Syntax) -> PlannedDue? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try plannedDue()
  }

  mutating func word<Word: ClosedVocabulary>(_ type: Word.Type) throws(Syntax) -> Word? {
    let offset = reader.offset
    guard let text = try string() else { return nil }
    guard let word = Word(rawValue: text) else {
      problem(
        "\"\(text)\" is not a known \(Word.vocabularyName) (expected one of: \(Word.allowedWords))",
        at: offset)
      return nil
    }
    return word
  }

  /// A word that may be `null`.
  mutating func optionalWord<Word: ClosedVocabulary>(_ type: Word.Type) throws(Syntax) -> Word? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try word(type)
  }

  /// A list; left out or `null`, it is empty. Elements that cannot be read are left out (and noted).
  mutating func list<Element>(_ element: (inout StoreDecoder) throws(Syntax) -> Element?) throws(Syntax)
    -> [Element]
  {
    switch try reader.peek() {
    case .null:
      try reader.readNull()
      return []
    case .list: break
    default:
      try wrongType("a list")
      return []
    }
    try reader.enterList()
    var result: [Element] = []
    var index = 0
    while try reader.nextElement(first: index == 0) {
      path.append(.index(index))
      if let value = try element(&self) { result.append(value) }
      path.removeLast()
      index += 1
    }
    return result
  }

  mutating func strings() throws(Syntax) -> [String] {
    try list { (decoder: inout StoreDecoder) throws(Syntax) in try decoder.string() }
  }

  /// A list of text that may be `null` (and then is absent, not empty).
  mutating func optionalStrings() throws(Syntax) -> [String]? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try strings()
  }

  /// An object of the given kind: calls `member` with each known field's index, the reader at its
  /// value; notes unknown fields, names given twice and missing required fields. Returns false
  /// when the value is not an object.
  mutating func object(_ fields: Fields, _ member: (inout StoreDecoder, Int) throws(Syntax) -> Void)
    throws(Syntax) -> Bool
  {
    guard try reader.peek() == .object else {
      try wrongType("an object")
      return false
    }
    let start = reader.offset
    try reader.enterObject()
    let base = firstOffsets.count
    firstOffsets.append(contentsOf: repeatElement(-1, count: fields.names.count))
    var unknownSeen: [String: Int] = [:]
    var first = true
    while let key = try reader.nextKey(first: first) {
      first = false
      if let index = fields.index(of: key, in: reader) {
        path.append(.field(fields.names[index]))
        let earlier = firstOffsets[base + index]
        if earlier >= 0 {
          problems.append(
            Problem(
              offset: key.offset, path: pathText, message: StoreDecoder.duplicateMessage(fields.names[index]),
              firstOffset: earlier))
          try skip()
        } else if path.count == 1, let note = ownRecords[fields.names[index]] {
          firstOffsets[base + index] = key.offset
          problem(note, at: key.offset)
          try skip()
        } else {
          firstOffsets[base + index] = key.offset
          try member(&self, index)
        }
        path.removeLast()
      } else {
        let name = reader.name(of: key)
        path.append(.field(name))
        if let earlier = unknownSeen[name] {
          problems.append(
            Problem(
              offset: key.offset, path: pathText, message: StoreDecoder.duplicateMessage(name),
              firstOffset: earlier))
        } else {
          unknownSeen[name] = key.offset
          unknownFields.append((key.offset, pathText))
        }
        try skip()
        path.removeLast()
      }
    }
    for index in fields.required where firstOffsets[base + index] < 0 {
      path.append(.field(fields.names[index]))
      problem("required field is missing", at: start)
      path.removeLast()
    }
    firstOffsets.removeLast(fields.names.count)
    return true
  }

  // MARK: The store format

  static let trackerFields = Fields(
    [
      "schemaVersion", "partnership", "agencies", "themes", "categories", "disseminationMethods",
      "section11Standards", "bankHolidays", "reviews", "disseminations", "section11", "historyEntry",
    ], required: ["partnership"])

  /// The whole store; `nil` when its top level is not an object.
  mutating func tracker() throws(Syntax) -> Tracker? {
    var tracker = Tracker(partnership: Partnership(name: ""))
    let isObject = try object(Self.trackerFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0:
        d.schemaVersionSeen = true
        d.schemaVersion = try d.integer()
      case 1: if let value = try d.partnership() { tracker.partnership = value }
      case 2: tracker.agencies = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.agency() }
      case 3: tracker.themes = try d.catalogue()
      case 4: tracker.categories = try d.catalogue()
      case 5: tracker.disseminationMethods = try d.catalogue(methods: true)
      case 6: tracker.section11Standards = try d.catalogue()
      case 7: tracker.bankHolidays = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.day() }
      case 8:
        tracker.reviews = try d.list { (d: inout StoreDecoder) throws(Syntax) in
          let review = try d.review()
          d.afterEachReview?(d.reader.offset)
          return review
        }
      case 9:
        tracker.disseminations = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.dissemination()
        }
      case 10:
        tracker.section11 = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.section11Return() }
      default: tracker.historyEntry = try d.optionalString()
      }
    }
    return isObject ? tracker : nil
  }

  static let partnershipFields = Fields(
    ["name", "reportingYearStart", "settings", "privacy", "timetable"],
    required: ["name", "reportingYearStart", "settings"])
  static let settingsFields = Fields(
    ["dueSoonDays", "staleAfterDays", "rapidReviewClockFrom", "escalationLevels", "boardPaper"],
    required: ["dueSoonDays", "staleAfterDays"])
  static let escalationLevelFields = Fields(["id", "name"], required: ["id", "name"])
  static let boardPaperFields = Fields(["meeting", "author", "marking"])
  static let privacyFields = Fields(["names"])

  mutating func partnership() throws(Syntax) -> Partnership? {
    var partnership = Partnership(name: "")
    let isObject = try object(Self.partnershipFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: partnership.name = try d.string() ?? ""
      case 1:
        let offset = d.reader.offset
        guard let text = try d.string() else { return }
        if let start = MonthDay(text) {
          partnership.reportingYearStart = start
        } else {
          d.problem("\"\(text)\" is not a month and day (expected MM-DD)", at: offset)
        }
      case 2:
        _ = try d.object(Self.settingsFields) { (d: inout StoreDecoder, field) throws(Syntax) in
          switch field {
          case 0: partnership.settings.dueSoonDays = try d.integer() ?? 0
          case 1: partnership.settings.staleAfterDays = try d.integer() ?? 0
          case 2: partnership.settings.rapidReviewClockFrom = try d.optionalWord(RapidReviewClockStart.self)
          case 3:
            if try d.reader.peek() == .null {
              try d.reader.readNull()
              return
            }
            partnership.settings.escalationLevels = try d.list { (d: inout StoreDecoder) throws(Syntax) in
              var level = EscalationLevel(id: "", name: "")
              let isObject = try d.object(Self.escalationLevelFields) {
                (d: inout StoreDecoder, field) throws(Syntax) in
                switch field {
                case 0: level.id = try d.string() ?? ""
                default: level.name = try d.string() ?? ""
                }
              }
              return isObject ? level : nil
            }
          default:
            if try d.reader.peek() == .null {
              try d.reader.readNull()
              return
            }
            var paper = BoardPaperSettings()
            if try d.object(
              Self.boardPaperFields,
              { (d: inout StoreDecoder, field) throws(Syntax) in
                switch field {
                case 0: paper.meeting = try d.optionalString()
                case 1: paper.author = try d.optionalString()
                default: paper.marking = try d.optionalString()
                }
              })
            {
              partnership.settings.boardPaper = paper
            }
          }
        }
      case 4: partnership.timetable = try d.timetable()
      default:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
          return
        }
        var privacy = Privacy()
        if try d.object(
          Self.privacyFields,
          { (d: inout StoreDecoder, _) throws(Syntax) in
            privacy.names = try d.strings()
          })
        {
          partnership.privacy = privacy
        }
      }
    }
    return isObject ? partnership : nil
  }

  static let agencyFields = Fields(
    ["id", "name", "kind", "statutoryPartner", "workforce", "aliases"],
    required: ["id", "name", "kind", "statutoryPartner"])

  mutating func agency() throws(Syntax) -> Agency? {
    var agency = Agency(id: "", name: "", kind: .other, statutoryPartner: false)
    let isObject = try object(Self.agencyFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: agency.id = try d.string() ?? ""
      case 1: agency.name = try d.string() ?? ""
      case 2: agency.kind = try d.word(AgencyKind.self) ?? .other
      case 3: agency.statutoryPartner = try d.bool() ?? false
      case 4: agency.workforce = try d.integer()
      default:
        let aliases = try d.strings()
        agency.aliases = aliases.isEmpty ? nil : aliases
      }
    }
    return isObject ? agency : nil
  }

  static let catalogueFields = Fields(["id", "name"], required: ["id", "name"])
  /// Dissemination methods also say whether their reach counts attendance or circulation.
  static let methodFields = Fields(["id", "name", "reach"], required: ["id", "name"])

  mutating func catalogue(methods: Bool = false) throws(Syntax) -> [CatalogueEntry] {
    try list { (d: inout StoreDecoder) throws(Syntax) in try d.catalogueEntry(methods: methods) }
  }

  /// One entry of a catalogue; a dissemination method also says what its reach counts.
  mutating func catalogueEntry(methods: Bool) throws(Syntax) -> CatalogueEntry? {
    var entry = CatalogueEntry(id: "", name: "")
    let isObject = try object(methods ? Self.methodFields : Self.catalogueFields) {
      (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: entry.id = try d.string() ?? ""
      case 1: entry.name = try d.string() ?? ""
      default: entry.reach = try d.optionalWord(DisseminationReach.self)
      }
    }
    return isObject ? entry : nil
  }

  static let reviewFields = Fields(
    [
      "id", "title", "kind", "follows", "dates", "categories", "themes", "findings", "recommendations",
      "summary", "notificationType", "rapidReviewOutcome", "delayReason", "commissionedBy", "embargo",
      "steps", "decisionRecord", "correspondence", "publication",
    ],
    required: ["id", "title", "kind", "dates"])
  static let datesFields = Fields([
    "incident", "aware", "notified", "referred", "discussed", "rapidReview", "decision", "sentToPanel",
    "published",
  ])

  mutating func review() throws(Syntax) -> Review? {
    var review = Review(id: "", title: "", kind: .other)
    let isObject = try object(Self.reviewFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: review.id = try d.string() ?? ""
      case 1: review.title = try d.string() ?? ""
      case 2: review.kind = try d.word(ReviewKind.self) ?? .other
      case 3: review.follows = try d.optionalString()
      case 4:
        var dates = ReviewDates()
        _ = try d.object(Self.datesFields) { (d: inout StoreDecoder, field) throws(Syntax) in
          let day = try d.optionalDay()
          switch field {
          case 0: dates.incident = day
          case 1: dates.aware = day
          case 2: dates.notified = day
          case 3: dates.referred = day
          case 4: dates.discussed = day
          case 5: dates.rapidReview = day
          case 6: dates.decision = day
          case 7: dates.sentToPanel = day
          default: dates.published = day
          }
        }
        review.dates = dates
      case 5: review.categories = try d.strings()
      case 6: review.themes = try d.strings()
      case 7: review.findings = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.finding() }
      case 8:
        review.recommendations = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.recommendation()
        }
      case 9: review.summary = try d.optionalString()
      case 10: review.notificationType = try d.optionalWord(NotificationType.self)
      case 11: review.rapidReviewOutcome = try d.optionalWord(RapidReviewOutcome.self)
      case 12: review.delayReason = try d.optionalString()
      case 13: review.commissionedBy = try d.optionalString()
      case 14: review.embargo = try d.embargo()
      default: try d.reviewProcess(field, into: &review)
      }
    }
    return isObject ? review : nil
  }

  static let embargoFields = Fields(["reason", "since", "lifted"], required: ["reason", "since"])

  /// A review's embargo; `nil` for `null`.
  mutating func embargo() throws(Syntax) -> Embargo? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    var embargo = Embargo(reason: "", since: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.embargoFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: embargo.reason = try d.string() ?? ""
      case 1: embargo.since = try d.day() ?? embargo.since
      default: embargo.lifted = try d.optionalDay()
      }
    }
    return isObject ? embargo : nil
  }

  static let findingFields = Fields(
    ["id", "text", "themes", "goodPractice", "repeats"], required: ["id", "text", "goodPractice"])

  mutating func finding() throws(Syntax) -> Finding? {
    var finding = Finding(id: "", text: "")
    let isObject = try object(Self.findingFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: finding.id = try d.string() ?? ""
      case 1: finding.text = try d.string() ?? ""
      case 2: finding.themes = try d.strings()
      case 3: finding.goodPractice = try d.bool() ?? false
      default: finding.repeats = try d.optionalString()
      }
    }
    return isObject ? finding : nil
  }

  static let recommendationFields = Fields(
    ["id", "text", "agencies", "response", "responseNote", "themes", "actions", "responded"],
    required: ["id", "text", "response"])

  mutating func recommendation() throws(Syntax) -> Recommendation? {
    var recommendation = Recommendation(id: "", text: "")
    let isObject = try object(Self.recommendationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: recommendation.id = try d.string() ?? ""
      case 1: recommendation.text = try d.string() ?? ""
      case 2: recommendation.agencies = try d.strings()
      case 3: recommendation.response = try d.word(RecommendationResponse.self) ?? .pending
      case 4: recommendation.responseNote = try d.optionalString()
      case 5: recommendation.themes = try d.strings()
      case 6:
        recommendation.actions = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.action() }
      default: recommendation.responded = try d.optionalDay()
      }
    }
    return isObject ? recommendation : nil
  }

  static let actionFields = Fields(
    [
      "id", "description", "owner", "lead", "measureOfSuccess", "agreed", "due", "updates", "baseline",
      "target", "remeasure", "jointOwners", "evidencePlanned", "escalations",
    ],
    required: ["id", "description", "owner", "due"])
  static let escalationFields = Fields(
    ["date", "level", "to", "replyBy", "note", "by", "reply", "replied"],
    required: ["date", "level", "to", "replyBy"])

  mutating func action() throws(Syntax) -> Action? {
    var action = Action(id: "", description: "", owner: "", due: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.actionFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: action.id = try d.string() ?? ""
      case 1: action.description = try d.string() ?? ""
      case 2: action.owner = try d.string() ?? ""
      case 3: action.lead = try d.optionalString()
      case 4: action.measureOfSuccess = try d.optionalString()
      case 5: action.agreed = try d.optionalDay()
      case 6: action.due = try d.plannedDue() ?? action.due
      case 7: action.updates = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.update() }
      case 8: action.baseline = try d.optionalString()
      case 9: action.target = try d.optionalString()
      case 10: action.remeasure = try d.optionalDay()
      case 11:
        let joint = try d.optionalStrings()
        action.jointOwners = joint?.isEmpty == true ? nil : joint
      case 12: action.evidencePlanned = try d.optionalString()
      default:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
          return
        }
        let escalations = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.escalation() }
        action.escalations = escalations.isEmpty ? nil : escalations
      }
    }
    return isObject ? action : nil
  }

  mutating func escalation() throws(Syntax) -> Escalation? {
    let none = CalendarDay(dayNumber: 0)
    var escalation = Escalation(date: none, level: "", to: "", replyBy: none)
    let isObject = try object(Self.escalationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: escalation.date = try d.day() ?? none
      case 1: escalation.level = try d.string() ?? ""
      case 2: escalation.to = try d.string() ?? ""
      case 3: escalation.replyBy = try d.day() ?? none
      case 4: escalation.note = try d.optionalString()
      case 5: escalation.by = try d.optionalString()
      case 6: escalation.reply = try d.optionalString()
      default: escalation.replied = try d.optionalDay()
      }
    }
    return isObject ? escalation : nil
  }

  static let updateFields = Fields(
    [
      "date", "status", "due", "note", "evidence", "by", "impactEvidence", "result", "assuredWithoutImpact",
      "requestedDue", "requestReason", "declinedDue", "reported",
    ], required: ["date"])

  mutating func update() throws(Syntax) -> ActionUpdate? {
    var update = ActionUpdate(date: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.updateFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: update.date = try d.day() ?? update.date
      case 1: update.status = try d.optionalWord(ActionStatus.self)
      case 2: update.due = try d.optionalPlannedDue()
      case 3: update.note = try d.optionalString()
      case 4: update.evidence = try d.optionalStrings()
      case 5: update.by = try d.optionalString()
      case 6: update.impactEvidence = try d.optionalStrings()
      case 7: update.result = try d.optionalString()
      case 8: update.assuredWithoutImpact = try d.optionalString()
      case 9: update.requestedDue = try d.optionalDay()
      case 10: update.requestReason = try d.optionalString()
      case 11: update.declinedDue = try d.optionalDay()
      default: update.reported = try d.optionalWord(BRAG.self)
      }
    }
    return isObject ? update : nil
  }

  static let disseminationFields = Fields(
    [
      "id", "date", "status", "method", "title", "reviews", "themes", "audience", "reach", "note",
      "reachByAgency", "evaluation", "followUp",
    ],
    required: ["id", "date", "status", "method", "title"])
  static let agencyReachFields = Fields(["agency", "reach"], required: ["agency", "reach"])
  static let evaluationFields = Fields(
    ["responses", "rating", "willChange"], required: ["responses", "rating"])
  static let followUpFields = Fields(["date", "note"], required: ["date", "note"])

  mutating func dissemination() throws(Syntax) -> Dissemination? {
    var activity = Dissemination(
      id: "", date: CalendarDay(dayNumber: 0), status: .planned, method: "", title: "")
    let isObject = try object(Self.disseminationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: activity.id = try d.string() ?? ""
      case 1: activity.date = try d.day() ?? activity.date
      case 2: activity.status = try d.word(DisseminationStatus.self) ?? .planned
      case 3: activity.method = try d.string() ?? ""
      case 4: activity.title = try d.string() ?? ""
      case 5: activity.reviews = try d.strings()
      case 6: activity.themes = try d.strings()
      case 7: activity.audience = try d.strings()
      case 8:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
        } else {
          activity.reach = try d.integer()
        }
      case 9: activity.note = try d.optionalString()
      case 10:
        activity.reachByAgency = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.agencyReach() }
      case 11: activity.evaluation = try d.evaluation()
      default: activity.followUp = try d.followUp()
      }
    }
    return isObject ? activity : nil
  }

  mutating func agencyReach() throws(Syntax) -> AgencyReach? {
    var entry = AgencyReach(agency: "", reach: 0)
    let isObject = try object(Self.agencyReachFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: entry.agency = try d.string() ?? ""
      default: entry.reach = try d.integer() ?? 0
      }
    }
    return isObject ? entry : nil
  }

  mutating func evaluation() throws(Syntax) -> DisseminationEvaluation? {
    var evaluation = DisseminationEvaluation(responses: 0, rating: 0)
    let isObject = try object(Self.evaluationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: evaluation.responses = try d.integer() ?? 0
      case 1: evaluation.rating = try d.number() ?? 0
      default: evaluation.willChange = try d.integer()
      }
    }
    return isObject ? evaluation : nil
  }

  /// A number, whole or with decimals.
  mutating func number() throws(Syntax) -> Double? {
    guard try reader.peek() == .number else {
      try wrongType("a number")
      return nil
    }
    let offset = reader.offset
    let number = try reader.readNumber()
    let text = reader.text(of: number.range)
    guard let value = Double(text), value.isFinite else {
      problem("expected a number, found \(text)", at: offset)
      return nil
    }
    return value
  }

  mutating func followUp() throws(Syntax) -> DisseminationFollowUp? {
    var followUp = DisseminationFollowUp(date: CalendarDay(dayNumber: 0), note: "")
    let isObject = try object(Self.followUpFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: followUp.date = try d.day() ?? followUp.date
      default: followUp.note = try d.string() ?? ""
      }
    }
    return isObject ? followUp : nil
  }

  static let section11Fields = Fields(
    ["agency", "cycle", "due", "submitted", "ratings", "learning"], required: ["agency", "cycle", "due"])
  static let ratingFields = Fields(
    ["standard", "self", "moderated", "evidence"], required: ["standard", "self"])
  static let learningFields = Fields(
    ["review", "disseminated", "implemented", "evidence"], required: ["review"])

  mutating func section11Return() throws(Syntax) -> Section11Return? {
    var entry = Section11Return(agency: "", cycle: "", due: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.section11Fields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: entry.agency = try d.string() ?? ""
      case 1: entry.cycle = try d.string() ?? ""
      case 2: entry.due = try d.day() ?? entry.due
      case 3: entry.submitted = try d.optionalDay()
      case 4: entry.ratings = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.rating() }
      default: entry.learning = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.learning() }
      }
    }
    return isObject ? entry : nil
  }

  mutating func rating() throws(Syntax) -> Section11StandardRating? {
    var rating = Section11StandardRating(standard: "", self: .met)
    let isObject = try object(Self.ratingFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: rating.standard = try d.string() ?? ""
      case 1: rating.`self` = try d.word(Section11Rating.self) ?? .met
      case 2: rating.moderated = try d.optionalWord(Section11Rating.self)
      default: rating.evidence = try d.optionalString()
      }
    }
    return isObject ? rating : nil
  }

  mutating func learning() throws(Syntax) -> Section11Learning? {
    var learning = Section11Learning(review: "")
    let isObject = try object(Self.learningFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: learning.review = try d.string() ?? ""
      case 1: learning.disseminated = try d.optionalString()
      case 2: learning.implemented = try d.optionalString()
      default: learning.evidence = try d.optionalStrings()
      }
    }
    return isObject ? learning : nil
  }
}
