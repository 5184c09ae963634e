/// The address of an action, `REVIEW/ACTION` (`LCSPR-2025-02/1.1`).
public struct ActionReference: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The review's ID.
  public var review: String
  /// The action's ID, unique within the review, such as `1.1`.
  public var action: String

  /// The address of action `action` in review `review`.
  public init(review: String, action: String) {
    self.review = review
    self.action = action
  }

  /// Parses `REVIEW/ACTION`; `nil` without exactly one slash or with an empty part.
  public init?(_ text: String) {
    guard let (review, action) = splitReviewReference(text) else { return nil }
    self.init(review: review, action: action)
  }

  /// The reference as written: `REVIEW/ACTION`.
  public var description: String { review + "/" + action }

  /// Orders by review ID, then by action ID compared as dotted numbers (1.2 before 1.10).
  public static func < (lhs: ActionReference, rhs: ActionReference) -> Bool {
    if lhs.review != rhs.review { return lhs.review < rhs.review }
    return naturalOrder(lhs.action, rhs.action)
  }
}

/// The address of a recommendation, `REVIEW/REC` (`LCSPR-2025-02/R1`).
public struct RecommendationReference: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The review's ID.
  public var review: String
  /// The recommendation's ID, unique in the review, such as `R1`.
  public var recommendation: String

  /// The address of recommendation `recommendation` in review `review`.
  public init(review: String, recommendation: String) {
    self.review = review
    self.recommendation = recommendation
  }

  /// The reference as written: `REVIEW/REC`.
  public var description: String { review + "/" + recommendation }

  /// Orders by review ID, then by recommendation ID with digits compared as numbers (R2 before R10).
  public static func < (lhs: RecommendationReference, rhs: RecommendationReference) -> Bool {
    if lhs.review != rhs.review { return lhs.review < rhs.review }
    return naturalOrder(lhs.recommendation, rhs.recommendation)
  }
}

/// The one rule for a reference to a record inside a review, `REVIEW/ID` (an action
/// `LCSPR-2025-02/1.1`, a finding `RR-2026-01/F1`, a recommendation `LCSPR-2025-02/R1`): exactly one
/// slash, neither part empty. `nil` otherwise. Every reader of such a reference splits it here.
public func splitReviewReference(_ text: String) -> (review: String, id: String)? {
  let parts = text.split(separator: "/", omittingEmptySubsequences: false)
  guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
  return (String(parts[0]), String(parts[1]))
}

/// Compares two IDs so that runs of digits compare as numbers (`R2` before `R10`, `1.2` before `1.10`);
/// equal-looking IDs fall back to plain string order, so the order is total.
public func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
  // IDs are ASCII in practice: compared byte by byte, in the same order as by character.
  if let ordered = lhs.utf8.withContiguousStorageIfAvailable({ left in
    rhs.utf8.withContiguousStorageIfAvailable { right in asciiNaturalOrder(left, right) } ?? nil
  }) ?? nil {
    return ordered
  }
  return characterNaturalOrder(lhs, rhs)
}

/// `naturalOrder` character by character, for any text.
func characterNaturalOrder(_ lhs: String, _ rhs: String) -> Bool {
  var left = Substring(lhs)
  var right = Substring(rhs)
  while let l = left.first, let r = right.first {
    if l.isASCII && l.isNumber && r.isASCII && r.isNumber {
      let leftDigits = left.prefix { $0.isASCII && $0.isNumber }
      let rightDigits = right.prefix { $0.isASCII && $0.isNumber }
      let leftValue = leftDigits.drop { $0 == "0" }
      let rightValue = rightDigits.drop { $0 == "0" }
      if leftValue.count != rightValue.count { return leftValue.count < rightValue.count }
      if leftValue != rightValue { return leftValue < rightValue }
      left = left.dropFirst(leftDigits.count)
      right = right.dropFirst(rightDigits.count)
    } else {
      if l != r { return l < r }
      left = left.dropFirst()
      right = right.dropFirst()
    }
  }
  if left.isEmpty != right.isEmpty { return left.isEmpty }
  return lhs < rhs
}

