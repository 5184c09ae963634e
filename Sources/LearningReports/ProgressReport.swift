import LearningModel

/// The executive board's progress summary: headline counts, BRAG, progress by review and by
/// agency, responses to recommendations, what changed since the last meeting, and every red action.
public struct ProgressReport: Report, Equatable {
  /// The headline counts on the report's day, for the reviews and actions in scope.
  public struct Headline: Encodable, Equatable, Sendable {
    /// Reviews in scope.
    public var reviews = 0
    /// Reviews with at least one open action.
    public var reviewsWithOpenActions = 0
    /// Recommendations in scope.
    public var recommendations = 0
    /// Actions in scope.
    public var actions = 0
    /// Actions open on the report's day.
    public var open = 0
    /// Actions closed (completed or assured) on the report's day.
    public var closed = 0
    /// Actions whose derived status is overdue on the report's day.
    public var overdue = 0
    /// Open actions not overdue and due within the due-soon window of the settings.
    public var dueSoon = 0
    /// Open actions with no update for longer than the settings allow.
    public var stale = 0
    /// Actions whose due day has been moved later at least once.
    public var slipped = 0
    /// Actions whose owning agency's latest rating is better than the derived one.
    public var reportedBetter = 0
  }

  /// One review's or one agency's progress.
  public struct GroupRow: Encodable, Equatable, Sendable {
    /// The review's or agency's ID.
    public var id: String
    /// The review's title, or the agency's name (its ID when the agency list has none).
    public var name: String
    /// Actions of the review, or owned by the agency, in scope.
    public var actions = 0
    /// Completed or assured.
    public var closed = 0
    /// Closed as a share of actions that are not withdrawn, in whole per cent.
    public var percentClosed = 0
    /// Of those, actions overdue on the report's day.
    public var overdue = 0
    /// Of those, actions whose due day has been moved later at least once.
    public var slipped = 0
    /// Completed or assured on or before the original due day.
    public var completedOnTime = 0
    /// Of those, actions by BRAG rating on the report's day.
    public var brag = BRAGCounts()
  }

  /// How many recommendations in scope have one response.
  public struct ResponseCount: Encodable, Equatable, Sendable {
    /// The response.
    public var response: RecommendationResponse
    /// Recommendations in scope with that response.
    public var count: Int
  }

  /// What changed between `since` and the as-of day.
  public struct Changes: Encodable, Equatable, Sendable {
    /// The day changes are counted from.
    public var since: CalendarDay
    /// Actions by BRAG rating on `since` (those that existed then).
    public var bragThen = BRAGCounts()
    /// Actions closed since then, and not already closed then.
    public var closed: [ActionLine] = []
    /// Actions overdue now, and not overdue then.
    public var newlyOverdue: [ActionLine] = []
    /// Actions whose due day has been moved later since then.
    public var newlySlipped: [ActionLine] = []
    /// Actions that did not exist then.
    public var newlyAgreed: [ActionLine] = []
  }

  /// The share of actions closed at one month end.
  public struct MonthPoint: Encodable, Equatable, Sendable {
    /// The last day of the month.
    public var monthEnd: CalendarDay
    /// Actions that existed and were not withdrawn.
    public var actions: Int
    /// Of those, actions completed or assured by then.
    public var closed: Int
    /// Closed as a share of those actions, in whole per cent.
    public var percentClosed: Int
    /// Actions withdrawn by then, left out of the percentage.
    public var withdrawn = 0
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for.
  public var asOf: CalendarDay
  /// The agency the report is limited to, if any.
  public var agency: String?
  /// The review the report is limited to, if any.
  public var review: String?
  /// The headline counts.
  public var headline = Headline()
  /// Actions in scope by BRAG rating on the report's day.
  public var brag = BRAGCounts()
  /// Progress by review, in the order of the review list.
  public var byReview: [GroupRow] = []
  /// Progress by owning agency, in the order of the agency list; owners not in it after, by ID.
  public var byAgency: [GroupRow] = []
  /// Recommendations in scope by response, every response listed.
  public var responses: [ResponseCount] = []
  /// What changed since the `--since` day; absent without one.
  public var changes: Changes?
  /// Actions rated red on the report's day, most days overdue first.
  public var redActions: [ActionLine] = []
  /// Actions whose owning agency rates them better than the rules do, worst derived rating first.
  public var reportedBetter: [ActionLine] = []
  /// The share of actions closed at each of the last 12 month ends, oldest first.
  public var closedByMonth: [MonthPoint] = []
  /// The thresholds the state was derived with.
  public var settings: Settings
  /// Statutory timescales of the reviews in scope, as of the day.
  public var timeliness: [TimelinessReport.Summary] = []
  /// Dissemination delivered up to the day, and the published reviews with none.
  public var disseminationDelivered = 0
  /// Reach of that dissemination: attendance and circulation apart, never added.
  public var disseminationReach = ReachSplit()
  /// Published reviews with no delivered dissemination up to the day.
  public var reviewsWithoutDissemination: [String] = []
  /// Reviews in scope published by the day.
  public var publishedReviews = 0
  /// Actions in scope that meet all four SMART rules, of all actions in scope.
  public var smartActions = 0
  /// Actions in scope checked against the SMART rules.
  public var smartChecked = 0
  /// Whether the board paper is followed by the full tables as an appendix.
  public var detail = false
  /// The reviews in progress and the decisions since the last meeting (`BoardReviewProcess`).
  public var reviewProcess = BoardReviewProcess()
  /// The paper's header block: meeting, author and protective marking.
  public var header = BoardPaperHeader()
  /// Escalations the board hears of on the day: at the highest level, or with the reply late;
  /// the highest level first, then by reference.
  public var escalations: [ActionLine] = []
  var subtitle = ""

