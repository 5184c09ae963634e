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

  /// The report as of the options' day, limited to their reporting year and review if given.
  public static func build(_ tracker: Tracker, _ options: ReportOptions) -> DisseminationReport {
    let tracker = tracker.asOf(options.asOf)
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
    report.byAgency = tracker.agencies.compactMap { agencies[$0.id] }

    for review in tracker.reviews where options.review == nil || review.id == options.review {
      let activities = inScope.filter { $0.reviews.contains(review.id) }
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
        .init("By agency", [.table(agencyTable)]),
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
