import LearningModel

/// How learning reached the workforce: activities by method and status, reach by agency, each
/// review's dissemination and how long after publication it first reached practitioners, and the
/// reviews with none.
public struct DisseminationReport: Report, Equatable {
  /// Activities of one method in scope, by status on the report's day.
  public struct MethodRow: Encodable, Equatable, Sendable {
    /// The method's ID.
    public var method: String
    /// The method's name, or its ID when the catalogue has none.
    public var name: String
    /// Activities planned, or marked delivered on a day after the report's day.
    public var planned = 0
    /// Activities delivered on or before the report's day.
    public var delivered = 0
    /// Activities cancelled.
    public var cancelled = 0
    /// Reach of the method's delivered activities, under the method's kind.
    public var reach = ReachSplit()
    /// Whether the method's reach counts attendance or circulation (`nil`: not given).
    public var reachKind: DisseminationReach?
  }

  /// Delivered activities whose audience included one agency.
  public struct AgencyRow: Encodable, Equatable, Sendable {
    /// The agency's ID.
    public var agency: String
    /// The agency's name, or its ID when the agency list has none.
    public var name: String
    /// Delivered activities whose audience included the agency.
    public var activities = 0
    /// The reach of those activities (practitioners of every agency in their audience), by kind.
    public var reachOfActivities = ReachSplit()
    /// Practitioners the agency employs who work with children, when recorded.
    public var workforce: Int?
    /// The agency's own practitioners reached, from activities' reach by agency, by kind.
    public var reached = ReachSplit()
    /// Attendance coverage: practitioners who attended over the workforce, in per cent, rounded.
    public var attendedCoverage: Int?
    /// Circulation coverage: copies circulated to the agency over its workforce, in per cent, rounded.
    public var circulatedCoverage: Int?
  }

  /// A delivered activity's evaluation and follow-up.
  public struct ActivityRow: Encodable, Equatable, Sendable {
    /// The activity's ID.
    public var id: String
    /// Its title.
    public var title: String
    /// The day it was delivered.
    public var delivered: CalendarDay
    /// Its evaluation, when recorded.
    public var evaluation: DisseminationEvaluation?
    /// Its follow-up, when one was recorded on or before the report's day.
    public var followUp: DisseminationFollowUp?
  }

  /// The evaluations of the delivered activities in scope, together.
  public struct EvaluationSummary: Encodable, Equatable, Sendable {
    /// Delivered activities with an evaluation.
    public var evaluated = 0
    /// Responses to those evaluations.
    public var responses = 0
    /// The average rating over every response (each activity's average weighted by its
    /// responses), 1 to 5, to one decimal place; absent with no evaluation.
    public var averageRating: Double?
    /// Respondents who said they would change their practice (where evaluations asked).
    public var willChange = 0
    /// Responses of evaluations that asked whether practice would change.
    public var askedWillChange = 0
    /// Delivered activities with a follow-up on practice by the report's day.
    public var followedUp = 0
  }

  /// One review's dissemination: published, or with activities recorded.
  public struct ReviewRow: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// The review's title.
    public var title: String
    /// The day the review was published; absent when it has not been.
    public var published: CalendarDay?
    /// The review's activities planned, or marked delivered on a day after the report's day.
    public var planned = 0
    /// The review's activities delivered on or before the report's day.
    public var delivered = 0
    /// The reach of those delivered activities: attendance and circulation apart.
    public var reach = ReachSplit()
    /// The day of the review's first delivered activity; absent when there is none.
    public var firstDelivered: CalendarDay?
    /// Days from publication to the first delivered activity (negative when learning went out before publication).
    public var daysFromPublication: Int?
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for.
  public var asOf: CalendarDay
  /// The reporting year the activities are limited to, if any.
  public var year: Int?
  /// The first day of that reporting year.
  public var start: CalendarDay?
  /// The last day of that reporting year.
  public var end: CalendarDay?
  /// Activities in scope delivered on or before the report's day.
  public var totalDelivered = 0
  /// Reach of delivered activities: attendance and circulation apart.
  public var totalReach = ReachSplit()
  /// Activities by method: the catalogue's methods in its order, then any others by ID.
  public var byMethod: [MethodRow] = []
  /// Delivered activities by agency in the audience, in the order of the agency list.
  public var byAgency: [AgencyRow] = []
  /// Each review's dissemination, in the order of the review list.
  public var byReview: [ReviewRow] = []
  /// Published reviews with no delivered activity by the as-of day.
  public var reviewsWithNone: [String] = []
  /// Delivered activities in scope, in store order, with their evaluation and follow-up.
  public var activities: [ActivityRow] = []
  /// The evaluations and follow-ups of the delivered activities, together.
  public var evaluations = EvaluationSummary()
  /// Delivered activities with no evaluation recorded.
  public var withoutEvaluation: [String] = []
  /// Delivered activities with no follow-up on practice by the report's day.
  public var withoutFollowUp: [String] = []

