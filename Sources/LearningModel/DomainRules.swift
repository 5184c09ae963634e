/// One breach of a domain rule by one record, in the record's own terms: the field, the value
/// and, for rules that compare two fields, the other field and its value.
///
/// The validator turns a violation into a `Diagnostic` at a JSON path; the change path turns it
/// into a `ChangeRefusal`, from which the command line names its own option.
public struct RuleViolation: Equatable, Sendable {
  /// An error blocks the change or the write; a warning is reported only.
  public var severity: Severity
  /// The rule broken, by the name a user sees and can select.
  public var check: ValidationCheck
  /// The field within the record: `due`, `updates[2].note`, `themes[0]`.
  public var field: String
  /// The offending value as a user would type it, when there is one.
  public var value: String?
  /// The field the rule compares with (`agreed`), when it compares two.
  public var relatedField: String?
  /// The value of `relatedField`.
  public var relatedValue: String?
  /// How `value` stands to `relatedValue` when the rule orders two days: "is before", "is after".
  public var relation: String?
  /// The nearest known ID, for an unknown reference.
  public var suggestion: String?
  /// What is wrong, in a sentence a person can act on.
  public var message: String
  /// What to do about it, when there is more to say.
  public var hint: String?

  /// A violation of `check` at `field`; an error unless told.
  public init(
    severity: Severity = .error, check: ValidationCheck, field: String, value: String? = nil,
    relatedField: String? = nil, relatedValue: String? = nil, relation: String? = nil,
    suggestion: String? = nil,
    message: String, hint: String? = nil
  ) {
    self.severity = severity
    self.check = check
    self.field = field
    self.value = value
    self.relatedField = relatedField
    self.relatedValue = relatedValue
    self.relation = relation
    self.suggestion = suggestion
    self.message = message
    self.hint = hint
  }
}

/// The IDs a record may refer to: the store's agencies, catalogues and reviews.
public struct KnownIdentifiers: Sendable {
  /// The IDs of the store's agencies.
  public var agencies: Set<String>
  /// The IDs of the themes catalogue.
  public var themes: Set<String>
  /// The IDs of the categories catalogue.
  public var categories: Set<String>
  /// The IDs of the dissemination methods catalogue.
  public var methods: Set<String>
  /// The IDs of the Section 11 standards catalogue.
  public var standards: Set<String>
  /// The IDs of the store's reviews.
  public var reviews: Set<String>
  /// The steps of the partnership's timetable.
  public var steps: Set<String>
  /// The items of the partnership's publication checklist.
  public var checklistItems: Set<String>
  /// The partnership's timetable, whose rules order a review's steps.
  public var timetable: Timetable
  /// Every finding's reference, `REVIEW/F1`.
  public var findings: Set<String>
  /// Each review's learning day (none for an undated review).
  public var reviewDays: [String: CalendarDay?]
  /// The IDs of the escalation levels in force.
  public var escalationLevels: [String]

  /// The IDs `tracker` holds.
  public init(_ tracker: Tracker) {
    agencies = Set(tracker.agencies.map(\.id))
    themes = Set(tracker.themes.map(\.id))
    categories = Set(tracker.categories.map(\.id))
    methods = Set(tracker.disseminationMethods.map(\.id))
    standards = Set(tracker.section11Standards.map(\.id))
    reviews = Set(tracker.reviews.map(\.id))
    let timetable = tracker.timetable
    self.timetable = timetable
    steps = Set(timetable.steps.map(\.id))
    checklistItems = Set(timetable.publicationChecklist.map(\.id))
    findings = Set(tracker.reviews.flatMap { review in review.findings.map { "\(review.id)/\($0.id)" } })
    reviewDays = Dictionary(
      tracker.reviews.map { ($0.id, $0.learningDay) }, uniquingKeysWith: { first, _ in first })
    escalationLevels = tracker.partnership.settings.escalationLevelsInForce.map(\.id)
  }
}

