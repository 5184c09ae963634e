import LearningModel

/// For trainers: per theme, the reviews that carry it, their findings and good practice, the
/// recommendations with the state of their actions, the dissemination that covered it, and how
/// often it recurred year by year.
public struct ThemesReport: Report, Equatable {
  public struct ThemeSection: Encodable, Equatable, Sendable {
    public struct RecommendationLine: Encodable, Equatable, Sendable {
      public var reference: String
      public var text: String
      public var response: RecommendationResponse
      public var rating: BRAG?
      public var brag: BRAGCounts
    }

    public var id: String
    public var name: String
    public var reviews: [String] = []
    public var findings: [String] = []
    public var goodPractice: [String] = []
    public var recommendations: [RecommendationLine] = []
    public var disseminations: [String] = []
    /// Cases carrying the theme, by reporting year (the year it starts in); a Rapid Review and the
    /// reviews that follow it are one case.
    public var byYear: [Int: Int] = [:]
    /// A different case carried the theme in a later year than an earlier case did.
    public var recurrent = false
  }

  /// A review whose findings and recommendations the pack leaves out, and why.
  public struct WithheldLine: Encodable, Equatable, Sendable {
    public var review: String
    public var title: String
    public var reason: String
  }

  public var partnership: String
  public var asOf: CalendarDay
  public var year: Int?
  public var themes: [ThemeSection] = []
  /// Reviews in scope whose findings and recommendations are left out: in progress or under embargo.
  public var withheld: [WithheldLine] = []

