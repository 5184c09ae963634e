import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  static var findingCommands: [Command] { [findingAdd, findingUpdate, findingRemove] }

  /// `REVIEW/F1`: a finding's reference.
  static func findingReference(_ args: ParsedArguments) throws -> (review: String, finding: String) {
    let text = try args.positional(0)
    guard let (review, finding) = splitReviewReference(text) else {
      throw CommandError.usage(
        "\"\(text)\" is not a finding reference (expected REVIEW/FINDING, such as RR-2026-01/F1)")
    }
    return (review, finding)
  }

  /// The review's position, or a usage error with "did you mean" (naming `option` when the review
  /// was given by one).
  static func reviewPosition(_ id: String, in tracker: Tracker, option: String? = nil) throws -> Int {
    guard let index = tracker.reviewIndex(id) else {
      let hint = nearest(id, in: tracker.reviews.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage((option.map { $0 + ": " } ?? "") + "no review \"\(id)\"\(hint)")
    }
    return index
  }

  /// Refuses IDs a store catalogue (themes, categories...) does not have, with "did you mean".
  static func checkCatalogue(
    _ ids: [String], in catalogue: [CatalogueEntry], option: String, what: String
  ) throws {
    for id in ids where !catalogue.contains(where: { $0.id == id }) {
      let hint = nearest(id, in: catalogue.map(\.id)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("\(option): no \(what) \"\(id)\"\(hint)")
    }
  }

  /// The changes that add the tags `added` (themes, agencies, categories...) to a record holding
  /// `held`, then remove the tags `removed`: a removal of a tag the record will not hold is refused,
  /// naming the record (`absent`) and the nearest tag it does hold. The one rule for every
  /// `--add-X`/`--remove-X` pair of an update command.
  static func tagChanges<Change>(
    option: String, held: [String], add added: [String], remove removed: [String],
    adding: (String) -> Change, removing: (String) -> Change, absent: (String) -> String
  ) throws -> [Change] {
    var tags = held
    var changes = added.map(adding)
    for tag in added where !tags.contains(tag) { tags.append(tag) }
    for tag in removed {
      guard tags.contains(tag) else {
        let hint = nearest(tag, in: tags).map { "; did you mean \($0)?" } ?? ""
        throw CommandError.usage("\(option): \(absent(tag))\(hint)")
      }
      tags.removeAll { $0 == tag }
      changes.append(removing(tag))
    }
    return changes
  }

  /// The options of `finding add`.
  enum FindingAddOptions {
    static let text: TypedOption<String> = .text("--text", "TEXT", help: "what the review found")
    static let goodPractice: TypedOption<Bool> = .flag(
      "--good-practice", help: "the finding is good practice")
    static let theme: TypedOption<[String]> = .text("--theme", "ID", help: "a theme it carries")
    static let repeats: TypedOption<String?> = .text(
      "--repeats", "REF", help: "the earlier finding it repeats, such as LCSPR-2023-05/F1")
  }

  static let findingAdd = Command(
    words: ["finding", "add"], summary: "record a finding (learning or good practice) of a review",
    discussion: """
      Adds a finding to a review, numbered F1, F2... in order, and referred to as REVIEW/F1. Good \
      practice is learning too: mark it with --good-practice. When the partnership knows the finding \
      was made before, --repeats names the earlier finding; otherwise the closest earlier findings of \
      other reviews (at most 3) are named, so the link is easy to record with 'finding update'.
      """,
    positionals: [Positional("REVIEW", help: "the review, such as RR-2026-01")],
    options: [
      FindingAddOptions.text, FindingAddOptions.goodPractice, FindingAddOptions.theme,
      FindingAddOptions.repeats, .by,
    ]
  ) { args, context in
    let reviewID = try args.positional(0)
    let repeats = try args[FindingAddOptions.repeats]
    let text = try args[FindingAddOptions.text]
    if text.trimmingSpaces.isEmpty { throw CommandError.usage("--text \"\" is empty") }
    let goodPractice = args[FindingAddOptions.goodPractice]
    let themes = try args[FindingAddOptions.theme]
    let by = try args[.by]
    var added = ""
    var suggestions: [(reference: String, similarity: Double, text: String)] = []
    let after = try context.apply(by: context.who(by)) { before in
      let r = try reviewPosition(reviewID, in: before)
      try checkCatalogue(themes, in: before.themes, option: "--theme", what: "theme")
      if let repeats { try checkRepeats(repeats, in: before) }
      let used = Set(before.reviews[r].findings.map(\.id))
      var number = before.reviews[r].findings.count + 1
      while used.contains("F\(number)") { number += 1 }
      added = "F\(number)"
      return ChangeSet([
        .add(
          .finding(
            review: reviewID,
            Finding(id: added, text: text, themes: themes, goodPractice: goodPractice, repeats: repeats)))
      ])
    }
    if repeats == nil { suggestions = closestEarlierFindings(to: "\(reviewID)/\(added)", in: after) }
    context.console.note("added finding \(reviewID)/\(added)")
    if !suggestions.isEmpty {
      context.console.note(
        "closest earlier findings; if it repeats one, record it with "
          + "'finding update \(reviewID)/\(added) --repeats REF':")
      for suggestion in suggestions {
        context.console.note(
          "  \(suggestion.reference) (\(Int((suggestion.similarity * 100).rounded()))%): "
            + shortened(suggestion.text, 100))
      }
    }
    return ExitCode.ok
  }

  /// At most three earlier findings of other reviews closest to `reference` by the rarity-weighted
  /// similarity `report repeats` uses, closest first.
  static func closestEarlierFindings(to reference: String, in tracker: Tracker)
    -> [(reference: String, similarity: Double, text: String)]
  {
    let repeats = FindingRepeats(tracker, threshold: RepeatsReport.defaultThreshold, limit: 3)
    guard let position = repeats.position[reference] else { return [] }
    return repeats.closest[position].map { match in
      let entry = repeats.entries[match.earlier]
      return (entry.reference, match.similarity, tracker.reviews[entry.review].findings[entry.finding].text)
    }
  }

  /// Refuses a `--repeats` reference that names no finding, with "did you mean".
  static func checkRepeats(_ reference: String, in tracker: Tracker) throws {
    guard let (review, finding) = splitReviewReference(reference) else {
      throw CommandError.usage(
        "--repeats: \"\(reference)\" is not a finding reference (expected REVIEW/FINDING, such as LCSPR-2023-05/F1)"
      )
    }
    let r = try reviewPosition(review, in: tracker, option: "--repeats")
    let ids = tracker.reviews[r].findings.map(\.id)
    guard ids.contains(finding) else {
      let hint = nearest(finding, in: ids).map { "; did you mean \(review)/\($0)?" } ?? ""
      throw CommandError.usage("--repeats: no finding \(reference)\(hint)")
    }
  }

  /// The options of `finding update`.
  enum FindingUpdateOptions {
    static let text: TypedOption<String?> = .text("--text", "TEXT", help: "what the review found")
    static let goodPractice: TypedOption<Bool> = .flag(
      "--good-practice", help: "the finding is good practice")
    static let notGoodPractice: TypedOption<Bool> = .flag(
      "--not-good-practice", help: "the finding is learning, not good practice")
    static let addTheme: TypedOption<[String]> = .text("--add-theme", "ID", help: "add a theme")
    static let removeTheme: TypedOption<[String]> = .text("--remove-theme", "ID", help: "remove a theme")
    static let repeats: TypedOption<String?> = .text(
      "--repeats", "REF", help: "the earlier finding it repeats, such as LCSPR-2023-05/F1")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD", help: "unset an optional field: repeats")
  }

  static let findingUpdate = Command(
    words: ["finding", "update"], summary: "correct a finding",
    discussion: """
      Corrects a finding's text, whether it is good practice, its themes, and the earlier finding it \
      repeats (--repeats REF records the link; --clear repeats removes it).
      """,
    positionals: [Positional("REF", help: "the finding, such as RR-2026-01/F1")],
    options: [
      FindingUpdateOptions.text, FindingUpdateOptions.goodPractice, FindingUpdateOptions.notGoodPractice,
      FindingUpdateOptions.addTheme, FindingUpdateOptions.removeTheme, FindingUpdateOptions.repeats,
      FindingUpdateOptions.clear, .by,
    ],
    exclusive: [
      [FindingUpdateOptions.goodPractice, FindingUpdateOptions.notGoodPractice],
      [FindingUpdateOptions.repeats, FindingUpdateOptions.clear],
    ]
  ) { args, context in
    let repeats = try args[FindingUpdateOptions.repeats]
    let clears = try args[FindingUpdateOptions.clear]
    try checkClears(clears, among: ["repeats"])
    let reference = try findingReference(args)
    let text = try args[FindingUpdateOptions.text]
    if let text, text.trimmingSpaces.isEmpty { throw CommandError.usage("--text \"\" is empty") }
    let good = args[FindingUpdateOptions.goodPractice]
    let notGood = args[FindingUpdateOptions.notGoodPractice]
    let addThemes = try args[FindingUpdateOptions.addTheme]
    let removeThemes = try args[FindingUpdateOptions.removeTheme]
    let by = try args[.by]
    if text == nil && !good && !notGood && addThemes.isEmpty && removeThemes.isEmpty && repeats == nil
      && clears.isEmpty
    {
      throw CommandError.usage("give at least one thing to change; see 'finding update --help'")
    }
    try context.apply(by: context.who(by)) { before in
      let r = try reviewPosition(reference.review, in: before)
      guard let finding = before.reviews[r].findings.first(where: { $0.id == reference.finding }) else {
        let ids = before.reviews[r].findings.map(\.id)
        let hint =
          nearest(reference.finding, in: ids).map { "; did you mean \(reference.review)/\($0)?" } ?? ""
        throw CommandError.usage("no finding \(reference.review)/\(reference.finding)\(hint)")
      }
      try checkCatalogue(addThemes, in: before.themes, option: "--add-theme", what: "theme")
      if let repeats { try checkRepeats(repeats, in: before) }
      var changes: [FindingChange] = []
      if let repeats { changes.append(.repeats(repeats)) }
      if clears.contains("repeats") {
        guard repeats != nil || finding.repeats != nil else {
          throw CommandError.usage("--clear repeats: the finding records no earlier finding")
        }
        changes.append(.repeats(nil))
      }
      if let text { changes.append(.text(text)) }
      if good { changes.append(.goodPractice(true)) }
      if notGood { changes.append(.goodPractice(false)) }
      changes += try tagChanges(
        option: "--remove-theme", held: finding.themes, add: addThemes, remove: removeThemes,
        adding: FindingChange.addTheme, removing: FindingChange.removeTheme,
        absent: { "the finding does not carry theme \"\($0)\"" })
      return ChangeSet([.updateFinding(review: reference.review, finding: reference.finding, changes)])
    }
    context.console.note("updated finding \(reference.review)/\(reference.finding)")
    return ExitCode.ok
  }

  static let findingRemove = Command(
    words: ["finding", "remove"], summary: "remove a finding recorded by mistake",
    discussion: "Removes a finding; `undo` puts it back.",
    positionals: [Positional("REF", help: "the finding, such as RR-2026-01/F1")],
    options: [.by]
  ) { args, context in
    let reference = try findingReference(args)
    let by = try args[.by]
    try context.apply(by: context.who(by)) { before in
      let r = try reviewPosition(reference.review, in: before)
      guard before.reviews[r].findings.contains(where: { $0.id == reference.finding }) else {
        throw CommandError.usage("no finding \(reference.review)/\(reference.finding)")
      }
      return ChangeSet([.remove(.finding(review: reference.review, finding: reference.finding))])
    }
    context.console.note("removed finding \(reference.review)/\(reference.finding)")
    return ExitCode.ok
  }
}
