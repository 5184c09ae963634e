import LearningModel

/// The partnership's learning site: a page per review, agency and theme, a home page, an index of
/// everything and a search page, all linked to one another and to the reports, as one folder of
/// plain HTML that opens from a shared drive, a document library or a web server.
///
/// A pure value over the store cut at one day: it decides which pages there are and builds each
/// one when asked, so a site of thousands of reviews is never held in memory whole. The public
/// site (`isPublic`) holds only reviews published on or before the day and not under embargo
/// (`Review.withheld(on:)`, the rule the briefing and the plan follow, after Working Together to
/// Safeguarding Children 2023, chapter 5: the partnership publishes the report of a local review),
/// with no action logs, no leads, no Section 11 returns and no reports drawn on the whole store.
public struct Site: Sendable {
  /// The store as it stood on the day.
  public let cut: TrackerAsOf
  /// Whether this is the public site: published learning only.
  public let isPublic: Bool
  /// The reports written into the site, with the pages that link to them.
  public let reports: [SiteReport]
  /// The reviews the site shows, in store order.
  public let reviews: [Review]

  /// Rows of a long list on one page, so that no page grows past about a megabyte.
  public static let rowsPerPage = 250
  /// Reviews listed on one page of the index of everything.
  public static let reviewsPerIndexPage = 500
  /// Entries of the home page's lists (reviews in progress, recent changes).
  static let homeListLength = 25
  /// How far back the home page's recent changes reach.
  static let recentDays = 56

  let reviewByID: [String: Review]
  let followedBy: [String: [String]]
  let placed: [String: [(placed: PlacedAction, state: ActionState)]]
  let byAgency: [String: [AgencyRow]]
  let themeItems: [String: [ThemeItem]]
  let familiesByTheme: [String: [ThemeFamily]]
  let reviewsByTheme: [String: [Review]]
  let disseminationsByReview: [String: [Dissemination]]
  let disseminationsByTheme: [String: [Dissemination]]
  let returnsByAgency: [String: [Section11Return]]
  let reportsByReview: [String: [SiteReport]]
  let themeNames: [String: String]
  let methodNames: [String: String]

