import LearningModel

/// Puts a refused change in the terms of the command the user typed: the option and the value
/// they gave, and where the other value of a comparison came from (another option, a default, or
/// the record as stored). This is the one place a record's field is mapped to an option's name.
enum RefusalWording {
  /// Options whose name is not the field's name in kebab case. A field maps to the first option
  /// of its list that the command declares.
  static let optionsByField: [String: [String]] = [
    "measureOfSuccess": ["--measure"],
    "themes": ["--theme", "--add-theme"],
    "categories": ["--category", "--add-category"],
    "agencies": ["--agency", "--add-agency"],
    "audience": ["--audience", "--add-audience"],
    "reviews": ["--review", "--add-review"],
    "jointOwners": ["--joint-owner", "--add-joint-owner"],
  ]

  /// The option of `command` that sets a record's field (`due`, `updates[2].due`,
  /// `dates.published`, `themes[0]`), or nil when the command has none.
  static func option(for field: String, in command: Command) -> String? {
    var name = field
    if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
    if let bracket = name.firstIndex(of: "[") { name = String(name[..<bracket]) }
    let candidates = optionsByField[name] ?? ["--" + kebabCase(name)]
    let declared = Set(command.options.map(\.name))
    return candidates.first { declared.contains($0) }
  }

  /// `sentToPanel` → `sent-to-panel`.
  static func kebabCase(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        result += "-" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// A field in words for a message: `dates.decision` → "decision day", `agreed` → "agreed day".
  static func describe(_ field: String) -> String {
    var name = field
    if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
    let words = kebabCase(name).replacingOccurrences(of: "-", with: " ")
    return field.hasPrefix("dates.") || name == "agreed" || name == "due" ? words + " day" : words
  }

  /// The refusal as a message, naming `command`'s options where the refused fields have one:
  /// `--due 2020-07-01 is before --agreed, which defaulted to today, 2026-11-23`.
  static func message(
    for refusal: ChangeRefusal, command: Command?, arguments: ParsedArguments?, today: CalendarDay
  ) -> String {
    if case .stillReferenced(let record, let referrers) = refusal {
      // Every record and field, one a line: each has to be changed or removed first.
      return "\(record.title) is still referred to, so nothing was changed; change or remove these first:\n"
        + referrers.map { "  \($0)" }.joined(separator: "\n")
    }
    guard case .breaksRule(let record, let violation) = refusal, let command else {
      return refusal.description
    }
    let suggestion = violation.suggestion.map { "; did you mean \($0)?" } ?? ""
    func given(_ option: String?) -> Bool {
      guard let option else { return false }
      return arguments?.given(option) ?? true
    }
    let fieldOption = option(for: violation.field, in: command)
    let relatedOption = violation.relatedField.flatMap { option(for: $0, in: command) }
    // A comparison of two days: put first the one the user typed.
    if let relation = violation.relation, let value = violation.value,
      let relatedField = violation.relatedField, let relatedValue = violation.relatedValue,
      given(fieldOption) || given(relatedOption)
    {
      let flipped = !given(fieldOption)
      let (first, firstValue) = flipped ? (relatedOption, relatedValue) : (fieldOption, value)
      let (otherField, otherOption, otherValue) =
        flipped
        ? (violation.field, fieldOption, value) : (relatedField, relatedOption, relatedValue)
      let stated = flipped ? (relation == "is before" ? "is after" : "is before") : relation
      let other: String
      if let otherOption, given(otherOption) {
        other = "\(otherOption) \(otherValue)"
      } else if let otherOption, otherValue == today.description {
        other = "\(otherOption), which defaulted to today, \(otherValue)"
      } else {
        other = "the \(describe(otherField)) already recorded, \(otherValue)"
      }
      return "\(first ?? "") \(firstValue) \(stated) \(other) (\(record.title))"
    }
    guard let fieldOption else { return refusal.description }
    if given(fieldOption), let value = violation.value {
      return "\(fieldOption) \(value): \(violation.message)\(suggestion)"
    }
    return "\(record.title): \(violation.message)\(suggestion) (see \(fieldOption))"
  }
}
