/// Where one step of a review stands: done on a day, planned for a day, or not needed, with a note
/// and who recorded it. A built-in step's done day is the review's day of that name (`dates`).
public struct StepRecord: Encodable, Equatable, Sendable {
  /// The timetable step, such as `meeting`.
  public var step: String
  /// The day the step was done (steps of the partnership's own; built-in steps keep it in `dates`).
  public var done: CalendarDay?
  /// The day the step is planned for.
  public var planned: CalendarDay?
  /// Why the step is not needed for this review.
  public var notNeeded: String?
  /// A short note.
  public var note: String?
  /// Who recorded it (a role or a group).
  public var by: String?

  /// A record of `step` with the given fields.
  public init(
    step: String, done: CalendarDay? = nil, planned: CalendarDay? = nil, notNeeded: String? = nil,
    note: String? = nil, by: String? = nil
  ) {
    self.step = step
    self.done = done
    self.planned = planned
    self.notNeeded = notNeeded
    self.note = note
    self.by = by
  }
}

/// The decision record of a Rapid Review: whether the criteria for an LCSPR are met and why,
/// whether a national review is recommended, any disagreement between the partners and the
/// independent scrutineer's advice, and each partner's ratification (Working Together 2023,
/// chapter 5; Kent: the executive board is told of each decision).
public struct DecisionRecord: Encodable, Equatable, Sendable {
  /// Whether the criteria for a Local Child Safeguarding Practice Review are met.
  public var criteriaMet: Bool?
  /// The reasons for the decision.
  public var reasons: String?
  /// Whether the partnership recommends a national review to the Panel.
  public var nationalReviewRecommended: Bool?
  /// Any disagreement between the safeguarding partners, and how it was resolved.
  public var disagreement: String?
  /// The independent scrutineer's advice.
  public var scrutineerAdvice: String?
  /// Each safeguarding partner's ratification of the decision.
  public var ratifications: [Ratification]?

  /// A decision record with the given fields.
  public init(
    criteriaMet: Bool? = nil, reasons: String? = nil, nationalReviewRecommended: Bool? = nil,
    disagreement: String? = nil, scrutineerAdvice: String? = nil, ratifications: [Ratification]? = nil
  ) {
    self.criteriaMet = criteriaMet
    self.reasons = reasons
    self.nationalReviewRecommended = nationalReviewRecommended
    self.disagreement = disagreement
    self.scrutineerAdvice = scrutineerAdvice
    self.ratifications = ratifications
  }

  /// The record as it stood at the end of `day`: ratifications after it are not yet given.
  public func asOf(_ day: CalendarDay) -> DecisionRecord {
    var view = self
    if let ratifications, ratifications.contains(where: { $0.day > day }) {
      let kept = ratifications.filter { $0.day <= day }
      view.ratifications = kept.isEmpty ? nil : kept
    }
    return view
  }
}

/// A safeguarding partner's ratification of a Rapid Review decision.
public struct Ratification: Encodable, Equatable, Sendable {
  /// The agency that ratified (one of the store's agencies).
  public var partner: String
  /// Who ratified for it (a role).
  public var by: String?
  /// The day it ratified.
  public var day: CalendarDay

  /// A ratification by `partner` on `day`.
  public init(partner: String, by: String? = nil, day: CalendarDay) {
    self.partner = partner
    self.by = by
    self.day = day
  }
}

/// Who a review corresponds with about it.
public enum Correspondent: String, ClosedVocabulary {
  case panel, dfe, ofsted, secretaryOfState
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "correspondent"

  /// The body as reports name it.
  public var title: String {
    switch self {
    case .panel: "National Panel"
    case .dfe: "DfE"
    case .ofsted: "Ofsted"
    case .secretaryOfState: "Secretary of State"
    }
  }
}

/// What a letter to or from the Panel (or the DfE, Ofsted, the Secretary of State) was about.
public enum CorrespondenceKind: String, ClosedVocabulary {
  case notification, template, panelResponse, reviewerName, delayNotice, finalReport, notPublishing, other
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "correspondence kind"

  /// The kind as reports show it.
  public var title: String {
    switch self {
    case .notification: "Notification"
    case .template: "Rapid Review template"
    case .panelResponse: "Panel's response"
    case .reviewerName: "Reviewer's name"
    case .delayNotice: "Delay notice"
    case .finalReport: "Final report"
    case .notPublishing: "Justification for not publishing"
    case .other: "Other"
    }
  }
}