/// The domain rules for each kind of record, in one home. `Validator` calls them for every record
/// of a store; `ChangeSet.apply` calls them for the records a change touches; imports go through
/// `ChangeSet` too. Fields are relative to the record.
public enum DomainRules {
  /// Text that is missing or only spaces.
  public static func isBlank(_ text: String?) -> Bool { (text ?? "").trimmingSpaces.isEmpty }

  /// Required text is present.
  public static func required(_ text: String, field: String, what: String) -> RuleViolation? {
    isBlank(text) ? RuleViolation(check: .requiredText, field: field, message: "\(what) is empty") : nil
  }

  /// A reference resolves to a known ID; otherwise an error with the nearest ID as "did you mean".
  public static func resolve(
    _ id: String, in known: Set<String>, field: String, what: String, catalogue: String
  ) -> RuleViolation? {
    if known.contains(id) { return nil }
    let suggestion = nearest(id, in: known)
    return RuleViolation(
      check: .references, field: field, value: id, suggestion: suggestion,
      message: "unknown \(what) \"\(id)\"",
      hint: (suggestion.map { "did you mean \"\($0)\"? " } ?? "") + "it must be one of \(catalogue)")
  }

  /// Every reference in a list resolves (fields `field[0]`, `field[1]`, ...).
  public static func resolve(
    _ ids: [String], in known: Set<String>, field: String, what: String, catalogue: String
  ) -> [RuleViolation] {
    ids.enumerated().compactMap { index, id in
      resolve(id, in: known, field: "\(field)[\(index)]", what: what, catalogue: catalogue)
    }
  }

  /// IDs are present and unique in their scope; `path` is the list's full path, used in messages.
  public static func unique(_ ids: [String], path: String, scope: String) -> [RuleViolation] {
    var seen: [String: Int] = [:]
    var found: [RuleViolation] = []
    for (index, id) in ids.enumerated() {
      if id.trimmingSpaces.isEmpty {
        found.append(
          RuleViolation(
            check: .requiredText, field: "\(path)[\(index)].id", message: "\(scope) ID is empty",
            hint: "give every \(scope) an ID"))
      } else if let first = seen[id] {
        found.append(
          RuleViolation(
            check: .uniqueIds, field: "\(path)[\(index)].id", value: id,
            message: "duplicate \(scope) ID \"\(id)\" (first used at \(path)[\(first)])",
            hint: "give each \(scope) its own ID"))
      } else {
        seen[id] = index
      }
    }
    return found
  }

  /// A due day is not before the day the action was agreed.
  public static func isDueBeforeAgreed(_ due: CalendarDay, agreed: CalendarDay?) -> Bool {
    agreed.map { due < $0 } ?? false
  }

  /// An update is not dated before the day the action was agreed: the action did not exist then.
  public static func isUpdateBeforeAgreed(_ update: ActionUpdate, agreed: CalendarDay?) -> Bool {
    agreed.map { update.date < $0 } ?? false
  }

  /// Withdrawing an action needs a note saying why.
  public static func isWithdrawnWithoutNote(_ update: ActionUpdate) -> Bool {
    update.status == .withdrawn && isBlank(update.note)
  }

  /// Partially accepted and not accepted recommendations state why (published with the plan).
  public static func needsResponseNote(_ recommendation: Recommendation) -> Bool {
    recommendation.response.needsReason && isBlank(recommendation.responseNote)
  }

  /// An agency's own rules.
  public static func violations(of agency: Agency) -> [RuleViolation] {
    [required(agency.name, field: "name", what: "the agency's name")].compactMap { $0 }
      + workforceViolations(of: agency)
  }

