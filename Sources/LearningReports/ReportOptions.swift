import Foundation
import LearningModel

/// What every report is asked for: the as-of day and the filters.
public struct ReportOptions: Hashable, Sendable {
  /// The day the derived state is for.
  public var asOf: CalendarDay
  /// Only actions this agency owns (and recommendations addressed to it).
  public var agency: String?
  /// Only this review.
  public var review: String?
  /// For progress: what changed since this day.
  public var since: CalendarDay?
  /// The reporting year, by the calendar year it starts in.
  public var year: Int?
  /// Only this theme: actions and recommendations tagged with it, or belonging to a review that
  /// carries it.
  public var theme: String?
  /// For Section 11: the cycle (such as 2025-26); the latest when absent.
  public var cycle: String?
  /// For learning that comes back: the least similarity that counts as a repeat.
  public var threshold: Double?
  /// For repeats: how many closest earlier recommendations to keep for each.
  public var matches: Int?
  /// For reports meant for publication: include a review in progress or under embargo.
  public var includeUnpublished = false
  /// For progress: append the full tables after a page break.
  public var detail = false
  /// For progress: the meeting the board paper goes to, over the partnership's setting.
  public var meeting: String?
  /// For progress: the board paper's author, over the partnership's setting.
  public var author: String?
  /// For progress: the board paper's protective marking, over the partnership's setting.
  public var marking: String?

  /// Options for the day `asOf`, with any filters.
  public init(
    asOf: CalendarDay, agency: String? = nil, review: String? = nil, since: CalendarDay? = nil,
    year: Int? = nil, theme: String? = nil, cycle: String? = nil, threshold: Double? = nil
  ) {
    self.asOf = asOf
    self.agency = agency
    self.review = review
    self.since = since
    self.year = year
    self.theme = theme
    self.cycle = cycle
    self.threshold = threshold
  }
}

/// One action as reports list it: its full reference and what a reader needs to act on it.
public struct ActionLine: Encodable, Equatable, Sendable {
  /// The action's full reference, `REVIEW/ACTION`.
  public var reference: String
  /// The review's ID.
  public var review: String
  /// The review's title (its pseudonym).
  public var reviewTitle: String
  /// The recommendation's full reference, `REVIEW/REC`.
  public var recommendation: String
  /// The recommendation's text.
  public var recommendationText: String
  /// What the action will do.
  public var description: String
  /// The owning agency's ID.
  public var owner: String
  /// The owning agency's name.
  public var ownerName: String
  /// The other agencies that own the action jointly; absent when none.
  public var jointOwners: [String]?
  /// Their names, in the same order.
  public var jointOwnerNames: [String]?
  /// The role that leads the action.
  public var lead: String?
  /// The status on the as-of day.
  public var status: ActionStatus
  /// The day the action was agreed.
  public var agreed: CalendarDay?
  /// The due day first agreed (a day, a month, or not yet set).
  public var originalDue: PlannedDue
  /// The due day on the as-of day, after any revision.
  public var due: PlannedDue
  /// How many revisions moved the due day.
  public var slips: Int
  /// By how many days in all the revisions moved it.
  public var slipDays: Int
  /// Days past the due day; 0 when not overdue.
  public var daysOverdue: Int
  /// The BRAG rating; nil for a withdrawn action.
  public var brag: BRAG?
  /// The day it was completed, if it was.
  public var completedOn: CalendarDay?
  /// The day of its last update on or before the as-of day.
  public var lastUpdate: CalendarDay?
  /// The note of that update.
  public var lastUpdateNote: String?
  /// Days from the last update (or agreed day) to the as-of day.
  public var daysSinceLastHeard: Int?
  /// A new due day the owning agency asked for, awaiting the partnership's decision.
  public var pendingRequest: DueRequest?
  /// The owning agency's latest rating of its own progress, when it gave one.
  public var reported: BRAG?
  /// The escalation on the as-of day, kept apart from the line: few actions are escalated, and a
  /// list may hold hundreds of thousands of lines (it would add a quarter to each).
  private var escalated: EscalationOnTheDay?

  /// The action's escalation on the as-of day (the latest made), with its reply if one came by then.
  public var escalation: Escalation? { escalated?.escalation }
  /// The name of that escalation's level ("Chair's letter").
  public var escalationLevel: String? { escalated?.level }
  /// Whether the escalation's reply is late on the as-of day.
  public var escalationReplyOverdue: Bool? { escalated?.isReplyOverdue }

  /// An escalation as a line shows it: the escalation, its level's name and whether its reply is late.
  private final class EscalationOnTheDay: Equatable, Sendable {
    let escalation: Escalation
    let level: String
    let isReplyOverdue: Bool

