import LearningModel

/// Learning that comes back: each recommendation with its closest earlier recommendations from
/// other reviews (by `RarityWeightedSimilarity`), findings linked to the earlier findings they
/// repeat (recorded links confirmed, similar wording suggested), and the families this makes, each
/// with the state of the earlier recommendations' actions, so that "assured in 2023-24, found again
/// in 2025-26" stands out. Never a list of all similar pairs: at most `matches` per recommendation.
public struct RepeatsReport: Report, Equatable {
  /// A theme carried by reviews in more than one reporting year.
  public struct RecurringTheme: Encodable, Equatable, Sendable {
    /// The theme's ID.
    public var id: String
    /// The theme's name, or its ID when the catalogue has none.
    public var name: String
    /// Reporting years (by the year they start in) with reviews carrying the theme.
    public var years: [Int]
    /// The reviews dated on or before the report's day that carry the theme, in the order of the review list.
    public var reviews: [String]
  }

  /// An earlier recommendation close to a later one.
  public struct Match: Encodable, Equatable, Sendable {
    /// The earlier recommendation's reference.
    public var earlier: String
    /// The IDF-weighted Jaccard similarity, 0 to 1, rounded to two places.
    public var similarity: Double
    /// The words the two share, as written in the later recommendation.
    public var shared: [String]
  }

  /// A recommendation the report names, once, with what a reader needs about it.
  public struct Listed: Encodable, Equatable, Sendable {
    /// The recommendation's reference, such as `LCSPR-2025-02/R1`.
    public var reference: String
    /// The ID of the review it belongs to.
    public var review: String
    /// The review's reporting day; none when the review has no date (shown as undated).
    public var day: CalendarDay?
    /// The reporting year (by the year it starts in) of `day`.
    public var year: Int?
    /// The recommendation's text.
    public var text: String
    /// The recommendation's themes, else its review's.
    public var themes: [String]
    /// Rating and action counts as of the report's day.
    public var rating: BRAG?
    /// The recommendation's actions by BRAG rating.
    public var actions: BRAGCounts
    /// The earliest recommendation of its family.
    public var family: String
    /// Its closest earlier recommendations from other reviews, closest first (only for
    /// recommendations within the report's filters).
    public var matches: [Match]
  }

  /// The earliest recommendation and every later one linked to it through closest earlier matches.
  public struct Family: Encodable, Equatable, Sendable {
    /// The earliest recommendation's reference.
    public var earliest: String
    /// The later members, earliest first.
    public var members: [String]
    /// The reporting years (by the year they start in) of the dated members, the earliest included.
    public var years: [Int]
    /// The reviews of the earliest and later members, each once, in family order.
    public var reviews: [String]
    /// The names of the members' themes.
    public var themes: [String]
    /// The reporting year a member's actions were all assured, when a later member was found
    /// after that; and the year it was found again.
    public var assuredIn: Int?
    /// The reporting year a later member's review was dated in, after that assurance.
    public var foundAgainIn: Int?
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for: reviews dated after it are left out.
  public var asOf: CalendarDay
  /// The name of the similarity measure used.
  public var measure = RarityWeightedSimilarity.measure
  /// The least similarity that counts as a match, 0 to 1.
  public var threshold: Double
  /// At most this many closest earlier recommendations per recommendation.
  public var matchesPerRecommendation: Int
  /// The theme the report is limited to, if any.
  public var theme: String?
  /// The review the report is limited to, if any.
  public var review: String?
  /// The reporting year the report is limited to, if any.
  public var year: Int?
  /// The day from which reviews are included, if any.
  public var since: CalendarDay?
  /// Recommendations compared: those of reviews dated on or before the as-of day, and undated ones.
  public var recommendationsCompared = 0
  /// Reviews with no date: compared as the latest, shown as undated.
  public var undatedReviews = 0
  /// Themes carried by reviews in more than one reporting year, in the order of the catalogue.
  public var themes: [RecurringTheme] = []
  /// Families with a member within the filters: those spanning more than one reporting year
  /// first, then the largest, then the most recent.
  public var families: [Family] = []
  /// Every recommendation the families name, and every earlier match of one within the filters,
  /// earliest first; each once.
  public var recommendations: [Listed] = []
  /// Findings compared: those of reviews dated on or before the as-of day, and undated ones.
  public var findingsCompared = 0
  /// Families of findings that come back (see `findingFamilies(_:_:threshold:theme:sharing:)`).
  public var findingFamilies: [FindingFamily] = []

