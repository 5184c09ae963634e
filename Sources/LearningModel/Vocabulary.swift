/// A closed vocabulary: a field whose value must be one of a fixed list of words.
///
/// The store reader refuses any other word with a message that lists the words allowed.
public protocol ClosedVocabulary: RawRepresentable, CaseIterable, Encodable, Hashable, Sendable
where RawValue == String {
  /// What the vocabulary is called in messages ("review kind").
  static var vocabularyName: String { get }
}

extension ClosedVocabulary {
  /// The allowed words, in their declared order, separated by commas.
  public static var allowedWords: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }

  /// Writes the word.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// The kind of review that produced the learning.
public enum ReviewKind: String, ClosedVocabulary {
  case rapidReview, lcspr, nationalReview, thematicReview, multiAgencyAudit
  case safeguardingAdultReview, domesticHomicideReview, mappaReview, childDeathReview, other
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "review kind"

  /// The name a partnership uses in its reports.
  public var title: String {
    switch self {
    case .rapidReview: "Rapid Review"
    case .lcspr: "Local Child Safeguarding Practice Review"
    case .nationalReview: "National review"
    case .thematicReview: "Thematic review"
    case .multiAgencyAudit: "Multi-agency audit"
    case .safeguardingAdultReview: "Safeguarding Adult Review"
    case .domesticHomicideReview: "Domestic Homicide Review"
    case .mappaReview: "MAPPA serious case review"
    case .childDeathReview: "Child death review"
    case .other: "Other review"
    }
  }
}

/// The partnership's response to a recommendation.
public enum RecommendationResponse: String, ClosedVocabulary {
  case pending, accepted, partiallyAccepted, notAccepted
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "recommendation response"

  /// Partially and not accepted recommendations must say why: the partnership publishes the reason.
  public var needsReason: Bool { self == .partiallyAccepted || self == .notAccepted }

  /// The response as reports show it, such as "Partially accepted".
  public var title: String {
    switch self {
    case .pending: "Pending"
    case .accepted: "Accepted"
    case .partiallyAccepted: "Partially accepted"
    case .notAccepted: "Not accepted"
    }
  }
}

/// The status of an action, as set by its updates.
public enum ActionStatus: String, ClosedVocabulary {
  /// No status update yet.
  case notStarted
  case inProgress
  case blocked
  /// Delivered, awaiting assurance.
  case completed
  /// Evidence checked and signed off by the quality-assurance subgroup.
  case assured
  /// Superseded; needs a note.
  case withdrawn
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "action status"

  /// Completed, assured and withdrawn actions are closed; every other status is open.
  public var isClosed: Bool { self == .completed || self == .assured || self == .withdrawn }

  /// The status as reports show it, such as "In progress".
  public var title: String {
    switch self {
    case .notStarted: "Not started"
    case .inProgress: "In progress"
    case .blocked: "Blocked"
    case .completed: "Completed"
    case .assured: "Assured"
    case .withdrawn: "Withdrawn"
    }
  }
}

/// Whether a dissemination activity is planned, has happened, or was cancelled.
public enum DisseminationStatus: String, ClosedVocabulary {
  case planned, delivered, cancelled
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "dissemination status"
}

/// A Section 11 self-assessment rating against one standard.
public enum Section11Rating: String, ClosedVocabulary {
  case met, partiallyMet, notMet
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "Section 11 rating"

  /// Higher is better: met 2, partially met 1, not met 0.
  public var score: Int {
    switch self {
    case .met: 2
    case .partiallyMet: 1
    case .notMet: 0
    }
  }
}

/// The kind of organisation an agency is.
public enum AgencyKind: String, ClosedVocabulary {
  case localAuthority, police, health, education, probation, voluntary, other
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "agency kind"
}
