import LearningModel

/// Section 11 (Children Act 2004) for one cycle: returns due, on time, late or missing; self and
/// moderated ratings by agency and standard with the "optimism gap"; and which agencies evidenced
/// the learning of the reviews whose recommendations were addressed to them.
public struct Section11Report: Report, Equatable {
  /// One expected return of the cycle: from a statutory partner, or an agency that has made a return before.
  public struct ReturnRow: Encodable, Equatable, Sendable {
    /// The agency's ID.
    public var agency: String
    /// The agency's name.
    public var name: String
    /// The return's due day, else the cycle's earliest due day; absent when the cycle has no returns.
    public var due: CalendarDay?
    /// The day the return was submitted; absent when it has not been.
    public var submitted: CalendarDay?
    /// `onTime`, `late`, `missing` (no return, or not submitted and past due) or `notYetDue`.
    public var state: String
  }

  /// One standard's rating in one agency's return.
  public struct RatingCell: Encodable, Equatable, Sendable {
    /// The agency's ID.
    public var agency: String
    /// The standard's ID.
    public var standard: String
    /// The agency's own rating.
    public var `self`: Section11Rating
    /// The rating after moderation; absent when not moderated.
    public var moderated: Section11Rating?
    /// Self rating above the moderated rating.
    public var optimistic: Bool
  }

  /// How many moderated ratings of one agency, or one standard, were optimistic.
  public struct GapCount: Encodable, Equatable, Sendable {
    /// The agency's or standard's ID.
    public var id: String
    /// The agency's or standard's name.
    public var name: String
    /// Ratings that carry a moderated rating.
    public var moderated: Int
    /// Of those, ratings where the self rating is above the moderated one.
    public var optimistic: Int
  }

  /// Whether an agency's return evidences the learning of one review addressed to it.
  public struct EvidenceCell: Encodable, Equatable, Sendable {
    /// The review's ID.
    public var review: String
    /// The agency's ID.
    public var agency: String
    /// Whether the agency's return for the cycle names the review's learning.
    public var evidenced: Bool
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for.
  public var asOf: CalendarDay
  /// The cycle reported on, such as 2025-26: the one asked for, else the newest recorded.
  public var cycle: String
  /// Reviews whose learning the returns should evidence: reported on in the 24 months before the
  /// cycle's due day.
  public var reviewsInScope: [String] = []
  /// Expected returns, in the order of the agency list.
  public var returns: [ReturnRow] = []
  /// Every rating in the cycle's returns.
  public var ratings: [RatingCell] = []
  /// Moderated and optimistic ratings by agency, in the order of the agency list.
  public var optimismByAgency: [GapCount] = []
  /// Moderated and optimistic ratings by standard, in the order of the standards.
  public var optimismByStandard: [GapCount] = []
  /// Each review in scope with each agency its recommendations address (those not accepted left out).
  public var evidence: [EvidenceCell] = []
  /// The agency and review pairs without evidence, for chasing.
  public var gaps: [EvidenceCell] = []
  var standards: [CatalogueEntry] = []
  /// Each agency's name by ID, for the tables a person reads; the JSON keeps the IDs.
  var agencyNames: [String: String] = [:]

  enum CodingKeys: String, CodingKey {
    case partnership, asOf, cycle, reviewsInScope, returns, ratings, optimismByAgency, optimismByStandard,
      evidence, gaps
  }

  /// The cycles recorded, newest first.
  public static func cycles(_ tracker: Tracker) -> [String] {
    Array(Set(tracker.section11.map(\.cycle))).sorted(by: >)
  }

