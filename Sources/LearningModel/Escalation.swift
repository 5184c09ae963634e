/// One stage of escalating a stuck action: the level, who it went to, the day their reply is due, and
/// their reply when it came.
///
/// QA subgroups escalate actions that do not move in stages: an officer's chase, the chair's letter
/// to the agency's senior lead, then the executive (Kent's escalation of partner non-compliance;
/// North Somerset's Learning and Improvement Framework, 2.1.7; Norfolk's "escalation to DSPs").
/// An action's escalations are kept in the order they were made; the last one made on or before a
/// day is the action's escalation on that day.
public struct Escalation: Encodable, Equatable, Sendable {
  /// The day the action was escalated.
  public var date: CalendarDay
  /// The level's ID, one of the partnership's `escalationLevels` (`chase`, `chair`, `executive`).
  public var level: String
  /// Who it was escalated to: a role, a group or an agency's senior lead.
  public var to: String
  /// The day a reply is due.
  public var replyBy: CalendarDay
  /// What was asked, or why the action was escalated.
  public var note: String?
  /// Who escalated it (a role or a group, such as "QA subgroup").
  public var by: String?
  /// The reply, when one came.
  public var reply: String?
  /// The day the reply came.
  public var replied: CalendarDay?

  /// An escalation on `date` at `level` to `to`, with a reply due by `replyBy`.
  public init(
    date: CalendarDay, level: String, to: String, replyBy: CalendarDay, note: String? = nil,
    by: String? = nil,
    reply: String? = nil, replied: CalendarDay? = nil
  ) {
    self.date = date
    self.level = level
    self.to = to
    self.replyBy = replyBy
    self.note = note
    self.by = by
    self.reply = reply
    self.replied = replied
  }

  /// The escalation as it stood at the end of `day`: `nil` before it was made, without its reply
  /// before the reply came.
  public func asOf(_ day: CalendarDay) -> Escalation? {
    guard date <= day else { return nil }
    guard let replied, replied > day else { return self }
    var view = self
    view.reply = nil
    view.replied = nil
    return view
  }

  /// The escalation in a line as of `day`, with its level's name: "Chair's letter to Director of
  /// Children's Services, 2026-10-27; reply due 2026-11-10 (late)", or "...; replied 2026-11-12".
  public func summary(levelName: String, on day: CalendarDay) -> String {
    var text = "\(levelName) to \(to), \(date)"
    if let replied, replied <= day {
      text += "; replied \(replied)"
    } else {
      text += "; reply due \(replyBy)" + (isReplyOverdue(on: day) ? " (late)" : "")
    }
    return text
  }

  /// Whether the reply is late on `day`: none has come and the reply-by day has passed.
  public func isReplyOverdue(on day: CalendarDay) -> Bool {
    guard date <= day, replyBy < day else { return false }
    if let replied, replied <= day { return false }
    return true
  }
}

/// A level of escalation the partnership uses, lowest first; the last is the highest.
public struct EscalationLevel: Encodable, Equatable, Sendable {
  /// The level's ID, as `action escalate --level` takes it (`chase`).
  public var id: String
  /// The level in the partnership's words ("Officer chase").
  public var name: String

  /// A level with the given ID and name.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The levels when the partnership sets none: an officer's chase, the chair's letter to the
  /// agency's senior lead, and the executive (the statutory safeguarding partners).
  public static let defaults: [EscalationLevel] = [
    EscalationLevel(id: "chase", name: "Officer chase"),
    EscalationLevel(id: "chair", name: "Chair's letter"),
    EscalationLevel(id: "executive", name: "Executive"),
  ]
}

extension Settings {
  /// The escalation levels in force: the partnership's own, else `EscalationLevel.defaults`.
  public var escalationLevelsInForce: [EscalationLevel] {
    guard let escalationLevels, !escalationLevels.isEmpty else { return EscalationLevel.defaults }
    return escalationLevels
  }

  /// The name of the level `id`, or the ID itself when the partnership has no such level.
  public func escalationLevelName(_ id: String) -> String {
    escalationLevelsInForce.first { $0.id == id }?.name ?? id
  }

  /// Whether `id` is the highest level in force: the one the board is told about.
  public func isHighestEscalationLevel(_ id: String) -> Bool {
    escalationLevelsInForce.last?.id == id
  }
}

extension Action {
  /// The action's escalation on `day`: the last one made on or before it, as it stood then.
  public func escalation(asOf day: CalendarDay) -> Escalation? {
    (escalations ?? []).last { $0.date <= day }?.asOf(day)
  }
}

/// The board paper's header block as the partnership keeps it: the meeting it goes to, its author
/// and its protective marking (Government Security Classifications: OFFICIAL, OFFICIAL-SENSITIVE).
public struct BoardPaperSettings: Encodable, Equatable, Sendable {
  /// The meeting the paper goes to ("Safeguarding Children Partnership Executive").
  public var meeting: String?
  /// The paper's author (a role: "Partnership Business Manager").
  public var author: String?
  /// The protective marking printed at the top ("OFFICIAL-SENSITIVE").
  public var marking: String?

  /// A header block with the given fields.
  public init(meeting: String? = nil, author: String? = nil, marking: String? = nil) {
    self.meeting = meeting
    self.author = author
    self.marking = marking
  }
}
