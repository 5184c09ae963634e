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
      .text("--text", "TEXT", help: "the recommendation as the review words it"),
      .word("--response", RecommendationResponse.self, help: "the partnership's response"),
      .text("--response-note", "TEXT", help: "why it is partially or not accepted (required for those)"),
      .text(
        "--clear", "FIELD", repeatable: true,
        help: "unset an optional field: response-note (once accepted), responded"),
      .day("--responded", help: "the day the partnership responded"),
      .text("--add-agency", "ID", repeatable: true, help: "add an agency it is addressed to"),
      .text("--remove-agency", "ID", repeatable: true, help: "remove an agency"),
      .text("--add-theme", "ID", repeatable: true, help: "add a theme"),
      .text("--remove-theme", "ID", repeatable: true, help: "remove a theme"), .by,
    ]
  ) { args, context in
    let reference = try recommendationReference(args)
    let text = try args.value("--text")
    if let text, text.trimmingSpaces.isEmpty { throw CommandError.usage("--text \"\" is empty") }
    let response = try args.word("--response", RecommendationResponse.self)
    let note = try args.value("--response-note")
    let responded = try args.day("--responded")
    let addAgencies = try args.values("--add-agency")
    let removeAgencies = try args.values("--remove-agency")
    let addThemes = try args.values("--add-theme")
    let removeThemes = try args.values("--remove-theme")
    let by = try args.value("--by")
    let clears = try args.values("--clear")
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
    try context.change(by: context.who(by)) { tracker in
      let r = try reviewPosition(reference.review, in: tracker)
      guard
        let m = tracker.reviews[r].recommendations.firstIndex(where: { $0.id == reference.recommendation })
      else {
        let ids = tracker.reviews[r].recommendations.map(\.id)
        let hint =
          nearest(reference.recommendation, in: ids).map { "; did you mean \(reference.review)/\($0)?" } ?? ""
        throw CommandError.usage("no recommendation \(reference)\(hint)")
      }
      try checkAgencies(addAgencies, in: tracker, option: "--add-agency")
      try checkCatalogue(addThemes, in: tracker.themes, option: "--add-theme", what: "theme")
      var recommendation = tracker.reviews[r].recommendations[m]
      if let text { recommendation.text = text }
      if let response { recommendation.response = response }
      if let note { recommendation.responseNote = note }
      if let responded { recommendation.responded = responded }
      if clears.contains("response-note") { recommendation.responseNote = nil }
      if clears.contains("responded") { recommendation.responded = nil }
      for agency in addAgencies where !recommendation.agencies.contains(agency) {
        recommendation.agencies.append(agency)
      }
      for agency in removeAgencies {
        guard recommendation.agencies.contains(agency) else {
          let hint = nearest(agency, in: recommendation.agencies).map { "; did you mean \($0)?" } ?? ""
          throw CommandError.usage(
            "--remove-agency: recommendation \(reference) is not addressed to \"\(agency)\"\(hint)")
        }
        recommendation.agencies.removeAll { $0 == agency }
      }
      for theme in addThemes where !recommendation.themes.contains(theme) {
        recommendation.themes.append(theme)
      }
      for theme in removeThemes {
        guard recommendation.themes.contains(theme) else {
          let hint = nearest(theme, in: recommendation.themes).map { "; did you mean \($0)?" } ?? ""
          throw CommandError.usage(
            "--remove-theme: recommendation \(reference) does not carry theme \"\(theme)\"\(hint)")
        }
        recommendation.themes.removeAll { $0 == theme }
      }
      if DomainRules.needsResponseNote(recommendation) {
        throw CommandError.usage(
          responseNoteRefusal(
            recommendation.response, given: response != nil, reference: reference.description))
      }
      tracker.reviews[r].recommendations[m] = recommendation
      return [.recommendation(reference)]
    }
    context.console.note("updated recommendation \(reference)")
    return ExitCode.ok
  }
}
