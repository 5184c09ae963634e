import LearningModel

extension DigestReport {
  /// A finding of the year that repeats an earlier one.
  public struct RepeatedFindingLine: Encodable, Equatable, Sendable {
    /// The finding's reference.
    public var reference: String
    /// The earlier finding it repeats.
    public var repeats: String
    /// `confirmed` (a recorded link) or `suggested` (similar wording).
    public var link: String
  }

  /// How the year's learning landed: each agency's coverage against its workforce, the evaluations
  /// and follow-ups, from `DisseminationReport` for the year.
  public struct LandingSummary: Encodable, Equatable, Sendable {
    /// Agencies with a workforce or reach by agency recorded, in the order of the agency list.
    public var coverage: [DisseminationReport.AgencyRow] = []
    /// The year's evaluations and follow-ups, together.
    public var evaluations = DisseminationReport.EvaluationSummary()
    /// Activities delivered in the year with no evaluation recorded.
    public var withoutEvaluation: [String] = []
    /// Activities delivered in the year with no follow-up on practice by the digest's day.
    public var withoutFollowUp: [String] = []
  }

  /// The findings of the year's reviews (`keyFindings`) that repeat an earlier finding: recorded
  /// links confirmed, similar wording suggested.
  static func repeatedFindings(
    _ cut: TrackerAsOf, keyFindings: [FindingLine], asOf: CalendarDay, sharing basis: ReportBasis?
  ) -> [RepeatedFindingLine] {
    guard !keyFindings.isEmpty else { return [] }
    let repeats = basis.findingRepeats(cut, asOf: asOf, threshold: RepeatsReport.defaultThreshold, limit: 1)
    return keyFindings.compactMap { line in
      guard let position = repeats.position[line.reference], let parent = repeats.parent(of: position) else {
        return nil
      }
      return RepeatedFindingLine(
        reference: line.reference, repeats: repeats.entries[parent.earlier].reference,
        link: parent.confirmed ? "confirmed" : "suggested")
    }
  }

  /// The coverage and evaluations of the year's activities.
  static func landing(_ cut: TrackerAsOf, year: Int, asOf: CalendarDay, review: String?) -> LandingSummary {
    let report = DisseminationReport.build(cut, ReportOptions(asOf: asOf, review: review, year: year))
    return LandingSummary(
      coverage: report.byAgency.filter { $0.workforce != nil || $0.reached != ReachSplit() },
      evaluations: report.evaluations, withoutEvaluation: report.withoutEvaluation,
      withoutFollowUp: report.withoutFollowUp)
  }

  /// The sentence on the year's findings found before.
  var repeatedFindingsBlock: ReportDocument.Block {
    guard !repeatedFindings.isEmpty else {
      return .paragraph("None of the year's findings repeats an earlier finding.")
    }
    let count = repeatedFindings.count
    return .paragraph(
      "\(count) of the year's \(keyFindings.count) \(keyFindings.count == 1 ? "finding" : "findings") "
        + "\(count == 1 ? "repeats" : "repeat") an earlier one: "
        + repeatedFindings.map { "\($0.reference) repeats \($0.repeats) (\($0.link))" }.joined(
          separator: "; ")
        + ".")
  }

  /// The coverage table and the evaluation sentence.
  var landingBlocks: [ReportDocument.Block] {
    var table = Table(
      caption: "Coverage: practitioners reached in the year, against each agency's workforce",
      columns: [
        .init("Agency"), .init("Workforce", .right), .init("Attended", .right),
        .init("Attended, of workforce", .right),
        .init("Circulated", .right), .init("Circulated, of workforce", .right),
      ],
      emptyText: "No activity of the year recorded its reach by agency.")
    for row in landing.coverage {
      table.append([
        Table.Cell(row.name), Table.Cell(row.workforce.map(String.init) ?? "not recorded"),
        .number(row.reached.attended), Table.Cell(row.attendedCoverage.map { "\($0)%" } ?? ""),
        .number(row.reached.circulated), Table.Cell(row.circulatedCoverage.map { "\($0)%" } ?? ""),
      ])
    }
    let summary = landing.evaluations
    var sentence =
      summary.evaluated == 0
      ? "No activity of the year was evaluated."
      : "\(summary.evaluated) \(summary.evaluated == 1 ? "activity was" : "activities were") evaluated: "
        + "\(summary.responses) responses, average rating \(summary.averageRating.map { String($0) } ?? "none") of 5"
    if summary.askedWillChange > 0 {
      sentence +=
        ", \(summary.willChange) of \(summary.askedWillChange) said they would change their practice"
    }
    if summary.evaluated > 0 { sentence += "." }
    sentence += " Followed up on practice: \(summary.followedUp)."
    var blocks: [ReportDocument.Block] = [.table(table), .paragraph(sentence)]
    if !landing.withoutEvaluation.isEmpty {
      blocks.append(
        .paragraph("No evaluation recorded: " + landing.withoutEvaluation.joined(separator: ", ") + "."))
    }
    if !landing.withoutFollowUp.isEmpty {
      blocks.append(
        .paragraph("No follow-up on practice yet: " + landing.withoutFollowUp.joined(separator: ", ") + "."))
    }
    return blocks
  }
}
