import Foundation
import LearningModel

/// Decodes a store straight from its bytes into the model, without an intermediate tree.
///
/// It accepts exactly what the Codable path accepts for valid stores, and gives up (returns `nil`)
/// at the first thing it does not expect; the reader then decodes with `JSONDecoder`, whose errors
/// carry the JSON path. So the fast path never changes a message, only the speed.
enum FastStoreDecoder {
  struct GiveUp: Error {}

  static func decode(_ data: Data) -> Tracker? {
    data.withUnsafeBytes { raw -> Tracker? in
      var reader = ByteReader(bytes: raw.bindMemory(to: UInt8.self))
      return try? reader.tracker()
    }
  }
}

private struct ByteReader {
  typealias GiveUp = FastStoreDecoder.GiveUp
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
  }

  // MARK: Tokens

  mutating func space() {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 } else { return }
    }
  }

  mutating func peek() throws -> UInt8 {
    space()
    guard index < bytes.count else { throw GiveUp() }
    return bytes[index]
  }

  mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw GiveUp() }
    index += 1
  }

  /// `null` is skipped and reported, for optional fields.
  mutating func isNull() throws -> Bool {
    guard try peek() == UInt8(ascii: "n") else { return false }
    guard literal("null") else { throw GiveUp() }
    return true
  }

  mutating func string() throws -> String {
    try expect(UInt8(ascii: "\""))
    let start = index
    var plain = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        plain = false
        index += 2
        continue
      }
      if byte < 0x20 { throw GiveUp() }
      index += 1
    }
    guard index < bytes.count, index - start <= JSONLimits.maximumStringLength else { throw GiveUp() }
    let end = index
    index += 1
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if plain {
      guard let text = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
      return text
    }
    return try unescape(raw)
  }

  func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    func hex(_ at: Int) throws -> UInt32 {
      guard let value = JSONLimits.hexValue(of: raw, at: at) else { throw GiveUp() }
      return value
    }
    while i < raw.count {
      let byte = raw[i]
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        i += 1
        continue
      }
      guard i + 1 < raw.count else { throw GiveUp() }
      let escape = raw[i + 1]
      i += 2
      switch escape {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex(i)
        i += 4
        if (0xD800...0xDBFF).contains(code) {
          guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else {
            throw GiveUp()
          }
          let low = try hex(i + 2)
          guard (0xDC00...0xDFFF).contains(low) else { throw GiveUp() }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        guard let scalar = Unicode.Scalar(code) else { throw GiveUp() }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      default: throw GiveUp()
      }
    }
    guard let text = String(validating: out, as: UTF8.self) else { throw GiveUp() }
    return text
  }

  mutating func integer() throws -> Int {
    _ = try peek()
    var negative = false
    if bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var value = 0
    var digits = 0
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      digits += 1
      index += 1
      if digits > 15 { throw GiveUp() }
    }
    guard digits > 0, !(digits > 1 && bytes[index - digits] == UInt8(ascii: "0")) else { throw GiveUp() }
    if index < bytes.count,
      bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e")
        || bytes[index] == UInt8(ascii: "E")
    {
      throw GiveUp()
    }
    return negative ? -value : value
  }

  mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
    for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
    index += count
    return true
  }

  mutating func bool() throws -> Bool {
    _ = try peek()
    if literal("true") { return true }
    if literal("false") { return false }
    throw GiveUp()
  }

  mutating func day() throws -> CalendarDay {
    guard let day = CalendarDay(try string()) else { throw GiveUp() }
    return day
  }

  mutating func word<Word: ClosedVocabulary>(_ type: Word.Type) throws -> Word {
    guard let word = Word(rawValue: try string()) else { throw GiveUp() }
    return word
  }

  var depth = 0

  /// Skips any value (for members the format does not have, which decoding ignores too), checking
  /// it as strictly as the syntax scan does.
  mutating func skip() throws {
    depth += 1
    defer { depth -= 1 }
    guard depth < 64 else { throw GiveUp() }
    switch try peek() {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "{"): try object { reader, _ in try reader.skip() }
    case UInt8(ascii: "["): try array { reader in try reader.skip() }
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
    case UInt8(ascii: "n"): _ = try isNull()
    default: _ = try integer()
    }
  }

  mutating func object(_ member: (inout ByteReader, String) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    if try peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      let key = try string()
      try expect(UInt8(ascii: ":"))
      try member(&self, key)
      let next = try peek()
      index += 1
      if next == UInt8(ascii: ",") { continue }
      if next == UInt8(ascii: "}") { return }
      throw GiveUp()
    }
  }

  mutating func array(_ element: (inout ByteReader) throws -> Void) throws {
    try expect(UInt8(ascii: "["))
    if try peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      try element(&self)
      let next = try peek()
      index += 1
      if next == UInt8(ascii: ",") { continue }
      if next == UInt8(ascii: "]") { return }
      throw GiveUp()
    }
  }

  mutating func list<T>(_ element: (inout ByteReader) throws -> T) throws -> [T] {
    var result: [T] = []
    if try isNull() { return result }
    try array { reader in result.append(try element(&reader)) }
    return result
  }

  mutating func strings() throws -> [String] { try list { try $0.string() } }

  mutating func optionalString() throws -> String? { try isNull() ? nil : try string() }
  mutating func optionalDay() throws -> CalendarDay? { try isNull() ? nil : try day() }

  // MARK: The model

  mutating func tracker() throws -> Tracker {
    var version: Int?
    var partnership: Partnership?
    var tracker = Tracker(partnership: Partnership(name: ""))
    try object { reader, key in
      switch key {
      case "schemaVersion": version = try reader.integer()
      case "partnership": partnership = try reader.partnership()
      case "agencies": tracker.agencies = try reader.list { try $0.agency() }
      case "themes": tracker.themes = try reader.list { try $0.catalogueEntry() }
      case "categories": tracker.categories = try reader.list { try $0.catalogueEntry() }
      case "disseminationMethods":
        tracker.disseminationMethods = try reader.list { try $0.catalogueEntry(withReach: true) }
      case "section11Standards": tracker.section11Standards = try reader.list { try $0.catalogueEntry() }
      case "bankHolidays": tracker.bankHolidays = try reader.list { try $0.day() }
      case "reviews": tracker.reviews = try reader.list { try $0.review() }
      case "disseminations": tracker.disseminations = try reader.list { try $0.dissemination() }
      case "section11": tracker.section11 = try reader.list { try $0.section11Return() }
      default: try reader.skip()
      }
    }
    space()
    guard index == bytes.count, let version, version == Tracker.currentSchemaVersion, let partnership else {
      throw GiveUp()
    }
    tracker.schemaVersion = version
    tracker.partnership = partnership
    return tracker
  }

  mutating func partnership() throws -> Partnership {
    var name: String?
    var start: MonthDay?
    var settings: Settings?
    var privacy: Privacy?
    try object { reader, key in
      switch key {
      case "name": name = try reader.string()
      case "reportingYearStart":
        guard let value = MonthDay(try reader.string()) else { throw GiveUp() }
        start = value
      case "settings":
        var dueSoon: Int?
        var stale: Int?
        var clockFrom: RapidReviewClockStart?
        try reader.object { reader, key in
          switch key {
          case "dueSoonDays": dueSoon = try reader.integer()
          case "staleAfterDays": stale = try reader.integer()
          case "rapidReviewClockFrom":
            clockFrom = try reader.isNull() ? nil : try reader.word(RapidReviewClockStart.self)
          default: try reader.skip()
          }
        }
        guard let dueSoon, let stale else { throw GiveUp() }
        settings = Settings(dueSoonDays: dueSoon, staleAfterDays: stale, rapidReviewClockFrom: clockFrom)
      case "privacy":
        if try reader.isNull() { return }
        var names: [String]?
        try reader.object { reader, key in
          if key == "names" { names = try reader.strings() } else { try reader.skip() }
        }
        guard let names else { throw GiveUp() }
        privacy = Privacy(names: names)
      default: try reader.skip()
      }
    }
    guard let name, let start, let settings else { throw GiveUp() }
    return Partnership(name: name, reportingYearStart: start, settings: settings, privacy: privacy)
  }

  mutating func agency() throws -> Agency {
    var id: String?
    var name: String?
    var kind: AgencyKind?
    var statutory: Bool?
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "kind": kind = try reader.word(AgencyKind.self)
      case "statutoryPartner": statutory = try reader.bool()
      default: try reader.skip()
      }
    }
    guard let id, let name, let kind, let statutory else { throw GiveUp() }
    return Agency(id: id, name: name, kind: kind, statutoryPartner: statutory)
  }

  mutating func catalogueEntry(withReach: Bool = false) throws -> CatalogueEntry {
    var id: String?
    var name: String?
    var reach: DisseminationReach?
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "reach" where withReach:
        reach = try reader.isNull() ? nil : try reader.word(DisseminationReach.self)
      default: try reader.skip()
      }
    }
    guard let id, let name else { throw GiveUp() }
    return CatalogueEntry(id: id, name: name, reach: reach)
  }

  mutating func review() throws -> Review {
    var id: String?
    var title: String?
    var kind: ReviewKind?
    var dates: ReviewDates?
    var review = Review(id: "", title: "", kind: .other)
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "title": title = try reader.string()
      case "kind": kind = try reader.word(ReviewKind.self)
      case "follows": review.follows = try reader.optionalString()
      case "summary": review.summary = try reader.optionalString()
      case "notificationType":
        review.notificationType = try reader.isNull() ? nil : try reader.word(NotificationType.self)
      case "rapidReviewOutcome":
        review.rapidReviewOutcome = try reader.isNull() ? nil : try reader.word(RapidReviewOutcome.self)
      case "delayReason": review.delayReason = try reader.optionalString()
      case "commissionedBy": review.commissionedBy = try reader.optionalString()
      case "embargo": review.embargo = try reader.isNull() ? nil : try reader.embargo()
      case "dates": dates = try reader.reviewDates()
      case "categories": review.categories = try reader.strings()
      case "themes": review.themes = try reader.strings()
      case "findings": review.findings = try reader.list { try $0.finding() }
      case "recommendations": review.recommendations = try reader.list { try $0.recommendation() }
      default: try reader.skip()
      }
    }
    guard let id, let title, let kind, let dates else { throw GiveUp() }
    review.id = id
    review.title = title
    review.kind = kind
    review.dates = dates
    return review
  }

  mutating func embargo() throws -> Embargo {
    var reason: String?
    var since: CalendarDay?
    var lifted: CalendarDay?
    try object { reader, key in
      switch key {
      case "reason": reason = try reader.string()
      case "since": since = try reader.day()
      case "lifted": lifted = try reader.optionalDay()
      default: try reader.skip()
      }
    }
    guard let reason, let since else { throw GiveUp() }
    return Embargo(reason: reason, since: since, lifted: lifted)
  }

  mutating func reviewDates() throws -> ReviewDates {
    var dates = ReviewDates()
    try object { reader, key in
      switch key {
      case "incident": dates.incident = try reader.optionalDay()
      case "aware": dates.aware = try reader.optionalDay()
      case "notified": dates.notified = try reader.optionalDay()
      case "referred": dates.referred = try reader.optionalDay()
      case "discussed": dates.discussed = try reader.optionalDay()
      case "rapidReview": dates.rapidReview = try reader.optionalDay()
      case "decision": dates.decision = try reader.optionalDay()
      case "sentToPanel": dates.sentToPanel = try reader.optionalDay()
      case "published": dates.published = try reader.optionalDay()
      default: try reader.skip()
      }
    }
    return dates
  }

  mutating func finding() throws -> Finding {
    var id: String?
    var text: String?
    var themes: [String] = []
    var good: Bool?
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "text": text = try reader.string()
      case "themes": themes = try reader.strings()
      case "goodPractice": good = try reader.bool()
      default: try reader.skip()
      }
    }
    guard let id, let text, let good else { throw GiveUp() }
    return Finding(id: id, text: text, themes: themes, goodPractice: good)
  }

  mutating func recommendation() throws -> Recommendation {
    var id: String?
    var text: String?
    var response: RecommendationResponse?
    var recommendation = Recommendation(id: "", text: "")
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "text": text = try reader.string()
      case "agencies": recommendation.agencies = try reader.strings()
      case "response": response = try reader.word(RecommendationResponse.self)
      case "responseNote": recommendation.responseNote = try reader.optionalString()
      case "themes": recommendation.themes = try reader.strings()
      case "actions": recommendation.actions = try reader.list { try $0.action() }
      default: try reader.skip()
      }
    }
    guard let id, let text, let response else { throw GiveUp() }
    recommendation.id = id
    recommendation.text = text
    recommendation.response = response
    return recommendation
  }

  mutating func action() throws -> Action {
    var id: String?
    var description: String?
    var owner: String?
    var due: CalendarDay?
    var action = Action(id: "", description: "", owner: "", due: CalendarDay(dayNumber: 0))
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "description": description = try reader.string()
      case "owner": owner = try reader.string()
      case "lead": action.lead = try reader.optionalString()
      case "measureOfSuccess": action.measureOfSuccess = try reader.optionalString()
      case "agreed": action.agreed = try reader.optionalDay()
      case "due": due = try reader.day()
      case "updates": action.updates = try reader.list { try $0.update() }
      case "baseline": action.baseline = try reader.optionalString()
      case "target": action.target = try reader.optionalString()
      case "remeasure": action.remeasure = try reader.optionalDay()
      default: try reader.skip()
      }
    }
    guard let id, let description, let owner, let due else { throw GiveUp() }
    action.id = id
    action.description = description
    action.owner = owner
    action.due = due
    return action
  }

  mutating func update() throws -> ActionUpdate {
    var date: CalendarDay?
    var update = ActionUpdate(date: CalendarDay(dayNumber: 0))
    try object { reader, key in
      switch key {
      case "date": date = try reader.day()
      case "status": update.status = try reader.isNull() ? nil : try reader.word(ActionStatus.self)
      case "due": update.due = try reader.optionalDay()
      case "note": update.note = try reader.optionalString()
      case "evidence": update.evidence = try reader.isNull() ? nil : try reader.strings()
      case "by": update.by = try reader.optionalString()
      case "impactEvidence": update.impactEvidence = try reader.isNull() ? nil : try reader.strings()
      case "result": update.result = try reader.optionalString()
      case "assuredWithoutImpact": update.assuredWithoutImpact = try reader.optionalString()
      case "requestedDue": update.requestedDue = try reader.optionalDay()
      case "requestReason": update.requestReason = try reader.optionalString()
      case "declinedDue": update.declinedDue = try reader.optionalDay()
      default: try reader.skip()
      }
    }
    guard let date else { throw GiveUp() }
    update.date = date
    return update
  }

  mutating func dissemination() throws -> Dissemination {
    var id: String?
    var date: CalendarDay?
    var status: DisseminationStatus?
    var method: String?
    var title: String?
    var activity = Dissemination(
      id: "", date: CalendarDay(dayNumber: 0), status: .planned, method: "", title: "")
    try object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "date": date = try reader.day()
      case "status": status = try reader.word(DisseminationStatus.self)
      case "method": method = try reader.string()
      case "title": title = try reader.string()
      case "reviews": activity.reviews = try reader.strings()
      case "themes": activity.themes = try reader.strings()
      case "audience": activity.audience = try reader.strings()
      case "reach": activity.reach = try reader.isNull() ? nil : try reader.integer()
      case "note": activity.note = try reader.optionalString()
      default: try reader.skip()
      }
    }
    guard let id, let date, let status, let method, let title else { throw GiveUp() }
    activity.id = id
    activity.date = date
    activity.status = status
    activity.method = method
    activity.title = title
    return activity
  }

  mutating func section11Return() throws -> Section11Return {
    var agency: String?
    var cycle: String?
    var due: CalendarDay?
    var entry = Section11Return(agency: "", cycle: "", due: CalendarDay(dayNumber: 0))
    try object { reader, key in
      switch key {
      case "agency": agency = try reader.string()
      case "cycle": cycle = try reader.string()
      case "due": due = try reader.day()
      case "submitted": entry.submitted = try reader.optionalDay()
      case "ratings":
        entry.ratings = try reader.list { reader in
          var standard: String?
          var rating: Section11Rating?
          var moderated: Section11Rating?
          var evidence: String?
          try reader.object { reader, key in
            switch key {
            case "standard": standard = try reader.string()
            case "self": rating = try reader.word(Section11Rating.self)
            case "moderated": moderated = try reader.isNull() ? nil : try reader.word(Section11Rating.self)
            case "evidence": evidence = try reader.optionalString()
            default: try reader.skip()
            }
          }
          guard let standard, let rating else { throw GiveUp() }
          return Section11StandardRating(
            standard: standard, self: rating, moderated: moderated, evidence: evidence)
        }
      case "learning":
        entry.learning = try reader.list { reader in
          var review: String?
          var learning = Section11Learning(review: "")
          try reader.object { reader, key in
            switch key {
            case "review": review = try reader.string()
            case "disseminated": learning.disseminated = try reader.optionalString()
            case "implemented": learning.implemented = try reader.optionalString()
            case "evidence": learning.evidence = try reader.isNull() ? nil : try reader.strings()
            default: try reader.skip()
            }
          }
          guard let review else { throw GiveUp() }
          learning.review = review
          return learning
        }
      default: try reader.skip()
      }
    }
    guard let agency, let cycle, let due else { throw GiveUp() }
    entry.agency = agency
    entry.cycle = cycle
    entry.due = due
    return entry
  }
}
