/// A case review: a Rapid Review, an LCSPR, a national review considered locally, and so on.
public struct Review: Encodable, Equatable, Sendable {
  /// Unique in the store, such as `LCSPR-2025-02`.
  public var id: String
  /// The published title: a pseudonym such as "Child M", never a real name.
  public var title: String
  /// What kind of review it is: a Rapid Review, an LCSPR, a national review...
  public var kind: ReviewKind
  /// The review this one grew out of (an LCSPR that follows a Rapid Review).
  public var follows: String?
  /// The days that drive the review's statutory clocks.
  public var dates: ReviewDates
  /// Categories of abuse and harm, from the store's `categories` catalogue.
  @DefaultEmpty public var categories: [String]
  /// Theme IDs from the store's `themes` catalogue: the review's own themes.
  @DefaultEmpty public var themes: [String]
  /// What the review learned, good practice included.
  @DefaultEmpty public var findings: [Finding]
  /// The review's recommendations, each with the partnership's response and its actions.
  @DefaultEmpty public var recommendations: [Recommendation]
  /// A short summary of the case for briefings (anonymised).
  public var summary: String?
  // The yearly report's figures: what was notified, and what the Rapid Review decided.
  /// Whether the notified incident was a child's death or serious harm.
  public var notificationType: NotificationType?
  /// What a Rapid Review decided: an LCSPR, other learning taken forward, or no further review.
  public var rapidReviewOutcome: RapidReviewOutcome?
  /// Why publication is later than the six-month clock (criminal proceedings, the family's involvement).
  public var delayReason: String?
  /// The body that commissioned the review, when it is not the one `commissioningBody` assumes
  /// for the review's kind (a Safeguarding Adults Board, a Community Safety Partnership...).
  public var commissionedBy: String?
  /// Set while the review's findings and recommendations must not be shared, such as during
  /// criminal proceedings; kept, with the day it was lifted, once lifted.
  public var embargo: Embargo?
  // The review as it happens: its steps, its Rapid Review decision, its correspondence with the
  // Panel and its publication (`ReviewProcess.swift`); each absent until something is recorded.
  /// Where each timetable step stands: done, planned or not needed.
  public var steps: [StepRecord]?
  /// The decision record of a Rapid Review.
  public var decisionRecord: DecisionRecord?
  /// The dated log of what was sent to and received from the Panel, the DfE, Ofsted.
  public var correspondence: [CorrespondenceEntry]?
  /// The publication decision, the reviewer and the checklist.
  public var publication: PublicationRecord?

  /// A review with the given fields; those not given are empty or absent.
  public init(
    id: String, title: String, kind: ReviewKind, follows: String? = nil, dates: ReviewDates = ReviewDates(),
    categories: [String] = [], themes: [String] = [], findings: [Finding] = [],
    recommendations: [Recommendation] = [], summary: String? = nil, commissionedBy: String? = nil,
    embargo: Embargo? = nil
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.follows = follows
    self.dates = dates
    self.categories = categories
    self.themes = themes
    self.findings = findings
    self.recommendations = recommendations
    self.summary = summary
    self.commissionedBy = commissionedBy
    self.embargo = embargo
  }
}

/// A hold on sharing a review's findings and recommendations, with its reason (criminal
/// proceedings, a parallel inquest...). Material shared early must not prejudice parallel
/// investigations (North Somerset practice guidance, 11.2.1).
public struct Embargo: Encodable, Equatable, Sendable {
  /// Why the learning is held back.
  public var reason: String
  /// The day the embargo began.
  public var since: CalendarDay
  /// The day it was lifted; absent while it holds.
  public var lifted: CalendarDay?

  /// An embargo for `reason` from `since`, lifted on `lifted` if given.
  public init(reason: String, since: CalendarDay, lifted: CalendarDay? = nil) {
    self.reason = reason
    self.since = since
    self.lifted = lifted
  }

  /// In force at the end of `day`: begun on or before it and not lifted by then.
  public func holds(on day: CalendarDay) -> Bool {
    since <= day && (lifted.map { $0 > day } ?? true)
  }
}