    init(_ escalation: Escalation, level: String, isReplyOverdue: Bool) {
      self.escalation = escalation
      self.level = level
      self.isReplyOverdue = isReplyOverdue
    }

    static func == (lhs: EscalationOnTheDay, rhs: EscalationOnTheDay) -> Bool {
      lhs.escalation == rhs.escalation && lhs.level == rhs.level && lhs.isReplyOverdue == rhs.isReplyOverdue
    }
  }

  private enum CodingKeys: String, CodingKey {
    case reference, review, reviewTitle, recommendation, recommendationText, description, owner, ownerName
    case jointOwners, jointOwnerNames, lead, status, agreed, originalDue, due, slips, slipDays, daysOverdue
    case brag, completedOn, lastUpdate, lastUpdateNote, daysSinceLastHeard, pendingRequest, reported
    case escalation, escalationLevel, escalationReplyOverdue
  }

  /// The line's fields under their names, those without a value left out.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(reference, forKey: .reference)
    try container.encode(review, forKey: .review)
    try container.encode(reviewTitle, forKey: .reviewTitle)
    try container.encode(recommendation, forKey: .recommendation)
    try container.encode(recommendationText, forKey: .recommendationText)
    try container.encode(description, forKey: .description)
    try container.encode(owner, forKey: .owner)
    try container.encode(ownerName, forKey: .ownerName)
    try container.encodeIfPresent(jointOwners, forKey: .jointOwners)
    try container.encodeIfPresent(jointOwnerNames, forKey: .jointOwnerNames)
    try container.encodeIfPresent(lead, forKey: .lead)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(agreed, forKey: .agreed)
    try container.encode(originalDue, forKey: .originalDue)
    try container.encode(due, forKey: .due)
    try container.encode(slips, forKey: .slips)
    try container.encode(slipDays, forKey: .slipDays)
    try container.encode(daysOverdue, forKey: .daysOverdue)
    try container.encodeIfPresent(brag, forKey: .brag)
    try container.encodeIfPresent(completedOn, forKey: .completedOn)
    try container.encodeIfPresent(lastUpdate, forKey: .lastUpdate)
    try container.encodeIfPresent(lastUpdateNote, forKey: .lastUpdateNote)
    try container.encodeIfPresent(daysSinceLastHeard, forKey: .daysSinceLastHeard)
    try container.encodeIfPresent(pendingRequest, forKey: .pendingRequest)
    try container.encodeIfPresent(reported, forKey: .reported)
    try container.encodeIfPresent(escalation, forKey: .escalation)
    try container.encodeIfPresent(escalationLevel, forKey: .escalationLevel)
    try container.encodeIfPresent(escalationReplyOverdue, forKey: .escalationReplyOverdue)
  }

  /// The escalation in a short line for a table cell: "Chair's letter, 2026-10-27; reply due
  /// 2026-11-10 (late)", or "" when the action was not escalated (to whom is in the CSV and the
  /// board paper).
  public var escalationText: String {
    guard let escalation, let escalationLevel else { return "" }
    var text = "\(escalationLevel), \(escalation.date)"
    if let replied = escalation.replied {
      text += "; replied \(replied)"
    } else {
      text += "; reply due \(escalation.replyBy)" + (escalationReplyOverdue == true ? " (late)" : "")
    }
    return text
  }

  /// Every owning agency: the owner first, then the joint owners.
  public var owners: [String] { [owner] + (jointOwners ?? []) }

  /// The owner's ID with any joint owners: "police + csc".
  public var ownersText: String { owners.joined(separator: " + ") }

  /// The owner's name with any joint owners': "Police, with Children's Social Care".
  public var ownerNamesText: String {
    guard let jointOwnerNames, !jointOwnerNames.isEmpty else { return ownerName }
    return ownerName + ", with " + jointOwnerNames.joined(separator: " and ")
  }

  /// The derived rating with the agency's own beside it when it differs: "Red (agency: Green)".
  public var ratingText: String {
    let derived = brag?.title ?? "Withdrawn"
    guard let reported, reported != brag else { return derived }
    return derived + " (agency: \(reported.title))"
  }

  init(_ placed: PlacedAction, _ state: ActionState, agencies: [String: Agency], settings: Settings) {
    reference = placed.reference.description
    review = placed.review.id
    reviewTitle = placed.review.title
    recommendation = placed.recommendationReference.description
    recommendationText = placed.recommendation.text
    description = placed.action.description
    owner = placed.action.owner
    ownerName = agencies[placed.action.owner]?.name ?? placed.action.owner
    jointOwners = placed.action.jointOwners
    jointOwnerNames = placed.action.jointOwners?.map { agencies[$0]?.name ?? $0 }
    lead = placed.action.lead
    status = state.status
    agreed = placed.action.agreed
    originalDue = state.originalDue
    due = state.due
    slips = state.slips
    slipDays = state.slipDays
    daysOverdue = state.daysOverdue
    brag = state.brag
    completedOn = state.completedOn
    lastUpdate = state.lastUpdate?.date
    lastUpdateNote = state.lastUpdate?.note
    daysSinceLastHeard = state.lastHeard.map { state.asOf.days(since: $0) }
    pendingRequest = state.pendingRequest
    reported = state.reported
    escalated = placed.action.escalation(asOf: state.asOf).map {
      EscalationOnTheDay(
        $0, level: settings.escalationLevelName($0.level), isReplyOverdue: $0.isReplyOverdue(on: state.asOf))
    }
  }
}

