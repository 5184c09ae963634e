/// A closed vocabulary: a field whose value must be one of a fixed list of words.
///
/// The store reader refuses any other word with a message that lists the words allowed.
public protocol ClosedVocabulary: RawRepresentable, CaseIterable, Encodable, Hashable, Sendable
where RawValue == String {
  /// What the vocabulary is called in messages ("review kind").
  static var vocabularyName: String { get }

  /// The word a person wrote, read leniently: the stored word or the word reports show, in any
  /// case, with or without spaces and punctuation ("In progress", "in progress", "inProgress"),
  /// or another word the partnership's spreadsheets use for it; nil when it names none. The one
  /// reader of the vocabulary's words for the command line and the spreadsheet imports alike.
  static func reading(_ text: String) -> Self?
}

/// A word's letters and digits in lower case, so "In progress", "in-progress" and "inProgress" match.
func wordKey(_ text: String) -> String {
  text.lowercased().filter { $0.isLetter || $0.isNumber }
}

/// A cell's or an option's words: lower case, punctuation as spaces, single spaces between.
func spacedWords(_ text: String) -> String {
  String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(
    separator: " ")
}

extension ClosedVocabulary {
  /// The allowed words, in their declared order, separated by commas.
  public static var allowedWords: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }

  /// The stored word in any case, with or without spaces ("Partially met" for `partiallyMet`).
  public static func reading(_ text: String) -> Self? {
    let key = wordKey(text)
    return allCases.first { wordKey($0.rawValue) == key }
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

  /// The kind as lists and reports show it, such as "Local authority".
  public var title: String {
    switch self {
    case .localAuthority: "Local authority"
    case .police: "Police"
    case .health: "Health"
    case .education: "Education"
    case .probation: "Probation"
    case .voluntary: "Voluntary sector"
    case .other: "Other"
    }
  }
}

// MARK: - Words people write

extension ReviewKind {
  /// The short forms partnerships write for each kind, beside its stored word and its title.
  static let otherWords: [ReviewKind: [String]] = [
    .rapidReview: ["rr"], .lcspr: ["cspr", "lcspr"], .nationalReview: ["national", "nationalpanelreview"],
    .thematicReview: ["thematic"], .multiAgencyAudit: ["maa", "audit"],
    .safeguardingAdultReview: ["sar", "safeguardingadultsreview"], .domesticHomicideReview: ["dhr"],
    .mappaReview: ["mappa"], .childDeathReview: ["cdr"],
  ]

  /// The kind a person wrote: its stored word or its title in any case ("lcspr", "LCSPR", "Local
  /// Child Safeguarding Practice Review", "Rapid Review"), or a short form ("SAR", "DHR").
  public static func reading(_ text: String) -> ReviewKind? {
    let key = wordKey(text)
    guard !key.isEmpty else { return nil }
    return allCases.first {
      wordKey($0.rawValue) == key || wordKey($0.title) == key || (otherWords[$0] ?? []).contains(key)
    }
  }
}

extension ActionStatus {
  /// The words plans and people use for each status, beside the status's own name.
  static let otherWords: [(ActionStatus, [String])] = [
    (.notStarted, ["not started", "not yet started", "not begun", "no progress"]),
    (
      .inProgress,
      [
        "in progress", "on track", "ongoing", "on going", "started", "underway", "under way", "progressing",
        "partially achieved", "partially complete", "partially completed", "in hand",
      ]
    ),
    (.blocked, ["blocked", "on hold", "stalled"]),
    (
      .completed,
      [
        "complete", "completed", "fully achieved", "achieved", "done", "finished",
        "completed awaiting evidence",
        "complete awaiting evidence",
      ]
    ),
    (.assured, ["assured", "completed and assured", "complete and assured", "signed off", "evidenced"]),
    (.withdrawn, ["withdrawn", "no longer required", "superseded"]),
  ]

  /// The status a person or a spreadsheet wrote: its name in any case ("In progress", "in
  /// progress", "inProgress"), or a word plans use ("Complete", "Completed.", "Fully achieved", "On
  /// track", "Amber - in progress": a rating before a dash is passed over); nil otherwise.
  public static func reading(_ text: String) -> ActionStatus? {
    let letters = text.lowercased().filter(\.isLetter)
    if let status = allCases.first(where: { $0.rawValue.lowercased() == letters }) { return status }
    let key = spacedWords(text)
    if let found = otherWords.first(where: { $0.1.contains(key) }) { return found.0 }
    // "Amber - in progress", "Green: complete": the words after a rating.
    for separator: Character in ["-", "–", "—", ":", "("] {
      let parts = text.split(separator: separator, maxSplits: 1)
      if parts.count == 2, BRAG.reading(String(parts[0])) != nil {
        return reading(String(parts[1]).replacingOccurrences(of: ")", with: ""))
      }
    }
    return nil
  }
}

extension BRAG {
  /// The rating a person or a spreadsheet wrote: Blue, Red, Amber or Green in any case, its first
  /// letter, or those words first ("Amber - in progress", "Green (complete)"); nil otherwise.
  public static func reading(_ text: String) -> BRAG? {
    let key = spacedWords(text)
    if key.count == 1 { return allCases.first { $0.rawValue.hasPrefix(key) } }
    let first = key.split(separator: " ").first.map(String.init) ?? ""
    return allCases.first { $0.rawValue == first }
  }
}
