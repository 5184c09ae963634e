/// One of a review's days, by its field in `dates`.
public enum ReviewDay: String, CaseIterable, Equatable, Sendable {
  case incident, aware, notified, referred, discussed, rapidReview, decision, sentToPanel, published

  /// The day held at `path` of a review's dates.
  public init?(path: WritableKeyPath<ReviewDates, CalendarDay?>) {
    guard let day = Self.allCases.first(where: { $0.path == path }) else { return nil }
    self = day
  }

  /// Where the day is held in a review's dates.
  public var path: WritableKeyPath<ReviewDates, CalendarDay?> {
    switch self {
    case .incident: \.incident
    case .aware: \.aware
    case .notified: \.notified
    case .referred: \.referred
    case .discussed: \.discussed
    case .rapidReview: \.rapidReview
    case .decision: \.decision
    case .sentToPanel: \.sentToPanel
    case .published: \.published
    }
  }
}

/// What is recorded in a review's decision record (`review decision`): the fields set, the
/// fields cleared, a ratification recorded or withdrawn (Working Together 2023, chapter 5: the
/// safeguarding partners decide whether to commission a review and record why).
public struct DecisionChange: Equatable, Sendable {
  /// Whether the criteria for a review were met.
  public var criteriaMet: Bool?
  /// The reasons for the decision.
  public var reasons: String?
  /// Whether a national review was recommended.
  public var nationalReviewRecommended: Bool?
  /// A disagreement between the partners.
  public var disagreement: String?
  /// The independent scrutineer's advice.
  public var scrutineerAdvice: String?
  /// The fields to clear first, by option word: `criteria-met`, `reasons`, `national-review`,
  /// `disagreement`, `scrutineer-advice`.
  public var clears: [String] = []
  /// The partner whose ratification is withdrawn.
  public var unratify: String?
  /// A partner's ratification, replacing an earlier one by the same partner.
  public var ratify: Ratification?

  /// Nothing to record.
  public init() {}

  func apply(to record: inout DecisionRecord) {
    for field in clears {
      switch field {
      case "criteria-met": record.criteriaMet = nil
      case "reasons": record.reasons = nil
      case "national-review": record.nationalReviewRecommended = nil
      case "disagreement": record.disagreement = nil
      default: record.scrutineerAdvice = nil
      }
    }
    if let criteriaMet { record.criteriaMet = criteriaMet }
    if let reasons { record.reasons = reasons }
    if let nationalReviewRecommended { record.nationalReviewRecommended = nationalReviewRecommended }
    if let disagreement { record.disagreement = disagreement }
    if let scrutineerAdvice { record.scrutineerAdvice = scrutineerAdvice }
    var ratifications = record.ratifications ?? []
    if let unratify { ratifications.removeAll { $0.partner == unratify } }
    if let ratify {
      if let position = ratifications.firstIndex(where: { $0.partner == ratify.partner }) {
        ratifications[position] = ratify
      } else {
        ratifications.append(ratify)
      }
    }
    record.ratifications = ratifications.isEmpty ? nil : ratifications
  }
}

/// A correction to an entry of a review's correspondence with the Panel, Ofsted or the DfE: the
/// fields given replace those recorded.
public struct CorrespondenceCorrection: Equatable, Sendable {
  /// The day sent or received.
  public var day: CalendarDay?
  /// Whether it was received (else sent).
  public var received: Bool?
  /// Who it was with.
  public var with: Correspondent?
  /// What kind of correspondence it is.
  public var kind: CorrespondenceKind?
  /// The Panel's response.
  public var response: PanelResponse?
  /// What it said.
  public var text: String?

  /// No field corrected.
  public init() {}

  func apply(to entry: inout CorrespondenceEntry) {
    if let day { entry.day = day }
    if let received { entry.received = received }
    if let with { entry.with = with }
    if let kind { entry.kind = kind }
    if let response { entry.response = response }
    if let text { entry.text = text }
  }
}