  /// A review's own fields (its findings, recommendations and actions have their own rules).
  public static func violations(of review: Review, known: KnownIdentifiers) -> [RuleViolation] {
    var found = [required(review.title, field: "title", what: "the review's title")].compactMap { $0 }
    if let follows = review.follows {
      if let problem = resolve(
        follows, in: known.reviews, field: "follows", what: "review", catalogue: "the store's reviews")
      {
        found.append(problem)
      }
      if follows == review.id {
        found.append(
          RuleViolation(
            check: .references, field: "follows", value: follows, message: "a review cannot follow itself"))
      }
    }
    found += resolve(
      review.categories, in: known.categories, field: "categories", what: "category", catalogue: "categories")
    found += resolve(review.themes, in: known.themes, field: "themes", what: "theme", catalogue: "themes")
    if review.dates.all.isEmpty {
      found.append(
        RuleViolation(
          severity: .warning, check: .undatedReview, field: "dates",
          message: "review \(review.id) has no day recorded",
          hint:
            "record at least the day the review started (--notified, --referred or --decision) or was published; "
            + "until then reports list it as undated"))
    }
    for problem in review.dayOrderProblems {
      found.append(
        RuleViolation(
          check: .reviewDayOrder, field: "dates.\(problem.field)", value: problem.value.description,
          relatedField: "dates.\(problem.otherField)", relatedValue: problem.otherValue.description,
          relation: problem.relation,
          message: "review \(review.id): \(problem.message)",
          hint: "check both days against the case record; the statutory clocks depend on them"))
    }
    found += processViolations(of: review, known: known)
    return found
  }

  /// A finding's rules.
  public static func violations(of finding: Finding, known: KnownIdentifiers) -> [RuleViolation] {
    [required(finding.text, field: "text", what: "the finding's text")].compactMap { $0 }
      + resolve(finding.themes, in: known.themes, field: "themes", what: "theme", catalogue: "themes")
  }

  /// A recommendation's rules (its actions have their own).
  public static func violations(
    of recommendation: Recommendation, review: String, known: KnownIdentifiers
  ) -> [RuleViolation] {
    var found = [required(recommendation.text, field: "text", what: "the recommendation's text")].compactMap {
      $0
    }
    found += resolve(
      recommendation.agencies, in: known.agencies, field: "agencies", what: "agency", catalogue: "agencies")
    found += resolve(
      recommendation.themes, in: known.themes, field: "themes", what: "theme", catalogue: "themes")
    if needsResponseNote(recommendation) {
      found.append(
        RuleViolation(
          check: .responseNote, field: "responseNote", value: recommendation.response.rawValue,
          relatedField: "response", relatedValue: recommendation.response.rawValue,
          message:
            "a recommendation that is \(recommendation.response.title.lowercased()) needs a responseNote",
          hint: "say why: the partnership publishes the reason with its action plan"))
    }
    if recommendation.isAcceptedWithoutLiveAction {
      let what = recommendation.actions.isEmpty ? "has no actions" : "has only withdrawn actions"
      found.append(
        RuleViolation(
          severity: .warning, check: .acceptedWithoutActions, field: "actions",
          message:
            "\(recommendation.response.title.lowercased()) recommendation \(review)/\(recommendation.id) \(what)",
          hint: "add the SMART actions that answer it"))
    }
    return found
  }