/// The days that drive a review's statutory clocks. Every one is optional.
public struct ReviewDates: Encodable, Equatable, Sendable {
  /// The serious incident.
  public var incident: CalendarDay?
  /// The local authority became aware of the incident.
  public var aware: CalendarDay?
  /// The National Panel was notified.
  public var notified: CalendarDay?
  /// A partner's referral arrived, when there was no notification.
  public var referred: CalendarDay?
  /// A referral without notification was first discussed by the partnership.
  public var discussed: CalendarDay?
  /// The Rapid Review was sent to the National Panel.
  public var rapidReview: CalendarDay?
  /// The decision to start (or not start) a full review.
  public var decision: CalendarDay?
  /// The final report was sent to the National Panel, Ofsted and the DfE.
  public var sentToPanel: CalendarDay?
  /// The report was published.
  public var published: CalendarDay?

  /// Review days, each absent unless given.
  public init(
    incident: CalendarDay? = nil, aware: CalendarDay? = nil, notified: CalendarDay? = nil,
    referred: CalendarDay? = nil, discussed: CalendarDay? = nil, rapidReview: CalendarDay? = nil,
    decision: CalendarDay? = nil,
    sentToPanel: CalendarDay? = nil, published: CalendarDay? = nil
  ) {
    self.incident = incident
    self.aware = aware
    self.notified = notified
    self.referred = referred
    self.discussed = discussed
    self.rapidReview = rapidReview
    self.decision = decision
    self.sentToPanel = sentToPanel
    self.published = published
  }

  /// The day the review entered the partnership's process: notification, else referral, else awareness.
  public var started: CalendarDay? { notified ?? referred ?? aware ?? decision }
}

/// Something a review learned; good practice is learning too.
public struct Finding: Encodable, Equatable, Sendable {
  /// Unique in the review, such as `F1`.
  public var id: String
  /// What was learned.
  public var text: String
  /// Theme IDs from the store's `themes` catalogue.
  @DefaultEmpty public var themes: [String]
  /// Whether the finding is good practice rather than a concern.
  public var goodPractice: Bool
  /// The earlier finding (`REVIEW/F1`, of an earlier review) this one repeats, as the business unit
  /// knows it: a confirmed link, where similarity of wording can only suggest one.
  public var repeats: String?

  /// A finding with the given text, themes and good-practice mark.
  public init(
    id: String, text: String, themes: [String] = [], goodPractice: Bool = false, repeats: String? = nil
  ) {
    self.id = id
    self.text = text
    self.themes = themes
    self.goodPractice = goodPractice
    self.repeats = repeats
  }
}

/// A recommendation of a review and the partnership's response to it.
public struct Recommendation: Encodable, Equatable, Sendable {
  /// Unique in the review, such as `R1`; addressed as `REVIEW/R1`.
  public var id: String
  /// The recommendation as the review wrote it.
  public var text: String
  /// The agencies the recommendation is addressed to.
  @DefaultEmpty public var agencies: [String]
  /// The partnership's response: pending, accepted, partially accepted or not accepted.
  public var response: RecommendationResponse
  /// Why a recommendation is only partially or not accepted (published with the plan).
  public var responseNote: String?
  /// The day the partnership responded to the recommendation; absent while it is not recorded.
  public var responded: CalendarDay?
  /// Theme IDs from the store's `themes` catalogue.
  @DefaultEmpty public var themes: [String]
  /// The SMART action plan answering the recommendation.
  @DefaultEmpty public var actions: [Action]

  /// A recommendation with the given fields; the response is pending unless given.
  public init(
    id: String, text: String, agencies: [String] = [], response: RecommendationResponse = .pending,
    responseNote: String? = nil, themes: [String] = [], actions: [Action] = [], responded: CalendarDay? = nil
  ) {
    self.id = id
    self.text = text
    self.agencies = agencies
    self.response = response
    self.responseNote = responseNote
    self.themes = themes
    self.actions = actions
    self.responded = responded
  }
}

