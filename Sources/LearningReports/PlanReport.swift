import LearningModel

/// One review's SMART action plan as a partnership publishes it beside the report: each
/// recommendation with the response (and the reason where not accepted), each action with its
/// owning agencies, measure of success, due day (a day, a month or TBC), BRAG beside the agency's
/// own rating, completion day, and the evidence planned beside how much evidence was received. No
/// notes, no evidence titles (they come from agencies' returns), no names of individuals (leads
/// are left out).
public struct PlanReport: Report, Equatable {
  /// An action of the plan, as it stands on the report's day.
  public struct ActionLine: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// What the action will do.
    public var description: String
    /// The owning agency's name, with any joint owners' names after it.
    public var owner: String
    /// How the action's success is to be measured, if recorded.
    public var measureOfSuccess: String?
    /// The action's due day on the report's day (the latest revised one).
    public var due: PlannedDue
    /// The action's BRAG rating on the report's day; absent when withdrawn.
    public var brag: BRAG?
    /// The owning agency's latest rating of its own progress, when it gave one.
    public var reported: BRAG?
    /// The action's derived status on the report's day.
    public var status: ActionStatus
    /// The day the action last became completed or assured; absent when it is not.
    public var completedOn: CalendarDay?
    /// The evidence the plan says will show the action is done.
    public var evidencePlanned: String?
    /// How many items of evidence of output were received in updates (titles are left out).
    public var outputEvidenceReceived: Int
    /// How many items of evidence of impact were received.
    public var impactEvidenceReceived: Int
  }

  /// A recommendation of the review with the partnership's response and its actions.
  public struct RecommendationLine: Encodable, Equatable, Sendable {
    /// The recommendation's reference, such as `LCSPR-2025-02/R1`.
    public var reference: String
    /// The recommendation's text.
    public var text: String
    /// The partnership's response to the recommendation.
    public var response: RecommendationResponse
    /// The reason given, where the response needs one (partly or not accepted); absent otherwise.
    public var reason: String?
    /// The recommendation's actions that exist on the report's day.
    public var actions: [ActionLine]
  }

  /// The partnership's name.
  public var partnership: String
  /// The review's ID.
  public var review: String
  /// The review's title.
  public var title: String
  /// The day the progress is shown as at.
  public var asOf: CalendarDay
  /// The review's recommendations, in their order.
  public var recommendations: [RecommendationLine] = []
  /// The plan as a spreadsheet, in the columns of `PlanSpreadsheet` (the layout `import plan`
  /// reads): one row per action, and one for each recommendation without actions. Left out of JSON.
  public var spreadsheet: [[String]] = []

  enum CodingKeys: String, CodingKey {
    case partnership, review, title, asOf, recommendations
  }

  /// The plan of the review `id` as of the options' day; nil when there is no such review.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions, review id: String) -> PlanReport? {
    let tracker = cut.tracker
    guard let review = tracker.reviews.first(where: { $0.id == id }) else { return nil }
    let settings = tracker.partnership.settings
    var report = PlanReport(
      partnership: tracker.partnership.name, review: review.id, title: review.title, asOf: options.asOf)
    for recommendation in review.recommendations {
      var rows: [[String]] = []
      let actions = recommendation.actions.compactMap { action -> ActionLine? in
        let state = action.state(asOf: options.asOf, settings: settings, heardFrom: review.planDay)
        guard state.exists else { return nil }
        rows.append(
          PlanSpreadsheet.row(
            action, recommendation: recommendation, in: tracker, asOf: options.asOf, review: review.id))
        return ActionLine(
          reference: "\(review.id)/\(action.id)", description: action.description,
          owner: action.owners.map { tracker.agencyName($0) }.joined(separator: " and "),
          measureOfSuccess: action.measureOfSuccess, due: state.due, brag: state.brag,
          reported: state.reported,
          status: state.status, completedOn: state.completedOn, evidencePlanned: action.evidencePlanned,
          outputEvidenceReceived: state.evidence.count,
          impactEvidenceReceived: action.impact(asOf: options.asOf).impactEvidence.count)
      }
      report.spreadsheet +=
        rows.isEmpty ? [PlanSpreadsheet.row(recommendationWithoutActions: recommendation, in: tracker)] : rows
      report.recommendations.append(
        RecommendationLine(
          reference: "\(review.id)/\(recommendation.id)", text: recommendation.text,
          response: recommendation.response,
          reason: recommendation.response.needsReason ? recommendation.responseNote : nil, actions: actions))
    }
    return report
  }

  /// The plan laid out as one section per recommendation, and a key, for the renderers.
  public var document: ReportDocument {
    var sections: [ReportDocument.Section] = []
    // The evidence planned beside the evidence received, when the plan names any.
    for recommendation in recommendations {
      var blocks: [ReportDocument.Block] = [
        .paragraph(recommendation.text), .figures([.init("Response", recommendation.response.title)]),
      ]
      if let reason = recommendation.reason { blocks.append(.paragraph("Reason: " + reason)) }
      if recommendation.response != .notAccepted {
        var table = Table(
          caption: "Actions for \(recommendation.reference)",
          columns: [
            .init("Action"), .init("What will be done"), .init("Lead agency"),
            .init("Measure of success"),
            .init("Due"), .init("Progress"), .init("Completed"),
            .init("Planned evidence"), .init("Evidence received"),
          ],
          emptyText: recommendation.response == .pending
            ? "The response is not yet agreed." : "Actions are being agreed.")
        for action in recommendation.actions {
          table.append(
            [
              Table.Cell(action.reference), Table.Cell(action.description), Table.Cell(action.owner),
              Table.Cell(action.measureOfSuccess ?? ""),
              Table.Cell(action.due.description),
              action.brag.map {
                Table.Cell(
                  $0.title + " (" + action.status.title.lowercased() + ")"
                    + (action.reported.map { $0 == action.brag ? "" : "; agency: \($0.title)" } ?? ""),
                  rating: $0.rawValue)
              } ?? Table.Cell("Withdrawn"),
              Table.Cell(action.completedOn?.description ?? ""),
              Table.Cell(action.evidencePlanned ?? ""), Table.Cell(action.evidenceReceivedText),
            ])
        }
        blocks.append(.table(table))
      }
      sections.append(.init(recommendation.reference, blocks))
    }
    sections.append(
      .init(
        "Key",
        [
          .bullets([
            "Red: overdue.", "Amber: at risk (due soon, blocked or revised), or no due day yet (TBC).",
            "Green: on track, or completed.", "Blue: completed and assured by the partnership.",
          ])
        ]))
    return ReportDocument(
      title: "Action plan: \(title)", subtitle: "\(partnership) · \(review) · progress as at \(asOf)",
      sections: sections)
  }

  /// The plan as a spreadsheet to keep and bring back with `import plan`: one row per action in the
  /// columns of `PlanSpreadsheet`, and one for each recommendation without actions.
  public var csvTable: Table {
    var table = Table(caption: "Action plan", columns: PlanSpreadsheet.header.map { Table.Column($0) })
    for row in spreadsheet { table.append(row.map { Table.Cell($0) }) }
    return table
  }
}

extension PlanReport.ActionLine {
  /// "2 of output, 1 of impact", or "none yet".
  public var evidenceReceivedText: String {
    var parts: [String] = []
    if outputEvidenceReceived > 0 { parts.append("\(outputEvidenceReceived) of output") }
    if impactEvidenceReceived > 0 { parts.append("\(impactEvidenceReceived) of impact") }
    return parts.isEmpty ? "none yet" : parts.joined(separator: ", ")
  }
}