/// What the Panel said of a Rapid Review.
public enum PanelResponse: String, ClosedVocabulary {
  case agrees, asksForMore, disagrees, nationalReview
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "Panel response"

  /// The response as reports show it.
  public var title: String {
    switch self {
    case .agrees: "Agrees"
    case .asksForMore: "Asks for more"
    case .disagrees: "Disagrees"
    case .nationalReview: "National review"
    }
  }
}

/// One dated entry of a review's correspondence: what was sent or received, from or to whom.
public struct CorrespondenceEntry: Encodable, Equatable, Sendable {
  /// Unique in the review, such as `C1`.
  public var id: String
  /// The day it was sent or received.
  public var day: CalendarDay
  /// Whether the partnership received it (rather than sent it).
  public var received: Bool
  /// The body written to or heard from.
  public var with: Correspondent
  /// What it was about.
  public var kind: CorrespondenceKind
  /// For the Panel's response: what it said.
  public var response: PanelResponse?
  /// A short text: the gist, the reviewer's name, the reason for a delay.
  public var text: String

  /// An entry with the given fields.
  public init(
    id: String, day: CalendarDay, received: Bool, with: Correspondent, kind: CorrespondenceKind,
    response: PanelResponse? = nil, text: String
  ) {
    self.id = id
    self.day = day
    self.received = received
    self.with = with
    self.kind = kind
    self.response = response
    self.text = text
  }
}

/// The partnership's publication decision (Working Together 2023, chapter 5: publish, or publish
/// information about improvements only, or not publish and say why to the Panel).
public enum PublicationDecision: String, ClosedVocabulary {
  case publish, improvementsOnly, notPublish
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "publication decision"

  /// The decision as reports show it.
  public var title: String {
    switch self {
    case .publish: "Publish"
    case .improvementsOnly: "Publish information about improvements only"
    case .notPublish: "Not publish"
    }
  }
}

/// A review's publication: the decision, the reviewer, and the checklist items done.
public struct PublicationRecord: Encodable, Equatable, Sendable {
  /// The decision.
  public var decision: PublicationDecision?
  /// Why the report is not published (needed for `notPublish`).
  public var justification: String?
  /// The reviewer's name, as published with the report.
  public var reviewer: String?
  /// The checklist items done, each with who and when.
  public var checklist: [ChecklistTick]?

  /// A publication record with the given fields.
  public init(
    decision: PublicationDecision? = nil, justification: String? = nil, reviewer: String? = nil,
    checklist: [ChecklistTick]? = nil
  ) {
    self.decision = decision
    self.justification = justification
    self.reviewer = reviewer
    self.checklist = checklist
  }
}

/// One publication checklist item done.
public struct ChecklistTick: Encodable, Equatable, Sendable {
  /// The item, from the timetable's `publicationChecklist`.
  public var item: String
  /// The day it was done.
  public var day: CalendarDay
  /// Who did it (a role).
  public var by: String?

  /// Item `item` done on `day`.
  public init(item: String, day: CalendarDay, by: String? = nil) {
    self.item = item
    self.day = day
    self.by = by
  }
}

extension Review {
  /// The day `step` was done, if it was: a built-in step's day in `dates`, else its step record's.
  public func doneDay(_ step: String) -> CalendarDay? {
    if let path = Timetable.builtInDay(step) { return dates[keyPath: path] }
    return steps?.first { $0.step == step }?.done
  }

  /// The record of `step`, if any.
  public func stepRecord(_ step: String) -> StepRecord? { steps?.first { $0.step == step } }

  /// The review's process records as they stood at the end of `day`: steps done after it are not
  /// done, correspondence and checklist items after it not yet sent or done, ratifications after
  /// it not yet given.
  func processAsOf(_ day: CalendarDay) -> Review {
    var view = self
    if let steps, steps.contains(where: { ($0.done.map { $0 > day }) ?? false }) {
      view.steps = steps.map { record in
        var kept = record
        if let done = record.done, done > day { kept.done = nil }
        return kept
      }
    }
    if let correspondence, correspondence.contains(where: { $0.day > day }) {
      let kept = correspondence.filter { $0.day <= day }
      view.correspondence = kept.isEmpty ? nil : kept
    }
    if let decisionRecord { view.decisionRecord = decisionRecord.asOf(day) }
    if let checklist = publication?.checklist, checklist.contains(where: { $0.day > day }) {
      let kept = checklist.filter { $0.day <= day }
      view.publication?.checklist = kept.isEmpty ? nil : kept
    }
    return view
  }
}
