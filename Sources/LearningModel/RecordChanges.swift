/// A correction to an agency's record (`agency update`), field by field: the intent, not the
/// record as it ends up. Whether the result keeps the rules is `DomainRules`' to say.
public enum AgencyChange: Equatable, Sendable {
  case name(String)
  case kind(AgencyKind)
  /// Whether the agency is one of the statutory safeguarding partners (Working Together 2023, chapter 2).
  case statutoryPartner(Bool)
  /// The practitioners it employs, or nil to clear the number.
  case workforce(Int?)
  /// Adds another name its spreadsheets give it (after those listed).
  case addAlias(String)
  /// Takes an alias off, as it is written in the store.
  case removeAlias(String)

  /// The change applied to `agency`.
  public func apply(to agency: inout Agency) {
    switch self {
    case .name(let name): agency.name = name
    case .kind(let kind): agency.kind = kind
    case .statutoryPartner(let statutory): agency.statutoryPartner = statutory
    case .workforce(let number): agency.workforce = number
    case .addAlias(let alias): agency.aliases = (agency.aliases ?? []) + [alias]
    case .removeAlias(let alias):
      var aliases = agency.aliases ?? []
      if let at = aliases.firstIndex(of: alias) { aliases.remove(at: at) }
      agency.aliases = aliases.isEmpty ? nil : aliases
    }
  }
}

/// A correction to an entry of a catalogue (`theme update`, `method update`, ...).
public enum CatalogueEntryChange: Equatable, Sendable {
  case name(String)
  /// The reach a dissemination method is expected to have, or nil to clear it.
  case reach(DisseminationReach?)

  /// The change applied to `entry`.
  public func apply(to entry: inout CatalogueEntry) {
    switch self {
    case .name(let name): entry.name = name
    case .reach(let reach): entry.reach = reach
    }
  }
}

/// A correction to a finding (`finding update`).
public enum FindingChange: Equatable, Sendable {
  case text(String)
  case goodPractice(Bool)
  /// The earlier finding it repeats (`REVIEW/F1`), or nil to clear it.
  case repeats(String?)
  /// Adds a theme, unless the finding carries it already.
  case addTheme(String)
  case removeTheme(String)

  /// The change applied to `finding`.
  public func apply(to finding: inout Finding) {
    switch self {
    case .text(let text): finding.text = text
    case .goodPractice(let good): finding.goodPractice = good
    case .repeats(let earlier): finding.repeats = earlier
    case .addTheme(let theme): if !finding.themes.contains(theme) { finding.themes.append(theme) }
    case .removeTheme(let theme): finding.themes.removeAll { $0 == theme }
    }
  }
}

/// A correction to a recommendation, or the partnership's response to it (`recommendation
/// update`). Its actions are records of their own and are not touched.
public enum RecommendationChange: Equatable, Sendable {
  case text(String)
  /// The partnership's response; a partial or no acceptance needs its published reason
  /// (`DomainRules.needsResponseNote`).
  case response(RecommendationResponse)
  /// Why it is partially or not accepted, or nil to clear it.
  case responseNote(String?)
  /// The day the partnership responded, or nil to clear it.
  case responded(CalendarDay?)
  /// Addresses it to another agency, unless it is addressed to it already.
  case addAgency(String)
  case removeAgency(String)
  /// Adds a theme, unless the recommendation carries it already.
  case addTheme(String)
  case removeTheme(String)

  /// The change applied to `recommendation`.
  public func apply(to recommendation: inout Recommendation) {
    switch self {
    case .text(let text): recommendation.text = text
    case .response(let response): recommendation.response = response
    case .responseNote(let note): recommendation.responseNote = note
    case .responded(let day): recommendation.responded = day
    case .addAgency(let agency):
      if !recommendation.agencies.contains(agency) { recommendation.agencies.append(agency) }
    case .removeAgency(let agency): recommendation.agencies.removeAll { $0 == agency }
    case .addTheme(let theme):
      if !recommendation.themes.contains(theme) { recommendation.themes.append(theme) }
    case .removeTheme(let theme): recommendation.themes.removeAll { $0 == theme }
    }
  }
}

