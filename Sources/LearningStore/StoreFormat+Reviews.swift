import LearningJSON
import LearningModel

/// The tables of reviews and what they hold: findings, recommendations, actions, their escalations
/// and updates, and the review as it happens (`docs/FORMAT.md`).
extension StoreFormat {
  static let review = StoreRecordFields<Review>(
    "review", empty: Review(id: "", title: "", kind: .other),
    [
      .string("id", .id) { $0.id = $1 },
      .string("title", .text(.freeText)) { $0.title = $1 },
      .word("kind", ReviewKind.self) { $0.kind = $1 },
      .optionalString("follows", .reference("review ID")) { $0.follows = $1 },
      .record("dates", reviewDates) { $0.dates = $1 },
      .strings("categories", .reference("category ID")) { $0.categories = $1 },
      .strings("themes", .reference("theme ID")) { $0.themes = $1 },
      .records("findings", finding) { $0.findings = $1 },
      .records("recommendations", recommendation) { $0.recommendations = $1 },
      .optionalString("summary", .text(.freeText)) { $0.summary = $1 },
      .optionalWord("notificationType", NotificationType.self) { $0.notificationType = $1 },
      .optionalWord("rapidReviewOutcome", RapidReviewOutcome.self) { $0.rapidReviewOutcome = $1 },
      .optionalString("delayReason", .text(.freeText)) { $0.delayReason = $1 },
      .optionalString("commissionedBy", .text(.freeText)) { $0.commissionedBy = $1 },
      .optionalRecord("embargo", embargo) { $0.embargo = $1 },
      .records("steps", stepRecord) { $0.steps = $1.isEmpty ? nil : $1 },
      .optionalRecord("decisionRecord", decisionRecord) { $0.decisionRecord = $1 },
      .records("correspondence", correspondenceEntry) { $0.correspondence = $1.isEmpty ? nil : $1 },
      .optionalRecord("publication", publication) { $0.publication = $1 },
    ])

  static let reviewDates = StoreRecordFields<ReviewDates>(
    "review dates", empty: ReviewDates(),
    [
      .optionalDay("incident") { $0.incident = $1 },
      .optionalDay("aware") { $0.aware = $1 },
      .optionalDay("notified") { $0.notified = $1 },
      .optionalDay("referred") { $0.referred = $1 },
      .optionalDay("discussed") { $0.discussed = $1 },
      .optionalDay("rapidReview") { $0.rapidReview = $1 },
      .optionalDay("decision") { $0.decision = $1 },
      .optionalDay("sentToPanel") { $0.sentToPanel = $1 },
      .optionalDay("published") { $0.published = $1 },
    ])

  static let embargo = StoreRecordFields<Embargo>(
    "embargo", empty: Embargo(reason: "", since: noDay),
    [
      .string("reason", .text(.freeText)) { $0.reason = $1 },
      .day("since") { $0.since = $1 },
      .optionalDay("lifted") { $0.lifted = $1 },
    ])

  static let finding = StoreRecordFields<Finding>(
    "finding", empty: Finding(id: "", text: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("text", .text(.freeText)) { $0.text = $1 },
      .strings("themes", .reference("theme ID")) { $0.themes = $1 },
      .bool("goodPractice") { $0.goodPractice = $1 },
      .optionalString("repeats", .reference("finding reference")) { $0.repeats = $1 },
    ])

  static let recommendation = StoreRecordFields<Recommendation>(
    "recommendation", empty: Recommendation(id: "", text: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .string("text", .text(.freeText)) { $0.text = $1 },
      .strings("agencies", .reference("agency ID")) { $0.agencies = $1 },
      .word("response", RecommendationResponse.self) { $0.response = $1 },
      .optionalString("responseNote", .text(.freeText)) { $0.responseNote = $1 },
      .strings("themes", .reference("theme ID")) { $0.themes = $1 },
      .records("actions", action) { $0.actions = $1 },
      .optionalDay("responded") { $0.responded = $1 },
    ])

  static let action = StoreRecordFields<Action>(
    "action", empty: Action(id: "", description: "", owner: "", due: noDay),
    [
      .string("id", .id) { $0.id = $1 },
      .string("description", .text(.freeText)) { $0.description = $1 },
      .string("owner", .reference("agency ID")) { $0.owner = $1 },
      .optionalString("lead", .text(.freeText)) { $0.lead = $1 },
      .optionalString("measureOfSuccess", .text(.freeText)) { $0.measureOfSuccess = $1 },
      .optionalDay("agreed") { $0.agreed = $1 },
      .due("due") { $0.due = $1 },
      .records("updates", update) { $0.updates = $1 },
      .optionalString("baseline", .text(.freeText)) { $0.baseline = $1 },
      .optionalString("target", .text(.freeText)) { $0.target = $1 },
      .optionalDay("remeasure") { $0.remeasure = $1 },
      .optionalStrings("jointOwners", .reference("agency ID")) {
        $0.jointOwners = $1?.isEmpty == true ? nil : $1
      },
      .optionalString("evidencePlanned", .text(.freeText)) { $0.evidencePlanned = $1 },
      .optionalRecords("escalations", escalation) { $0.escalations = $1?.isEmpty == true ? nil : $1 },
    ])

