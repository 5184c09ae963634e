import LearningModel

/// Learning that comes back: themes that recur across reviews in different reporting years, and
/// pairs of recommendations from different reviews whose texts are similar, each with the state of
/// the earlier recommendation's actions, so that "assured in 2024, found again in 2026" stands out.
public struct RepeatsReport: Report, Equatable {
  public struct RecurringTheme: Encodable, Equatable, Sendable {
    public var id: String
    public var name: String
    /// Reporting years (by the year they start in) with reviews carrying the theme.
    public var years: [Int]
    public var reviews: [String]
  }

  public struct SimilarPair: Encodable, Equatable, Sendable {
    public var earlier: String
    public var earlierText: String
    public var earlierDay: CalendarDay
    public var later: String
    public var laterText: String
    public var laterDay: CalendarDay
    /// Jaccard similarity of the two texts' word sets, 0 to 1.
    public var similarity: Double
    /// The earlier recommendation's rating and action counts as of the report's day.
    public var earlierRating: BRAG?
    public var earlierActions: BRAGCounts
    public var shared: [String]
  }

  public var partnership: String
  public var asOf: CalendarDay
  public var threshold: Double
  public var themes: [RecurringTheme] = []
  public var pairs: [SimilarPair] = []

  /// The default similarity threshold.
  public static let defaultThreshold = 0.3

  public static func build(_ tracker: Tracker, _ options: ReportOptions, threshold: Double = defaultThreshold)
    -> RepeatsReport
  {
    var report = RepeatsReport(
      partnership: tracker.partnership.name, asOf: options.asOf, threshold: threshold)
    let settings = tracker.partnership.settings
    let names = Dictionary(tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var years: [String: Set<Int>] = [:]
    var carriers: [String: [String]] = [:]
    struct Entry {
      let reference: String
      let text: String
      let day: CalendarDay
      let review: String
      let tokens: Set<String>
      let recommendation: Recommendation
    }
    var entries: [Entry] = []
    for review in tracker.reviews {
      guard let day = DigestReport.reportingDay(review), day <= options.asOf else { continue }
      let year = tracker.partnership.reportingYear(containing: day)
      for theme in Set(review.themes) where theme != "good-practice" {
        years[theme, default: []].insert(year)
        carriers[theme, default: []].append(review.id)
      }
      for recommendation in review.recommendations {
        entries.append(
          Entry(
            reference: "\(review.id)/\(recommendation.id)", text: recommendation.text, day: day,
            review: review.id,
            tokens: TextSimilarity.tokens(recommendation.text), recommendation: recommendation))
      }
    }
    report.themes = tracker.themes.map(\.id).compactMap { id in
      guard let set = years[id], set.count > 1 else { return nil }
      return RecurringTheme(id: id, name: names[id] ?? id, years: set.sorted(), reviews: carriers[id] ?? [])
    }
    // Candidate pairs through an index of words, so texts that share nothing are never compared.
    entries.sort { $0.day != $1.day ? $0.day < $1.day : naturalOrder($0.reference, $1.reference) }
    var postings: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      var shared: [Int: Int] = [:]
      for token in entry.tokens { for other in postings[token] ?? [] { shared[other, default: 0] += 1 } }
      for (other, count) in shared {
        let earlier = entries[other]
        guard earlier.review != entry.review else { continue }
        let similarity = Double(count) / Double(earlier.tokens.count + entry.tokens.count - count)
        guard similarity >= threshold else { continue }
        var counts = BRAGCounts()
        for action in earlier.recommendation.actions {
          let state = action.state(asOf: options.asOf, settings: settings)
          if state.exists { counts.add(state.brag) }
        }
        report.pairs.append(
          SimilarPair(
            earlier: earlier.reference, earlierText: earlier.text, earlierDay: earlier.day,
            later: entry.reference, laterText: entry.text,
            laterDay: entry.day, similarity: (similarity * 100).rounded() / 100,
            earlierRating: earlier.recommendation.rating(asOf: options.asOf, settings: settings),
            earlierActions: counts,
            shared: earlier.tokens.intersection(entry.tokens).sorted()))
      }
      for token in entry.tokens { postings[token, default: []].append(index) }
    }
    report.pairs.sort {
      $0.similarity != $1.similarity
        ? $0.similarity > $1.similarity : ($0.later, $0.earlier) < ($1.later, $1.earlier)
    }
    return report
  }

  public var document: ReportDocument {
    var themeTable = Table(
      caption: "Themes found in more than one reporting year",
      columns: [.init("Theme"), .init("Years"), .init("Reviews")], emptyText: "No theme recurs across years.")
    for theme in themes {
      themeTable.append([
        Table.Cell(theme.name),
        Table.Cell(theme.years.map { "\($0)-\(String($0 + 1).suffix(2))" }.joined(separator: ", ")),
        Table.Cell(theme.reviews.joined(separator: ", ")),
      ])
    }
    var pairTable = Table(
      caption: "Similar recommendations in different reviews (similarity at least \(Int(threshold * 100))%)",
      columns: [
        .init("Earlier"), .init("Earlier text"), .init("State of its actions"), .init("Later"),
        .init("Later text"), .init("Similarity", .right),
      ],
      emptyText: "No similar recommendations found.")
    for pair in pairs {
      let state: Table.Cell =
        pair.earlierRating.map {
          Table.Cell(
            "\($0.title): R\(pair.earlierActions.red) A\(pair.earlierActions.amber) G\(pair.earlierActions.green) B\(pair.earlierActions.blue)",
            rating: $0.rawValue)
        } ?? Table.Cell("no actions")
      pairTable.append([
        Table.Cell("\(pair.earlier) (\(pair.earlierDay))"), Table.Cell(pair.earlierText), state,
        Table.Cell("\(pair.later) (\(pair.laterDay))"),
        Table.Cell(pair.laterText), Table.Cell("\(Int((pair.similarity * 100).rounded()))%"),
      ])
    }
    let assuredAgain = pairs.filter { $0.earlierRating == .blue }.count
    return ReportDocument(
      title: "Learning that comes back", subtitle: "\(partnership) · as at \(asOf)",
      sections: [
        .init("Recurring themes", [.table(themeTable)]),
        .init(
          "Recommendations made again",
          [
            .paragraph(
              "\(pairs.count) pair(s) of similar recommendations; in \(assuredAgain) the earlier recommendation's actions were all assured, yet the learning was found again."
            ),
            .table(pairTable),
            .paragraph(
              "Similarity is the share of meaningful words two recommendations have in common (common words left out, plurals and verb endings folded)."
            ),
          ]),
      ])
  }

  public var csvTable: Table {
    var table = Table(
      caption: "Similar recommendations",
      columns: [
        "Earlier", "Earlier day", "Earlier rating", "Later", "Later day", "Similarity", "Shared words",
      ].map { Table.Column($0) })
    for pair in pairs {
      table.append(
        [
          pair.earlier, pair.earlierDay.description, pair.earlierRating?.title ?? "", pair.later,
          pair.laterDay.description,
          String(pair.similarity), pair.shared.joined(separator: " "),
        ].map { Table.Cell($0) })
    }
    return table
  }
}
