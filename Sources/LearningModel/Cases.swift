/// A case: the incident a Rapid Review looks at and every review that `follows` it (the LCSPR it
/// became, a later thematic strand). Figures about incidents, notifications, decisions and
/// recurrence count cases, not records, so one child's case is never counted twice.
public struct CaseIndex: Sendable {
  /// Each review's case: the ID of the review at the root of its `follows` chain.
  public let caseOf: [String: String]
  /// Each case's reviews, in store order.
  public let reviews: [String: [Review]]
  /// Case IDs in the order their first review appears in the store.
  public let order: [String]

  /// The cases of the store's reviews, found by following each review's `follows` chain.
  public init(_ tracker: Tracker) {
    let byID = Dictionary(tracker.reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var caseOf: [String: String] = [:]
    for review in tracker.reviews where caseOf[review.id] == nil {
      // Walk up the chain; a cycle or a dangling `follows` ends the walk where it is.
      var chain = [review.id]
      var seen: Set<String> = [review.id]
      var root = review.id
      while let parent = byID[root]?.follows, byID[parent] != nil, !seen.contains(parent) {
        if let known = caseOf[parent] {
          root = known
          break
        }
        root = parent
        chain.append(parent)
        seen.insert(parent)
      }
      for id in chain { caseOf[id] = root }
    }
    var reviews: [String: [Review]] = [:]
    var order: [String] = []
    for review in tracker.reviews {
      let id = caseOf[review.id] ?? review.id
      if reviews[id] == nil { order.append(id) }
      reviews[id, default: []].append(review)
    }
    self.caseOf = caseOf
    self.reviews = reviews
    self.order = order
  }

  /// The case a review belongs to (the review itself when unknown).
  public func caseID(of review: String) -> String { caseOf[review] ?? review }

  /// A case and the day it reached a stage: the earliest such day among its reviews.
  public struct Dated: Equatable, Sendable {
    /// The case's ID: the ID of the review at the root of its `follows` chain.
    public var caseID: String
    /// The case's reviews, in store order.
    public var reviews: [String]
    /// The earliest day among the case's reviews.
    public var day: CalendarDay
  }

  /// Every case with the earliest day `day` gives among its reviews (cases where none is
  /// recorded are left out), in store order.
  public func earliest(_ day: (Review) -> CalendarDay?) -> [Dated] {
    order.compactMap { id in
      let members = reviews[id] ?? []
      guard let first = members.compactMap(day).min() else { return nil }
      return Dated(caseID: id, reviews: members.map(\.id), day: first)
    }
  }

  /// The day a case first came to the partnership: its earliest notification or referral.
  public static func notifiedOrReferred(_ review: Review) -> CalendarDay? {
    [review.dates.notified, review.dates.referred].compactMap { $0 }.min()
  }
}

/// Where a theme was seen: the case and the reporting year.
public struct ThemeSighting: Hashable, Sendable {
  /// The case's ID: the ID of the review at the root of its `follows` chain.
  public var caseID: String
  /// The reporting year, by the calendar year it starts in.
  public var year: Int

  /// A sighting in case `caseID` in reporting year `year`.
  public init(caseID: String, year: Int) {
    self.caseID = caseID
    self.year = year
  }
}

extension Collection<ThemeSighting> {
  /// The theme recurs in `year`: a case carries it in that year and a different case carried it in an
  /// earlier year. A case's own Rapid Review and LCSPR in different years are not a recurrence.
  public func recurs(in year: Int) -> Bool {
    let now = Set(filter { $0.year == year }.map(\.caseID))
    guard !now.isEmpty else { return false }
    return contains { $0.year < year && !(now.count == 1 && now.contains($0.caseID)) }
  }

  /// The number of distinct cases among the sightings.
  public var caseCount: Int { Set(map(\.caseID)).count }
}
