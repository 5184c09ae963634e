import LearningJSON
import LearningModel

/// The tables of dissemination and Section 11 returns (`docs/FORMAT.md`).
extension StoreFormat {
  static let dissemination = StoreRecordFields<Dissemination>(
    "dissemination", empty: Dissemination(id: "", date: noDay, status: .planned, method: "", title: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .day("date") { $0.date = $1 },
      .word("status", DisseminationStatus.self) { $0.status = $1 },
      .string("method", .reference("method ID")) { $0.method = $1 },
      .string("title", .text(.freeText)) { $0.title = $1 },
      .strings("reviews", .reference("review ID")) { $0.reviews = $1 },
      .strings("themes", .reference("theme ID")) { $0.themes = $1 },
      .strings("audience", .reference("agency ID")) { $0.audience = $1 },
      .optionalWholeNumber("reach") { $0.reach = $1 },
      .optionalString("note", .text(.freeText)) { $0.note = $1 },
      .records("reachByAgency", agencyReach) { $0.reachByAgency = $1 },
      .record("evaluation", evaluation, required: false) { $0.evaluation = $1 },
      .record("followUp", followUp, required: false) { $0.followUp = $1 },
    ])

  static let agencyReach = StoreRecordFields<AgencyReach>(
    "reach by agency", empty: AgencyReach(agency: "", reach: 0),
    [
      .string("agency", .reference("agency ID")) { $0.agency = $1 },
      .wholeNumber("reach") { $0.reach = $1 },
    ])

  static let evaluation = StoreRecordFields<DisseminationEvaluation>(
    "evaluation", empty: DisseminationEvaluation(responses: 0, rating: 0),
    [
      .wholeNumber("responses") { $0.responses = $1 },
      .number("rating") { $0.rating = $1 },
      .wholeNumber("willChange", required: false) { $0.willChange = $1 },
    ])

  static let followUp = StoreRecordFields<DisseminationFollowUp>(
    "follow-up", empty: DisseminationFollowUp(date: noDay, note: ""),
    [
      .day("date") { $0.date = $1 },
      .string("note", .text(.freeText)) { $0.note = $1 },
    ])

  static let section11Return = StoreRecordFields<Section11Return>(
    "Section 11 return", empty: Section11Return(agency: "", cycle: "", due: noDay),
    [
      .string("agency", .reference("agency ID")) { $0.agency = $1 },
      .string("cycle", .text(.label)) { $0.cycle = $1 },
      .day("due") { $0.due = $1 },
      .optionalDay("submitted") { $0.submitted = $1 },
      .records("ratings", rating) { $0.ratings = $1 },
      .records("learning", learning) { $0.learning = $1 },
    ])

  static let rating = StoreRecordFields<Section11StandardRating>(
    "Section 11 rating", empty: Section11StandardRating(standard: "", self: .met),
    [
      .string("standard", .reference("standard ID")) { $0.standard = $1 },
      .word("self", Section11Rating.self) { $0.`self` = $1 },
      .optionalWord("moderated", Section11Rating.self) { $0.moderated = $1 },
      .optionalString("evidence", .text(.freeText)) { $0.evidence = $1 },
    ])

  static let learning = StoreRecordFields<Section11Learning>(
    "Section 11 learning", empty: Section11Learning(review: ""),
    [
      .string("review", .reference("review ID")) { $0.review = $1 },
      .optionalString("disseminated", .text(.freeText)) { $0.disseminated = $1 },
      .optionalString("implemented", .text(.freeText)) { $0.implemented = $1 },
      .optionalStrings("evidence", .text(.freeText)) { $0.evidence = $1 },
    ])
}