  /// The site of `whole` as it stood at the end of `day`; `reports` are the reports it carries
  /// (`SiteReport.reports`). With a `basis`, the basis's cut of the day is used, not cut again.
  public init(
    _ whole: Tracker, asOf day: CalendarDay, isPublic: Bool, reports: [SiteReport],
    sharing basis: ReportBasis? = nil
  ) {
    let cut = basis?.cut(day) ?? TrackerAsOf(whole, asOf: day)
    self.cut = cut
    self.isPublic = isPublic
    self.reports = reports
    let tracker = cut.tracker
    reviews = tracker.reviews.filter { !isPublic || Self.isPublishable($0, on: day) }
    let shown = Set(reviews.map(\.id))
    reviewByID = Dictionary(reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    followedBy = Dictionary(grouping: reviews.filter { $0.follows != nil }, by: { $0.follows ?? "" })
      .mapValues {
        $0.map(\.id)
      }
    themeNames = Dictionary(tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    methodNames = Dictionary(
      tracker.disseminationMethods.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var placed: [String: [(placed: PlacedAction, state: ActionState)]] = [:]
    var byAgency: [String: [AgencyRow]] = [:]
    for entry in cut.actions where shown.contains(entry.placed.review.id) {
      placed[entry.placed.review.id, default: []].append(entry)
      guard let group = AgencyRow.Group(entry.state) else { continue }
      for owner in Set(entry.placed.action.owners) {
        byAgency[owner, default: []].append(AgencyRow(group: group, placed: entry.placed, state: entry.state))
      }
    }
    for (agency, rows) in byAgency {
      byAgency[agency] = rows.enumerated().sorted {
        ($0.element.group.rawValue, $0.offset) < ($1.element.group.rawValue, $1.offset)
      }.map(\.element)
    }
    self.placed = placed
    self.byAgency = byAgency
    var themeItems: [String: [ThemeItem]] = [:]
    var reviewsByTheme: [String: [Review]] = [:]
    for review in reviews {
      for theme in Self.unique(review.themes) { reviewsByTheme[theme, default: []].append(review) }
      for finding in review.findings {
        for theme in Self.unique(finding.themes) {
          themeItems[theme, default: []].append(.finding(review: review.id, title: review.title, finding))
        }
      }
      for recommendation in review.recommendations {
        for theme in Self.unique(recommendation.themes) {
          themeItems[theme, default: []].append(
            .recommendation(review: review.id, title: review.title, recommendation))
        }
      }
    }
    self.themeItems = themeItems
    familiesByTheme = Self.familiesByTheme(cut, shown: reviews, sharing: basis)
    self.reviewsByTheme = reviewsByTheme
    var byReview: [String: [Dissemination]] = [:]
    var byTheme: [String: [Dissemination]] = [:]
    for activity in tracker.disseminations {
      // The public site shows only delivered activities about reviews it shows.
      if isPublic
        && (activity.status != .delivered || activity.date > day
          || !activity.reviews.allSatisfy { shown.contains($0) })
      {
        continue
      }
      for review in Self.unique(activity.reviews) where shown.contains(review) {
        byReview[review, default: []].append(activity)
      }
      for theme in Self.unique(activity.themes) { byTheme[theme, default: []].append(activity) }
    }
    disseminationsByReview = byReview
    disseminationsByTheme = byTheme
    returnsByAgency = isPublic ? [:] : Dictionary(grouping: tracker.section11, by: \.agency)
    reportsByReview = Dictionary(grouping: reports.filter { $0.review != nil }, by: { $0.review ?? "" })
  }

  /// Whether a review goes on the public site on `day`: published on or before it and not under
  /// embargo.
  public static func isPublishable(_ review: Review, on day: CalendarDay) -> Bool {
    (review.dates.published.map { $0 <= day } ?? false) && review.withheld(on: day) == nil
  }

  static func unique(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }

  /// Every page of the site, in the order they are written: the home page, the index, the search
  /// page, then each review, agency and theme.
  public var addresses: [SiteAddress] {
    var all: [SiteAddress] = [.home]
    all += (1...Self.pageCount(reviews.count, per: Self.reviewsPerIndexPage)).map { .everything(page: $0) }
    all.append(.search)
    all += reviews.map { .review($0.id) }
    for agency in cut.tracker.agencies {
      all += (1...Self.pageCount(byAgency[agency.id]?.count ?? 0, per: Self.rowsPerPage)).map {
        .agency(agency.id, page: $0)
      }
    }
    for theme in cut.tracker.themes {
      all += (1...themePageCount(theme.id)).map { .theme(theme.id, page: $0) }
    }
    return all
  }

  static func pageCount(_ count: Int, per size: Int) -> Int { max(1, (count + size - 1) / size) }

  /// The partnership's name.
  var partnership: String { cut.tracker.partnership.name }

  /// What every page says of the site: internal use, or published learning; and the day.
  public var notice: String {
    isPublic
      ? "Published learning from case reviews, as at \(cut.day)."
      : "For internal use only: this site shows reviews not yet published, action logs and Section 11 "
        + "returns, as at \(cut.day). Do not publish it or send it outside the partnership."
  }

  /// The page at `address`; nil when the site has no such page.
  public func page(_ address: SiteAddress) -> SitePage? {
    switch address {
    case .home: homePage
    case .everything(let page): everythingPage(page)
    case .search: searchPage
    case .review(let id): reviewByID[id].map(reviewPage)
    case .agency(let id, let page): cut.tracker.agency(id).map { agencyPage($0, page: page) }
    case .theme(let id, let page): cut.tracker.themes.first { $0.id == id }.map { themePage($0, page: page) }
    case .report, .reportPart: nil
    }
  }
}

/// One report written into the site as HTML: its address, its title, the review it is about (the
/// briefing and plan of one review) and how it is built, when it is written.
public struct SiteReport: Sendable {
  /// Where it is written.
  public var address: SiteAddress
  /// Its title in lists of reports.
  public var title: String
  /// The review it is about, if one.
  public var review: String?
  /// The agency it is about, if one (a chase list).
  public var agency: String?
  /// The kind of report and the options it is built with.
  public var kind: ReportKind
  /// The options it is built with.
  public var options: ReportOptions

  /// The reports a site carries. The intranet site: the meeting pack's reports (as `report all`
  /// writes them, less its one briefing and plan), a chase list per agency with open actions, and
  /// the briefing and the published plan of every review free to share on the day. The public
  /// site: only the briefing and the plan of each review it shows, since every other report draws
  /// on the whole store.
  public static func reports(
    _ tracker: Tracker, asOf: CalendarDay, since: CalendarDay, year: Int, isPublic: Bool,
    sharing basis: ReportBasis? = nil
  ) -> [SiteReport] {
    var reports: [SiteReport] = []
    if !isPublic {
      for entry in ReportRegistry.packEntries(tracker, asOf: asOf, since: since, year: year)
      where entry.skipped == nil && entry.formats.contains(.html)
        && entry.kind.pack?.forPublishedReview != true
      {
        reports.append(
          SiteReport(
            address: .report(entry.parts), title: reportTitle(entry.kind, entry.options), kind: entry.kind,
            options: entry.options))
      }
      let cut = basis?.cut(asOf) ?? TrackerAsOf(tracker, asOf: asOf)
      for agency in OverdueReport.agenciesToChase(cut, ReportOptions(asOf: asOf)) {
        var options = ReportOptions(asOf: asOf)
        options.agency = agency
        reports.append(
          SiteReport(
            address: .report(["chase", agency]), title: "Chase list: " + tracker.agencyName(agency),
            agency: agency, kind: ReportRegistry.overdue, options: options))
      }
    }
    var shareable: [Review] = []
    for review in tracker.reviews
    where review.withheld(on: asOf) == nil && (!isPublic || Site.isPublishable(review, on: asOf)) {
      // A review that had not begun on the day has no page.
      if let started = review.dates.started, started > asOf { continue }
      shareable.append(review)
    }
    for review in shareable {
      for kind in [ReportRegistry.briefing, ReportRegistry.plan] {
        var options = ReportOptions(asOf: asOf)
        options.review = review.id
        reports.append(
          SiteReport(
            address: .report([kind.name, review.id]),
            title: (kind.name == "briefing" ? "7-minute briefing: " : "Published action plan: ")
              + review.title,
            review: review.id, kind: kind, options: options))
      }
    }
    return reports
  }

  /// Builds the report from the store already cut at its day (`cut`, the site's own), so that a
  /// review's plan or an agency's chase list does not cut the whole store again, and from the
  /// site's one `ReportBasis`, so that the findings are compared once for every briefing.
  public func build(_ basis: ReportBasis, cut: TrackerAsOf) throws(ReportRequestError) -> any Report {
    switch kind.name {
    case "plan":
      if let review, let report = PlanReport.build(cut, options, review: review) { return report }
    case "briefing":
      if let review, let report = BriefingReport.build(cut, options, review: review, sharing: basis) {
        return report
      }
    case "overdue" where agency != nil:
      return OverdueReport.build(cut, options)
    default:
      break
    }
    return try kind.build(basis, options)
  }

  static func reportTitle(_ kind: ReportKind, _ options: ReportOptions) -> String {
    let name = kind.summary.prefix(1).uppercased() + kind.summary.dropFirst()
    return options.year.map { "\(name) (\($0))" } ?? name
  }
}

/// An action on an agency's page: overdue, open, or completed and awaiting the QA subgroup's
/// assurance.
struct AgencyRow: Sendable {
  enum Group: Int, Sendable, CaseIterable {
    case overdue, open, awaitingAssurance

    init?(_ state: ActionState) {
      if state.isOverdue {
        self = .overdue
      } else if state.isOpen {
        self = .open
      } else if state.status == .completed {
        self = .awaitingAssurance
      } else {
        return nil
      }
    }

    var heading: String {
      switch self {
      case .overdue: "Overdue actions"
      case .open: "Open actions not overdue"
      case .awaitingAssurance: "Completed actions awaiting assurance"
      }
    }
  }

  var group: Group
  var placed: PlacedAction
  var state: ActionState
}

/// A finding or a recommendation on a theme's page.
enum ThemeItem: Sendable {
  case finding(review: String, title: String, Finding)
  case recommendation(review: String, title: String, Recommendation)
}