/// Counts of actions by BRAG rating, with withdrawn actions apart.
public struct BRAGCounts: Encodable, Equatable, Sendable {
  /// Overdue actions.
  public var red = 0
  /// Actions at risk: due soon, blocked or slipped.
  public var amber = 0
  /// Actions on track or completed.
  public var green = 0
  /// Assured actions.
  public var blue = 0
  /// Withdrawn actions, in no colour.
  public var withdrawn = 0

  /// No actions counted yet.
  public init() {}

  mutating func add(_ rating: BRAG?) {
    switch rating {
    case .red: red += 1
    case .amber: amber += 1
    case .green: green += 1
    case .blue: blue += 1
    case nil: withdrawn += 1
    }
  }

  /// Adds the counts of another set of actions.
  mutating func add(_ other: BRAGCounts) {
    red += other.red
    amber += other.amber
    green += other.green
    blue += other.blue
    withdrawn += other.withdrawn
  }

  /// The count of one rating.
  public func count(_ rating: BRAG) -> Int {
    switch rating {
    case .red: red
    case .amber: amber
    case .green: green
    case .blue: blue
    }
  }

  /// Rated actions (withdrawn left out).
  public var rated: Int { red + amber + green + blue }
}

/// The actions a report covers as of its day, each folded once.
struct ReportScope {
  let tracker: Tracker
  let options: ReportOptions
  let agencies: [String: Agency]
  /// Actions that exist on the as-of day and pass the filters, in store order, each with its
  /// state. Walked in place each time it is read, never held as a list: a report keeps only the
  /// lines it needs, so building one never holds a second copy of every action.
  let actions: ScopedActions

  init(_ tracker: Tracker, _ options: ReportOptions) {
    self.tracker = tracker
    self.options = options
    agencies = Dictionary(tracker.agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    actions = ScopedActions(tracker: tracker, options: options)
  }

  /// Whether a recommendation is in a theme: tagged with it, or of a review that carries it.
  static func carries(_ theme: String, _ review: Review, _ recommendation: Recommendation) -> Bool {
    recommendation.themes.contains(theme) || review.themes.contains(theme)
  }

  /// Reviews in scope (a review filter, else all; with a theme, those that carry it or have a
  /// recommendation tagged with it), in store order.
  var reviews: [Review] {
    tracker.reviews.filter { review in
      if let id = options.review, review.id != id { return false }
      guard let theme = options.theme else { return true }
      return review.themes.contains(theme) || review.recommendations.contains { $0.themes.contains(theme) }
    }
  }

  /// Recommendations in scope: of the reviews in scope and, with an agency filter, addressed to
  /// that agency or answered by an action it owns.
  var recommendations: [(review: Review, recommendation: Recommendation)] {
    reviews.flatMap { review in
      review.recommendations.filter { recommendation in
        if let theme = options.theme, !Self.carries(theme, review, recommendation) { return false }
        guard let agency = options.agency else { return true }
        return recommendation.agencies.contains(agency)
          || recommendation.actions.contains { $0.isOwned(by: agency) }
      }.map { (review, $0) }
    }
  }

  func line(_ entry: (placed: PlacedAction, state: ActionState)) -> ActionLine {
    ActionLine(entry.placed, entry.state, agencies: agencies, settings: tracker.partnership.settings)
  }

  /// "Northshire SCP · as at 2026-11-20 · agency police".
  var subtitle: String {
    var parts = [tracker.partnership.name, "as at \(options.asOf)"]
    if let agency = options.agency { parts.append("agency: \(agencies[agency]?.name ?? agency)") }
    if let review = options.review { parts.append("review: \(review)") }
    if let theme = options.theme {
      parts.append("theme: \(tracker.themes.first { $0.id == theme }?.name ?? theme)")
    }
    return parts.joined(separator: " · ")
  }
}

/// A percentage rounded to a whole number; 0 when there is nothing to divide.
func percent(_ part: Int, of whole: Int) -> Int {
  whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded())
}