  public static func build(_ tracker: Tracker, _ options: ReportOptions, theme only: String?) -> ThemesReport
  {
    let tracker = tracker.asOf(options.asOf)
    var report = ThemesReport(partnership: tracker.partnership.name, asOf: options.asOf, year: options.year)
    let cases = CaseIndex(tracker)
    var sightings: [String: Set<ThemeSighting>] = [:]
    let settings = tracker.partnership.settings
    let names = Dictionary(tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var sections: [String: ThemeSection] = [:]
    func section(_ id: String) -> ThemeSection { sections[id] ?? ThemeSection(id: id, name: names[id] ?? id) }
    for review in tracker.reviews {
      guard let day = DigestReport.reportingDay(review) else { continue }
      let reviewYear = tracker.partnership.reportingYear(containing: day)
      let withheld = review.withheld(on: options.asOf)
      if let withheld, options.year == nil || options.year == reviewYear {
        report.withheld.append(.init(review: review.id, title: review.title, reason: withheld.description))
      }
      let caseID = cases.caseID(of: review.id)
      for theme in DigestReport.carriedThemes(review, asOf: options.asOf) where only == nil || theme == only {
        var entry = section(theme)
        sightings[theme, default: []].insert(ThemeSighting(caseID: caseID, year: reviewYear))
        if options.year == nil || options.year == reviewYear {
          entry.reviews.append(
            "\(review.id) (\(review.title))" + (withheld == nil ? "" : ": learning withheld"))
        }
        if withheld == nil && (options.year == nil || options.year == reviewYear) {
          for finding in review.findings where finding.themes.contains(theme) {
            let line = "\(review.id)/\(finding.id): \(finding.text)"
            if finding.goodPractice { entry.goodPractice.append(line) } else { entry.findings.append(line) }
          }
          for recommendation in review.recommendations where recommendation.themes.contains(theme) {
            var counts = BRAGCounts()
            for action in recommendation.actions {
              let state = action.state(asOf: options.asOf, settings: settings)
              if state.exists { counts.add(state.brag) }
            }
            entry.recommendations.append(
              .init(
                reference: "\(review.id)/\(recommendation.id)", text: recommendation.text,
                response: recommendation.response,
                rating: recommendation.rating(asOf: options.asOf, settings: settings), brag: counts))
          }
        }
        sections[theme] = entry
      }
    }
    for (theme, seen) in sightings {
      sections[theme]?.recurrent = (seen.map(\.year)).contains { seen.recurs(in: $0) }
      for year in Set(seen.map(\.year)) {
        sections[theme]?.byYear[year] = seen.filter { $0.year == year }.caseCount
      }
    }
    for activity in tracker.disseminations
    where activity.status == .delivered && activity.date <= options.asOf {
      if let year = options.year, !tracker.partnership.reportingYear(year).contains(activity.date) {
        continue
      }
      for theme in activity.themes where only == nil || theme == only {
        var entry = section(theme)
        entry.disseminations.append("\(activity.date) \(activity.title) (\(activity.reach ?? 0) reached)")
        sections[theme] = entry
      }
    }
    let order = tracker.themes.map(\.id)
    report.themes = (order + sections.keys.filter { !order.contains($0) }.sorted()).compactMap {
      sections[$0]
    }
    .filter { !$0.reviews.isEmpty || !$0.disseminations.isEmpty }
    return report
  }

  public var document: ReportDocument {
    var sections: [ReportDocument.Section] = []
    var overview = Table(
      caption: "Themes by reporting year (cases carrying each theme)",
      columns: [.init("Theme")] + years.map { Table.Column("\($0)-\(String($0 + 1).suffix(2))", .right) } + [
        .init("Recurrent")
      ],
      emptyText: "No themes recorded.")
    for theme in themes {
      let recurrent = theme.recurrent
      overview.append(
        [Table.Cell(theme.name)] + years.map { .number(theme.byYear[$0] ?? 0) } + [
          Table.Cell(recurrent ? "yes" : "no")
        ])
    }
    var overviewBlocks: [ReportDocument.Block] = [
      .table(overview),
      .paragraph(
        "A Rapid Review and the reviews that follow it are one case; a theme is recurrent when a different case carries it in a later year."
      ),
    ]
    if !withheld.isEmpty {
      overviewBlocks.append(
        .paragraph(
          "Left out: the findings and recommendations of "
            + withheld.map { "\($0.review) (\($0.title), \($0.reason))" }.joined(separator: "; ") + "."))
    }
    sections.append(.init("Overview", overviewBlocks))
    for theme in themes {
      var blocks: [ReportDocument.Block] = [
        .paragraph(
          "Reviews: " + (theme.reviews.isEmpty ? "none in scope" : theme.reviews.joined(separator: "; "))
            + ".")
      ]
      blocks.append(
        theme.findings.isEmpty ? .paragraph("No findings tagged with this theme.") : .bullets(theme.findings))
      if !theme.goodPractice.isEmpty {
        blocks.append(.paragraph("Good practice:"))
        blocks.append(.bullets(theme.goodPractice))
      }
      var recommendations = Table(
        caption: "Recommendations on \(theme.name)",
        columns: [
          .init("Recommendation"), .init("Text"), .init("Response"), .init("Rating"),
          .init("Actions R/A/G/B", .right),
        ],
        emptyText: "No recommendations tagged with this theme.")
      for line in theme.recommendations {
        recommendations.append([
          Table.Cell(line.reference), Table.Cell(line.text), Table.Cell(line.response.title),
          line.rating.map { Table.Cell.rating($0) } ?? Table.Cell("no actions"),
          Table.Cell("\(line.brag.red)/\(line.brag.amber)/\(line.brag.green)/\(line.brag.blue)"),
        ])
      }
      blocks.append(.table(recommendations))
      blocks.append(.paragraph("Dissemination: " + (theme.disseminations.isEmpty ? "none delivered." : "")))
      if !theme.disseminations.isEmpty { blocks.append(.bullets(theme.disseminations)) }
      sections.append(.init(theme.name, blocks))
    }
    let scope = year.map { "reporting year \($0)-\(String($0 + 1).suffix(2))" } ?? "all years"
    return ReportDocument(
      title: "Theme pack", subtitle: "\(partnership) · as at \(asOf) · \(scope)", sections: sections)
  }

  var years: [Int] { Array(Set(themes.flatMap { $0.byYear.keys })).sorted() }

  /// One row per theme and recommendation.
  public var csvTable: Table {
    var table = Table(
      caption: "Themes",
      columns: ["Theme", "Recommendation", "Text", "Response", "Rating"].map { Table.Column($0) })
    for theme in themes {
      for line in theme.recommendations {
        table.append(
          [theme.id, line.reference, line.text, line.response.rawValue, line.rating?.title ?? ""].map {
            Table.Cell($0)
          })
      }
    }
    return table
  }
}
