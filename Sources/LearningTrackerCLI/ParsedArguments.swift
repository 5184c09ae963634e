import LearningModel

/// A command's arguments after parsing and checking against its declaration: every value is of
/// its declared kind, every required option and positional is present. Asking for an option the
/// command did not declare is an error in the command, reported as such.
public struct ParsedArguments: Sendable {
  /// One checked value.
  public enum Value: Sendable, Equatable {
    case flag
    case text(String)
    case day(CalendarDay)
    case plannedDue(PlannedDue)
    case number(Int)
    case decimal(Double)
  }

  let command: String
  let declared: Set<String>
  var values: [String: [Value]] = [:]
  /// The positional arguments, in order.
  public internal(set) var positionals: [String] = []

  private func all(_ name: String) throws(CommandError) -> [Value] {
    guard declared.contains(name) else {
      throw .usage("\(command) does not declare \(name); this is a fault in learning-tracker")
    }
    return values[name] ?? []
  }

  /// Whether an option was given on the command line (rather than left to its default).
  public func given(_ name: String) -> Bool { values[name]?.isEmpty == false }

  /// Whether a flag was given.
  public func flag(_ name: String) -> Bool { (try? all(name))?.isEmpty == false }

  /// Every text given for a repeatable option.
  public func values(_ name: String) throws(CommandError) -> [String] {
    try all(name).compactMap { if case .text(let text) = $0 { text } else { nil } }
  }

  /// The text of an option.
  public func value(_ name: String) throws(CommandError) -> String? { try values(name).first }

  /// The text of a required option.
  public func required(_ name: String) throws(CommandError) -> String {
    guard let text = try value(name) else { throw .usage("\(command) needs \(name)", command: command) }
    return text
  }

  /// A calendar day.
  public func day(_ name: String) throws(CommandError) -> CalendarDay? {
    try all(name).compactMap { if case .day(let day) = $0 { day } else { nil } }.first
  }

  /// A due day: a day, a month, or not yet set.
  public func plannedDue(_ name: String) throws(CommandError) -> PlannedDue? {
    try all(name).compactMap { if case .plannedDue(let due) = $0 { due } else { nil } }.first
  }

  /// A whole number.
  public func integer(_ name: String) throws(CommandError) -> Int? {
    try all(name).compactMap { if case .number(let number) = $0 { number } else { nil } }.first
  }

  /// A decimal number.
  public func decimal(_ name: String) throws(CommandError) -> Double? {
    try all(name).compactMap { if case .decimal(let number) = $0 { number } else { nil } }.first
  }

  /// A word of a closed vocabulary.
  public func word<Word: ClosedVocabulary>(_ name: String, _ type: Word.Type) throws(CommandError) -> Word? {
    try value(name).flatMap { Word(rawValue: $0) }
  }

  /// The positional argument at `index`, which the declaration made sure is there when required.
  public func positional(_ index: Int) throws(CommandError) -> String {
    guard index < positionals.count else {
      throw .usage("\(command) is missing an argument", command: command)
    }
    return positionals[index]
  }
}
