/// Why a review's findings and recommendations must not yet reach practitioners or the public.
public enum WithheldReason: Equatable, Sendable, CustomStringConvertible {
  /// A review of a kind that is published (LCSPR, thematic review, SAR, DHR) before its published day.
  case inProgress
  /// Under embargo, with the reason and the day it began.
  case embargoed(reason: String, since: CalendarDay)

  /// "in progress: not yet published" or "under embargo since 2026-03-01: criminal proceedings".
  public var description: String {
    switch self {
    case .inProgress: "in progress: not yet published"
    case .embargoed(let reason, let since): "under embargo since \(since): \(reason)"
    }
  }
}

extension ReviewKind {
  /// Kinds whose report the partnership (or the board that commissioned it) publishes: their
  /// learning is shared once the report is published.
  public var isPublished: Bool {
    switch self {
    case .lcspr, .thematicReview, .safeguardingAdultReview, .domesticHomicideReview: true
    default: false
    }
  }
}

extension Review {
  /// Why the review's findings and recommendations cannot be shared at the end of `day`, or `nil`
  /// when they can. An embargo holds for every kind; a published kind is in progress until its
  /// published day. A Rapid Review's immediate learning is shareable unless under embargo.
  public func withheld(on day: CalendarDay) -> WithheldReason? {
    if let embargo, embargo.holds(on: day) { return .embargoed(reason: embargo.reason, since: embargo.since) }
    if kind.isPublished, dates.published.map({ $0 > day }) ?? true { return .inProgress }
    return nil
  }

  /// The body that commissioned the review: `commissionedBy` when recorded, else the one its kind
  /// implies (a Safeguarding Adults Board for a SAR, a Community Safety Partnership for a DHR, the
  /// National Panel for a national review), else the partnership itself.
  public func commissioningBody(partnership: String) -> String {
    if let commissionedBy, !commissionedBy.trimmingSpaces.isEmpty { return commissionedBy }
    switch kind {
    case .safeguardingAdultReview: return "the Safeguarding Adults Board"
    case .domesticHomicideReview: return "the Community Safety Partnership"
    case .nationalReview: return "the Child Safeguarding Practice Review Panel"
    default: return partnership
    }
  }
}

extension Tracker {
  /// The reviews whose findings and recommendations are withheld at the end of `day`, in store order.
  public func withheldReviews(on day: CalendarDay) -> [(review: Review, reason: WithheldReason)] {
    reviews.compactMap { review in review.withheld(on: day).map { (review, $0) } }
  }
}
