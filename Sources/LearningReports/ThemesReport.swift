import LearningModel

/// For trainers: per theme, a course pack: the reviews that carry it, their findings (with the
/// earlier findings they repeat) and good practice, questions for reflection, the recommendations
/// with the state of their actions, the dissemination that covered it with its coverage and
/// evaluation, and how often it recurred year by year. A finding or recommendation counts for a
/// theme it carries or that its review carries.
public struct ThemesReport: Report, Equatable {
  /// One theme: the reviews, findings, recommendations and dissemination that carry it.
  public struct ThemeSection: Encodable, Equatable, Sendable {
    /// A recommendation tagged with the theme.
    public struct RecommendationLine: Encodable, Equatable, Sendable {
      /// The recommendation's reference, such as `LCSPR-2025-02/R1`.
      public var reference: String
      /// The recommendation's text.
      public var text: String
      /// The partnership's response to the recommendation.
      public var response: RecommendationResponse
      /// The recommendation's BRAG rating on the report's day; absent when it has none.
      public var rating: BRAG?
      /// The recommendation's actions by BRAG rating on the report's day.
      public var brag: BRAGCounts
    }

    /// The theme's ID.
    public var id: String
    /// The theme's name, or its ID when the catalogue has none.
    public var name: String
    /// Reviews carrying the theme, as "ID (title)", marked when their learning is withheld.
    public var reviews: [String] = []
    /// Findings counting for the theme (theirs or their review's) that are not good practice, as
    /// "reference: text", with the earlier finding each repeats.
    public var findings: [String] = []
    /// Findings counting for the theme marked good practice, as "reference: text".
    public var goodPractice: [String] = []
    /// Questions for reflection on the theme, as the briefing asks them.
    public var questions: [String] = []
    /// Recommendations counting for the theme: tagged with it, or of a review that carries it.
    public var recommendations: [RecommendationLine] = []
    /// Activities covering the theme delivered by the report's day, as "day title (reach)", with
    /// their reach by agency, evaluation and follow-up.
    public var disseminations: [String] = []
    /// Cases carrying the theme, by reporting year (the year it starts in); a Rapid Review and the
    /// reviews that follow it are one case.
    public var byYear: [Int: Int] = [:]
    /// A different case carried the theme in a later year than an earlier case did.
    public var recurrent = false
    /// Reviews with no day recorded (so in no reporting year) carrying the theme.
    public var undated = 0
  }

  /// A review whose findings and recommendations the pack leaves out, and why.
  public struct WithheldLine: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// The review's title.
    public var title: String
    /// Why it is left out: in progress, or under embargo until a day.
    public var reason: String
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for.
  public var asOf: CalendarDay
  /// The reporting year the report is limited to, if any.
  public var year: Int?
  /// Reviews with no day recorded, as "ID (title)": in no reporting year, so listed apart.
  public var undatedReviews: [String] = []
  /// Themes in the order of the catalogue, then any others by ID; only those with a review or an activity.
  public var themes: [ThemeSection] = []
  /// Reviews in scope whose findings and recommendations are left out: in progress or under embargo.
  public var withheld: [WithheldLine] = []

