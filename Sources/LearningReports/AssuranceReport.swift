import LearningModel

/// The QA subgroup's assurance queue: every action completed and not yet assured as of the day,
/// with its measure, baseline, target, evidence (output or impact) and result, and what the impact
/// rules say is missing; longest waiting first (ties by reference). The paper the subgroup signs off
/// from; its CSV has empty Decision and Comments columns for the chair.
public struct AssuranceReport: Report, Equatable {
  /// An action completed and not yet assured on the report's day.
  public struct Row: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// The ID of the review the action belongs to.
    public var review: String
    /// The reference of the recommendation the action answers.
    public var recommendation: String
    /// What the action was to do.
    public var description: String
    /// The ID of the agency that owns the action.
    public var owner: String
    /// The owning agency's name, or its ID when the agency list has none.
    public var ownerName: String
    /// The role that leads the action, if recorded.
    public var lead: String?
    /// How the action's success is to be measured, if recorded.
    public var measureOfSuccess: String?
    /// Where practice stood when the action was agreed, if recorded.
    public var baseline: String?
    /// Where practice should get to, if recorded.
    public var target: String?
    /// The day by which the measure should be taken again, if set.
    public var remeasure: CalendarDay?
    /// Output and impact evidence on record by the report's day.
    public var evidence: [EvidenceItem]
    /// The latest result recorded by the report's day.
    public var result: String?
    /// The day the action last became completed.
    public var completedOn: CalendarDay?
    /// Days from completion to the as-of day.
    public var daysWaiting: Int
    /// What the rules say is missing before the action can be assured; empty when ready.
    public var missing: [String]
    /// Impact evidence or a result is on record, so the action may be assured.
    public var canBeAssured: Bool
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the queue is for.
  public var asOf: CalendarDay
  /// The actions awaiting assurance, longest waiting first (ties by reference).
  public var rows: [Row] = []
  var subtitle = ""

  enum CodingKeys: String, CodingKey { case partnership, asOf, rows }

  /// The queue of completed actions in scope, as of the options' day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> AssuranceReport {
    let tracker = cut.tracker
    let scope = ReportScope(tracker, options)
    var report = AssuranceReport(partnership: tracker.partnership.name, asOf: options.asOf)
    report.subtitle = scope.subtitle
    for (placed, state) in scope.actions where state.status == .completed {
      let action = placed.action
      let impact = action.impact(asOf: options.asOf)
      let completedOn = state.completedOn
      report.rows.append(
        Row(
          reference: placed.reference.description, review: placed.review.id,
          recommendation: placed.recommendationReference.description, description: action.description,
          owner: action.owner, ownerName: scope.agencies[action.owner]?.name ?? action.owner,
          lead: action.lead,
          measureOfSuccess: action.measureOfSuccess, baseline: action.baseline, target: action.target,
          remeasure: action.remeasure, evidence: impact.evidence, result: impact.result,
          completedOn: completedOn, daysWaiting: completedOn.map { options.asOf.days(since: $0) } ?? 0,
          missing: ImpactRule.gaps(action, asOf: options.asOf), canBeAssured: impact.showsImpact))
    }
    // Longest waiting first, then by reference in natural order.
    sortLines(&report.rows, reference: { $0.reference }, rank: { -$0.daysWaiting })
    return report
  }

  static func evidenceText(_ items: [EvidenceItem], _ kind: EvidenceKind) -> String {
    items.filter { $0.kind == kind }.map { "\($0.title) (\($0.date))" }.joined(separator: "; ")
  }

  /// The queue laid out as a summary and the actions awaiting assurance, for the renderers.
  public var document: ReportDocument {
    let ready = rows.filter(\.canBeAssured).count
    var summary = Table(
      caption: "Waiting for assurance, longest first",
      columns: [
        .init("Action"), .init("Owner"), .init("Completed"), .init("Waiting (days)", .right),
        .init("Impact shown"),
      ],
      emptyText: "No completed action is waiting for assurance.")
    for row in rows {
      summary.append([
        Table.Cell(row.reference), Table.Cell(row.ownerName), Table.Cell(row.completedOn?.description ?? ""),
        .number(row.daysWaiting),
        row.canBeAssured ? Table.Cell("yes") : Table.Cell("no", rating: BRAG.amber.rawValue),
      ])
    }
    var sections: [ReportDocument.Section] = [
      .init(
        "Summary",
        [
          .paragraph(
            "Each action below is completed and waits for the QA subgroup to assure it. An action can be "
              + "assured when its log has impact evidence (an audit, survey, case sample or data showing "
              + "practice changed) or a result against its measure; otherwise the subgroup may record an exception "
              + "with its reason."),
          .figures([
            .init("Waiting for assurance", String(rows.count)),
            .init("With impact evidence or a result", String(ready)),
            .init(
              "On outputs alone", String(rows.count - ready), rating: rows.count == ready ? nil : .amber),
          ]),
          .table(summary),
        ])
    ]
    for row in rows {
      var figures: [ReportDocument.Figure] = [
        .init("Owner", row.ownerName + (row.lead.map { ", \($0)" } ?? "")),
        .init("Recommendation", row.recommendation),
        .init(
          "Completed",
          (row.completedOn?.description ?? "not recorded") + ", waiting \(row.daysWaiting) days"),
        .init("Measure of success", row.measureOfSuccess ?? "none"),
        .init("Baseline", row.baseline ?? "none"),
        .init("Target", row.target ?? "none"),
        .init("Re-measure by", row.remeasure?.description ?? "not set"),
      ]
      let outputs = Self.evidenceText(row.evidence, .output)
      let impact = Self.evidenceText(row.evidence, .impact)
      figures.append(.init("Output evidence", outputs.isEmpty ? "none" : outputs))
      figures.append(.init("Impact evidence", impact.isEmpty ? "none" : impact))
      figures.append(.init("Result", row.result ?? "none"))
      figures.append(
        .init(
          "Missing", row.missing.isEmpty ? "nothing" : row.missing.joined(separator: "; "),
          rating: row.canBeAssured ? nil : .amber))
      sections.append(
        .init(
          row.reference,
          [
            .paragraph(row.description), .figures(figures),
            .paragraph("Decision: assured / not yet assured / exception (reason): ____________________"),
          ]))
    }
    return ReportDocument(
      title: "Assurance queue for the QA subgroup", subtitle: subtitle, sections: sections)
  }

  /// The sheet the chair annotates: one row per action, with empty Decision and Comments columns.
  public var csvTable: Table {
    var table = Table(
      caption: "Assurance queue",
      columns: [
        "Action", "Review", "Recommendation", "Owner", "Lead", "Description", "Measure of success",
        "Baseline",
        "Target", "Re-measure by", "Output evidence", "Impact evidence", "Result", "Completed",
        "Waiting (days)",
        "Missing", "Decision", "Comments",
      ].map { Table.Column($0) })
    for row in rows {
      table.append(
        [
          row.reference, row.review, row.recommendation, row.owner, row.lead ?? "", row.description,
          row.measureOfSuccess ?? "", row.baseline ?? "", row.target ?? "", row.remeasure?.description ?? "",
          Self.evidenceText(row.evidence, .output), Self.evidenceText(row.evidence, .impact),
          row.result ?? "",
          row.completedOn?.description ?? "", String(row.daysWaiting), row.missing.joined(separator: "; "),
          "", "",
        ].map { Table.Cell($0) })
    }
    return table
  }
}
