import LearningModel

/// The board paper's two sections on the review process: the reviews in progress (stage, next
/// step, deadline) and the Rapid Review decisions since the last meeting with the Panel's response
/// (Kent's arrangements tell the executive board of each). Each list is capped for the two pages.
public struct BoardReviewProcess: Encodable, Equatable, Sendable {
  /// The reviews in progress, the nearest next deadline first.
  public var inProgress: [PipelineReport.Row] = []
  /// The Rapid Review decisions since the last meeting (since `--since`; every one without it).
  public var decisions: [BoardDecision] = []

  /// How many rows each list shows before "and N more".
  static let cap = 3

  /// Built from the store already cut at the report's day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> BoardReviewProcess {
    let tracker = cut.tracker
    var scoped = options
    scoped.agency = nil
    scoped.theme = nil
    let pipeline = PipelineReport.build(cut, scoped)
    return BoardReviewProcess(
      inProgress: pipeline.rows,
      decisions: BoardDecision.since(options.since, in: tracker, asOf: options.asOf, review: options.review))
  }

  /// The board paper's two sections: one short line a review in progress, and the decisions since
  /// the last meeting, each list capped. `ProgressReport` places them after its exceptions.
  public var sections: (inProgress: ReportDocument.Section, decisions: ReportDocument.Section) {
    var progress: [String] = inProgress.prefix(Self.cap).map { row in
      let stage = row.stage.map { "\($0.name), \($0.done?.description ?? "")" } ?? "not started"
      guard let next = row.next else { return "\(row.review) \(row.title): \(stage)." }
      let due = next.deadline.map { ", due \($0), \(PipelineReport.leftText(next))" } ?? ""
      return "\(row.review) \(row.title): \(stage); next: \(next.name)\(due)."
    }
    if progress.isEmpty { progress = ["No review is in progress."] }
    if inProgress.count > Self.cap {
      progress.append("and \(inProgress.count - Self.cap) more: see the pipeline report")
    }
    var decided: [String] = decisions.prefix(Self.cap).map { decision in
      let response =
        decision.panelResponse.map { "Panel: \($0.title) \(decision.panelResponded?.description ?? "")" }
        ?? "Panel's response awaited"
      return "\(decision.review) \(decision.title), \(decision.decided): \(decision.decision); \(response)"
    }
    if decided.isEmpty { decided = ["No Rapid Review decision since the last meeting"] }
    if decisions.count > Self.cap {
      decided.append("and \(decisions.count - Self.cap) more: see the pipeline report")
    }
    return (
      .init("Reviews in progress", [.bullets(progress)]),
      .init("Decisions since the last meeting", [.paragraph(decided.joined(separator: "; ") + ".")])
    )
  }
}