  /// The report for `requested` (else the newest cycle recorded), as of the options' day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions, cycle requested: String?)
    -> Section11Report
  {
    let tracker = cut.tracker
    let cycle = requested ?? cycles(tracker).first ?? ""
    var report = Section11Report(partnership: tracker.partnership.name, asOf: options.asOf, cycle: cycle)
    report.standards = tracker.section11Standards
    report.agencyNames = Dictionary(
      tracker.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let returns = tracker.section11.filter { $0.cycle == cycle }
    let byAgency = Dictionary(returns.map { ($0.agency, $0) }, uniquingKeysWith: { first, _ in first })
    let cycleDue = returns.map(\.due).min()
    // Expected to return: statutory partners and every agency that has ever made a return.
    let everReturned = Set(tracker.section11.map(\.agency))
    let expected = tracker.agencies.filter { $0.statutoryPartner || everReturned.contains($0.id) }
      .filter { options.agency == nil || $0.id == options.agency }
    for agency in expected {
      let entry = byAgency[agency.id]
      let state: String
      if let entry, let submitted = entry.submitted {
        state = submitted <= entry.due ? "onTime" : "late"
      } else if let entry, options.asOf <= entry.due {
        state = "notYetDue"
      } else if entry == nil, let cycleDue, options.asOf <= cycleDue {
        state = "notYetDue"
      } else {
        state = "missing"
      }
      report.returns.append(
        ReturnRow(
          agency: agency.id, name: agency.name, due: entry?.due ?? cycleDue, submitted: entry?.submitted,
          state: state))
    }

    var agencyGaps: [String: GapCount] = [:]
    var standardGaps: [String: GapCount] = [:]
    let standardNames = Dictionary(
      tracker.section11Standards.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    for entry in returns where options.agency == nil || entry.agency == options.agency {
      for rating in entry.ratings {
        let optimistic = rating.moderated.map { rating.`self`.score > $0.score } ?? false
        report.ratings.append(
          RatingCell(
            agency: entry.agency, standard: rating.standard, self: rating.`self`, moderated: rating.moderated,
            optimistic: optimistic))
        if rating.moderated != nil {
          agencyGaps[
            entry.agency,
            default: GapCount(
              id: entry.agency, name: tracker.agencyName(entry.agency), moderated: 0, optimistic: 0)
          ].moderated += 1
          standardGaps[
            rating.standard,
            default: GapCount(
              id: rating.standard, name: standardNames[rating.standard] ?? rating.standard, moderated: 0,
              optimistic: 0)
          ].moderated += 1
          if optimistic {
            agencyGaps[entry.agency]?.optimistic += 1
            standardGaps[rating.standard]?.optimistic += 1
          }
        }
      }
    }
    report.optimismByAgency = tracker.agencies.compactMap { agencyGaps[$0.id] }
    report.optimismByStandard = tracker.section11Standards.compactMap { standardGaps[$0.id] }

    // Learning evidence: each review in scope × each agency its recommendations address.
    if let cycleDue {
      let from = cycleDue.adding(months: -24)
      let agencyIDs = tracker.agencies.map(\.id)
      let evidencedReviews = byAgency.mapValues { Set($0.learning.map(\.review)) }
      for review in tracker.reviews where options.review == nil || review.id == options.review {
        guard let day = DigestReport.reportingDay(review), day >= from, day <= cycleDue else { continue }
        let addressed = Set(review.recommendations.filter { $0.response != .notAccepted }.flatMap(\.agencies))
        guard !addressed.isEmpty else { continue }
        report.reviewsInScope.append(review.id)
        for agency in agencyIDs where addressed.contains(agency) {
          if let filter = options.agency, filter != agency { continue }
          let evidenced = evidencedReviews[agency]?.contains(review.id) ?? false
          let cell = EvidenceCell(review: review.id, agency: agency, evidenced: evidenced)
          report.evidence.append(cell)
          if !evidenced { report.gaps.append(cell) }
        }
      }
    }
    return report
  }

  static func stateText(_ state: String) -> String {
    switch state {
    case "onTime": "on time"
    case "late": "late"
    case "notYetDue": "not yet due"
    default: "missing"
    }
  }

  /// The agency's name, else its ID when the agency list does not have it.
  func agencyName(_ id: String) -> String { agencyNames[id] ?? id }

  /// The report laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    var returnTable = Table(
      caption: "Returns for cycle \(cycle)",
      columns: [.init("Agency"), .init("Name"), .init("Due"), .init("Submitted"), .init("State")],
      emptyText: "No returns expected.")
    for row in returns {
      let rating: BRAG? = row.state == "missing" ? .red : (row.state == "late" ? .amber : nil)
      returnTable.append([
        Table.Cell(row.agency), Table.Cell(row.name), Table.Cell(row.due?.description ?? ""),
        Table.Cell(row.submitted?.description ?? ""),
        Table.Cell(Self.stateText(row.state), rating: rating?.rawValue),
      ])
    }
    // Every lookup below is by key, so the tables grow with the data and never with its square.
    var returnPosition: [String: Int] = [:]
    for (index, row) in returns.enumerated() where returnPosition[row.agency] == nil {
      returnPosition[row.agency] = index
    }
    let agencies = Array(Set(ratings.map(\.agency))).sorted { a, b in
      (returnPosition[a] ?? Int.max, a) < (returnPosition[b] ?? Int.max, b)
    }
    var ratingAt: [RatingKey: RatingCell] = [:]
    for cell in ratings where ratingAt[RatingKey(cell.agency, cell.standard)] == nil {
      ratingAt[RatingKey(cell.agency, cell.standard)] = cell
    }
    let rated = Set(ratings.map(\.standard))
    let standardIDs = standards.map(\.id).filter(rated.contains)
    var matrix = Table(
      caption:
        "Self rating / moderated rating by agency and standard (M met, P partially met, N not met, – not moderated; * self rated above moderated)",
      columns: [.init("Agency")] + standardIDs.map { Table.Column($0) })
    func short(_ rating: Section11Rating?) -> String {
      switch rating {
      case .met: "M"
      case .partiallyMet: "P"
      case .notMet: "N"
      case nil: "–"
      }
    }
    for agency in agencies {
      var row: [Table.Cell] = [Table.Cell(agencyName(agency))]
      for standard in standardIDs {
        if let cell = ratingAt[RatingKey(agency, standard)] {
          row.append(
            Table.Cell(short(cell.`self`) + "/" + short(cell.moderated) + (cell.optimistic ? "*" : "")))
        } else {
          row.append("")
        }
      }
      matrix.append(row)
    }
    var agencyGap = Table(
      caption: "Optimism gap by agency",
      columns: [
        .init("Agency"), .init("Name"), .init("Moderated", .right), .init("Self above moderated", .right),
      ],
      emptyText: "No moderated ratings.")
    for row in optimismByAgency {
      agencyGap.append([
        Table.Cell(row.id), Table.Cell(row.name), .number(row.moderated), .number(row.optimistic),
      ])
    }
    var standardGap = Table(
      caption: "Optimism gap by standard",
      columns: [
        .init("Standard"), .init("Name"), .init("Moderated", .right), .init("Self above moderated", .right),
      ],
      emptyText: "No moderated ratings.")
    for row in optimismByStandard {
      standardGap.append([
        Table.Cell(row.id), Table.Cell(row.name), .number(row.moderated), .number(row.optimistic),
      ])
    }
    let evidenceAgencies = Array(Set(evidence.map(\.agency))).sorted {
      (agencyName($0), $0) < (agencyName($1), $1)
    }
    var evidenceAt: [RatingKey: EvidenceCell] = [:]
    for cell in evidence where evidenceAt[RatingKey(cell.agency, cell.review)] == nil {
      evidenceAt[RatingKey(cell.agency, cell.review)] = cell
    }
    var evidenceTable = Table(
      caption: "Learning evidenced in returns (yes / no; blank: not addressed to the agency)",
      columns: [.init("Review")] + evidenceAgencies.map { Table.Column(agencyName($0)) },
      emptyText: "No reviews in scope.")
    for review in reviewsInScope {
      evidenceTable.append(
        [Table.Cell(review)]
          + evidenceAgencies.map { agency in
            guard let cell = evidenceAt[RatingKey(agency, review)] else {
              return Table.Cell("")
            }
            return cell.evidenced ? Table.Cell("yes") : Table.Cell("no", rating: BRAG.red.rawValue)
          })
    }
    var gapTable = Table(
      caption: "Gaps to chase", columns: [.init("Agency"), .init("Review")],
      emptyText: "None: every agency evidenced every review addressed to it.")
    for gap in gaps { gapTable.append([Table.Cell(agencyName(gap.agency)), Table.Cell(gap.review)]) }
    let late = returns.filter { $0.state == "late" }.count
    let missing = returns.filter { $0.state == "missing" }.count
    let onTime = returns.filter { $0.state == "onTime" }.count
    return ReportDocument(
      title: "Section 11 returns \(cycle)",
      subtitle: "\(partnership) · as at \(asOf)",
      sections: [
        .init(
          "Returns",
          [
            .figures([
              .init("On time", String(onTime)), .init("Late", String(late), rating: late > 0 ? .amber : nil),
              .init("Missing", String(missing), rating: missing > 0 ? .red : nil),
              .init(
                "Ratings where self is above moderated",
                "\(ratings.filter(\.optimistic).count) of \(ratings.filter { $0.moderated != nil }.count)"),
              .init(
                "Agency and review pairs without evidence", String(gaps.count),
                rating: gaps.isEmpty ? nil : .red),
            ]),
            .table(returnTable),
          ]),
        .init("Ratings", [.table(matrix), .table(agencyGap), .table(standardGap)]),
        .init(
          "Evidence of embedding learning",
          [
            .paragraph(
              "Reviews in scope: those reported on in the 24 months before the cycle's due day, for each agency their accepted recommendations were addressed to."
            ),
            .table(evidenceTable), .table(gapTable),
          ]),
      ])
  }

  /// An agency and a standard (or a review): the key a table's cell is found by.
  struct RatingKey: Hashable {
    var agency: String
    var other: String
    init(_ agency: String, _ other: String) {
      self.agency = agency
      self.other = other
    }
  }

  /// One row per agency and review pair, evidenced or not.
  public var csvTable: Table {
    var table = Table(
      caption: "Learning evidence",
      columns: ["Cycle", "Agency", "Review", "Evidenced"].map { Table.Column($0) })
    for cell in evidence {
      table.append([cycle, cell.agency, cell.review, cell.evidenced ? "yes" : "no"].map { Table.Cell($0) })
    }
    return table
  }
}