  /// The report as of the options' day, limited to their reporting year and review if given.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> DisseminationReport {
    let tracker = cut.tracker
    let period = options.year.map { tracker.partnership.reportingYear($0) }
    var report = DisseminationReport(
      partnership: tracker.partnership.name, asOf: options.asOf, year: options.year,
      start: period?.lowerBound,
      end: period?.upperBound)
    let methodNames = Dictionary(
      tracker.disseminationMethods.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var methods: [String: MethodRow] = [:]
    var agencies: [String: AgencyRow] = [:]
    let kinds = tracker.reachKinds
    let agencyNames = Dictionary(
      tracker.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    // An activity counts as delivered only if it was delivered on or before the as-of day.
    func isDelivered(_ activity: Dissemination) -> Bool {
      activity.status == .delivered && activity.date <= options.asOf
    }
    let inScope = tracker.disseminations.filter { activity in
      (period.map { $0.contains(activity.date) } ?? true)
        && (options.review.map { activity.reviews.contains($0) } ?? true)
    }
    for activity in inScope {
      var row =
        methods[activity.method]
        ?? MethodRow(
          method: activity.method, name: methodNames[activity.method] ?? activity.method,
          reachKind: kinds[activity.method])
      switch activity.status {
      case .planned: row.planned += 1
      case .cancelled: row.cancelled += 1
      case .delivered:
        if isDelivered(activity) {
          row.delivered += 1
          row.reach.add(activity.reach ?? 0, as: kinds[activity.method])
          report.totalDelivered += 1
          report.totalReach.add(activity.reach ?? 0, as: kinds[activity.method])
          for agency in activity.audience {
            var agencyRow = agencies[agency] ?? AgencyRow(agency: agency, name: agencyNames[agency] ?? agency)
            agencyRow.activities += 1
            agencyRow.reachOfActivities.add(activity.reach ?? 0, as: kinds[activity.method])
            agencies[agency] = agencyRow
          }
          for entry in activity.reachByAgency ?? [] {
            var agencyRow =
              agencies[entry.agency]
              ?? AgencyRow(agency: entry.agency, name: agencyNames[entry.agency] ?? entry.agency)
            agencyRow.reached.add(entry.reach, as: kinds[activity.method])
            agencies[entry.agency] = agencyRow
          }
          report.activities.append(
            ActivityRow(
              id: activity.id, title: activity.title, delivered: activity.date,
              evaluation: activity.evaluation, followUp: activity.followUp))
        } else {
          row.planned += 1
        }
      }
      methods[activity.method] = row
    }
    let methodOrder = tracker.disseminationMethods.map(\.id)
    report.byMethod =
      methodOrder.compactMap { methods[$0] }
      + methods.keys.filter { !methodOrder.contains($0) }.sorted().compactMap { methods[$0] }
    report.byAgency = tracker.agencies.compactMap { agency in
      guard var row = agencies[agency.id] else { return nil }
      row.workforce = agency.workforce
      if let workforce = agency.workforce, workforce > 0 {
        func percent(_ count: Int) -> Int { Int((Double(count) * 100 / Double(workforce)).rounded()) }
        row.attendedCoverage = percent(row.reached.attended)
        row.circulatedCoverage = percent(row.reached.circulated)
      }
      return row
    }
    var ratingTotal = 0.0
    for activity in report.activities {
      if let evaluation = activity.evaluation {
        report.evaluations.evaluated += 1
        report.evaluations.responses += evaluation.responses
        ratingTotal += evaluation.rating * Double(evaluation.responses)
        if let willChange = evaluation.willChange {
          report.evaluations.willChange += willChange
          report.evaluations.askedWillChange += evaluation.responses
        }
      } else {
        report.withoutEvaluation.append(activity.id)
      }
      if activity.followUp != nil {
        report.evaluations.followedUp += 1
      } else {
        report.withoutFollowUp.append(activity.id)
      }
    }
    if report.evaluations.responses > 0 {
      report.evaluations.averageRating =
        (ratingTotal / Double(report.evaluations.responses) * 10).rounded() / 10
    }

    // Each review's activities in store order, found by its ID rather than by scanning them all.
    var activitiesOf: [String: [Dissemination]] = [:]
    for activity in inScope {
      for review in Set(activity.reviews) { activitiesOf[review, default: []].append(activity) }
    }
    for review in tracker.reviews where options.review == nil || review.id == options.review {
      let activities = activitiesOf[review.id] ?? []
      let delivered = activities.filter(isDelivered)
      let published = review.dates.published
      // Reviews with no publication and no activity are not yet due any dissemination.
      if published == nil && activities.isEmpty { continue }
      if let published, published > options.asOf, activities.isEmpty { continue }
      var row = ReviewRow(review: review.id, title: review.title, published: published)
      row.planned =
        activities.filter { $0.status == .planned || ($0.status == .delivered && !isDelivered($0)) }.count
      row.delivered = delivered.count
      row.reach = tracker.reach(of: delivered)
      row.firstDelivered = delivered.map(\.date).min()
      if let first = row.firstDelivered, let published {
        row.daysFromPublication = first.days(since: published)
      }
      report.byReview.append(row)
      if published != nil && delivered.isEmpty { report.reviewsWithNone.append(review.id) }
    }
    return report
  }

  /// The report laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    let other = totalReach.unclassified > 0
    var methodTable = Table(
      caption: "Activities by method and status",
      columns: [
        .init("Method"), .init("Reach counts"), .init("Planned", .right), .init("Delivered", .right),
        .init("Cancelled", .right),
      ] + ReachSplit.columns(unclassified: other),
      emptyText: "No dissemination recorded.")
    for row in byMethod {
      methodTable.append(
        [
          Table.Cell(row.name), Table.Cell(row.reachKind?.rawValue ?? "not given"), .number(row.planned),
          .number(row.delivered), .number(row.cancelled),
        ] + row.reach.cells(unclassified: other))
    }
    var agencyTable = Table(
      caption: "Reach by agency",
      columns: [
        .init("Agency"), .init("Name"), .init("Activities reaching it", .right),
      ] + ReachSplit.columns(unclassified: other),
      emptyText: "No delivered activity named an audience.")
    for row in byAgency {
      agencyTable.append(
        [Table.Cell(row.agency), Table.Cell(row.name), .number(row.activities)]
          + row.reachOfActivities.cells(unclassified: other))
    }
    var coverageTable = Table(
      caption: "Coverage: each agency's practitioners reached, against its workforce",
      columns: [
        .init("Agency"), .init("Workforce", .right), .init("Attended", .right),
        .init("Attended, of workforce", .right),
        .init("Circulated", .right), .init("Circulated, of workforce", .right),
      ],
      emptyText: "No delivered activity recorded its reach by agency.")
    for row in byAgency where row.reached != ReachSplit() || row.workforce != nil {
      coverageTable.append([
        Table.Cell(row.name), Table.Cell(row.workforce.map(String.init) ?? "not recorded"),
        .number(row.reached.attended), Table.Cell(row.attendedCoverage.map { "\($0)%" } ?? ""),
        .number(row.reached.circulated), Table.Cell(row.circulatedCoverage.map { "\($0)%" } ?? ""),
      ])
    }
    var activityTable = Table(
      caption: "Delivered activities: evaluation and follow-up",
      columns: [
        .init("Activity"), .init("Delivered"), .init("Responses", .right),
        .init("Average rating (1-5)", .right),
        .init("Would change practice", .right), .init("Follow-up"),
      ],
      emptyText: "No activity delivered.")
    for row in activities {
      let evaluation = row.evaluation
      activityTable.append([
        Table.Cell("\(row.id): \(row.title)"), Table.Cell(row.delivered.description),
        Table.Cell(evaluation.map { String($0.responses) } ?? "not evaluated"),
        Table.Cell(evaluation.map { String($0.rating) } ?? ""),
        Table.Cell(evaluation.flatMap { e in e.willChange.map { "\($0) of \(e.responses)" } } ?? ""),
        Table.Cell(row.followUp.map { "\($0.date): \($0.note)" } ?? "none yet"),
      ])
    }
    let summary = evaluations
    var evaluationFigures: [ReportDocument.Figure] = [
      .init("Activities evaluated", "\(summary.evaluated) of \(activities.count)"),
      .init("Responses", String(summary.responses)),
      .init(
        "Average rating (1 to 5, over every response)", summary.averageRating.map { String($0) } ?? "none"),
    ]
    if summary.askedWillChange > 0 {
      evaluationFigures.append(
        .init(
          "Said they would change their practice",
          "\(summary.willChange) of \(summary.askedWillChange) (\(Int((Double(summary.willChange) * 100 / Double(summary.askedWillChange)).rounded()))%)"
        ))
    }
    evaluationFigures.append(
      .init("Activities followed up on practice", "\(summary.followedUp) of \(activities.count)"))
    var evaluationBlocks: [ReportDocument.Block] = [.figures(evaluationFigures), .table(activityTable)]
    if !withoutEvaluation.isEmpty {
      evaluationBlocks.append(
        .paragraph("No evaluation recorded: " + withoutEvaluation.joined(separator: ", ") + "."))
    }
    if !withoutFollowUp.isEmpty {
      evaluationBlocks.append(
        .paragraph("No follow-up on practice yet: " + withoutFollowUp.joined(separator: ", ") + "."))
    }
    var reviewTable = Table(
      caption: "Each review's dissemination",
      columns: [
        .init("Review"), .init("Title"), .init("Published"), .init("Planned", .right),
        .init("Delivered", .right),
      ] + ReachSplit.columns(unclassified: other) + [
        .init("First delivered"), .init("First delivered, against publication"),
      ],
      emptyText: "No review in scope.")
    for row in byReview {
      reviewTable.append(
        [
          Table.Cell(row.review), Table.Cell(row.title),
          Table.Cell(row.published?.description ?? "not published"), .number(row.planned),
          .number(row.delivered),
        ] + row.reach.cells(unclassified: other) + [
          Table.Cell(row.firstDelivered?.description ?? "none"),
          Table.Cell(row.daysFromPublication.map { daysRelative($0, to: "publication") } ?? ""),
        ])
    }
    let scope = year.map { "reporting year \($0)-\(String($0 + 1).suffix(2))" } ?? "all years"
    return ReportDocument(
      title: "Dissemination of learning",
      subtitle: "\(partnership) · as at \(asOf) · \(scope)",
      sections: [
        .init(
          "Summary",
          [
            .figures(
              [.init("Activities delivered", String(totalDelivered))] + totalReach.figures + [
                .init(
                  "Published reviews with no dissemination delivered", String(reviewsWithNone.count),
                  rating: reviewsWithNone.isEmpty ? nil : .amber)
              ]),
            .paragraph(
              !byReview.contains { $0.published != nil }
                ? "No review in scope is published, so no published learning is due to be delivered."
                : reviewsWithNone.isEmpty
                  ? "Every published review in scope has had learning delivered."
                  : "No dissemination delivered yet: " + reviewsWithNone.joined(separator: ", ") + "."),
          ]),
        .init("By method", [.table(methodTable)]),
        .init("By agency", [.table(agencyTable), .table(coverageTable)]),
        .init("Evaluation and follow-up", evaluationBlocks),
        .init("By review", [.table(reviewTable)]),
      ])
  }

  /// One row per review with its dissemination.
  public var csvTable: Table {
    var table = Table(
      caption: "Dissemination by review",
      columns: [
        "Review", "Title", "Published", "Planned", "Delivered", "Attended", "Circulated",
        "Reach, kind not given",
        "First delivered",
        "Days from publication",
      ].map { Table.Column($0) })
    for row in byReview {
      table.append(
        [
          row.review, row.title, row.published?.description ?? "", String(row.planned), String(row.delivered),
          String(row.reach.attended), String(row.reach.circulated), String(row.reach.unclassified),
          row.firstDelivered?.description ?? "", row.daysFromPublication.map(String.init) ?? "",
        ].map { Table.Cell($0) })
    }
    return table
  }
}
