extension Review {
  /// The day a review's learning is dated by: publication, else the Rapid Review, the decision,
  /// the notification or the referral. Reports place reviews in reporting years by it, and
  /// "earlier" learning is learning of a review placed before by it.
  public var learningDay: CalendarDay? {
    dates.published ?? dates.rapidReview ?? dates.decision ?? dates.notified ?? dates.referred
  }

  /// Whether a review dated `day` with ID `id` comes before one dated `otherDay` with `otherID` in
  /// the order of learning: by day, an undated review after every dated one, ties by ID.
  public static func learnsBefore(
    _ day: CalendarDay?, _ id: String, _ otherDay: CalendarDay?, _ otherID: String
  ) -> Bool {
    switch (day, otherDay) {
    case let (x?, y?) where x != y: x < y
    case (.some, nil): true
    case (nil, .some): false
    default: naturalOrder(id, otherID)
    }
  }
}

extension Tracker {
  /// The positions of the store's reviews in the order of learning (`Review.learnsBefore`): by
  /// learning day, undated last, ties by ID in natural order, equal IDs in store order. Each
  /// review's day and ID are read once, so a store with many reviews on one day sorts as fast.
  public func reviewsInLearningOrder() -> [Int] {
    let days = reviews.map(\.learningDay)
    let ids = reviews.map(\.id)
    return reviews.indices.sorted { left, right in
      if days[left] == days[right], ids[left] == ids[right] { return left < right }
      return Review.learnsBefore(days[left], ids[left], days[right], ids[right])
    }
  }
}

/// The findings of a store in the order of learning, with each one's closest earlier findings of
/// other reviews by `RarityWeightedSimilarity` and the earlier finding it is recorded to repeat.
///
/// The seeds' first worry is learning found again (Kent: "both repeated learning and new
/// learning"; North Somerset 1.4.1, "recurrent themes"). A recorded `repeats` link is confirmed;
/// a similarity match only suggests one. Never compares every pair: the similarity index is the one
/// `report repeats` uses for recommendations.
public struct FindingRepeats: Sendable {
  /// One finding, placed.
  public struct Entry: Sendable {
    /// `REVIEW/F1`.
    public var reference: String
    /// The review's position in the store.
    public var review: Int
    /// The finding's position in its review.
    public var finding: Int
    /// The review's learning day.
    public var day: CalendarDay?
    /// The finding's words.
    public var words: [TextSimilarity.Word]
  }

  /// Every finding of a review dated on or before the day (and of undated reviews), earliest first.
  public var entries: [Entry] = []
  /// Each entry's closest earlier findings from other reviews, closest first.
  public var closest: [[RarityWeightedSimilarity.Match]] = []
  /// Each entry's recorded earlier finding (a position in `entries`), when it has one.
  public var recorded: [Int?] = []
  /// The position of each finding reference in `entries`.
  public var position: [String: Int] = [:]

  /// The findings of `tracker`'s reviews dated on or before `asOf` (all when nil), compared.
  public init(_ tracker: Tracker, asOf: CalendarDay? = nil, threshold: Double, limit: Int) {
    var texts: [String] = []
    // Reviews are put in the order of learning once; their findings follow in their own order.
    for reviewIndex in tracker.reviewsInLearningOrder() {
      let review = tracker.reviews[reviewIndex]
      let day = review.learningDay
      if let day, let asOf, day > asOf { continue }
      for (index, finding) in review.findings.enumerated() {
        entries.append(
          Entry(
            reference: "\(review.id)/\(finding.id)", review: reviewIndex, finding: index, day: day,
            words: []))
        texts.append(finding.text)
      }
    }
    for (index, words) in TextSimilarity.words(of: texts).enumerated() { entries[index].words = words }
    for (index, entry) in entries.enumerated() { position[entry.reference] = index }
    let similarity = RarityWeightedSimilarity(texts: entries.map { $0.words.map(\.stem) })
    closest = similarity.closestEarlier(sources: entries.map(\.review), threshold: threshold, limit: limit)
    recorded = entries.map { entry in
      guard let link = tracker.reviews[entry.review].findings[entry.finding].repeats,
        let earlier = position[link], earlier < position[entry.reference] ?? 0
      else { return nil }
      return earlier
    }
  }

  /// The finding an entry repeats: its recorded link (confirmed), else its closest earlier match
  /// (suggested), else none.
  public func parent(of index: Int) -> (earlier: Int, confirmed: Bool, similarity: Double?)? {
    if let earlier = recorded[index] {
      return (earlier, true, closest[index].first { $0.earlier == earlier }?.similarity)
    }
    return closest[index].first.map { ($0.earlier, false, $0.similarity) }
  }
}

extension DomainRules {
  /// A finding's `repeats` link: a finding of another review that comes before the finding's own
  /// (by learning day, ties by review ID).
  public static func repeatsViolations(
    of finding: Finding, review: String, known: KnownIdentifiers
  ) -> [RuleViolation] {
    guard let link = finding.repeats else { return [] }
    let reference = "\(review)/\(finding.id)"
    guard let (earlierReview, _) = splitReviewReference(link) else {
      return [
        RuleViolation(
          check: .references, field: "repeats", value: link,
          message: "finding \(reference) repeats \"\(link)\", which is not a finding reference",
          hint: "give the earlier finding as REVIEW/FINDING, such as LCSPR-2023-05/F1")
      ]
    }
    guard known.findings.contains(link) else {
      return [
        RuleViolation(
          check: .references, field: "repeats", value: link,
          message: "finding \(reference) repeats \(link), which is not a finding in the store",
          hint: "name an earlier review's finding, such as LCSPR-2023-05/F1")
      ]
    }
    let own = known.reviewDays[review] ?? nil
    let other = known.reviewDays[earlierReview] ?? nil
    if earlierReview == review || !Review.learnsBefore(other, earlierReview, own, review) {
      return [
        RuleViolation(
          check: .references, field: "repeats", value: link,
          message:
            "finding \(reference) (\(own?.description ?? "undated")) repeats \(link) (\(other?.description ?? "undated")), which is not earlier",
          hint: "a finding can repeat only a finding of an earlier review")
      ]
    }
    return []
  }
}
