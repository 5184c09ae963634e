/// How many practitioners of one agency a dissemination activity reached.
///
/// Norfolk's dissemination options count "reach into frontline"; compared with the agency's
/// `workforce` this is the agency's coverage.
public struct AgencyReach: Encodable, Equatable, Sendable {
  /// The agency's ID.
  public var agency: String
  /// Practitioners of the agency reached (people who attended, or copies circulated, by the method).
  public var reach: Int

  /// `reach` practitioners of `agency`.
  public init(agency: String, reach: Int) {
    self.agency = agency
    self.reach = reach
  }
}

/// What the practitioners who answered an activity's evaluation said (Norfolk: "positive feedback
/// from evaluation").
public struct DisseminationEvaluation: Encodable, Equatable, Sendable {
  /// How many practitioners answered the evaluation.
  public var responses: Int
  /// Their average rating of the activity, from 1 (poor) to 5 (excellent).
  public var rating: Double
  /// How many of them said they would change their practice.
  public var willChange: Int?

  /// An evaluation of `responses` answers averaging `rating`.
  public init(responses: Int, rating: Double, willChange: Int? = nil) {
    self.responses = responses
    self.rating = rating
    self.willChange = willChange
  }

  /// The lowest and highest rating.
  public static let scale: ClosedRange<Double> = 1...5
}

/// Evidence, some weeks after an activity, that practice changed (Kent: "staff are fully briefed";
/// learning is embedded only when practice changes).
public struct DisseminationFollowUp: Encodable, Equatable, Sendable {
  /// The day of the follow-up: not before the activity was delivered.
  public var date: CalendarDay
  /// What was found: the evidence that practice changed, or did not.
  public var note: String

  /// A follow-up on `date`.
  public init(date: CalendarDay, note: String) {
    self.date = date
    self.note = note
  }
}

extension Dissemination {
  /// The sum of the reach recorded by agency.
  public var reachByAgencyTotal: Int { (reachByAgency ?? []).reduce(0) { $0 + $1.reach } }
}

extension DomainRules {
  /// An agency's workforce is a number of practitioners, 1 or more.
  static func workforceViolations(of agency: Agency) -> [RuleViolation] {
    guard let workforce = agency.workforce, workforce < 1 else { return [] }
    return [
      RuleViolation(
        check: .dissemination, field: "workforce", value: String(workforce),
        message: "agency \(agency.id): workforce must be 1 or more, found \(workforce)",
        hint: "record the practitioners it employs who work with children, or leave it out")
    ]
  }

  /// The rules of an activity's reach by agency, evaluation and follow-up: each is recorded only
  /// once the activity is delivered; reach by agency names known agencies once each and adds up to no
  /// more than the total reach; an evaluation has 1 or more responses, a rating on the 1 to 5 scale
  /// and no more practitioners changing practice than answered; a follow-up is not before delivery.
  static func landingViolations(of dissemination: Dissemination, known: KnownIdentifiers) -> [RuleViolation] {
    var found: [RuleViolation] = []
    let delivered = dissemination.status == .delivered
    func notDelivered(_ field: String, _ what: String) {
      found.append(
        RuleViolation(
          check: .dissemination, field: field, relatedField: "status",
          relatedValue: dissemination.status.rawValue,
          message:
            "activity \(dissemination.id) is \(dissemination.status.rawValue), so it has no \(what) yet",
          hint: "mark it delivered first ('dissemination update \(dissemination.id) --status delivered')"))
    }
    if let reachBy = dissemination.reachByAgency {
      if !delivered { notDelivered("reachByAgency", "reach by agency") }
      var seen: Set<String> = []
      for (index, entry) in reachBy.enumerated() {
        let field = "reachByAgency[\(index)]"
        if let problem = resolve(
          entry.agency, in: known.agencies, field: "\(field).agency", what: "agency", catalogue: "agencies")
        {
          found.append(problem)
        } else if !seen.insert(entry.agency).inserted {
          found.append(
            RuleViolation(
              check: .uniqueIds, field: "\(field).agency", value: entry.agency,
              message: "activity \(dissemination.id) gives the reach of \(entry.agency) twice"))
        }
        if entry.reach < 0 {
          found.append(
            RuleViolation(
              check: .dissemination, field: "\(field).reach", value: String(entry.reach),
              message: "reach must be 0 or more, found \(entry.reach)"))
        }
      }
      if let reach = dissemination.reach, dissemination.reachByAgencyTotal > reach {
        found.append(
          RuleViolation(
            check: .dissemination, field: "reach", value: String(reach), relatedField: "reachByAgency",
            relatedValue: String(dissemination.reachByAgencyTotal),
            message:
              "activity \(dissemination.id) reached \(reach) in all, fewer than the \(dissemination.reachByAgencyTotal) of its reach by agency",
            hint: "the total reach is at least the sum of the agencies' reach"))
      }
    }
    if let evaluation = dissemination.evaluation {
      if !delivered { notDelivered("evaluation", "evaluation") }
      if evaluation.responses < 1 {
        found.append(
          RuleViolation(
            check: .dissemination, field: "evaluation.responses", value: String(evaluation.responses),
            message: "an evaluation needs 1 or more responses, found \(evaluation.responses)"))
      }
      if !DisseminationEvaluation.scale.contains(evaluation.rating) || !evaluation.rating.isFinite {
        found.append(
          RuleViolation(
            check: .dissemination, field: "evaluation.rating", value: String(evaluation.rating),
            message: "an evaluation's rating is from 1 to 5, found \(evaluation.rating)"))
      }
      if let willChange = evaluation.willChange, willChange < 0 || willChange > evaluation.responses {
        found.append(
          RuleViolation(
            check: .dissemination, field: "evaluation.willChange", value: String(willChange),
            relatedField: "evaluation.responses", relatedValue: String(evaluation.responses),
            message:
              "\(willChange) said they would change their practice, out of \(evaluation.responses) responses",
            hint: "willChange is from 0 to the number of responses"))
      }
    }
    if let followUp = dissemination.followUp {
      if !delivered { notDelivered("followUp", "follow-up") }
      if followUp.date < dissemination.date {
        found.append(
          RuleViolation(
            check: .dissemination, field: "followUp", value: followUp.date.description,
            relatedField: "date", relatedValue: dissemination.date.description, relation: "is before",
            message:
              "the follow-up of activity \(dissemination.id) (\(followUp.date)) is before it was delivered (\(dissemination.date))",
            hint: "a follow-up looks back at practice after the activity"))
      }
      if let problem = required(followUp.note, field: "followUp.note", what: "the follow-up's note") {
        found.append(problem)
      }
    }
    return found
  }
}
