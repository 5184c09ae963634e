import LearningModel

extension LearningTrackerCommand {
  /// The fields of an activity `dissemination update --clear` can unset.
  static let clearableDisseminationFields = ["reach-by", "evaluation", "follow-up"]

  /// What `dissemination update` records about the learning landing: reach by agency, evaluation,
  /// follow-up, and the fields to clear.
  struct LandingChange {
    var reachBy: [AgencyReach] = []
    var responses: Int?
    var rating: Double?
    var willChange: Int?
    var followUp: CalendarDay?
    var followUpNote: String?
    var clears: [String] = []

    /// Nothing to record.
    var isEmpty: Bool {
      reachBy.isEmpty && responses == nil && rating == nil && willChange == nil && followUp == nil
        && followUpNote == nil && clears.isEmpty
    }

    /// The landing as the change path records it.
    var landing: DisseminationLanding {
      var landing = DisseminationLanding()
      landing.reachBy = reachBy
      landing.responses = responses
      landing.rating = rating
      landing.willChange = willChange
      landing.followUp = followUp
      landing.followUpNote = followUpNote
      landing.clears = clears
      return landing
    }

    /// Refuses a landing the activity as stored cannot take: an agency the store does not have,
    /// a new evaluation or follow-up without the fields it needs.
    func check(against activity: Dissemination, agencies: [Agency]) throws {
      let ids = agencies.map(\.id)
      for entry in reachBy where !ids.contains(entry.agency) {
        let hint = nearest(entry.agency, in: ids).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("--reach-by: no agency \"\(entry.agency)\"\(hint)")
      }
      let incomplete = landing.startsIncomplete(activity)
      if incomplete.evaluation {
        throw CommandError.usage("an evaluation needs --responses N and --rating X (1 to 5)")
      }
      if incomplete.followUp {
        throw CommandError.usage("a follow-up needs --follow-up DAY and --follow-up-note TEXT")
      }
    }
  }

  /// The landing options of `dissemination update`, checked before the store is read.
  static func landingChange(_ args: ParsedArguments) throws -> LandingChange {
    var change = LandingChange()
    for text in try args[DisseminationUpdateOptions.reachBy] {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, let number = Int(parts[1]), number >= 0 else {
        throw CommandError.usage(
          "--reach-by takes AGENCY=N with N a whole number of 0 or more, found \"\(text)\"")
      }
      if change.reachBy.contains(where: { $0.agency == parts[0] }) {
        throw CommandError.usage("--reach-by gives \(parts[0]) twice")
      }
      change.reachBy.append(AgencyReach(agency: parts[0], reach: number))
    }
    change.responses = try args[DisseminationUpdateOptions.responses]
    change.rating = try args[DisseminationUpdateOptions.rating]
    if let rating = change.rating, rating < DisseminationEvaluation.scale.lowerBound {
      throw CommandError.usage("--rating: the scale is 1 (poor) to 5 (excellent), found \(rating.shortText)")
    }
    change.willChange = try args[DisseminationUpdateOptions.willChange]
    change.followUp = try args[DisseminationUpdateOptions.followUp]
    change.followUpNote = try args[DisseminationUpdateOptions.followUpNote]
    if let note = change.followUpNote, note.trimmingSpaces.isEmpty {
      throw CommandError.usage("--follow-up-note \"\" is empty")
    }
    change.clears = try args[DisseminationUpdateOptions.clear]
    try checkClears(change.clears, among: clearableDisseminationFields)
    if change.clears.contains("reach-by") && !change.reachBy.isEmpty
      || change.clears.contains("evaluation")
        && (change.responses != nil || change.rating != nil || change.willChange != nil)
      || change.clears.contains("follow-up") && (change.followUp != nil || change.followUpNote != nil)
    {
      throw CommandError.usage("--clear goes against the value given for the same field")
    }
    return change
  }
}
