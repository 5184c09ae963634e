/// How one action measures up to SMART, with the reasons for each letter that fails.
public struct SMARTRating: Equatable, Encodable, Sendable {
  /// S: the description says what will be done (six words or more, and not a vague opening alone).
  public var specific: Bool
  /// M: a measure of success is given, and names a number, target or audit.
  public var measurable: Bool
  /// A: a lead is named, and the owner is one of the agencies the recommendation addresses.
  public var achievable: Bool
  /// T: the due day is at most two years after the day the action was agreed.
  public var timeBound: Bool
  /// Why each failing letter fails, in S, M, A, T order.
  public var reasons: [String]

  /// Whether the action meets all four rules.
  public var isSMART: Bool { specific && measurable && achievable && timeBound }

  /// "S M A T" with a dash for each letter that fails ("S – A T").
  public var letters: String {
    [specific ? "S" : "–", measurable ? "M" : "–", achievable ? "A" : "–", timeBound ? "T" : "–"].joined(
      separator: " ")
  }
}

/// The SMART rules for actions, from the guidance on developing recommendations (SMART action plans).
public enum SMARTCheck {
  /// Phrases that, leading a short description, say nothing specific.
  public static let vaguePhrases = [
    "raise awareness", "consider", "explore", "promote", "encourage", "continue to", "look at", "look into",
    "think about", "be aware", "remind", "reflect on", "highlight",
  ]

  /// Words that show a measure names an audit or a target.
  static let measureWords = [
    "audit", "target", "sample", "every ", "all ", "survey", "report", "per cent", "percent",
  ]

  /// Rates an action. Specific: a description of at least 6 words that does not just start with a
  /// vague phrase ("raise awareness", "consider") unless it goes on to say what (12 words or more).
  /// Measurable: a measure of success naming a number, a target or an audit. Achievable: the owner is
  /// one of the agencies the recommendation is addressed to, and a lead is named. Time-bound: a due
  /// day no more than two years after the agreed day.
  public static func rate(_ action: Action, in recommendation: Recommendation) -> SMARTRating {
    var reasons: [String] = []
    // Count words and read the opening in one pass over the bytes (this runs for every action).
    var words = 0
    var inWord = false
    for byte in action.description.utf8 {
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !isSpace && !inWord { words += 1 }
      inWord = !isSpace
    }
    let opening = String(
      decoding: action.description.utf8.prefix(24).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 },
      as: UTF8.self)
    let vague = vaguePhrases.first { opening.hasPrefix($0) }
    var specific = true
    if words < 6 {
      specific = false
      reasons.append(
        "S: the description has only \(plural(words, "word")); say what will be done, by whom, for whom")
    } else if let vague, words < 12 {
      specific = false
      reasons.append("S: \"\(vague)\" says nothing specific; say what will change")
    }
    let measure = action.measureOfSuccess ?? ""
    let namesNumber = measure.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x25 }
    var measurable = true
    if measure.trimmingSpaces.isEmpty {
      measurable = false
      reasons.append("M: no measure of success")
    } else if !namesNumber
      && !(measure.contains { $0.isNumber } || measureWords.contains { measure.lowercased().contains($0) })
    {
      measurable = false
      reasons.append("M: the measure names no number, target or audit")
    }
    var achievable = true
    if !recommendation.agencies.isEmpty && !recommendation.agencies.contains(action.owner) {
      achievable = false
      reasons.append(
        "A: the owner \(action.owner) is not one of the agencies the recommendation is addressed to")
    }
    if (action.lead ?? "").trimmingSpaces.isEmpty {
      achievable = false
      reasons.append("A: no lead is named")
    }
    var timeBound = true
    let latestDue = action.updates.last(where: { $0.due != nil })?.due ?? action.due
    let closed = action.updates.last(where: { $0.status != nil })?.status?.isClosed ?? false
    if !latestDue.isSet && !closed {
      timeBound = false
      reasons.append("T: no due day yet (TBC)")
    } else if let agreed = action.agreed, let due = action.due.day, due > agreed.adding(months: 24) {
      timeBound = false
      reasons.append("T: due \(action.due) is more than two years after it was agreed (\(agreed))")
    }
    return SMARTRating(
      specific: specific, measurable: measurable, achievable: achievable, timeBound: timeBound,
      reasons: reasons)
  }
}
