/// The four catalogues a partnership can extend.
public enum CatalogueKind: String, CaseIterable, Encodable, Sendable {
  case theme, category, method, standard

  /// The catalogue's name in messages: "theme", "dissemination method".
  public var title: String {
    switch self {
    case .theme: "theme"
    case .category: "category"
    case .method: "dissemination method"
    case .standard: "Section 11 standard"
    }
  }

  /// The catalogue's field in the store.
  public var storeField: String {
    switch self {
    case .theme: "themes"
    case .category: "categories"
    case .method: "disseminationMethods"
    case .standard: "section11Standards"
    }
  }

  /// The catalogue in a tracker.
  public var entries: WritableKeyPath<Tracker, [CatalogueEntry]> {
    switch self {
    case .theme: \.themes
    case .category: \.categories
    case .method: \.disseminationMethods
    case .standard: \.section11Standards
    }
  }
}

/// The address of one record in a store, as the history names it: `agency:police`,
/// `theme:neglect`, `LCSPR-2025-02`, `LCSPR-2025-02/F1`, `LCSPR-2025-02/R1`, `LCSPR-2025-02/1.1`,
/// `dissemination:D-01`, `section11:police:2025-26`, and `partnership` (the partnership's own
/// record: its name, reporting year, settings and privacy names).
public enum RecordReference: Hashable, Sendable, CustomStringConvertible {
  /// The one partnership record; it is corrected, never added or removed.
  case partnership
  case agency(String)
  case catalogue(CatalogueKind, String)
  case review(String)
  case finding(review: String, finding: String)
  case recommendation(RecommendationReference)
  case action(ActionReference)
  case dissemination(String)
  case section11(agency: String, cycle: String)
  /// The partnership's timetable and publication checklist, one record.
  case timetable

  /// The reference as written, such as `agency:police`, `LCSPR-2025-02/1.1` or `section11:police:2025-26`.
  public var description: String {
    switch self {
    case .agency(let id): "agency:\(id)"
    case .catalogue(let kind, let id): "\(kind.rawValue):\(id)"
    case .review(let id): id
    case .finding(let review, let finding): "\(review)/\(finding)"
    case .recommendation(let reference): reference.description
    case .action(let reference): reference.description
    case .dissemination(let id): "dissemination:\(id)"
    case .section11(let agency, let cycle): "section11:\(agency):\(cycle)"
    case .partnership: "partnership"
    case .timetable: "timetable"
    }
  }

  /// What kind of record this is, as the history records it: `action`, `theme`, `section11`.
  public var kind: String {
    switch self {
    case .agency: "agency"
    case .catalogue(let kind, _): kind.rawValue
    case .review: "review"
    case .finding: "finding"
    case .recommendation: "recommendation"
    case .action: "action"
    case .dissemination: "dissemination"
    case .section11: "section11"
    case .partnership: "partnership"
    case .timetable: "timetable"
    }
  }

  /// What a person calls it: "action LCSPR-2025-02/1.1", "theme \"neglect\"".
  public var title: String {
    switch self {
    case .agency(let id): "agency \"\(id)\""
    case .catalogue(let kind, let id): "\(kind.title) \"\(id)\""
    case .review(let id): "review \(id)"
    case .finding: "finding \(description)"
    case .recommendation: "recommendation \(description)"
    case .action: "action \(description)"
    case .dissemination(let id): "dissemination activity \(id)"
    case .section11(let agency, let cycle): "the Section 11 return of \(agency) for \(cycle)"
    case .partnership: "the partnership record"
    case .timetable: "the timetable"
    }
  }

