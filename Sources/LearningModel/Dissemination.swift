/// An activity that spreads a review's learning: a 7-minute briefing, a roadshow, training...
public struct Dissemination: Encodable, Equatable, Sendable {
  /// Unique among disseminations.
  public var id: String
  /// The planned day, or the day it was delivered.
  public var date: CalendarDay
  /// Planned, delivered or cancelled.
  public var status: DisseminationStatus
  /// A method from the store's `disseminationMethods` catalogue.
  public var method: String
  /// The activity's title.
  public var title: String
  /// The reviews whose learning it covers.
  @DefaultEmpty public var reviews: [String]
  /// The themes it covers, from the store's `themes` catalogue.
  @DefaultEmpty public var themes: [String]
  /// The agencies whose practitioners it reached (or is meant to reach).
  @DefaultEmpty public var audience: [String]
  /// How many practitioners it reached, once delivered.
  public var reach: Int?
  /// An evaluation, or why it was cancelled.
  public var note: String?
  /// How many practitioners of each agency it reached, once delivered (each agency once).
  public var reachByAgency: [AgencyReach]?
  /// What the practitioners who answered its evaluation said, once delivered.
  public var evaluation: DisseminationEvaluation?
  /// Evidence, weeks later, that practice changed.
  public var followUp: DisseminationFollowUp?

  /// An activity with the given fields.
  public init(
    id: String, date: CalendarDay, status: DisseminationStatus, method: String, title: String,
    reviews: [String] = [], themes: [String] = [], audience: [String] = [], reach: Int? = nil,
    note: String? = nil
  ) {
    self.id = id
    self.date = date
    self.status = status
    self.method = method
    self.title = title
    self.reviews = reviews
    self.themes = themes
    self.audience = audience
    self.reach = reach
    self.note = note
  }
}

/// An agency's Section 11 self-assessment return for one cycle (Children Act 2004, s11).
public struct Section11Return: Encodable, Equatable, Sendable {
  /// The ID of the agency making the return.
  public var agency: String
  /// The cycle's name, such as `2025-26`.
  public var cycle: String
  /// The day the return is due.
  public var due: CalendarDay
  /// The day it was submitted; absent until it is.
  public var submitted: CalendarDay?
  /// The agency's rating against each standard, each standard once.
  @DefaultEmpty public var ratings: [Section11StandardRating]
  /// How the agency embedded the learning of each review.
  @DefaultEmpty public var learning: [Section11Learning]

  /// A return with the given fields.
  public init(
    agency: String, cycle: String, due: CalendarDay, submitted: CalendarDay? = nil,
    ratings: [Section11StandardRating] = [], learning: [Section11Learning] = []
  ) {
    self.agency = agency
    self.cycle = cycle
    self.due = due
    self.submitted = submitted
    self.ratings = ratings
    self.learning = learning
  }
}

/// An agency's self rating against one Section 11 standard, and the rating after moderation.
public struct Section11StandardRating: Encodable, Equatable, Sendable {
  /// The standard's ID, from the store's `section11Standards` catalogue.
  public var standard: String
  /// The agency's own rating.
  public var `self`: Section11Rating
  /// The rating after moderation; absent until moderated.
  public var moderated: Section11Rating?
  /// What the agency offers as evidence for its rating.
  public var evidence: String?

  /// A rating against `standard`.
  public init(
    standard: String, self rating: Section11Rating, moderated: Section11Rating? = nil, evidence: String? = nil
  ) {
    self.standard = standard
    self.`self` = rating
    self.moderated = moderated
    self.evidence = evidence
  }
}

/// How an agency says it disseminated and implemented one review's learning.
public struct Section11Learning: Encodable, Equatable, Sendable {
  /// The review's ID.
  public var review: String
  /// How the agency disseminated the review's learning.
  public var disseminated: String?
  /// How the agency put the learning into practice.
  public var implemented: String?
  /// Titles of evidence for it.
  public var evidence: [String]?

  /// The learning of `review` as the agency describes it.
  public init(
    review: String, disseminated: String? = nil, implemented: String? = nil, evidence: [String]? = nil
  ) {
    self.review = review
    self.disseminated = disseminated
    self.implemented = implemented
    self.evidence = evidence
  }
}

/// Whether a dissemination method's reach counts people who took part (briefings, training,
/// events) or copies sent out (newsletters, emails). The two are never added together: a
/// newsletter read by some of 900 recipients is not 900 practitioners trained.
public enum DisseminationReach: String, ClosedVocabulary {
  case attendance, circulation
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "dissemination reach"

  /// The kind as reports head its column: "Attended" or "Circulated".
  public var title: String {
    switch self {
    case .attendance: "Attended"
    case .circulation: "Circulated"
    }
  }
}

/// Reach kept apart by kind: people who attended, copies circulated, and the reach of methods
/// whose kind the catalogue does not say.
public struct ReachSplit: Encodable, Equatable, Sendable {
  /// People who attended activities of methods that count attendance.
  public var attended = 0
  /// Copies circulated by methods that count circulation.
  public var circulated = 0
  /// Reach of methods with no `reach` kind in the catalogue (and not in the default catalogue).
  public var unclassified = 0

  /// Reach with the given counts.
  public init(attended: Int = 0, circulated: Int = 0, unclassified: Int = 0) {
    self.attended = attended
    self.circulated = circulated
    self.unclassified = unclassified
  }

  /// Adds an activity's reach under its kind.
  public mutating func add(_ reach: Int, as kind: DisseminationReach?) {
    switch kind {
    case .attendance: attended += reach
    case .circulation: circulated += reach
    case nil: unclassified += reach
    }
  }
}

extension Tracker {
  /// The kinds of reach of the store's dissemination methods: the catalogue entry's own `reach`,
  /// else the default catalogue's for the same ID; methods with neither are left out.
  public var reachKinds: [String: DisseminationReach] {
    var kinds: [String: DisseminationReach] = [:]
    for entry in DefaultCatalogues.disseminationMethods { kinds[entry.id] = entry.reach }
    for entry in disseminationMethods {
      if let reach = entry.reach { kinds[entry.id] = reach }
    }
    return kinds
  }

  /// The delivered reach of some activities, by kind.
  public func reach(of activities: some Sequence<Dissemination>) -> ReachSplit {
    let kinds = reachKinds
    var split = ReachSplit()
    for activity in activities where activity.status == .delivered {
      split.add(activity.reach ?? 0, as: kinds[activity.method])
    }
    return split
  }
}