  static let escalation = StoreRecordFields<Escalation>(
    "escalation", empty: Escalation(date: noDay, level: "", to: "", replyBy: noDay),
    [
      .day("date") { $0.date = $1 },
      .string("level", .reference("escalation level ID")) { $0.level = $1 },
      .string("to", .text(.freeText)) { $0.to = $1 },
      .day("replyBy") { $0.replyBy = $1 },
      .optionalString("note", .text(.freeText)) { $0.note = $1 },
      .optionalString("by", .text(.freeText)) { $0.by = $1 },
      .optionalString("reply", .text(.freeText)) { $0.reply = $1 },
      .optionalDay("replied") { $0.replied = $1 },
    ])

  static let update = StoreRecordFields<ActionUpdate>(
    "update", empty: ActionUpdate(date: noDay),
    [
      .day("date") { $0.date = $1 },
      .optionalWord("status", ActionStatus.self) { $0.status = $1 },
      .optionalDue("due") { $0.due = $1 },
      .optionalString("note", .text(.freeText)) { $0.note = $1 },
      .optionalStrings("evidence", .text(.freeText)) { $0.evidence = $1 },
      .optionalString("by", .text(.freeText)) { $0.by = $1 },
      .optionalStrings("impactEvidence", .text(.freeText)) { $0.impactEvidence = $1 },
      .optionalString("result", .text(.freeText)) { $0.result = $1 },
      .optionalString("assuredWithoutImpact", .text(.freeText)) { $0.assuredWithoutImpact = $1 },
      .optionalDay("requestedDue") { $0.requestedDue = $1 },
      .optionalString("requestReason", .text(.freeText)) { $0.requestReason = $1 },
      .optionalDay("declinedDue") { $0.declinedDue = $1 },
      .optionalWord("reported", BRAG.self) { $0.reported = $1 },
    ])

  // MARK: The review as it happens

  static let stepRecord = StoreRecordFields<StepRecord>(
    "step record", empty: StepRecord(step: ""),
    [
      .string("step", .reference("step ID")) { $0.step = $1 },
      .optionalDay("done") { $0.done = $1 },
      .optionalDay("planned") { $0.planned = $1 },
      .optionalString("notNeeded", .text(.freeText)) { $0.notNeeded = $1 },
      .optionalString("note", .text(.freeText)) { $0.note = $1 },
      .optionalString("by", .text(.freeText)) { $0.by = $1 },
    ])

  static let decisionRecord = StoreRecordFields<DecisionRecord>(
    "decision record", empty: DecisionRecord(),
    [
      .optionalBool("criteriaMet") { $0.criteriaMet = $1 },
      .optionalString("reasons", .text(.freeText)) { $0.reasons = $1 },
      .optionalBool("nationalReviewRecommended") { $0.nationalReviewRecommended = $1 },
      .optionalString("disagreement", .text(.freeText)) { $0.disagreement = $1 },
      .optionalString("scrutineerAdvice", .text(.freeText)) { $0.scrutineerAdvice = $1 },
      .records("ratifications", ratification) { $0.ratifications = $1.isEmpty ? nil : $1 },
    ])

  static let ratification = StoreRecordFields<Ratification>(
    "ratification", empty: Ratification(partner: "", day: noDay),
    [
      .string("partner", .reference("agency ID")) { $0.partner = $1 },
      .optionalString("by", .text(.freeText)) { $0.by = $1 },
      .day("day") { $0.day = $1 },
    ])

  static let correspondenceEntry = StoreRecordFields<CorrespondenceEntry>(
    "correspondence",
    empty: CorrespondenceEntry(id: "", day: noDay, received: false, with: .panel, kind: .other, text: ""),
    [
      .string("id", .id) { $0.id = $1 },
      .day("day") { $0.day = $1 },
      .bool("received") { $0.received = $1 },
      .word("with", Correspondent.self) { $0.with = $1 },
      .word("kind", CorrespondenceKind.self) { $0.kind = $1 },
      .optionalWord("response", PanelResponse.self) { $0.response = $1 },
      .string("text", .text(.freeText)) { $0.text = $1 },
    ])

  static let publication = StoreRecordFields<PublicationRecord>(
    "publication", empty: PublicationRecord(),
    [
      .optionalWord("decision", PublicationDecision.self) { $0.decision = $1 },
      .optionalString("justification", .text(.freeText)) { $0.justification = $1 },
      .optionalString("reviewer", .text(.freeText)) { $0.reviewer = $1 },
      .records("checklist", checklistTick) { $0.checklist = $1.isEmpty ? nil : $1 },
    ])

  static let checklistTick = StoreRecordFields<ChecklistTick>(
    "checklist tick", empty: ChecklistTick(item: "", day: noDay),
    [
      .string("item", .reference("checklist item ID")) { $0.item = $1 },
      .day("day") { $0.day = $1 },
      .optionalString("by", .text(.freeText)) { $0.by = $1 },
    ])
}