/// What is recorded about the learning of a dissemination activity landing: reach by agency, the
/// practitioners' evaluation and a follow-up on practice, and the parts to clear first.
public struct DisseminationLanding: Equatable, Sendable {
  /// Practitioners of an agency reached (each replaces that agency's number).
  public var reachBy: [AgencyReach] = []
  /// Practitioners who answered the evaluation.
  public var responses: Int?
  /// Their average rating, 1 (poor) to 5 (excellent).
  public var rating: Double?
  /// How many said they would change their practice.
  public var willChange: Int?
  /// The day of a follow-up on practice.
  public var followUp: CalendarDay?
  /// What the follow-up found.
  public var followUpNote: String?
  /// The parts to clear: `reach-by`, `evaluation`, `follow-up`.
  public var clears: [String] = []

  /// Nothing to record.
  public init() {}

  /// Nothing to record.
  public var isEmpty: Bool {
    reachBy.isEmpty && responses == nil && rating == nil && willChange == nil && followUp == nil
      && followUpNote == nil && clears.isEmpty
  }

  /// Whether an evaluation or a follow-up would be started without the fields a new one needs
  /// (responses and rating; a day and a note), given the activity as it is.
  public func startsIncomplete(_ activity: Dissemination) -> (evaluation: Bool, followUp: Bool) {
    let evaluation =
      (responses != nil || rating != nil || willChange != nil)
      && (activity.evaluation == nil || clears.contains("evaluation")) && (responses == nil || rating == nil)
    let followUpIncomplete =
      (followUp != nil || followUpNote != nil)
      && (activity.followUp == nil || clears.contains("follow-up"))
      && (followUp == nil || followUpNote == nil)
    return (evaluation, followUpIncomplete)
  }

  /// Records the landing in `activity`; the total reach becomes the sum of the reach by agency
  /// unless `reach` was given. A new evaluation or follow-up missing a field it needs is not
  /// started (`startsIncomplete` says so first).
  public func apply(to activity: inout Dissemination, reach: Int?) {
    if clears.contains("reach-by") { activity.reachByAgency = nil }
    if !reachBy.isEmpty {
      var list = activity.reachByAgency ?? []
      for entry in reachBy {
        if let at = list.firstIndex(where: { $0.agency == entry.agency }) {
          list[at] = entry
        } else {
          list.append(entry)
        }
      }
      activity.reachByAgency = list
      if reach == nil { activity.reach = activity.reachByAgencyTotal }
    }
    if clears.contains("evaluation") { activity.evaluation = nil }
    if responses != nil || rating != nil || willChange != nil {
      if var evaluation = activity.evaluation {
        if let responses { evaluation.responses = responses }
        if let rating { evaluation.rating = rating }
        if let willChange { evaluation.willChange = willChange }
        activity.evaluation = evaluation
      } else if let responses, let rating {
        activity.evaluation = DisseminationEvaluation(
          responses: responses, rating: rating, willChange: willChange)
      }
    }
    if clears.contains("follow-up") { activity.followUp = nil }
    if followUp != nil || followUpNote != nil {
      if var existing = activity.followUp {
        if let followUp { existing.date = followUp }
        if let followUpNote { existing.note = followUpNote }
        activity.followUp = existing
      } else if let followUp, let followUpNote {
        activity.followUp = DisseminationFollowUp(date: followUp, note: followUpNote)
      }
    }
  }
}