  /// The pack as of the options' day, for the theme `only` if given.
  public static func build(
    _ cut: TrackerAsOf, _ options: ReportOptions, theme only: String?, sharing basis: ReportBasis? = nil
  ) -> ThemesReport {
    let tracker = cut.tracker
    var report = ThemesReport(partnership: tracker.partnership.name, asOf: options.asOf, year: options.year)
    let cases = CaseIndex(tracker)
    var sightings: [String: Set<ThemeSighting>] = [:]
    let settings = tracker.partnership.settings
    let names = Dictionary(tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var sections: [String: ThemeSection] = [:]
    // Taken out of the dictionary while it grows, so that appending never copies its lists.
    func section(_ id: String) -> ThemeSection {
      sections.removeValue(forKey: id)
        ?? ThemeSection(
          id: id, name: names[id] ?? id,
          questions: BriefingReport.questions[id] ?? BriefingReport.generalQuestions)
    }
    let repeats = basis.findingRepeats(
      cut, asOf: options.asOf, threshold: RepeatsReport.defaultThreshold, limit: 1)
    func repeated(_ reference: String) -> String {
      guard let position = repeats.position[reference], let parent = repeats.parent(of: position) else {
        return ""
      }
      return
        " (repeats \(repeats.entries[parent.earlier].reference), \(parent.confirmed ? "confirmed" : "suggested"))"
    }
    for review in tracker.reviews {
      // A review with no day recorded is in no reporting year: listed as undated, never left out.
      let reviewYear = DigestReport.reportingDay(review).map {
        tracker.partnership.reportingYear(containing: $0)
      }
      if reviewYear == nil { report.undatedReviews.append("\(review.id) (\(review.title))") }
      let inScope = options.year == nil || (reviewYear != nil && options.year == reviewYear)
      let withheld = review.withheld(on: options.asOf)
      if let withheld, inScope {
        report.withheld.append(.init(review: review.id, title: review.title, reason: withheld.description))
      }
      let caseID = cases.caseID(of: review.id)
      for theme in DigestReport.carriedThemes(review, asOf: options.asOf) where only == nil || theme == only {
        var entry = section(theme)
        if let reviewYear {
          sightings[theme, default: []].insert(ThemeSighting(caseID: caseID, year: reviewYear))
        } else if inScope {
          entry.undated += 1
        }
        if inScope {
          entry.reviews.append(
            "\(review.id) (\(review.title))" + (reviewYear == nil ? ", undated" : "")
              + (withheld == nil ? "" : ": learning withheld"))
        }
        if withheld == nil && inScope {
          for finding in review.findings where finding.themes.contains(theme) || review.themes.contains(theme)
          {
            let reference = "\(review.id)/\(finding.id)"
            let line = "\(reference): \(finding.text)" + (finding.goodPractice ? "" : repeated(reference))
            if finding.goodPractice { entry.goodPractice.append(line) } else { entry.findings.append(line) }
          }
          for recommendation in review.recommendations
          where recommendation.themes.contains(theme) || review.themes.contains(theme) {
            var counts = BRAGCounts()
            for action in recommendation.actions {
              let state = action.state(asOf: options.asOf, settings: settings, heardFrom: review.planDay)
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
      // Each year once (the sightings grouped by year), never once per sighting.
      let byYear = Dictionary(grouping: seen, by: \.year)
      sections[theme]?.recurrent = byYear.keys.contains { seen.recurs(in: $0) }
      for (year, sightings) in byYear {
        sections[theme]?.byYear[year] = sightings.caseCount
      }
    }
    for activity in tracker.disseminations
    where activity.status == .delivered && activity.date <= options.asOf {
      if let year = options.year, !tracker.partnership.reportingYear(year).contains(activity.date) {
        continue
      }
      for theme in activity.themes where only == nil || theme == only {
        var entry = section(theme)
        var line = "\(activity.date) \(activity.title) (\(activity.reach ?? 0) reached"
        if let reachBy = activity.reachByAgency, !reachBy.isEmpty {
          line +=
            ": " + reachBy.map { "\(tracker.agencyName($0.agency)) \($0.reach)" }.joined(separator: ", ")
        }
        line += ")"
        if let evaluation = activity.evaluation {
          line += "; rated \(evaluation.rating) of 5 by \(evaluation.responses)"
          if let willChange = evaluation.willChange { line += ", \(willChange) would change their practice" }
        }
        if let followUp = activity.followUp { line += "; follow-up \(followUp.date): \(followUp.note)" }
        entry.disseminations.append(line)
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

  /// The pack laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    var sections: [ReportDocument.Section] = []
    var overview = Table(
      caption: "Themes by reporting year (cases carrying each theme)",
      columns: [.init("Theme")] + years.map { Table.Column("\($0)-\(String($0 + 1).suffix(2))", .right) } + [
        .init("Recurrent")
      ],
      emptyText: "No themes recorded.")
    let showUndated = themes.contains { $0.undated > 0 }
    if showUndated {
      overview.columns.insert(Table.Column("Undated", .right), at: overview.columns.count - 1)
    }
    for theme in themes {
      let recurrent = theme.recurrent
      overview.append(
        [Table.Cell(theme.name)] + years.map { .number(theme.byYear[$0] ?? 0) }
          + (showUndated ? [.number(theme.undated)] : []) + [Table.Cell(recurrent ? "yes" : "no")])
    }
    var overviewBlocks: [ReportDocument.Block] = [
      .table(overview),
      .paragraph(
        "A Rapid Review and the reviews that follow it are one case; a theme is recurrent when a different case carries it in a later year."
      ),
    ]
    if !undatedReviews.isEmpty {
      overviewBlocks.append(
        .paragraph(
          "Reviews with no start or publication day recorded, so in no reporting year (record the day "
            + "the review started or was published): " + undatedReviews.joined(separator: "; ") + "."))
    }
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
        theme.findings.isEmpty ? .paragraph("No findings on this theme.") : .bullets(theme.findings))
      if !theme.goodPractice.isEmpty {
        blocks.append(.paragraph("Good practice:"))
        blocks.append(.bullets(theme.goodPractice))
      }
      blocks.append(.paragraph("Questions for reflection:"))
      blocks.append(.bullets(theme.questions))
      var recommendations = Table(
        caption: "Recommendations on \(theme.name)",
        columns: [
          .init("Recommendation"), .init("Text"), .init("Response"), .init("Rating"),
          .init("Actions R/A/G/B", .right),
        ],
        emptyText: "No recommendations on this theme.")
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
