/// A change to an action's escalations (`action escalate`): a new stage, the reply to the latest
/// stage awaiting one, a correction of the latest stage, or its removal when made by mistake. The
/// rules an escalation keeps (a level in force, a reply-by day) are `DomainRules`' to say.
public enum EscalationChange: Equatable, Sendable {
  /// Escalates the action one more stage.
  case escalate(Escalation)
  /// Records the reply to the latest escalation awaiting one, on a day.
  case reply(String, on: CalendarDay)
  /// Puts the latest escalation right with the fields given.
  case correctLatest(EscalationCorrection)
  /// Takes away the latest escalation.
  case removeLatest

  /// The change applied to an action's escalations, oldest first.
  public func apply(to escalations: inout [Escalation]) {
    switch self {
    case .escalate(let escalation): escalations.append(escalation)
    case .reply(let text, let day):
      guard let index = escalations.lastIndex(where: { $0.replied == nil }) else { return }
      escalations[index].reply = text
      escalations[index].replied = day
    case .correctLatest(let correction):
      guard !escalations.isEmpty else { return }
      correction.apply(to: &escalations[escalations.count - 1])
    case .removeLatest:
      if !escalations.isEmpty { escalations.removeLast() }
    }
  }

  /// The change applied to `action`; an action with no escalation left keeps none.
  public func apply(to action: inout Action) {
    var escalations = action.escalations ?? []
    apply(to: &escalations)
    action.escalations = escalations.isEmpty ? nil : escalations
  }
}

/// The fields that put an escalation right; those not given stay.
public struct EscalationCorrection: Equatable, Sendable {
  /// The level, one of those in force.
  public var level: String?
  /// Who it went to.
  public var to: String?
  /// The day a reply is due.
  public var replyBy: CalendarDay?
  /// What was asked, or why.
  public var note: String?
  /// The day of the escalation.
  public var date: CalendarDay?
  /// The reply.
  public var reply: String?
  /// The day the reply came.
  public var replied: CalendarDay?
  /// The day a reply given without `replied` is recorded on, when none is recorded yet.
  public var repliedByDefault: CalendarDay?

  /// No field corrected.
  public init() {}

  func apply(to escalation: inout Escalation) {
    if let level { escalation.level = level }
    if let to { escalation.to = to }
    if let replyBy { escalation.replyBy = replyBy }
    if let note { escalation.note = note }
    if let date { escalation.date = date }
    if let reply {
      escalation.reply = reply
      if escalation.replied == nil { escalation.replied = replied ?? repliedByDefault }
    }
    if let replied, escalation.reply != nil { escalation.replied = replied }
  }
}