  /// An action's rules, with its update log; `reference` is `REVIEW/ACTION` for messages.
  public static func violations(
    of action: Action, reference: String, known: KnownIdentifiers, today: CalendarDay
  ) -> [RuleViolation] {
    var found: [RuleViolation] = []
    if let problem = required(action.description, field: "description", what: "the action's description") {
      found.append(problem)
    }
    if let problem = resolve(
      action.owner, in: known.agencies, field: "owner", what: "agency", catalogue: "agencies")
    {
      found.append(problem)
    }
    var seenOwners: Set<String> = [action.owner]
    for (index, agency) in (action.jointOwners ?? []).enumerated() {
      let field = "jointOwners[\(index)]"
      if let problem = resolve(
        agency, in: known.agencies, field: field, what: "agency", catalogue: "agencies")
      {
        found.append(problem)
      } else if agency == action.owner {
        found.append(
          RuleViolation(
            check: .uniqueIds, field: field, value: agency,
            message: "joint owner \"\(agency)\" of action \(reference) is already its owner",
            hint: "list only the other agencies that own the action with the owner"))
      } else if !seenOwners.insert(agency).inserted {
        found.append(
          RuleViolation(
            check: .uniqueIds, field: field, value: agency,
            message: "joint owner \"\(agency)\" of action \(reference) is listed twice",
            hint: "list each joint owner once"))
      }
    }
    if isBlank(action.measureOfSuccess) {
      found.append(
        RuleViolation(
          severity: .warning, check: .measureOfSuccess, field: "measureOfSuccess",
          message: "action \(reference) has no measure of success",
          hint: "say how the change in practice will be assessed"))
    }
    if isBlank(action.lead) {
      found.append(
        RuleViolation(
          severity: .warning, check: .lead, field: "lead", message: "action \(reference) names no lead",
          hint: "name the role that leads it"))
    }
    if let agreed = action.agreed, let due = action.due.day, isDueBeforeAgreed(due, agreed: agreed) {
      found.append(
        RuleViolation(
          check: .dueBeforeAgreed, field: "due", value: action.due.storeText, relatedField: "agreed",
          relatedValue: agreed.description, relation: "is before",
          message: "due \(action.due) is before the agreed day \(agreed)"))
    }
    // Assurance without impact, a return to Not started, withdrawal without a note.
    found += transitionViolations(of: action, reference: reference)
    var previous: CalendarDay?
    for (u, update) in action.updates.enumerated() {
      let field = "updates[\(u)]"
      if let agreed = action.agreed, isUpdateBeforeAgreed(update, agreed: agreed) {
        found.append(
          RuleViolation(
            check: .updateBeforeAgreed, field: "\(field).date", value: update.date.description,
            relatedField: "agreed", relatedValue: agreed.description, relation: "is before",
            message: "update dated \(update.date) is before the action was agreed (\(agreed))"))
      }
      if let agreed = action.agreed, let due = update.due?.day, isDueBeforeAgreed(due, agreed: agreed) {
        found.append(
          RuleViolation(
            check: .dueBeforeAgreed, field: "\(field).due", value: due.description, relatedField: "agreed",
            relatedValue: agreed.description, relation: "is before",
            message: "revised due \(due) is before the agreed day \(agreed)"
          ))
      }
      if update.date > today {
        found.append(
          RuleViolation(
            severity: .warning, check: .futureUpdate, field: "\(field).date", value: update.date.description,
            message: "update dated \(update.date) is after today (\(today))"))
      }
      if let previous, update.date < previous {
        found.append(
          RuleViolation(
            severity: .warning, check: .updateOrder, field: "\(field).date", value: update.date.description,
            message: "update dated \(update.date) comes after one dated \(previous) in the log",
            hint: "keep the log in date order; the derived state sorts it by date"))
      }
      previous = max(previous ?? update.date, update.date)
    }
    for (e, escalation) in (action.escalations ?? []).enumerated() {
      found += violations(of: escalation, field: "escalations[\(e)]", reference: reference, known: known)
    }
    return found
  }