/// A change to a review's own record, as the command states it (`review update`, `review step`,
/// `review decision`, `review correspondence`, `review publication`, `review checklist`): the
/// intent, not the review as it ends up. Its findings and recommendations are records of their
/// own. Whether the result keeps the rules is `DomainRules`' to say (`violations(of: Review)`
/// and `processViolations`), after every change of a change set is applied.
public enum ReviewChange: Equatable, Sendable {
  case title(String)
  case kind(ReviewKind)
  /// The review this one grew out of, or nil to clear it.
  case follows(String?)
  case summary(String?)
  case notificationType(NotificationType)
  case rapidReviewOutcome(RapidReviewOutcome)
  /// Why publication was late, or nil to clear it.
  case delayReason(String?)
  case commissionedBy(String?)
  /// Sets one of the review's days, or clears it with nil.
  case day(ReviewDay, CalendarDay?)
  case addTheme(String)
  case removeTheme(String)
  case addCategory(String)
  case removeCategory(String)
  /// Withholds its learning from `on`, for a reason (criminal proceedings, a coroner's inquest).
  case placeUnderEmbargo(reason: String, on: CalendarDay)
  /// Lifts the embargo on `on`, keeping its reason and start.
  case liftEmbargo(on: CalendarDay)
  /// Records a step done, planned or not needed, with a note.
  case recordStep(StepRecord)
  /// Takes away everything recorded for a step.
  case clearStep(String)
  /// Records (or corrects) the decision record.
  case decision(DecisionChange)
  /// Takes the whole decision record away.
  case removeDecisionRecord
  case addCorrespondence(CorrespondenceEntry)
  case correctCorrespondence(id: String, CorrespondenceCorrection)
  case removeCorrespondence(id: String)
  /// Records the decision to publish or not, its justification and the reviewer; `clears` are
  /// `decision`, `justification`, `reviewer`.
  case publication(
    decision: PublicationDecision?, justification: String?, reviewer: String?, clears: [String])
  /// Records an item of the publication checklist done (replacing an earlier tick of it).
  case tickChecklistItem(ChecklistTick)
  case untickChecklistItem(String)

  /// The change applied to `review`; refused only for an embargo that cannot be placed or lifted.
  public func apply(to review: inout Review) throws(GovernedChangeError) {
    switch self {
    case .title(let title): review.title = title
    case .kind(let kind): review.kind = kind
    case .follows(let id): review.follows = id
    case .summary(let text): review.summary = text
    case .notificationType(let type): review.notificationType = type
    case .rapidReviewOutcome(let outcome): review.rapidReviewOutcome = outcome
    case .delayReason(let text): review.delayReason = text
    case .commissionedBy(let text): review.commissionedBy = text
    case .day(let day, let value): review.dates[keyPath: day.path] = value
    case .addTheme(let theme): if !review.themes.contains(theme) { review.themes.append(theme) }
    case .removeTheme(let theme): review.themes.removeAll { $0 == theme }
    case .addCategory(let category):
      if !review.categories.contains(category) { review.categories.append(category) }
    case .removeCategory(let category): review.categories.removeAll { $0 == category }
    case .placeUnderEmbargo(let reason, let day): try review.placeUnderEmbargo(reason: reason, on: day)
    case .liftEmbargo(let day): try review.liftEmbargo(on: day)
    case .recordStep(let entry): review.record(entry)
    case .clearStep(let step):
      review.steps?.removeAll { $0.step == step }
      if review.steps?.isEmpty == true { review.steps = nil }
      if let path = Timetable.builtInDay(step) { review.dates[keyPath: path] = nil }
    case .decision(let change):
      var record = review.decisionRecord ?? DecisionRecord()
      change.apply(to: &record)
      review.decisionRecord = record
    case .removeDecisionRecord: review.decisionRecord = nil
    case .addCorrespondence(let entry): review.correspondence = (review.correspondence ?? []) + [entry]
    case .correctCorrespondence(let id, let correction):
      var entries = review.correspondence ?? []
      if let position = entries.firstIndex(where: { $0.id == id }) {
        correction.apply(to: &entries[position])
        review.correspondence = entries
      }
    case .removeCorrespondence(let id):
      review.correspondence?.removeAll { $0.id == id }
      if review.correspondence?.isEmpty == true { review.correspondence = nil }
    case .publication(let decision, let justification, let reviewer, let clears):
      var record = review.publication ?? PublicationRecord()
      if clears.contains("decision") { record.decision = nil }
      if clears.contains("justification") { record.justification = nil }
      if clears.contains("reviewer") { record.reviewer = nil }
      if let decision { record.decision = decision }
      if let justification { record.justification = justification }
      if let reviewer { record.reviewer = reviewer }
      review.setPublication(record)
    case .tickChecklistItem(let tick):
      var record = review.publication ?? PublicationRecord()
      var ticks = record.checklist ?? []
      if let position = ticks.firstIndex(where: { $0.item == tick.item }) {
        ticks[position] = tick
      } else {
        ticks.append(tick)
      }
      record.checklist = ticks
      review.setPublication(record)
    case .untickChecklistItem(let item):
      var record = review.publication ?? PublicationRecord()
      let ticks = (record.checklist ?? []).filter { $0.item != item }
      record.checklist = ticks.isEmpty ? nil : ticks
      review.setPublication(record)
    }
  }
}