  /// The default similarity threshold (see docs/repeats.md for why).
  public static let defaultThreshold = 0.5
  /// The default number of closest earlier recommendations kept.
  public static let defaultMatches = 3
  /// Members of a family shown in text, Markdown and HTML before "and M more".
  public static let membersShown = 10
  /// Times an earlier recommendation is shown as a match in text, Markdown and HTML: a short text
  /// can be the closest earlier one of many, and a reader needs it a few times, not hundreds.
  public static let citationsShown = 3

  /// The report as of the options' day, keeping at most `limit` matches of at least `threshold` each.
  public static func build(
    _ cut: TrackerAsOf, _ options: ReportOptions, threshold: Double = defaultThreshold,
    matches limit: Int = defaultMatches, theme: String? = nil, sharing basis: ReportBasis? = nil
  ) -> RepeatsReport {
    let tracker = cut.tracker
    var report = RepeatsReport(
      partnership: tracker.partnership.name, asOf: options.asOf, threshold: threshold,
      matchesPerRecommendation: limit, theme: theme, review: options.review, year: options.year,
      since: options.since)
    let partnership = tracker.partnership
    let settings = partnership.settings
    let names = Dictionary(tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    (report.findingsCompared, report.findingFamilies) = findingFamilies(
      cut, options, threshold: threshold, theme: theme, sharing: basis)
    var years: [String: Set<Int>] = [:]
    var carriers: [String: [String]] = [:]
    struct Entry {
      let reference: String
      let review: Int
      let recommendation: Int
      let day: CalendarDay?
      var words: [TextSimilarity.Word]
    }
    var entries: [Entry] = []
    var texts: [String] = []
    for (reviewIndex, review) in tracker.reviews.enumerated() {
      let day = DigestReport.reportingDay(review)
      if let day {
        guard day <= options.asOf else { continue }
        let year = partnership.reportingYear(containing: day)
        for carried in Set(review.themes)
        where carried != "good-practice" && (theme == nil || carried == theme) {
          years[carried, default: []].insert(year)
          carriers[carried, default: []].append(review.id)
        }
      } else {
        report.undatedReviews += 1
      }
      for (index, recommendation) in review.recommendations.enumerated() {
        entries.append(
          Entry(
            reference: "\(review.id)/\(recommendation.id)", review: reviewIndex, recommendation: index,
            day: day, words: []))
        texts.append(recommendation.text)
      }
    }
    for (index, words) in TextSimilarity.words(of: texts).enumerated() { entries[index].words = words }
    report.themes = tracker.themes.map(\.id).compactMap { id in
      guard let set = years[id], set.count > 1 else { return nil }
      return RecurringTheme(id: id, name: names[id] ?? id, years: set.sorted(), reviews: carriers[id] ?? [])
    }
    // Earliest first; undated reviews count as the latest; ties by reference.
    sortLines(&entries, reference: { $0.reference }, rank: { $0.day?.dayNumber ?? Int.max })
    report.recommendationsCompared = entries.count
    let similarity = RarityWeightedSimilarity(texts: entries.map { $0.words.map(\.stem) })
    let closest = similarity.closestEarlier(
      sources: entries.map(\.review), threshold: threshold, limit: limit)

    func recommendation(_ position: Int) -> (Review, Recommendation) {
      let review = tracker.reviews[entries[position].review]
      return (review, review.recommendations[entries[position].recommendation])
    }
    func themes(_ position: Int) -> [String] {
      let (review, recommendation) = recommendation(position)
      return recommendation.themes.isEmpty ? review.themes : recommendation.themes
    }
    func inScope(_ position: Int) -> Bool {
      let entry = entries[position]
      if let review = options.review, tracker.reviews[entry.review].id != review { return false }
      if let year = options.year {
        guard let day = entry.day, partnership.reportingYear(containing: day) == year else { return false }
      }
      if let since = options.since {
        guard let day = entry.day, day >= since else { return false }
      }
      if let theme, !themes(position).contains(theme) { return false }
      return true
    }

    // Families: each recommendation linked to its single closest earlier match.
    var root = Array(entries.indices)
    var members: [Int: [Int]] = [:]
    for position in entries.indices {
      guard let parent = closest[position].first?.earlier else { continue }
      root[position] = root[parent]
      members[root[position], default: []].append(position)
    }
    var chosen: [(earliest: Int, later: [Int], multiYear: Bool)] = []
    for (earliest, later) in members where inScope(earliest) || later.contains(where: inScope) {
      let spanned = Set(([earliest] + later).compactMap { entries[$0].day.map(partnership.reportingYear) })
      chosen.append((earliest, later, spanned.count > 1))
    }
    chosen.sort { a, b in
      if a.multiYear != b.multiYear { return a.multiYear }
      if a.later.count != b.later.count { return a.later.count > b.later.count }
      let latestA = a.later.last ?? a.earliest
      let latestB = b.later.last ?? b.earliest
      return latestA > latestB
    }

    var listed: [Int] = []
    for family in chosen {
      let all = [family.earliest] + family.later
      listed.append(contentsOf: all)
      var reviewIDs: [String] = []
      var seenReviews = Set<Int>()
      var familyThemes = Set<String>()
      for position in all {
        if seenReviews.insert(entries[position].review).inserted {
          reviewIDs.append(tracker.reviews[entries[position].review].id)
        }
        familyThemes.formUnion(themes(position))
      }
      var line = Family(
        earliest: entries[family.earliest].reference, members: family.later.map { entries[$0].reference },
        years: Set(all.compactMap { entries[$0].day.map(partnership.reportingYear) }).sorted(),
        reviews: reviewIDs,
        themes: tracker.themes.filter { familyThemes.contains($0.id) }.map(\.name))
      // Assured, then found again: the first member whose actions were all assured before a
      // later member's review. The latest day after each member says at once whether any later
      // member can follow its assurance, so the later members are walked only for the one found.
      var latestAfter = [CalendarDay?](repeating: nil, count: all.count + 1)
      for index in all.indices.reversed() {
        latestAfter[index] = [latestAfter[index + 1], entries[all[index]].day].compactMap { $0 }.max()
      }
      search: for (index, position) in all.enumerated() {
        guard let latest = latestAfter[index + 1] else { break }
        let (_, earlier) = recommendation(position)
        guard earlier.rating(asOf: options.asOf, settings: settings) == .blue,
          let assured = Self.assuredOn(earlier, asOf: options.asOf), latest > assured
        else { continue }
        for later in all[(index + 1)...] {
          if let day = entries[later].day, day > assured {
            line.assuredIn = partnership.reportingYear(containing: assured)
            line.foundAgainIn = partnership.reportingYear(containing: day)
            break search
          }
        }
      }
      report.families.append(line)
    }
    // Every earlier match of a recommendation within the filters is named too.
    var named = Set(listed)
    for position in listed where inScope(position) {
      for match in closest[position] where named.insert(match.earlier).inserted {
        listed.append(match.earlier)
      }
    }
    listed.sort()
    report.recommendations = listed.map { position in
      let entry = entries[position]
      let (review, recommendation) = recommendation(position)
      var counts = BRAGCounts()
      for action in recommendation.actions {
        let state = action.state(asOf: options.asOf, settings: settings, heardFrom: review.planDay)
        if state.exists { counts.add(state.brag) }
      }
      let matches: [Match] =
        inScope(position)
        ? closest[position].map { match in
          let earlier = Set(entries[match.earlier].words.map(\.stem))
          return Match(
            earlier: entries[match.earlier].reference, similarity: (match.similarity * 100).rounded() / 100,
            shared: entry.words.filter { earlier.contains($0.stem) }.map(\.written))
        } : []
      return Listed(
        reference: entry.reference, review: review.id, day: entry.day,
        year: entry.day.map(partnership.reportingYear), text: recommendation.text, themes: themes(position),
        rating: recommendation.rating(asOf: options.asOf, settings: settings), actions: counts,
        family: entries[root[position]].reference, matches: matches)
    }
    return report
  }

  /// The day a recommendation's actions were last assured, on or before `asOf`.
  static func assuredOn(_ recommendation: Recommendation, asOf: CalendarDay) -> CalendarDay? {
    recommendation.actions.compactMap { $0.fold(through: asOf).assuredOn }.max()
  }

  /// "2025-26".
  static func yearName(_ year: Int) -> String { "\(year)-\(String(year + 1).suffix(2))" }

  /// The report laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    let byReference = Dictionary(
      recommendations.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
    func dated(_ reference: String) -> String {
      guard let listed = byReference[reference] else { return reference }
      return "\(reference) (\(listed.day?.description ?? "undated"))"
    }
    func andMore(_ list: [String], _ total: Int) -> String {
      list.joined(separator: ", ") + (total > list.count ? ", and \(total - list.count) more" : "")
    }
    var themeTable = Table(
      caption: "Themes found in more than one reporting year",
      columns: [.init("Theme"), .init("Years"), .init("Reviews")], emptyText: "No theme recurs across years.")
    for theme in themes {
      themeTable.append([
        Table.Cell(theme.name),
        Table.Cell(theme.years.map(Self.yearName).joined(separator: ", ")),
        Table.Cell(andMore(Array(theme.reviews.prefix(Self.membersShown)), theme.reviews.count)),
      ])
    }
    var familyTable = Table(
      caption: "Families: the earliest recommendation and the later ones that repeat it",
      columns: [
        .init("Earliest"), .init("Learning"), .init("Found again in"), .init("Years"), .init("Themes"),
        .init("Assured, then found again"),
      ],
      emptyText: "No recommendation repeats an earlier one.")
    for family in families {
      let assurance =
        family.assuredIn.flatMap { assured in
          family.foundAgainIn.map {
            "assured in \(Self.yearName(assured)), found again in \(Self.yearName($0))"
          }
        } ?? ""
      familyTable.append([
        Table.Cell(dated(family.earliest)), Table.Cell(byReference[family.earliest]?.text ?? ""),
        Table.Cell(andMore(family.members.prefix(Self.membersShown).map(dated), family.members.count)),
        Table.Cell(family.years.map(Self.yearName).joined(separator: ", ")),
        Table.Cell(family.themes.joined(separator: ", ")),
        Table.Cell(assurance),
      ])
    }
    var matchTable = Table(
      caption: "Closest earlier recommendations from other reviews",
      columns: [
        .init("Recommendation"), .init("Text"), .init("Earlier"), .init("Similarity", .right),
        .init("Shared words"), .init("State of its actions"),
      ],
      emptyText: "No recommendation has an earlier one this similar.")
    var matched = 0
    var cited: [String: Int] = [:]
    var leftOut = 0
    for later in recommendations where !later.matches.isEmpty {
      matched += 1
      let shown = later.matches.filter { match in
        cited[match.earlier, default: 0] += 1
        return cited[match.earlier, default: 0] <= Self.citationsShown
      }
      leftOut += later.matches.count - shown.count
      for (index, match) in shown.enumerated() {
        let earlier = byReference[match.earlier]
        let state: Table.Cell =
          earlier.flatMap { earlier in
            earlier.rating.map {
              Table.Cell(
                "\($0.title): R\(earlier.actions.red) A\(earlier.actions.amber) G\(earlier.actions.green) B\(earlier.actions.blue)",
                rating: $0.rawValue)
            }
          } ?? Table.Cell("no actions")
        matchTable.append([
          Table.Cell(index == 0 ? dated(later.reference) : ""), Table.Cell(index == 0 ? later.text : ""),
          Table.Cell(dated(match.earlier)), Table.Cell("\(Int((match.similarity * 100).rounded()))%"),
          Table.Cell(match.shared.joined(separator: " ")), state,
        ])
      }
    }
    let spanning = families.filter { $0.years.count > 1 }.count
    let assuredAgain = families.filter { $0.assuredIn != nil }.count
    var figures: [ReportDocument.Figure] = [
      .init("Similarity", "\(measure), at least \(String(threshold))"),
      .init("Closest earlier recommendations kept", String(matchesPerRecommendation)),
      .init("Recommendations compared", String(recommendationsCompared)),
      .init("Reviews with no date (compared as the latest, shown as undated)", String(undatedReviews)),
      .init("Recommendations with an earlier match", String(matched)),
      .init("Families", "\(families.count), of which \(spanning) span more than one reporting year"),
      .init("Families where learning was assured, then found again", String(assuredAgain)),
      .init("Findings compared", String(findingsCompared)),
      .init(
        "Findings that repeat an earlier one",
        {
          let later = findingFamilies.flatMap(\.members)
          let confirmed = later.filter { $0.link == "confirmed" }.count
          return
            "\(later.count): \(confirmed) confirmed, \(later.count - confirmed) suggested by similar wording"
        }()),
    ]
    if let theme { figures.append(.init("Theme", theme)) }
    if let year { figures.append(.init("Reporting year", Self.yearName(year))) }
    if let since { figures.append(.init("Recommendations since", since.description)) }
    var subtitle = "\(partnership) · as at \(asOf)"
    if let review { subtitle += " · review: \(review)" }
    return ReportDocument(
      title: "Learning that comes back", subtitle: subtitle,
      sections: [
        .init(
          "How recommendations are compared",
          [
            .figures(figures),
            .paragraph(
              "Each recommendation is compared with the earlier recommendations of other reviews. Each word weighs more the rarer it is among the recommendations (common words and word endings left out), and the similarity is the weight of the words two share over the weight of all their words. Each is linked to its closest earlier one; the chains this makes are families of learning that comes back."
            ),
          ]),
        .init("Recurring themes", [.table(themeTable)]),
        .init(
          "Findings that come back",
          [
            .paragraph(
              "A finding is linked to the earlier finding the business unit recorded it repeats (confirmed), else to its closest earlier finding of another review by the same similarity (suggested: check it, and record the link with 'finding update REF --repeats EARLIER')."
            ),
            .table(findingFamilyTable),
          ]),
        .init("Families of learning that comes back", [.table(familyTable)]),
        .init(
          "Recommendations made again",
          [.table(matchTable)]
            + (leftOut == 0
              ? []
              : [
                .paragraph(
                  "\(plural(leftOut, "further match", "further matches")) to earlier recommendations "
                    + "already shown \(plural(Self.citationsShown, "time")) "
                    + (leftOut == 1 ? "is" : "are")
                    + " left out here; the families place every recommendation, and JSON and CSV hold every match."
                )
              ])),
      ])
  }

  /// One row per recommendation the families name, by family.
  public var csvTable: Table {
    var table = Table(
      caption: "Recommendations that come back, by family",
      columns: [
        "Family", "Reference", "Review", "Day", "Reporting year", "Rating", "Closest earlier", "Similarity",
        "Shared words", "Other earlier matches",
      ].map { Table.Column($0) })
    let byReference = Dictionary(
      recommendations.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
    for family in families {
      for reference in [family.earliest] + family.members {
        guard let listed = byReference[reference] else { continue }
        let first = listed.matches.first
        table.append(
          [
            family.earliest, listed.reference, listed.review, listed.day?.description ?? "undated",
            listed.year.map(Self.yearName) ?? "", listed.rating?.title ?? "", first?.earlier ?? "",
            first.map { String($0.similarity) } ?? "", first?.shared.joined(separator: " ") ?? "",
            listed.matches.dropFirst().map { "\($0.earlier) (\($0.similarity))" }.joined(separator: "; "),
          ].map { Table.Cell($0) })
      }
    }
    return table
  }
}
