/// Whether a piece of evidence shows something was delivered or that practice changed.
public enum EvidenceKind: String, Encodable, CaseIterable, Sendable {
  /// What was delivered: training run, guidance issued, a procedure rewritten.
  case output
  /// That practice changed: an audit, a survey, a case sample, data showing change.
  case impact

  /// The kind as reports show it: "Output" or "Impact".
  public var title: String {
    switch self {
    case .output: "Output"
    case .impact: "Impact"
    }
  }
}

/// A title of evidence with its kind.
public struct EvidenceItem: Encodable, Equatable, Sendable {
  /// Whether the evidence shows output or impact.
  public var kind: EvidenceKind
  /// The evidence's title, as logged.
  public var title: String
  /// The day of the update that logged it.
  public var date: CalendarDay

  /// An item of evidence of `kind` logged on `date`.
  public init(kind: EvidenceKind, title: String, date: CalendarDay) {
    self.kind = kind
    self.title = title
    self.date = date
  }
}

/// What an action's log shows about impact as of a day: the evidence of outputs and of impact,
/// the latest result against the measure, and any recorded exception to the impact rule.
public struct ImpactState: Equatable, Sendable {
  /// Evidence logged on or before the day, outputs and impact, in log order.
  public let evidence: [EvidenceItem]
  /// The latest result recorded on or before the day.
  public let result: String?
  /// The day of that result.
  public let resultDate: CalendarDay?
  /// The reason given when the action was last assured without impact evidence or a result.
  public let exception: String?

  /// Titles of output evidence logged by the day.
  public var outputs: [String] { evidence.filter { $0.kind == .output }.map(\.title) }
  /// Titles of impact evidence logged by the day.
  public var impactEvidence: [String] { evidence.filter { $0.kind == .impact }.map(\.title) }

  /// Impact evidence or a result is on record.
  public var showsImpact: Bool { result != nil || evidence.contains { $0.kind == .impact } }
}

extension Action {
  /// What the log shows about impact as of `day` (updates dated after it are ignored; on the same
  /// day, the later entry wins).
  public func impact(asOf day: CalendarDay) -> ImpactState { fold(through: day).impact }
}

/// The impact rules: what the QA subgroup needs before it assures an action, and what the
/// assurance queue and the impact report list. Working Together 2023 asks the safeguarding
/// partners to report how effective their arrangements were, with evidence of impact; a
/// delivered output (training run, guidance issued) does not show that practice changed.
public enum ImpactRule {
  /// What assurance needs when the log has neither impact evidence nor a result.
  public static let missingImpact =
    "impact evidence (an audit, survey, case sample or data showing practice changed) or a result against the measure"

  /// What is missing before `update` may mark `action` assured; empty when it may. The action's log
  /// up to the update's day, and the update itself, are read. An update that is not an assurance,
  /// or that records a reason for assuring without impact (a deliberate exception), is never refused.
  public static func missingForAssurance(_ update: ActionUpdate, of action: Action) -> [String] {
    guard update.status == .assured else { return [] }
    if let reason = update.assuredWithoutImpact, !reason.trimmingSpaces.isEmpty { return [] }
    var logged = action
    if !logged.updates.contains(update) { logged.updates.append(update) }
    return logged.impact(asOf: update.date).showsImpact ? [] : [missingImpact]
  }

  /// Past its re-measure day (before `day`) with no result recorded by then.
  public static func isPastRemeasure(_ action: Action, _ impact: ImpactState, asOf day: CalendarDay) -> Bool {
    guard let remeasure = action.remeasure, remeasure < day else { return false }
    return impact.result == nil
  }

  /// What the rules say is missing for the QA subgroup to assure the action as of `day`: a measure of
  /// success; a baseline and a target to measure against; impact evidence or a result; a result once
  /// the re-measure day has passed.
  public static func gaps(_ action: Action, asOf day: CalendarDay) -> [String] {
    let impact = action.impact(asOf: day)
    var gaps: [String] = []
    if (action.measureOfSuccess ?? "").trimmingSpaces.isEmpty { gaps.append("a measure of success") }
    if (action.baseline ?? "").trimmingSpaces.isEmpty { gaps.append("a baseline") }
    if (action.target ?? "").trimmingSpaces.isEmpty { gaps.append("a target") }
    if !impact.showsImpact { gaps.append(missingImpact) }
    if let remeasure = action.remeasure, isPastRemeasure(action, impact, asOf: day) {
      gaps.append("a result: the re-measure was due by \(remeasure)")
    }
    return gaps
  }
}