  enum CodingKeys: String, CodingKey {
    case partnership, asOf, agency, review, headline, brag, byReview, byAgency, responses, changes,
      redActions, reportedBetter, closedByMonth
    case settings, timeliness, disseminationDelivered, disseminationReach, reviewsWithoutDissemination,
      publishedReviews,
      smartActions, smartChecked, reviewProcess, header, escalations
  }

  /// Builds the report from the store as of `options.asOf`.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> ProgressReport {
    let tracker = cut.tracker
    let scope = ReportScope(tracker, options)
    var report = ProgressReport(
      partnership: tracker.partnership.name, asOf: options.asOf, agency: options.agency,
      review: options.review,
      settings: tracker.partnership.settings)
    report.subtitle = scope.subtitle + (options.since.map { " · changes since \($0)" } ?? "")
    report.reviewProcess = BoardReviewProcess.build(cut, options)

    var reviewRows: [String: GroupRow] = [:]
    var agencyRows: [String: GroupRow] = [:]
    var reviewsWithOpen = Set<String>()
    for entry in scope.actions {
      let state = entry.state
      report.headline.actions += 1
      report.brag.add(state.brag)
      if state.isOpen {
        report.headline.open += 1
        reviewsWithOpen.insert(entry.placed.review.id)
      } else if state.status != .withdrawn {
        report.headline.closed += 1
      }
      if state.isOverdue { report.headline.overdue += 1 }
      if state.isDueSoon { report.headline.dueSoon += 1 }
      if state.isStale { report.headline.stale += 1 }
      if state.hasSlipped { report.headline.slipped += 1 }
      let review = entry.placed.review
      reviewRows[review.id, default: GroupRow(id: review.id, name: review.title)].add(state)
      // A joint action counts for each of its owners.
      for owner in entry.placed.action.owners {
        agencyRows[owner, default: GroupRow(id: owner, name: scope.agencies[owner]?.name ?? owner)].add(state)
      }
      if state.brag == .red { report.redActions.append(scope.line(entry)) }
      if entry.placed.action.escalations != nil {
        let line = scope.line(entry)
        if isForTheBoard(line, settings: tracker.partnership.settings) { report.escalations.append(line) }
      }
      if state.reportedIsBetter {
        report.headline.reportedBetter += 1
        report.reportedBetter.append(scope.line(entry))
      }
    }
    report.headline.reviews = scope.reviews.count
    report.headline.reviewsWithOpenActions = reviewsWithOpen.count
    let recommendations = scope.recommendations
    report.headline.recommendations = recommendations.count
    report.byReview = scope.reviews.compactMap { reviewRows[$0.id] }.map { $0.finished() }
    report.byAgency = tracker.agencies.compactMap { agencyRows[$0.id] }.map { $0.finished() }
    // Owners not in the agency list (the validator reports them) still count, after the others.
    let known = Set(tracker.agencies.map(\.id))
    report.byAgency += agencyRows.values.filter { !known.contains($0.id) }.sorted { $0.id < $1.id }.map {
      $0.finished()
    }
    report.responses = RecommendationResponse.allCases.map { response in
      ResponseCount(
        response: response, count: recommendations.filter { $0.recommendation.response == response }.count)
    }
    sortLines(&report.redActions, reference: { $0.reference }, rank: { -$0.daysOverdue })
    sortLines(&report.reportedBetter, reference: { $0.reference }, rank: { -($0.brag?.severity ?? 0) })
    let settings = tracker.partnership.settings
    sortLines(
      &report.escalations, reference: { $0.reference },
      rank: {
        settings.isHighestEscalationLevel($0.escalation?.level ?? "") ? 0 : 1
      })
    report.header = BoardPaperHeader(settings.boardPaper, options)

    if let since = options.since {
      report.changes = changes(scope, since: since)
    }
    report.closedByMonth = closedByMonth(scope)
    report.timeliness =
      TimelinessReport.build(cut, ReportOptions(asOf: options.asOf, review: options.review)).summary
    let dissemination = DisseminationReport.build(
      cut, ReportOptions(asOf: options.asOf, review: options.review))
    report.disseminationDelivered = dissemination.totalDelivered
    report.disseminationReach = dissemination.totalReach
    report.reviewsWithoutDissemination = dissemination.reviewsWithNone
    report.publishedReviews = dissemination.byReview.filter { $0.published != nil }.count
    for entry in scope.actions {
      report.smartChecked += 1
      if SMARTCheck.rate(entry.placed.action, in: entry.placed.recommendation).isSMART {
        report.smartActions += 1
      }
    }
    return report
  }
}

extension ProgressReport.GroupRow {
  mutating func add(_ state: ActionState) {
    actions += 1
    brag.add(state.brag)
    if state.status == .completed || state.status == .assured { closed += 1 }
    if state.isOverdue { overdue += 1 }
    if state.hasSlipped { slipped += 1 }
    if state.completedOnTime { completedOnTime += 1 }
  }

  func finished() -> Self {
    var row = self
    row.percentClosed = percent(closed, of: actions - brag.withdrawn)
    return row
  }
}