/// One SMART action answering a recommendation, with its dated log of updates.
public struct Action: Encodable, Equatable, Sendable {
  /// Unique within its review, such as `1.1`.
  public var id: String
  /// Specific: what will be done.
  public var description: String
  /// The owning agency's ID: the agency accountable for the action.
  public var owner: String
  /// Other agencies that own the action with `owner` (a plan's "CSC and Police"); absent when none.
  public var jointOwners: [String]?
  /// The role that leads the action (a role, not a person's name).
  public var lead: String?
  /// Measurable: how the change in practice will be assessed.
  public var measureOfSuccess: String?
  /// The day the action was agreed; the action does not exist before it.
  public var agreed: CalendarDay?
  /// Time-bound: the original due day, a month, or not yet set. Revisions are updates.
  public var due: PlannedDue
  /// The action's dated log: status changes, notes, revised due days and evidence.
  @DefaultEmpty public var updates: [ActionUpdate]
  // A measure that can be checked: where practice starts, where it should get to, and when to look again.
  /// Where practice stood when the action was agreed ("42% of strategy minutes record the child's view").
  public var baseline: String?
  /// Where practice should get to ("80% by the re-audit").
  public var target: String?
  /// The day by which the measure should be taken again; a result is expected by then.
  public var remeasure: CalendarDay?
  /// The evidence the plan says will show the action is done ("audit of strategy minutes"), kept
  /// apart from the evidence later received in updates.
  public var evidencePlanned: String?
  /// The stages of escalation the action went through, in the order they were made; absent when
  /// it was never escalated.
  public var escalations: [Escalation]?

  /// An action with the given fields; baseline, target and re-measure day are absent.
  public init(
    id: String, description: String, owner: String, jointOwners: [String]? = nil, lead: String? = nil,
    measureOfSuccess: String? = nil, agreed: CalendarDay? = nil, due: PlannedDue,
    updates: [ActionUpdate] = [],
    evidencePlanned: String? = nil
  ) {
    self.id = id
    self.description = description
    self.owner = owner
    self.jointOwners = jointOwners
    self.lead = lead
    self.measureOfSuccess = measureOfSuccess
    self.agreed = agreed
    self.due = due
    self.updates = updates
    self.evidencePlanned = evidencePlanned
  }

  /// An action due on a day.
  public init(
    id: String, description: String, owner: String, lead: String? = nil, measureOfSuccess: String? = nil,
    agreed: CalendarDay? = nil, due: CalendarDay, updates: [ActionUpdate] = []
  ) {
    self.init(
      id: id, description: description, owner: owner, lead: lead, measureOfSuccess: measureOfSuccess,
      agreed: agreed, due: .onDay(due), updates: updates)
  }

  /// Every agency that owns the action: the accountable owner first, then the joint owners.
  public var owners: [String] { [owner] + (jointOwners ?? []) }

  /// Whether `agency` owns the action, alone or jointly.
  public func isOwned(by agency: String) -> Bool {
    owner == agency || (jointOwners?.contains(agency) ?? false)
  }
}

/// A dated entry in an action's log: a status change, a progress note, a revised due day,
/// evidence, or several of these at once.
public struct ActionUpdate: Encodable, Equatable, Sendable {
  /// The day of the update; not before the day the action was agreed.
  public var date: CalendarDay
  /// The status set by the update, if any.
  public var status: ActionStatus?
  /// A revised due day (a day, a month, or not yet set); the note should give the reason.
  public var due: PlannedDue?
  /// Progress, the reason for a revised due day, or why the action was withdrawn.
  public var note: String?
  /// Titles of evidence of output: what was delivered (training run, guidance issued).
  public var evidence: [String]?
  /// Who made the update (a role or a group, such as "QA subgroup").
  public var by: String?
  // Evidence that practice changed, and deliberate exceptions to the impact rule.
  /// Titles of evidence of impact: an audit, survey, case sample or data showing practice changed.
  public var impactEvidence: [String]?
  /// What the re-measure found, against the action's baseline and target.
  public var result: String?
  /// Why the QA subgroup assured the action without impact evidence or a result (a recorded exception).
  public var assuredWithoutImpact: String?
  /// A new due day the owning agency asks for. It does not change the due day: the business unit
  /// or the QA subgroup applies it with a revised `due`, or declines it with `declinedDue`.
  public var requestedDue: CalendarDay?
  /// The owning agency's own rating of its progress, which may differ from the derived one.
  public var reported: BRAG?
  /// The agency's reason for `requestedDue`.
  public var requestReason: String?
  /// The requested due day the partnership declines; the note gives the reason.
  public var declinedDue: CalendarDay?

