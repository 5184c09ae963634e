import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var removeCommands: [Command] { [agencyRemove, removeCommand] }

  static let agencyRemove = Command(
    words: ["agency", "remove"], summary: "remove an agency no record refers to",
    discussion: """
      Removes an agency added by mistake; `undo` puts it back. Refused, naming every record and \
      field that still refers to it, while it owns actions, is named by a recommendation, is in the \
      audience of dissemination or has Section 11 returns.
      """,
    positionals: [Positional("ID", help: "the agency, such as LA")],
    options: [.by]
  ) { args, context in
    let id = try args.positional(0)
    let by = try args[.by]
    try context.remove(by: context.who(by)) { tracker in
      guard tracker.agency(id) != nil else {
        let hint = nearest(id, in: tracker.agencies.map(\.id)).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("no agency \"\(id)\"\(hint)")
      }
      return .agency(id)
    }
    context.console.note("removed agency \(id)")
    return ExitCode.ok
  }

  static let removeCommand = Command(
    words: ["remove"], summary: "remove a record made by mistake, with everything in it",
    discussion: """
      Removes one record: a review (REVIEW, with its findings, recommendations and actions), a \
      recommendation (REVIEW/R1, with its actions), an action (REVIEW/1.1), a finding \
      (REVIEW/F1), a dissemination activity (dissemination:ID) or a Section 11 return \
      (section11:AGENCY:CYCLE). `undo` puts it all back.
      Refused, naming every record and field that still refers to it, while another record does: \
      a review that a later review follows, or that dissemination or a Section 11 return names. \
      Nothing is changed then.
      """,
    positionals: [
      Positional(
        "REF", help: "the record, such as RR-2026-01/R1, dissemination:D-01 or section11:LA:2025-26")
    ],
    options: [.by]
  ) { args, context in
    let text = try args.positional(0)
    let by = try args[.by]
    var contents = ""
    let reference = try context.remove(by: context.who(by)) { tracker in
      guard let reference = RecordReference(reference: text, in: tracker), !text.isEmpty else {
        throw CommandError.usage(
          "\"\(text)\" is not a record reference (expected REVIEW, REVIEW/R1, REVIEW/1.1, REVIEW/F1, "
            + "dissemination:ID or section11:AGENCY:CYCLE)")
      }
      let placed = byShape(reference, in: tracker)
      contents = removedContents(placed, in: tracker)
      return placed
    }
    context.console.note("removed \(reference.title)\(contents)")
    return ExitCode.ok
  }

  /// A reference to no record, read by the shape of its last part: `REVIEW/R9` a recommendation,
  /// `REVIEW/F9` a finding, so that "did you mean" offers one of the same kind.
  static func byShape(_ reference: RecordReference, in tracker: Tracker) -> RecordReference {
    guard case .action(let action) = reference, tracker.record(at: reference) == nil,
      let first = action.action.first, action.action.dropFirst().allSatisfy(\.isNumber),
      action.action.count > 1
    else { return reference }
    switch first {
    case "R":
      return .recommendation(RecommendationReference(review: action.review, recommendation: action.action))
    case "F": return .finding(review: action.review, finding: action.action)
    default: return reference
    }
  }

  /// What goes with a record when it is removed: " with 2 findings, 3 recommendations and 7 actions".
  static func removedContents(_ reference: RecordReference, in tracker: Tracker) -> String {
    func counted(_ count: Int, _ noun: String) -> String? {
      count == 0 ? nil : "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
    var parts: [String?] = []
    switch reference {
    case .review(let id):
      guard let review = tracker.reviews.first(where: { $0.id == id }) else { return "" }
      parts = [
        counted(review.findings.count, "finding"), counted(review.recommendations.count, "recommendation"),
        counted(review.recommendations.reduce(0) { $0 + $1.actions.count }, "action"),
      ]
    case .recommendation(let placed):
      let recommendation = tracker.reviews.first { $0.id == placed.review }?.recommendations.first {
        $0.id == placed.recommendation
      }
      parts = [counted(recommendation?.actions.count ?? 0, "action")]
    default:
      return ""
    }
    let named = parts.compactMap { $0 }
    guard let last = named.last else { return "" }
    let listed = named.count == 1 ? last : named.dropLast().joined(separator: ", ") + " and " + last
    return " with its " + listed
  }
}

extension Context {
  /// Removes the record `locate` names, through the one change path: refused, naming every record
  /// and field that still refers to it, while any does; nothing is written then. `locate` runs
  /// under the store's lock and throws, with "did you mean", when there is no such record.
  @discardableResult
  func remove(by who: String, _ locate: (Tracker) throws -> RecordReference) throws -> RecordReference {
    var removed: RecordReference?
    try apply(by: who) { tracker in
      let reference = try locate(tracker)
      removed = reference
      return ChangeSet([.remove(reference)])
    }
    guard let removed else { throw CommandError.usage("nothing was removed") }
    return removed
  }
}