  /// Parses a reference of a known kind, as written by `description`.
  public init?(kind: String, reference: String) {
    func after(_ prefix: String) -> String? {
      reference.hasPrefix(prefix + ":") ? String(reference.dropFirst(prefix.count + 1)) : nil
    }
    func split() -> (String, String)? { splitReviewReference(reference) }
    switch kind {
    case "partnership":
      guard reference == "partnership" else { return nil }
      self = .partnership
    case "agency":
      guard let id = after("agency") else { return nil }
      self = .agency(id)
    case "dissemination":
      guard let id = after("dissemination") else { return nil }
      self = .dissemination(id)
    case "section11":
      guard let rest = after("section11") else { return nil }
      let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      self = .section11(agency: parts[0], cycle: parts[1])
    case "timetable":
      self = .timetable
    case "review":
      self = .review(reference)
    case "finding":
      guard let (review, finding) = split() else { return nil }
      self = .finding(review: review, finding: finding)
    case "recommendation":
      guard let (review, id) = split() else { return nil }
      self = .recommendation(RecommendationReference(review: review, recommendation: id))
    case "action":
      guard let (review, id) = split() else { return nil }
      self = .action(ActionReference(review: review, action: id))
    default:
      guard let catalogue = CatalogueKind(rawValue: kind), let id = after(kind) else { return nil }
      self = .catalogue(catalogue, id)
    }
  }

  /// Resolves a reference written without its kind (history written before kinds were recorded):
  /// `REVIEW/X` is a recommendation when the review has one called X, else a finding, else an action.
  public init?(reference: String, in tracker: Tracker) {
    if reference == "partnership" {
      self = .partnership
      return
    }
    for kind in ["agency", "dissemination", "section11"] + CatalogueKind.allCases.map(\.rawValue)
    where reference.hasPrefix(kind + ":") {
      self.init(kind: kind, reference: reference)
      return
    }
    guard let slash = ActionReference(reference) else {
      self = .review(reference)
      return
    }
    let review = tracker.reviews.first { $0.id == slash.review }
    if review?.recommendations.contains(where: { $0.id == slash.action }) == true {
      self = .recommendation(RecommendationReference(review: slash.review, recommendation: slash.action))
    } else if review?.findings.contains(where: { $0.id == slash.action }) == true {
      self = .finding(review: slash.review, finding: slash.action)
    } else {
      self = .action(slash)
    }
  }

  /// The ID this reference introduces (checked by `Identifier.problem` when a record is added).
  var newIdentifier: String {
    switch self {
    case .agency(let id), .catalogue(_, let id), .review(let id), .dissemination(let id): id
    case .finding(_, let id): id
    case .recommendation(let reference): reference.recommendation
    case .action(let reference): reference.action
    case .section11(let agency, _): agency
    case .partnership: "partnership"
    case .timetable: "timetable"
    }
  }
}

/// One record's value, with where it belongs.
public enum Record: Equatable, Sendable {
  case agency(Agency)
  case catalogue(CatalogueKind, CatalogueEntry)
  /// A review with everything in it.
  case review(Review)
  case finding(review: String, Finding)
  /// A recommendation; its actions are records of their own and are kept on update.
  case recommendation(review: String, Recommendation)
  case action(review: String, recommendation: String, Action)
  case dissemination(Dissemination)
  case section11(Section11Return)
  /// The partnership's own record: name, reporting year, settings, privacy names.
  case partnership(Partnership)
  /// The partnership's timetable and publication checklist.
  case timetable(Timetable)

  /// The address of the record.
  public var reference: RecordReference {
    switch self {
    case .agency(let agency): .agency(agency.id)
    case .catalogue(let kind, let entry): .catalogue(kind, entry.id)
    case .review(let review): .review(review.id)
    case .finding(let review, let finding): .finding(review: review, finding: finding.id)
    case .recommendation(let review, let recommendation):
      .recommendation(RecommendationReference(review: review, recommendation: recommendation.id))
    case .action(let review, _, let action): .action(ActionReference(review: review, action: action.id))
    case .dissemination(let dissemination): .dissemination(dissemination.id)
    case .section11(let section11Return):
      .section11(agency: section11Return.agency, cycle: section11Return.cycle)
    case .partnership: .partnership
    case .timetable: .timetable
    }
  }
}