  /// An update on `date` with the given fields; impact evidence, result and exception are absent.
  public init(
    date: CalendarDay, status: ActionStatus? = nil, due: PlannedDue? = nil, note: String? = nil,
    evidence: [String]? = nil, by: String? = nil, requestedDue: CalendarDay? = nil,
    requestReason: String? = nil, declinedDue: CalendarDay? = nil, reported: BRAG? = nil
  ) {
    self.date = date
    self.status = status
    self.due = due
    self.reported = reported
    self.note = note
    self.evidence = evidence
    self.by = by
    self.requestedDue = requestedDue
    self.requestReason = requestReason
    self.declinedDue = declinedDue
  }
}

/// Two of a review's days recorded in an order that cannot happen.
public struct ReviewDayOrderProblem: Equatable, Sendable {
  /// The member of `dates` that is out of order (`notified`, `decision`, `published`, `sentToPanel`).
  public var field: String
  /// The field's day.
  public var value: CalendarDay
  /// The member of `dates` it is compared with.
  public var otherField: String
  /// That member's day.
  public var otherValue: CalendarDay
  /// How the two stand: "is before" or "is after".
  public var relation: String
  /// The problem in the store's terms: "published 2020-01-01 is before decision 2021-01-01".
  public var message: String { "\(field) \(value) \(relation) \(otherField) \(otherValue)" }
}

extension Review {
  /// The review's days that are in an impossible order: the Panel notified before the local
  /// authority was aware; the decision before the notification or the referral; the report published
  /// before the decision; the final report sent to the Panel after publication. A national review is
  /// published by the Panel before the partnership decides its local response, so its publication
  /// may come first.
  public var dayOrderProblems: [ReviewDayOrderProblem] {
    var problems: [ReviewDayOrderProblem] = []
    func before(_ field: String, _ day: CalendarDay?, _ other: String, _ earliest: CalendarDay?) {
      guard let day, let earliest, day < earliest else { return }
      problems.append(
        ReviewDayOrderProblem(
          field: field, value: day, otherField: other, otherValue: earliest, relation: "is before"))
    }
    before("notified", dates.notified, "aware", dates.aware)
    before("decision", dates.decision, "notified", dates.notified)
    before("decision", dates.decision, "referred", dates.referred)
    if kind != .nationalReview { before("published", dates.published, "decision", dates.decision) }
    if let sent = dates.sentToPanel, let published = dates.published, sent > published {
      problems.append(
        ReviewDayOrderProblem(
          field: "sentToPanel", value: sent, otherField: "published", otherValue: published,
          relation: "is after"))
    }
    return problems
  }
}

extension Review {
  /// The day its action plan dates from when an action has no agreed day: the day the report was
  /// published, else the day of the decision to hold the review.
  public var planDay: CalendarDay? { dates.published ?? dates.decision }
}

extension Recommendation {
  /// Accepted or partially accepted, yet answered by no action that is open or closed: none at all,
  /// or only withdrawn ones. The partnership has agreed to act and nothing is in hand.
  public var isAcceptedWithoutLiveAction: Bool {
    guard response == .accepted || response == .partiallyAccepted else { return false }
    return !actions.contains { action in
      // The status the whole log leaves, whatever the day: its latest entry's day folds all of it.
      let latest =
        action.updates.map(\.date).max() ?? action.due.day ?? action.agreed ?? CalendarDay(dayNumber: 0)
      return action.state(asOf: latest, settings: Settings(), heardFrom: nil).status != .withdrawn
    }
  }
}