extension Review {
  /// Puts the review under embargo from `day`: its findings and recommendations are left out of
  /// everything for practitioners or the public until the embargo is lifted.
  public mutating func placeUnderEmbargo(reason: String, on day: CalendarDay) throws(GovernedChangeError) {
    guard !reason.trimmingSpaces.isEmpty else { throw .reasonMissing(what: "an embargo") }
    if let embargo, embargo.lifted == nil { throw .alreadyEmbargoed(review: id, since: embargo.since) }
    embargo = Embargo(reason: String(reason.trimmingSpaces), since: day)
  }

  /// Lifts the review's embargo on `day`, keeping its reason and start so that reports as of
  /// earlier days still withhold the learning.
  public mutating func liftEmbargo(on day: CalendarDay) throws(GovernedChangeError) {
    guard let embargo, embargo.lifted == nil else { throw .notEmbargoed(review: id) }
    guard day >= embargo.since else { throw .dayBeforeEmbargo(review: id, since: embargo.since, day: day) }
    self.embargo?.lifted = day
  }

  /// Records a step (`review step`): the fields `entry` gives are recorded, those it leaves out
  /// stay as they are; a built-in step's done day goes in `dates`, the rest in the step's record,
  /// which is kept only while it holds something.
  mutating func record(_ entry: StepRecord) {
    var records = steps ?? []
    var record = records.first { $0.step == entry.step } ?? StepRecord(step: entry.step)
    if let done = entry.done {
      if let path = Timetable.builtInDay(entry.step) {
        dates[keyPath: path] = done
      } else {
        record.done = done
      }
      record.notNeeded = nil
    }
    if let planned = entry.planned { record.planned = planned }
    if let notNeeded = entry.notNeeded { record.notNeeded = notNeeded }
    if let note = entry.note { record.note = note }
    if let by = entry.by { record.by = by }
    let holdsMore =
      record.done != nil || record.planned != nil || record.notNeeded != nil || record.note != nil
    if let position = records.firstIndex(where: { $0.step == entry.step }) {
      records[position] = record
    } else if holdsMore {
      records.append(record)
    }
    steps = records.isEmpty ? nil : records
  }

  /// Keeps a publication record only while it holds something.
  mutating func setPublication(_ record: PublicationRecord) {
    let empty =
      record.decision == nil && record.justification == nil && record.reviewer == nil
      && record.checklist == nil
    publication = empty ? nil : record
  }
}