  /// An escalation's rules: a level the partnership uses, someone it went to, and a reply-by day
  /// and reply day not before the day it was made; a reply has its day and a reply day its reply.
  public static func violations(
    of escalation: Escalation, field: String, reference: String, known: KnownIdentifiers
  ) -> [RuleViolation] {
    var found: [RuleViolation] = []
    if !known.escalationLevels.contains(escalation.level) {
      found.append(
        RuleViolation(
          check: .escalation, field: "\(field).level", value: escalation.level,
          suggestion: nearest(escalation.level, in: known.escalationLevels),
          message:
            "escalation level \"\(escalation.level)\" of action \(reference) is not one the partnership uses",
          hint: "use one of " + known.escalationLevels.joined(separator: ", ")))
    }
    if let problem = required(escalation.to, field: "\(field).to", what: "who the action was escalated to") {
      found.append(problem)
    }
    if escalation.replyBy < escalation.date {
      found.append(
        RuleViolation(
          check: .escalation, field: "\(field).replyBy", value: escalation.replyBy.description,
          relatedField: "\(field).date", relatedValue: escalation.date.description, relation: "is before",
          message: "reply-by day \(escalation.replyBy) is before the escalation (\(escalation.date))"))
    }
    if let replied = escalation.replied, replied < escalation.date {
      found.append(
        RuleViolation(
          check: .escalation, field: "\(field).replied", value: replied.description,
          relatedField: "\(field).date", relatedValue: escalation.date.description, relation: "is before",
          message: "reply day \(replied) is before the escalation (\(escalation.date))"))
    }
    if escalation.replied != nil && isBlank(escalation.reply) {
      found.append(
        RuleViolation(
          check: .escalation, field: "\(field).reply",
          message: "the escalation of action \(reference) has a reply day but no reply",
          hint: "record what was replied"))
    }
    if escalation.replied == nil && !isBlank(escalation.reply) {
      found.append(
        RuleViolation(
          check: .escalation, field: "\(field).replied",
          message: "the escalation of action \(reference) has a reply but no reply day",
          hint: "record the day the reply came"))
    }
    return found
  }

  /// A dissemination activity's rules.
  public static func violations(of dissemination: Dissemination, known: KnownIdentifiers) -> [RuleViolation] {
    var found = [required(dissemination.title, field: "title", what: "the dissemination's title")].compactMap
    {
      $0
    }
    if let problem = resolve(
      dissemination.method, in: known.methods, field: "method", what: "dissemination method",
      catalogue: "disseminationMethods")
    {
      found.append(problem)
    }
    found += resolve(
      dissemination.reviews, in: known.reviews, field: "reviews", what: "review", catalogue: "reviews")
    found += resolve(
      dissemination.themes, in: known.themes, field: "themes", what: "theme", catalogue: "themes")
    found += resolve(
      dissemination.audience, in: known.agencies, field: "audience", what: "agency", catalogue: "agencies")
    if let reach = dissemination.reach, reach < 0 {
      found.append(
        RuleViolation(
          check: .dissemination, field: "reach", value: String(reach),
          message: "reach must be 0 or more, found \(reach)"))
    }
    if dissemination.status == .delivered && dissemination.reach == nil {
      found.append(
        RuleViolation(
          check: .dissemination, field: "reach", relatedField: "status", relatedValue: "delivered",
          message: "a delivered activity needs its reach",
          hint: "record how many practitioners it reached (0 or more)"))
    }
    if dissemination.status == .cancelled && isBlank(dissemination.note) {
      found.append(
        RuleViolation(
          check: .dissemination, field: "note", relatedField: "status", relatedValue: "cancelled",
          message: "a cancelled activity needs a note giving the reason"))
    }
    return found + landingViolations(of: dissemination, known: known)
  }

  /// A Section 11 return's rules (one return per agency and cycle is a rule of the store).
  public static func violations(of section11Return: Section11Return, known: KnownIdentifiers)
    -> [RuleViolation]
  {
    var found: [RuleViolation] = []
    if let problem = resolve(
      section11Return.agency, in: known.agencies, field: "agency", what: "agency", catalogue: "agencies")
    {
      found.append(problem)
    }
    var seenStandards = Set<String>()
    for (i, rating) in section11Return.ratings.enumerated() {
      if let problem = resolve(
        rating.standard, in: known.standards, field: "ratings[\(i)].standard", what: "Section 11 standard",
        catalogue: "section11Standards")
      {
        found.append(problem)
      }
      if !seenStandards.insert(rating.standard).inserted {
        found.append(
          RuleViolation(
            check: .uniqueIds, field: "ratings[\(i)].standard", value: rating.standard,
            message: "standard \"\(rating.standard)\" is rated twice"))
      }
    }
    for (i, learning) in section11Return.learning.enumerated() {
      if let problem = resolve(
        learning.review, in: known.reviews, field: "learning[\(i)].review", what: "review",
        catalogue: "reviews")
      {
        found.append(problem)
      }
    }
    return found
  }
}
