import LearningJSON
import LearningModel

/// The store format of reviews and what they hold: findings, recommendations, actions, their
/// escalations and updates (`docs/FORMAT.md`).
extension StoreDecoder {
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
}