/// An update to a dissemination activity (`dissemination update`): delivered, cancelled or
/// re-planned, its reach, audience, evaluation and follow-up. A delivered activity needs its
/// reach and a cancelled one a note (`DomainRules.violations(of: Dissemination)`).
public enum DisseminationChange: Equatable, Sendable {
  case status(DisseminationStatus)
  /// The day delivered, or the new planned day.
  case date(CalendarDay)
  case reach(Int)
  case note(String)
  /// Replaces the audience.
  case audience([String])
  /// Records the learning landing; `reach` is the total reach given with it, if any.
  case landing(DisseminationLanding, reach: Int?)

  /// The change applied to `activity`.
  public func apply(to activity: inout Dissemination) {
    switch self {
    case .status(let status): activity.status = status
    case .date(let day): activity.date = day
    case .reach(let reach): activity.reach = reach
    case .note(let note): activity.note = note
    case .audience(let audience): activity.audience = audience
    case .landing(let landing, let reach): landing.apply(to: &activity, reach: reach)
    }
  }
}

/// An entry in an agency's Section 11 return (`section11 update`): its submission, ratings,
/// moderation and learning evidence (Working Together 2023, chapter 2: section 11 of the Children
/// Act 2004).
public enum Section11Change: Equatable, Sendable {
  case submitted(CalendarDay)
  /// The agency's self rating of a standard (replacing an earlier one).
  case rate(standard: String, Section11Rating)
  /// The rating of a standard after challenge; the standard must be rated first.
  case moderate(standard: String, Section11Rating)
  /// The evidence for a standard's rating; the standard must be rated first.
  case evidence(standard: String, String)
  /// The learning evidence for a review (replacing the earlier one for that review).
  case learning(Section11Learning)

  /// The standard a moderation or evidence names that `entry` has not rated: the change path
  /// refuses it, as `section11 update` does first in its own words.
  public func unratedStandard(in entry: Section11Return) -> String? {
    switch self {
    case .moderate(let standard, _), .evidence(let standard, _):
      entry.ratings.contains { $0.standard == standard } ? nil : standard
    default: nil
    }
  }

  /// The change applied to `entry`. A moderation or evidence for a standard not rated is not
  /// recorded (`unratedStandard` names it first).
  public func apply(to entry: inout Section11Return) {
    switch self {
    case .submitted(let day): entry.submitted = day
    case .rate(let standard, let value):
      if let at = entry.ratings.firstIndex(where: { $0.standard == standard }) {
        entry.ratings[at].`self` = value
      } else {
        entry.ratings.append(Section11StandardRating(standard: standard, self: value))
      }
    case .moderate(let standard, let value):
      if let at = entry.ratings.firstIndex(where: { $0.standard == standard }) {
        entry.ratings[at].moderated = value
      }
    case .evidence(let standard, let text):
      if let at = entry.ratings.firstIndex(where: { $0.standard == standard }) {
        entry.ratings[at].evidence = text
      }
    case .learning(let learning):
      if let at = entry.learning.firstIndex(where: { $0.review == learning.review }) {
        entry.learning[at] = learning
      } else {
        entry.learning.append(learning)
      }
    }
  }
}

/// A change to the partnership's privacy list: the names that must never appear in anything
/// published (Working Together 2023, chapter 5: published reviews are anonymised).
public enum PrivacyChange: Equatable, Sendable {
  /// Adds a name, unless it is listed already (ignoring case).
  case addName(String)
  /// Takes a name off (ignoring case).
  case removeName(String)

  /// Whether two names are the same name, ignoring case and surrounding spaces.
  public static func sameName(_ one: String, _ other: String) -> Bool {
    one.trimmingSpaces.lowercased() == other.trimmingSpaces.lowercased()
  }

  /// The change applied to the partnership record.
  public func apply(to partnership: inout Partnership) {
    var names = partnership.privacy?.names ?? []
    switch self {
    case .addName(let name):
      if !names.contains(where: { Self.sameName($0, name) }) { names.append(name) }
      partnership.privacy = Privacy(names: names)
    case .removeName(let name):
      names.removeAll { Self.sameName($0, name) }
      partnership.privacy = names.isEmpty ? nil : Privacy(names: names)
    }
  }
}
