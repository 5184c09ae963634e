import LearningJSON
import LearningModel

/// The store format of dissemination and Section 11 returns (`docs/FORMAT.md`).
extension StoreDecoder {
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
