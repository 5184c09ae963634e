/// How one action measures up to SMART, with the reasons for each letter that fails.
public struct SMARTRating: Equatable, Codable, Sendable {
  public var specific: Bool
  public var measurable: Bool
  public var achievable: Bool
  public var timeBound: Bool
  /// Why each failing letter fails, in S, M, A, T order.
  public var reasons: [String]

  public var isSMART: Bool { specific && measurable && achievable && timeBound }

  /// "S M A T" with a dash for each letter that fails ("S – A T").
  public var letters: String {
    [specific ? "S" : "–", measurable ? "M" : "–", achievable ? "A" : "–", timeBound ? "T" : "–"].joined(separator: " ")
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
  static let measureWords = ["audit", "target", "sample", "every ", "all ", "survey", "report", "per cent", "percent"]

  /// Rates an action. Specific: a description of at least 6 words that does not just start with a
  /// vague phrase ("raise awareness", "consider") unless it goes on to say what (12 words or more).
  /// Measurable: a measure of success naming a number, a target or an audit. Achievable: the owner is
  /// one of the agencies the recommendation is addressed to, and a lead is named. Time-bound: a due
  /// day no more than two years after the agreed day.
  public static func rate(_ action: Action, in recommendation: Recommendation) -> SMARTRating {
    var reasons: [String] = []
    let description = action.description.lowercased()
    let words = description.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    let vague = vaguePhrases.first { description.hasPrefix($0) }
    var specific = true
    if words < 6 {
      specific = false
      reasons.append("S: the description has only \(words) word(s); say what will be done, by whom, for whom")
    } else if let vague, words < 12 {
      specific = false
      reasons.append("S: \"\(vague)\" says nothing specific; say what will change")
    }
    let measure = (action.measureOfSuccess ?? "").lowercased()
    var measurable = true
    if measure.trimmingSpaces.isEmpty {
      measurable = false
      reasons.append("M: no measure of success")
    } else if !(measure.contains { $0.isNumber } || measure.contains("%") || measureWords.contains { measure.contains($0) }) {
      measurable = false
      reasons.append("M: the measure names no number, target or audit")
    }
    var achievable = true
    if !recommendation.agencies.isEmpty && !recommendation.agencies.contains(action.owner) {
      achievable = false
      reasons.append("A: the owner \(action.owner) is not one of the agencies the recommendation is addressed to")
    }
    if (action.lead ?? "").trimmingSpaces.isEmpty {
      achievable = false
      reasons.append("A: no lead is named")
    }
    var timeBound = true
    if let agreed = action.agreed, action.due > agreed.adding(months: 24) {
      timeBound = false
      reasons.append("T: due \(action.due) is more than two years after it was agreed (\(agreed))")
    }
    return SMARTRating(specific: specific, measurable: measurable, achievable: achievable, timeBound: timeBound, reasons: reasons)
  }
}