/// One edit to a store.
public enum StoreChange: Equatable, Sendable {
  /// Adds a record; refused when one with its reference exists or its new ID is not an identifier.
  case add(Record)
  /// Replaces a record's fields with these (a recommendation keeps its actions; a review keeps its
  /// findings and recommendations); refused when there is no such record.
  case update(Record)
  /// Removes a record with everything in it; refused, listing every reference, while anything
  /// still refers to it.
  case remove(RecordReference)
  /// Appends a dated entry to an action's update log: progress, a status, a revised due day.
  case addActionUpdate(ActionReference, ActionUpdate)
  /// Corrects an action as it was agreed, field by field; its log is left as it is.
  case correctAction(ActionReference, [ActionCorrection])
  /// Puts a record back exactly as given, or removes it when `nil` (undo, redo): `position` is
  /// where it stood in its list.
  case restore(RecordReference, Record?, position: Int?)
  /// Changes a review's own record: its fields, days, tags, embargo and process records.
  case updateReview(String, [ReviewChange])
  /// Corrects a finding of a review.
  case updateFinding(review: String, finding: String, [FindingChange])
  /// Corrects a recommendation or records the response to it; its actions stay.
  case updateRecommendation(RecommendationReference, [RecommendationChange])
  /// Corrects an agency's record.
  case updateAgency(String, [AgencyChange])
  /// Corrects an entry of a catalogue.
  case updateCatalogueEntry(CatalogueKind, String, [CatalogueEntryChange])
  /// Updates a dissemination activity: delivered, cancelled, re-planned, its reach and evaluation.
  case updateDissemination(String, [DisseminationChange])
  /// Records ratings, moderation and learning evidence in an agency's Section 11 return.
  case updateSection11(agency: String, cycle: String, [Section11Change])
  /// Escalates an action, records the reply, or corrects or removes its latest escalation.
  case changeEscalations(ActionReference, EscalationChange)
  /// Revises the timetable of review steps or the publication checklist.
  case reviseTimetable([TimetableRevision])
  /// Adds a name to the partnership's privacy list or takes one off.
  case changePrivacy(PrivacyChange)
}

/// Another record that refers to one being removed, and the field that does.
public struct RecordReferrer: Equatable, Sendable, CustomStringConvertible {
  /// The record that refers.
  public var record: RecordReference
  /// The field of that record that holds the reference, such as `owner`.
  public var field: String

  /// The referrer as a message names it: the record, then the field in brackets.
  public var description: String { "\(record.title) (\(field))" }
}

/// Why a change was refused. Nothing was changed.
public enum ChangeRefusal: Error, Equatable, Sendable, CustomStringConvertible {
  /// A new record's ID is not an identifier (`Identifier.problem`).
  case invalidIdentifier(RecordReference, id: String, problem: String)
  case alreadyExists(RecordReference)
  /// No such record; `suggestion` is the nearest one of its kind.
  case notFound(RecordReference, suggestion: String?)
  /// The record is still referred to; every reference is listed.
  case stillReferenced(RecordReference, by: [RecordReferrer])
  /// The record, as changed, breaks a domain rule (including unknown references, with the
  /// nearest known ID).
  case breaksRule(RecordReference, RuleViolation)
  /// A governed change (placing or lifting an embargo) cannot be made as asked.
  case governed(RecordReference, GovernedChangeError)

  /// The refusal as the user reads it: the record, and what stopped the change.
  public var description: String {
    switch self {
    case .invalidIdentifier(let record, let id, let problem):
      "the ID \"\(id)\" of \(record.kind) \(record) \(problem)"
    case .alreadyExists(let record):
      "\(record.title) already exists"
    case .notFound(let record, let suggestion):
      "there is no \(record.title.hasPrefix("the ") ? String(record.title.dropFirst(4)) : record.title)"
        + (suggestion.map { "; did you mean \($0)?" } ?? "")
    case .stillReferenced(let record, let referrers):
      "\(record.title) is still referred to by " + referrers.map(\.description).joined(separator: ", ")
        + "; nothing was changed"
    case .governed(_, let error):
      error.description
    case .breaksRule(let record, let violation):
      "\(record.title): \(violation.field): \(violation.message)"
        + (violation.suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
    }
  }
}
