import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// `REVIEW/REC`: a recommendation's reference.
  static func recommendationReference(_ args: ParsedArguments) throws -> RecommendationReference {
    let text = try args.positional(0)
    guard let reference = ActionReference(text) else {
      throw CommandError.usage(
        "\"\(text)\" is not a recommendation reference (expected REVIEW/REC, such as LCSPR-2025-02/R1)")
    }
    return RecommendationReference(review: reference.review, recommendation: reference.action)
  }

  /// The refusal of a partially or not accepted recommendation without its published reason,
  /// naming the option that set the response (or the response already recorded).
  static func responseNoteRefusal(_ response: RecommendationResponse, given: Bool, reference: String)
    -> String
  {
    let why =
      response == .notAccepted
      ? "the partnership publishes why it does not accept"
      : "the partnership publishes why it accepts only part"
    if given { return "--response \(response.rawValue) needs --response-note (\(why))" }
    return
      "recommendation \(reference) is \(response.rawValue), so it needs a --response-note that is not empty (\(why))"
  }

  /// Refuses agency IDs the store does not have, with "did you mean".
  static func checkAgencies(_ ids: [String], in tracker: Tracker, option: String) throws {
    for id in ids where tracker.agency(id) == nil {
      let hint = nearest(id, in: tracker.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("\(option): no agency \"\(id)\"\(hint) (add it with 'agency add')")
    }
  }

  /// The options of `recommendation update`.
  enum RecommendationUpdateOptions {
    static let text: TypedOption<String?> = .text(
      "--text", "TEXT", help: "the recommendation as the review words it")
    static let response: TypedOption<RecommendationResponse?> = .word(
      "--response", RecommendationResponse.self, help: "the partnership's response")
    static let responseNote: TypedOption<String?> = .text(
      "--response-note", "TEXT", help: "why it is partially or not accepted (required for those)")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD",
      help: "unset an optional field: response-note (once accepted), responded")
    static let responded: TypedOption<CalendarDay?> = .day(
      "--responded", help: "the day the partnership responded")
    static let addAgency: TypedOption<[String]> = .text(
      "--add-agency", "ID", help: "add an agency it is addressed to")
    static let removeAgency: TypedOption<[String]> = .text("--remove-agency", "ID", help: "remove an agency")
    static let addTheme: TypedOption<[String]> = .text("--add-theme", "ID", help: "add a theme")
    static let removeTheme: TypedOption<[String]> = .text("--remove-theme", "ID", help: "remove a theme")
  }

  static let recommendationUpdate = Command(
    words: ["recommendation", "update"], summary: "correct a recommendation or record the response to it",
    discussion: """
      Corrects a recommendation's text, agencies and themes, and records the partnership's response: \
      --response with the day it responded (--responded). A partially accepted or not accepted \
      recommendation needs --response-note: the partnership publishes why. Its actions are changed \
      with the action commands.
      """,
    positionals: [Positional("REVIEW/REC", help: "the recommendation, such as LCSPR-2025-02/R1")],
    options: [
      RecommendationUpdateOptions.text, RecommendationUpdateOptions.response,
      RecommendationUpdateOptions.responseNote, RecommendationUpdateOptions.clear,
      RecommendationUpdateOptions.responded, RecommendationUpdateOptions.addAgency,
      RecommendationUpdateOptions.removeAgency, RecommendationUpdateOptions.addTheme,
      RecommendationUpdateOptions.removeTheme, .by,
    ]
  ) { args, context in
    let reference = try recommendationReference(args)
    let text = try args[RecommendationUpdateOptions.text]
    if let text, text.trimmingSpaces.isEmpty { throw CommandError.usage("--text \"\" is empty") }
    let response = try args[RecommendationUpdateOptions.response]
    let note = try args[RecommendationUpdateOptions.responseNote]
    let responded = try args[RecommendationUpdateOptions.responded]
    let addAgencies = try args[RecommendationUpdateOptions.addAgency]
    let removeAgencies = try args[RecommendationUpdateOptions.removeAgency]
    let addThemes = try args[RecommendationUpdateOptions.addTheme]
    let removeThemes = try args[RecommendationUpdateOptions.removeTheme]
    let by = try args[.by]
    let clears = try args[RecommendationUpdateOptions.clear]
    let clearable = ["response-note", "responded"]
    try checkClears(clears, among: clearable)
    if (note != nil && clears.contains("response-note")) || (responded != nil && clears.contains("responded"))
    {
      throw CommandError.usage("--clear goes against the value given for the same field")
    }
    if text == nil && response == nil && note == nil && responded == nil && addAgencies.isEmpty
      && removeAgencies.isEmpty && addThemes.isEmpty && removeThemes.isEmpty && clears.isEmpty
    {
      throw CommandError.usage("give at least one thing to change; see 'recommendation update --help'")
    }
    if let response, response.needsReason, let note, note.trimmingSpaces.isEmpty {
      throw CommandError.usage(responseNoteRefusal(response, given: true, reference: reference.description))
    }
    try context.apply(by: context.who(by)) { before in
      let r = try reviewPosition(reference.review, in: before)
      guard let stored = before.reviews[r].recommendations.first(where: { $0.id == reference.recommendation })
      else {
        let ids = before.reviews[r].recommendations.map(\.id)
        let hint =
          nearest(reference.recommendation, in: ids).map { "; did you mean \(reference.review)/\($0)?" } ?? ""
        throw CommandError.usage("no recommendation \(reference)\(hint)")
      }
      try checkAgencies(addAgencies, in: before, option: "--add-agency")
      try checkCatalogue(addThemes, in: before.themes, option: "--add-theme", what: "theme")
      var changes: [RecommendationChange] = []
      if let text { changes.append(.text(text)) }
      if let response { changes.append(.response(response)) }
      if let note { changes.append(.responseNote(note)) }
      if let responded { changes.append(.responded(responded)) }
      if clears.contains("response-note") { changes.append(.responseNote(nil)) }
      if clears.contains("responded") { changes.append(.responded(nil)) }
      changes += try tagChanges(
        option: "--remove-agency", held: stored.agencies, add: addAgencies, remove: removeAgencies,
        adding: RecommendationChange.addAgency, removing: RecommendationChange.removeAgency,
        absent: { "recommendation \(reference) is not addressed to \"\($0)\"" })
      changes += try tagChanges(
        option: "--remove-theme", held: stored.themes, add: addThemes, remove: removeThemes,
        adding: RecommendationChange.addTheme, removing: RecommendationChange.removeTheme,
        absent: { "recommendation \(reference) does not carry theme \"\($0)\"" })
      var recommendation = stored
      for change in changes { change.apply(to: &recommendation) }
      if DomainRules.needsResponseNote(recommendation) {
        throw CommandError.usage(
          responseNoteRefusal(
            recommendation.response, given: response != nil, reference: reference.description))
      }
      return ChangeSet([.updateRecommendation(reference, changes)])
    }
    context.console.note("updated recommendation \(reference)")
    return ExitCode.ok
  }
}