/// `naturalOrder` of two ASCII texts without a carriage return (where a character is a byte), or
/// nil for any other text, which is compared character by character.
private func asciiNaturalOrder(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool?
{
  for byte in lhs where byte >= 0x80 || byte == 0x0D { return nil }
  for byte in rhs where byte >= 0x80 || byte == 0x0D { return nil }
  @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
  var left = 0
  var right = 0
  while left < lhs.count, right < rhs.count {
    let l = lhs[left]
    let r = rhs[right]
    if isDigit(l) && isDigit(r) {
      var leftEnd = left
      while leftEnd < lhs.count, isDigit(lhs[leftEnd]) { leftEnd += 1 }
      var rightEnd = right
      while rightEnd < rhs.count, isDigit(rhs[rightEnd]) { rightEnd += 1 }
      var leftValue = left
      while leftValue < leftEnd, lhs[leftValue] == 0x30 { leftValue += 1 }
      var rightValue = right
      while rightValue < rightEnd, rhs[rightValue] == 0x30 { rightValue += 1 }
      if leftEnd - leftValue != rightEnd - rightValue { return leftEnd - leftValue < rightEnd - rightValue }
      while leftValue < leftEnd {
        if lhs[leftValue] != rhs[rightValue] { return lhs[leftValue] < rhs[rightValue] }
        leftValue += 1
        rightValue += 1
      }
      left = leftEnd
      right = rightEnd
    } else {
      if l != r { return l < r }
      left += 1
      right += 1
    }
  }
  if (left == lhs.count) != (right == rhs.count) { return left == lhs.count }
  return lhs.lexicographicallyPrecedes(rhs)
}

/// An action together with where it sits: its review and recommendation. Copying one costs a
/// reference count, not a copy of every field of the review, the recommendation and the action: a
/// report walks hundreds of thousands of them.
public struct PlacedAction: Sendable {
  /// Where actions stand: a review and one of its recommendations, held once and shared by every
  /// action that answers the recommendation.
  public final class Place: Sendable {
    /// The review.
    public let review: Review
    /// The recommendation of the review.
    public let recommendation: Recommendation

    /// The review and recommendation that actions answer.
    public init(review: Review, recommendation: Recommendation) {
      self.review = review
      self.recommendation = recommendation
    }
  }

  @usableFromInline
  final class Storage: Sendable {
    @usableFromInline let place: Place
    @usableFromInline let action: Action

    @usableFromInline
    init(place: Place, action: Action) {
      self.place = place
      self.action = action
    }
  }

  @usableFromInline let storage: Storage

  // The accessors are inlinable so that a report reading `placed.action.owner` reads the field
  // where it lies; a call across modules would hand back a copy of the whole record.

  /// The review and recommendation the action answers.
  @inlinable public var place: Place { storage.place }
  /// The review the action belongs to.
  @inlinable public var review: Review { _read { yield storage.place.review } }
  /// The recommendation the action answers.
  @inlinable public var recommendation: Recommendation { _read { yield storage.place.recommendation } }
  /// The action as the store holds it.
  @inlinable public var action: Action { _read { yield storage.action } }

  /// An action where it stands in the store.
  public init(review: Review, recommendation: Recommendation, action: Action) {
    storage = Storage(place: Place(review: review, recommendation: recommendation), action: action)
  }

  /// An action of a place already made for its recommendation.
  public init(place: Place, action: Action) {
    storage = Storage(place: place, action: action)
  }

  /// The action's state as of `day`, an undated action never updated heard of from its review's
  /// day.
  public func state(asOf day: CalendarDay, settings: Settings) -> ActionState {
    action.state(asOf: day, settings: settings, heardFrom: review.planDay)
  }

  /// The action's state on `earlier` and on `day`, in one pass over its log, heard of from its
  /// review's day as `state(asOf:settings:)` is.
  public func states(on earlier: CalendarDay, and day: CalendarDay, settings: Settings)
    -> (earlier: ActionState, day: ActionState)
  {
    action.states(on: earlier, and: day, settings: settings, heardFrom: review.planDay)
  }

  /// The action's reference, `REVIEW/ACTION`.
  public var reference: ActionReference { ActionReference(review: review.id, action: action.id) }
  /// The address of the recommendation the action answers, `REVIEW/REC`.
  public var recommendationReference: RecommendationReference {
    RecommendationReference(review: review.id, recommendation: recommendation.id)
  }
}

extension Tracker {
  /// Every action with its review and recommendation, in store order.
  public var placedActions: [PlacedAction] {
    var result: [PlacedAction] = []
    forEachPlacedAction(ofReviews: reviews.indices) { result.append($0) }
    return result
  }

  /// Each action of the reviews in `range`, placed, in store order; one place is made per
  /// recommendation and shared by its actions.
  public func forEachPlacedAction(ofReviews range: Range<Int>, _ body: (PlacedAction) throws -> Void) rethrows
  {
    for review in reviews[range] {
      for recommendation in review.recommendations where !recommendation.actions.isEmpty {
        let place = PlacedAction.Place(review: review, recommendation: recommendation)
        for action in recommendation.actions {
          try body(PlacedAction(place: place, action: action))
        }
      }
    }
  }

  /// What `make` gives for each share of the store's reviews, in store order: the reviews are
  /// shared out among the machine's cores (`Cores`) when there are at least `minimumReviews`.
  public func sharedByReview<Part: Sendable>(
    minimumReviews: Int = 1_000, _ make: @Sendable (Range<Int>) -> Part
  ) -> [Part] {
    Cores.map(reviews.count, runs: Cores.runs(for: reviews.count, minimum: minimumReviews), make)
  }

  /// The position of a review in `reviews`.
  public func reviewIndex(_ id: String) -> Int? {
    reviews.firstIndex { $0.id == id }
  }

  /// The positions of an action: review, recommendation and action indexes.
  public func actionIndex(_ reference: ActionReference) -> (review: Int, recommendation: Int, action: Int)? {
    guard let r = reviewIndex(reference.review) else { return nil }
    for (m, recommendation) in reviews[r].recommendations.enumerated() {
      if let a = recommendation.actions.firstIndex(where: { $0.id == reference.action }) {
        return (r, m, a)
      }
    }
    return nil
  }

  /// The agency with the given ID.
  public func agency(_ id: String) -> Agency? {
    agencies.first { $0.id == id }
  }

  /// The agency's name, or its ID when it is not in the store.
  public func agencyName(_ id: String) -> String {
    agency(id)?.name ?? id
  }
}
