import LearningModel

/// The annual learning digest for one reporting year: reviews, themes (new or recurrent), key
/// findings and good practice, recommendations and responses, action progress, dissemination
/// and Section 11 evidence. Only what falls inside the year is counted.
public struct DigestReport: Report, Equatable {
  /// A review (or a case) counted in the year, on the day it counts.
  public struct ReviewLine: Encodable, Equatable, Sendable {
    /// The review's ID; for a case, its first review's.
    public var id: String
    /// The review's title.
    public var title: String
    /// What kind of review it is.
    public var kind: ReviewKind
    /// The day in the year it counts on (notified, decided or published).
    public var day: CalendarDay
    /// For a case: every review of it (its Rapid Review and the reviews that follow it).
    public var reviews: [String]? = nil
  }

  /// A review whose findings and recommendations the digest leaves out, and why.
  public struct WithheldLine: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// The review's title.
    public var title: String
    /// Why it is left out: in progress, or under embargo until a day.
    public var reason: String
  }

  /// A theme carried by reviews of the year.
  public struct ThemeLine: Encodable, Equatable, Sendable {
    /// The theme's ID.
    public var id: String
    /// The theme's name, or its ID when the catalogue has none.
    public var name: String
    /// Reviews of the year that carry the theme.
    public var reviews: [String]
    /// Cases of the year that carry the theme (a Rapid Review and the reviews that follow it are one).
    public var cases: Int
    /// Seen in a different case in an earlier reporting year.
    public var recurrent: Bool
    /// The first reporting year the theme was seen in.
    public var firstSeen: Int
  }

  /// A finding of a review of the year.
  public struct FindingLine: Encodable, Equatable, Sendable {
    /// The finding's reference, such as `LCSPR-2025-02/F1`.
    public var reference: String
    /// The title of the review it comes from.
    public var reviewTitle: String
    /// The finding's text.
    public var text: String
  }

  /// A recommendation of a review of the year, with the partnership's response.
  public struct RecommendationLine: Encodable, Equatable, Sendable {
    /// The recommendation's reference, such as `LCSPR-2025-02/R1`.
    public var reference: String
    /// The recommendation's text.
    public var text: String
    /// The partnership's response to the recommendation.
    public var response: RecommendationResponse
    /// The note given with the response, if any.
    public var responseNote: String?
    /// How many actions answer the recommendation.
    public var actions: Int
    /// The recommendation's BRAG rating on the digest's day (`asOf`); absent when it has none.
    public var rating: BRAG?
  }

  /// Actions during the year and their state at its end (`asOf`), within any review or agency filter.
  public struct ActionProgress: Encodable, Equatable, Sendable {
    /// Actions agreed during the year.
    public var agreed = 0
    /// Actions closed during the year (closed at its end, not before it began).
    public var closed = 0
    /// Actions whose due day slipped during the year.
    public var slipped = 0
    /// Actions overdue at the year end, most days overdue first; those of withheld reviews are left out.
    public var overdueAtYearEnd: [ActionLine] = []
    /// Overdue actions of reviews whose learning is withheld: counted, not listed.
    public var overdueWithheld = 0
    /// Actions open at the year end.
    public var openAtYearEnd = 0
    /// Actions at the year end by BRAG rating.
    public var bragAtYearEnd = BRAGCounts()

    /// Adds the counts and lines of another share of the store's actions.
    mutating func add(_ other: ActionProgress) {
      agreed += other.agreed
      closed += other.closed
      slipped += other.slipped
      overdueAtYearEnd += other.overdueAtYearEnd
      overdueWithheld += other.overdueWithheld
      openAtYearEnd += other.openAtYearEnd
      bragAtYearEnd.add(other.bragAtYearEnd)
    }
  }

  /// Delivered dissemination of the year by method.
  public struct MethodLine: Encodable, Equatable, Sendable {
    /// The method's ID.
    public var method: String
    /// The method's name, or its ID when the catalogue has none.
    public var name: String
    /// Activities of the method delivered in the year.
    public var activities: Int
    /// Reach of the method's activities, under the method's kind.
    public var reach: ReachSplit
    /// Whether the method's reach counts attendance or circulation (`nil`: not given).
    public var reachKind: DisseminationReach?
  }

  /// Dissemination activities dated in the year, by their status at its end.
  public struct DisseminationSummary: Encodable, Equatable, Sendable {
    /// Activities delivered.
    public var delivered = 0
    /// Activities still planned.
    public var planned = 0
    /// Activities cancelled.
    public var cancelled = 0
    /// Reach of the year's delivered activities: attendance and circulation apart, never added.
    public var totalReach = ReachSplit()
    /// Delivered activities by method, most activities first.
    public var byMethod: [MethodLine] = []
    /// Agencies in the audience of a delivered activity, in the order of the agency list.
    public var agenciesReached: [String] = []
    /// Reviews published in the year with no delivered dissemination by the year end.
    public var publishedWithoutDissemination: [String] = []
  }

  /// A Section 11 return of the cycle that starts in the year.
  public struct Section11Line: Encodable, Equatable, Sendable {
    /// The agency that owes the return.
    public var agency: String
    /// The cycle, such as 2025-26.
    public var cycle: String
    /// The day the return is due.
    public var due: CalendarDay
    /// The day it was submitted; absent when it has not been.
    public var submitted: CalendarDay?
    /// Submitted on or before the due day.
    public var onTime: Bool
    /// Reviews whose learning the return evidences.
    public var reviewsEvidenced: [String]
  }

  /// The partnership's name.
  public var partnership: String
  /// The reporting year, by the calendar year it starts in.
  public var year: Int
  /// The first day of the reporting year.
  public var start: CalendarDay
  /// The last day of the reporting year.
  public var end: CalendarDay
  /// The day the year's state is read on: the year's last day, or the as-of day if earlier.
  public var asOf: CalendarDay
  /// Cases notified or referred in the year, each once, on its earliest such day.
  public var reviewsNotified: [ReviewLine] = []
  /// Cases decided in the year, each once, on its earliest decision.
  public var reviewsDecided: [ReviewLine] = []
  /// Reviews published in the year, on their publication day.
  public var reviewsPublished: [ReviewLine] = []
  /// Reviews with no day recorded, as "ID (title)": in no reporting year, listed so none is lost.
  public var undatedReviews: [String] = []
  /// Themes carried by reviews of the year, the theme in most cases first.
  public var themes: [ThemeLine] = []
  /// Findings of the year's reviews that are not good practice (withheld reviews left out).
  public var keyFindings: [FindingLine] = []
  /// Findings of the year's reviews marked good practice (withheld reviews left out).
  public var goodPractice: [FindingLine] = []
  /// Recommendations of the year's reviews (withheld reviews left out).
  public var recommendations: [RecommendationLine] = []
  /// Action progress during the year and the state at its end.
  public var actions = ActionProgress()
  /// Dissemination activities dated in the year.
  public var dissemination = DisseminationSummary()
  /// Section 11 returns of the cycle that starts in the year (2025-26 for 2025).
  public var section11: [Section11Line] = []
  /// Statutory timescales of the clocks that closed in the year (met or missed), and of those still
  /// open at its end.
  public var timeliness: [TimelinessReport.Summary] = []
  /// Reviews of the year whose findings and recommendations are left out: in progress or under embargo.
  public var withheld: [WithheldLine] = []
  /// Findings of the year that repeat an earlier finding.
  public var repeatedFindings: [RepeatedFindingLine] = []
  /// How the year's learning landed: coverage by agency, evaluations and follow-ups.
  public var landing = LandingSummary()

  /// The themes a review carries as of a day: its own, and its findings' and recommendations' when
  /// these can be shared (not in progress or under embargo).
  static func carriedThemes(_ review: Review, asOf day: CalendarDay) -> Set<String> {
    var carried = Set(review.themes)
    guard review.withheld(on: day) == nil else { return carried }
    for finding in review.findings { carried.formUnion(finding.themes) }
    for recommendation in review.recommendations { carried.formUnion(recommendation.themes) }
    return carried
  }

  /// The day a review counts in a year: publication, else the Rapid Review, the decision or the notification.
  static func reportingDay(_ review: Review) -> CalendarDay? { review.learningDay }

  /// The digest of `tracker` for the options' year (else the year containing their day), read on `asOf`.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions, sharing basis: ReportBasis? = nil)
    -> DigestReport
  {
    guard let basis else { return made(cut, options, sharing: nil) }
    return basis.digest(cut, options) { made(cut, options, sharing: basis) }
  }

  /// Each action of the reviews in `range` within the options' review and agency filters that
  /// exists on `asOf`, with its state on `asOf` and on `before` (the day before the year began):
  /// the walk the digest and the annual report count the year's progress by.
  static func forEachActionOfTheYear(
    _ tracker: Tracker, ofReviews range: Range<Int>, _ options: ReportOptions, asOf: CalendarDay,
    before: CalendarDay, _ body: (PlacedAction, _ now: ActionState, _ then: ActionState) -> Void
  ) {
    let settings = tracker.partnership.settings
    tracker.forEachPlacedAction(ofReviews: range) { placed in
      if let review = options.review, placed.review.id != review { return }
      if let agency = options.agency, !placed.action.isOwned(by: agency) { return }
      let states = placed.states(on: before, and: asOf, settings: settings)
      guard states.day.exists else { return }
      body(placed, states.day, states.earlier)
    }
  }

  private static func made(_ cut: TrackerAsOf, _ options: ReportOptions, sharing basis: ReportBasis?)
    -> DigestReport
  {
    let partnership = cut.tracker.partnership
    let year = options.year ?? partnership.reportingYear(containing: options.asOf)
    let period = partnership.reportingYear(year)
    let asOf = min(period.upperBound, options.asOf)
    // A year that ended before the day is read as it stood at its end.
    let cut = basis.narrowed(cut, to: asOf)
    let tracker = cut.tracker
    var report = DigestReport(
      partnership: partnership.name, year: year, start: period.lowerBound, end: period.upperBound, asOf: asOf)
    let reviews = tracker.reviews.filter { options.review == nil || $0.id == options.review }
    let themeNames = Dictionary(
      tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let agencies = Dictionary(tracker.agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    func line(_ review: Review, _ day: CalendarDay?) -> ReviewLine? {
      guard let day, period.contains(day) else { return nil }
      return ReviewLine(id: review.id, title: review.title, kind: review.kind, day: day)
    }
    // Notifications and decisions count cases: a case counts once, on its earliest day.
    let cases = basis.cases(cut)
    let inScope = Set(reviews.map(\.id))
    func caseLines(_ day: (Review) -> CalendarDay?) -> [ReviewLine] {
      cases.earliest { inScope.contains($0.id) ? day($0) : nil }.compactMap { dated in
        guard period.contains(dated.day), let first = cases.reviews[dated.caseID]?.first else { return nil }
        return ReviewLine(
          id: first.id, title: first.title, kind: first.kind, day: dated.day, reviews: dated.reviews)
      }
    }
    report.reviewsNotified = caseLines(CaseIndex.notifiedOrReferred)
    report.reviewsDecided = caseLines { $0.dates.decision }
    report.reviewsPublished = reviews.compactMap { line($0, $0.dates.published) }

    // Themes: every theme a review carries (its own, and its findings' and recommendations' when
    // they can be shared); recurrence is judged by case.
    var firstSeen: [String: Int] = [:]
    var sightings: [String: Set<ThemeSighting>] = [:]
    var inYear: [String: [String]] = [:]
    var casesInYear: [String: Set<String>] = [:]
    for review in tracker.reviews {
      guard let day = reportingDay(review) else {
        if options.review == nil || review.id == options.review {
          report.undatedReviews.append("\(review.id) (\(review.title))")
        }
        continue
      }
      let reviewYear = partnership.reportingYear(containing: day)
      let caseID = cases.caseID(of: review.id)
      for theme in carriedThemes(review, asOf: asOf) where theme != "good-practice" {
        firstSeen[theme] = min(firstSeen[theme] ?? reviewYear, reviewYear)
        sightings[theme, default: []].insert(ThemeSighting(caseID: caseID, year: reviewYear))
        if reviewYear == year && (options.review == nil || review.id == options.review) {
          inYear[theme, default: []].append(review.id)
          casesInYear[theme, default: []].insert(caseID)
        }
      }
    }
    report.themes = inYear.map { theme, ids in
      ThemeLine(
        id: theme, name: themeNames[theme] ?? theme, reviews: ids, cases: casesInYear[theme]?.count ?? 0,
        recurrent: (sightings[theme] ?? []).recurs(in: year),
        firstSeen: firstSeen[theme] ?? year)
    }.sorted { $0.cases != $1.cases ? $0.cases > $1.cases : $0.id < $1.id }

    let yearReviews = reviews.filter { reportingDay($0).map(period.contains) ?? false }
    let settings = partnership.settings
    for review in yearReviews {
      if let reason = review.withheld(on: asOf) {
        report.withheld.append(
          WithheldLine(review: review.id, title: review.title, reason: reason.description))
        continue
      }
      for finding in review.findings {
        let line = FindingLine(
          reference: "\(review.id)/\(finding.id)", reviewTitle: review.title, text: finding.text)
        if finding.goodPractice { report.goodPractice.append(line) } else { report.keyFindings.append(line) }
      }
      for recommendation in review.recommendations {
        report.recommendations.append(
          RecommendationLine(
            reference: "\(review.id)/\(recommendation.id)", text: recommendation.text,
            response: recommendation.response,
            responseNote: recommendation.responseNote, actions: recommendation.actions.count,
            rating: recommendation.rating(asOf: asOf, settings: settings)))
      }
    }

    // Action progress during the year, and the state at its end.
    let dayBefore = period.lowerBound.adding(days: -1)
    // The store's reviews shared out among the cores, each share's counts added in turn.
    let parts = tracker.sharedByReview { range -> ActionProgress in
      var part = ActionProgress()
      forEachActionOfTheYear(tracker, ofReviews: range, options, asOf: asOf, before: dayBefore) {
        placed, now, then in
        if let agreed = placed.action.agreed, period.contains(agreed) { part.agreed += 1 }
        if now.isClosed && !(then.exists && then.isClosed) { part.closed += 1 }
        if now.slips > then.slips { part.slipped += 1 }
        part.bragAtYearEnd.add(now.brag)
        if now.isOpen { part.openAtYearEnd += 1 }
        if now.isOverdue {
          if placed.review.withheld(on: asOf) != nil {
            part.overdueWithheld += 1
          } else {
            part.overdueAtYearEnd.append(ActionLine(placed, now, agencies: agencies, settings: settings))
          }
        }
      }
      return part
    }
    for part in parts { report.actions.add(part) }
    sortLines(&report.actions.overdueAtYearEnd, reference: { $0.reference }, rank: { -$0.daysOverdue })

    // Dissemination in the year.
    let methodNames = Dictionary(
      tracker.disseminationMethods.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var byMethod: [String: MethodLine] = [:]
    var reached = Set<String>()
    let kinds = tracker.reachKinds
    for activity in tracker.disseminations where period.contains(activity.date) {
      if let review = options.review, !activity.reviews.contains(review) { continue }
      switch activity.status {
      case .planned: report.dissemination.planned += 1
      case .cancelled: report.dissemination.cancelled += 1
      case .delivered:
        report.dissemination.delivered += 1
        report.dissemination.totalReach.add(activity.reach ?? 0, as: kinds[activity.method])
        byMethod[
          activity.method,
          default: MethodLine(
            method: activity.method, name: methodNames[activity.method] ?? activity.method, activities: 0,
            reach: ReachSplit(), reachKind: kinds[activity.method])
        ].activities += 1
        byMethod[activity.method]?.reach.add(activity.reach ?? 0, as: kinds[activity.method])
        reached.formUnion(activity.audience)
      }
    }
    report.dissemination.byMethod = byMethod.values.sorted {
      $0.activities != $1.activities ? $0.activities > $1.activities : $0.method < $1.method
    }
    report.dissemination.agenciesReached =
      tracker.agencies.map(\.id).filter(reached.contains)
      + reached.subtracting(tracker.agencies.map(\.id)).sorted()
    let disseminated = Set(
      tracker.disseminations.filter { $0.status == .delivered && $0.date <= period.upperBound }.flatMap(
        \.reviews))
    report.dissemination.publishedWithoutDissemination = report.reviewsPublished.map(\.id).filter {
      !disseminated.contains($0)
    }

    report.repeatedFindings = repeatedFindings(
      cut, keyFindings: report.keyFindings, asOf: asOf, sharing: basis)
    report.landing = landing(cut, year: year, asOf: asOf, review: options.review)
    report.timeliness =
      TimelinessReport.build(cut, ReportOptions(asOf: asOf, review: options.review, year: year)).summary

    // Section 11 returns of the cycle that starts in the year ("2025-26" for 2025).
    let cyclePrefix = "\(year)-"
    report.section11 = tracker.section11.filter { $0.cycle.hasPrefix(cyclePrefix) }
      .filter { options.agency == nil || $0.agency == options.agency }
      .map { entry in
        Section11Line(
          agency: entry.agency, cycle: entry.cycle, due: entry.due, submitted: entry.submitted,
          onTime: entry.submitted.map { $0 <= entry.due } ?? false,
          reviewsEvidenced: entry.learning.map(\.review))
      }
    return report
  }

  /// The undated reviews, named, when there are any.
  var undatedBlocks: [ReportDocument.Block] {
    undatedReviews.isEmpty
      ? []
      : [
        .paragraph(
          "Reviews with no start or publication day recorded, so in no reporting year (record the day "
            + "the review started or was published): " + undatedReviews.joined(separator: "; ") + ".")
      ]
  }

  /// The digest laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    func reviewTable(_ caption: String, _ lines: [ReviewLine], cases: Bool = false) -> Table {
      var table = Table(
        caption: caption,
        columns: [.init(cases ? "Case" : "Review"), .init("Title"), .init("Kind"), .init("Day")]
          + (cases ? [.init("Reviews of the case")] : []),
        emptyText: "None in the year.")
      for line in lines {
        table.append(
          [
            Table.Cell(line.id), Table.Cell(line.title), Table.Cell(line.kind.title),
            Table.Cell(line.day.description),
          ] + (cases ? [Table.Cell((line.reviews ?? [line.id]).joined(separator: ", "))] : []))
      }
      return table
    }
    let withheldNote: ReportDocument.Block? =
      withheld.isEmpty
      ? nil
      : .paragraph(
        "Left out: the findings and recommendations of "
          + withheld.map { "\($0.review) (\($0.title), \($0.reason))" }.joined(separator: "; ")
          + ". They are shared once the review is published and no embargo holds.")
    var themeTable = Table(
      caption: "Themes of the year's reviews",
      columns: [
        .init("Theme"), .init("Cases", .right), .init("New or recurrent"), .init("First seen"),
        .init("Reviews that carry it"),
      ],
      emptyText: "No themes recorded.")
    for theme in themes {
      themeTable.append([
        Table.Cell(theme.name), .number(theme.cases),
        Table.Cell(theme.recurrent ? "Recurrent" : "New"),
        Table.Cell("\(theme.firstSeen)-\(String(theme.firstSeen + 1).suffix(2))"),
        Table.Cell(theme.reviews.joined(separator: ", ")),
      ])
    }
    var recommendationTable = Table(
      caption: "Recommendations and responses",
      columns: [
        .init("Recommendation"), .init("Text"), .init("Response"), .init("Reason given"),
        .init("Actions", .right), .init("Rating at year end"),
      ],
      emptyText: "No recommendations from the year's reviews.")
    for line in recommendations {
      recommendationTable.append([
        Table.Cell(line.reference), Table.Cell(line.text), Table.Cell(line.response.title),
        Table.Cell(line.responseNote ?? ""),
        .number(line.actions), line.rating.map { Table.Cell.rating($0) } ?? Table.Cell("no actions"),
      ])
    }
    var overdueTable = Table(
      caption: "Actions overdue at \(asOf)",
      columns: [
        .init("Action"), .init("Owner"), .init("Description"), .init("Due"), .init("Days overdue", .right),
      ],
      emptyText: "No action was overdue.")
    for line in actions.overdueAtYearEnd {
      overdueTable.append([
        Table.Cell(line.reference), Table.Cell(line.ownerName), Table.Cell(shorten(line.description, 90)),
        Table.Cell(line.due.description), .number(line.daysOverdue),
      ])
    }
    let other = dissemination.totalReach.unclassified > 0
    var methodTable = Table(
      caption: "Dissemination delivered, by method",
      columns: [.init("Method"), .init("Reach counts"), .init("Activities", .right)]
        + ReachSplit.columns(unclassified: other),
      emptyText: "No dissemination delivered in the year.")
    for line in dissemination.byMethod {
      methodTable.append(
        [
          Table.Cell(line.name), Table.Cell(line.reachKind?.rawValue ?? "not given"),
          .number(line.activities),
        ]
          + line.reach.cells(unclassified: other))
    }
    var section11Table = Table(
      caption: "Section 11 returns, cycle \(year)-\(String(year + 1).suffix(2))",
      columns: [
        .init("Agency"), .init("Due"), .init("Submitted"), .init("On time"), .init("Learning evidenced from"),
      ],
      emptyText: "No returns recorded for this cycle.")
    for line in section11 {
      section11Table.append([
        Table.Cell(line.agency), Table.Cell(line.due.description),
        Table.Cell(line.submitted?.description ?? "not submitted"),
        Table.Cell(line.onTime ? "yes" : "no"),
        Table.Cell(line.reviewsEvidenced.isEmpty ? "none" : line.reviewsEvidenced.joined(separator: ", ")),
      ])
    }
    let recurrent = themes.filter(\.recurrent).count
    let label = "\(year)-\(String(year + 1).suffix(2))"
    return ReportDocument(
      title: "Annual learning digest \(label)",
      subtitle: "\(partnership) · reporting year \(start) to \(end)" + (asOf < end ? " · as at \(asOf)" : ""),
      sections: [
        .init(
          "Reviews in the year",
          [
            .figures([
              .init("Cases notified or referred", String(reviewsNotified.count)),
              .init("Cases decided", String(reviewsDecided.count)),
              .init("Reviews published", String(reviewsPublished.count)),
            ]),
            .paragraph(
              "A Rapid Review and the reviews that follow it are one case: a case is counted once, on the earliest day among its reviews."
            ),
            .table(reviewTable("Cases notified or referred", reviewsNotified, cases: true)),
            .table(reviewTable("Decisions made, by case", reviewsDecided, cases: true)),
            .table(reviewTable("Reviews published", reviewsPublished)),
          ] + undatedBlocks + [
            timeliness.isEmpty
              ? .paragraph("No statutory clock closed in the year or was open at its end.")
              : .bullets(timeliness.map(\.sentence)),
            .paragraph(
              "A statutory clock is counted in the year it closed, met or missed; one still open at \(asOf) is counted as pending."
            ),
          ]),
        .init(
          "Themes",
          [
            .paragraph(
              "\(themes.count) themes in the year's reviews; \(recurrent) of them recurrent (seen in a different case in an earlier year). Themes are counted by case."
            ),
            .table(themeTable),
          ]),
        .init(
          "Key findings",
          [
            keyFindings.isEmpty
              ? .paragraph("No findings recorded.")
              : .bullets(keyFindings.map { "\($0.reference) (\($0.reviewTitle)): \($0.text)" }),
            repeatedFindingsBlock,
          ] + (withheldNote.map { [$0] } ?? [])),
        .init(
          "Good practice",
          [
            goodPractice.isEmpty
              ? .paragraph("No good practice recorded.")
              : .bullets(goodPractice.map { "\($0.reference) (\($0.reviewTitle)): \($0.text)" })
          ]),
        .init(
          "Recommendations",
          [
            .figures(
              RecommendationResponse.allCases.map { response in
                .init(response.title, String(recommendations.filter { $0.response == response }.count))
              }),
            .table(recommendationTable),
          ] + (withheldNote.map { [$0] } ?? [])),
        .init(
          "Action progress",
          [
            .figures([
              .init("Agreed in the year", String(actions.agreed)),
              .init("Closed in the year", String(actions.closed)),
              .init("Due day slipped in the year", String(actions.slipped)),
              .init("Open at \(asOf)", String(actions.openAtYearEnd)),
              .init(
                "Overdue at \(asOf)", String(actions.overdueAtYearEnd.count + actions.overdueWithheld),
                rating: actions.overdueAtYearEnd.count + actions.overdueWithheld == 0 ? nil : .red),
              .init(
                "Red / Amber / Green / Blue",
                "\(actions.bragAtYearEnd.red) / \(actions.bragAtYearEnd.amber) / \(actions.bragAtYearEnd.green) / \(actions.bragAtYearEnd.blue)"
              ),
            ]),
            .table(overdueTable),
          ]
            + (actions.overdueWithheld == 0
              ? []
              : [
                .paragraph(
                  "\(plural(actions.overdueWithheld, "overdue action")) of reviews in progress or under embargo "
                    + (actions.overdueWithheld == 1 ? "is" : "are") + " counted but not listed."
                )
              ])),
        .init(
          "Dissemination of learning",
          [
            .figures(
              [
                .init("Activities delivered", String(dissemination.delivered))
              ] + dissemination.totalReach.figures + [
                .init("Planned", String(dissemination.planned)),
                .init("Cancelled", String(dissemination.cancelled)),
                .init(
                  "Agencies reached",
                  dissemination.agenciesReached.isEmpty
                    ? "none" : dissemination.agenciesReached.joined(separator: ", ")),
              ]),
            .table(methodTable),
            .paragraph(
              reviewsPublished.isEmpty
                ? "No review was published in the year, so no published learning was due to be delivered."
                : dissemination.publishedWithoutDissemination.isEmpty
                  ? "Every review published in the year had learning delivered to practitioners."
                  : "Published in the year with no dissemination delivered: "
                    + dissemination.publishedWithoutDissemination.joined(separator: ", ") + "."),
          ] + landingBlocks),
        .init("Section 11: evidence of embedding", [.table(section11Table)]),
      ])
  }

  /// The year's recommendations, one row each, with response and rating at the year end.
  public var csvTable: Table {
    var table = Table(
      caption: "Recommendations of the year's reviews",
      columns: ["Recommendation", "Text", "Response", "Reason given", "Actions", "Rating at year end"].map {
        Table.Column($0)
      })
    for line in recommendations {
      table.append(
        [
          line.reference, line.text, line.response.rawValue, line.responseNote ?? "", String(line.actions),
          line.rating?.title ?? "",
        ].map {
          Table.Cell($0)
        })
    }
    return table
  }
}