/// A text shortened to a number of characters on one line, by the one rule in `String.shortened(to:)`.
func shorten(_ text: String, _ limit: Int) -> String {
  Table.singleLine(text).shortened(to: limit)
}

extension Table.Cell {
  static func rating(_ rating: BRAG?) -> Table.Cell {
    guard let rating else { return Table.Cell("Withdrawn") }
    return Table.Cell(rating.title, rating: rating.rawValue)
  }

  static func number(_ value: Int) -> Table.Cell { Table.Cell(String(value)) }
}

/// The actions of a report's scope, each with its state on the report's day: a sequence that
/// walks the store's reviews, recommendations and actions in place, applying the review, theme
/// and agency filters, and derives each state as it goes.
struct ScopedActions: Sequence {
  let tracker: Tracker
  let options: ReportOptions

  /// Walks the store in its order, reading each record where it lies and making one place per
  /// recommendation, so no review or recommendation is copied for each of its actions.
  struct Iterator: IteratorProtocol {
    let reviews: [Review]
    let options: ReportOptions
    let settings: Settings
    var review = 0
    /// Where the walk stops: the end of the reviews, or of one core's share of them.
    var end: Int
    var recommendation = 0
    var action = 0
    /// The place of the recommendation being walked, once one of its actions is in scope.
    var place: PlacedAction.Place?

    mutating func next() -> (placed: PlacedAction, state: ActionState)? {
      while review < end {
        if let id = options.review, reviews[review].id != id {
          moveToNextReview()
          continue
        }
        guard recommendation < reviews[review].recommendations.count else {
          moveToNextReview()
          continue
        }
        if action == 0, let theme = options.theme,
          !ReportScope.carries(theme, reviews[review], reviews[review].recommendations[recommendation])
        {
          moveToNextRecommendation()
          continue
        }
        guard action < reviews[review].recommendations[recommendation].actions.count else {
          moveToNextRecommendation()
          continue
        }
        let index = action
        action += 1
        let candidate = reviews[review].recommendations[recommendation].actions[index]
        if let agency = options.agency, !candidate.isOwned(by: agency) { continue }
        let state = candidate.state(
          asOf: options.asOf, settings: settings, heardFrom: reviews[review].planDay)
        guard state.exists else { continue }
        let current =
          place
          ?? PlacedAction.Place(
            review: reviews[review], recommendation: reviews[review].recommendations[recommendation])
        place = current
        return (PlacedAction(place: current, action: candidate), state)
      }
      return nil
    }

    /// The actions of the reviews still to walk, whether in scope or not: the most the walk can
    /// still give.
    var actionsAtMost: Int {
      reviews[review..<end].reduce(0) { total, review in
        review.recommendations.reduce(total) { $0 + $1.actions.count }
      }
    }

    private mutating func moveToNextReview() {
      (review, recommendation, action, place) = (review + 1, 0, 0, nil)
    }

    private mutating func moveToNextRecommendation() {
      (recommendation, action, place) = (recommendation + 1, 0, nil)
    }
  }

  func makeIterator() -> Iterator {
    iterator(reviews: tracker.reviews.indices)
  }

  private func iterator(reviews range: Range<Int>) -> Iterator {
    Iterator(
      reviews: tracker.reviews, options: options, settings: tracker.partnership.settings,
      review: range.lowerBound,
      end: range.upperBound)
  }

  /// What `make` gives for each action in scope, in store order, as walking the sequence gives it.
  /// A large store's reviews are shared out among the machine's cores (`Cores`), each share
  /// walked in order; `make` must only read what it is given and what it shares.
  func concurrentMap<Result: Sendable>(
    minimumReviews: Int = 1_000, _ make: @Sendable (PlacedAction, ActionState) -> Result?
  ) -> [Result] {
    let runs = concurrentRuns(minimumReviews: minimumReviews) { walker -> [Result] in
      var made: [Result] = []
      while let (placed, state) = walker.next() {
        if let result = make(placed, state) { made.append(result) }
      }
      return made
    }
    if runs.count == 1 { return runs[0] }
    var all: [Result] = []
    all.reserveCapacity(runs.reduce(0) { $0 + $1.count })
    for run in runs { all.append(contentsOf: run) }
    return all
  }

  /// What `walk` makes of each share of the store's reviews, in store order: the reviews are
  /// shared out among the machine's cores (`Tracker.sharedByReview`), and each share
  /// is walked by its own iterator. The runs are given as made, not joined into one list.
  func concurrentRuns<Run: Sendable>(
    minimumReviews: Int = 1_000, _ walk: @Sendable (inout Iterator) -> Run
  ) -> [Run] {
    tracker.sharedByReview(minimumReviews: minimumReviews) { reviews in
      var walker = iterator(reviews: reviews)
      return walk(&walker)
    }
  }
}
