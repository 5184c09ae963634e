/// An activity that spreads a review's learning: a 7-minute briefing, a roadshow, training...
public struct Dissemination: Codable, Equatable, Sendable {
  public var id: String
  /// The planned day, or the day it was delivered.
  public var date: CalendarDay
  public var status: DisseminationStatus
  /// A method from the store's `disseminationMethods` catalogue.
  public var method: String
  public var title: String
  @DefaultEmpty public var reviews: [String]
  @DefaultEmpty public var themes: [String]
  /// The agencies whose practitioners it reached (or is meant to reach).
  @DefaultEmpty public var audience: [String]
  /// How many practitioners it reached, once delivered.
  public var reach: Int?
  public var note: String?

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
public struct Section11Return: Codable, Equatable, Sendable {
  public var agency: String
  /// The cycle's name, such as `2025-26`.
  public var cycle: String
  public var due: CalendarDay
  public var submitted: CalendarDay?
  @DefaultEmpty public var ratings: [Section11StandardRating]
  @DefaultEmpty public var learning: [Section11Learning]

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
public struct Section11StandardRating: Codable, Equatable, Sendable {
  public var standard: String
  public var `self`: Section11Rating
  public var moderated: Section11Rating?
  public var evidence: String?

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
public struct Section11Learning: Codable, Equatable, Sendable {
  public var review: String
  public var disseminated: String?
  public var implemented: String?
  public var evidence: [String]?

  public init(
    review: String, disseminated: String? = nil, implemented: String? = nil, evidence: [String]? = nil
  ) {
    self.review = review
    self.disseminated = disseminated
    self.implemented = implemented
    self.evidence = evidence
  }
}
