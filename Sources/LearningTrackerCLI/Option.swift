import LearningModel
import LearningReports

/// One option of a command, declared once: its name, the kind of value it takes, whether it may be
/// repeated or must be given, and its help line. Parsing, validation and help all come from it.
public struct Option: Sendable {
  /// The kind of value an option takes; each kind is checked before a command runs.
  public enum Kind: Sendable, Equatable {
    /// No value: present or not.
    case flag
    /// Any text; `placeholder` names it in help (`ID`, `TEXT`, `FILE`).
    case text(placeholder: String)
    /// A new record's ID, held to the one rule for identifiers (`Identifier`); `record` names the
    /// kind of record in messages.
    case identifier(record: String)
    /// A calendar day, YYYY-MM-DD.
    case day
    /// A due day as plans give it: YYYY-MM-DD, YYYY-MM (the last day of the month) or tbc.
    case plannedDue
    /// A whole number within `range`.
    case wholeNumber(placeholder: String, range: ClosedRange<Int>)
    /// A decimal number above `above` and at most `atMost`.
    case decimal(placeholder: String, above: Double, atMost: Double)
    /// One of a closed list of words; `vocabulary` names the list in messages.
    case word(placeholder: String, vocabulary: String, words: [String])

    /// What the value looks like in help; nil for a flag.
    public var placeholder: String? {
      switch self {
      case .flag: nil
      case .text(let placeholder), .wholeNumber(let placeholder, _), .decimal(let placeholder, _, _),
        .word(let placeholder, _, _):
        placeholder
      case .day: "DAY"
      case .plannedDue: "DUE"
      case .identifier: "ID"
      }
    }
  }

  /// The name, with its dashes (`--status`).
  public let name: String
  /// The kind of value.
  public let kind: Kind
  /// Whether it may be given more than once.
  public let repeatable: Bool
  /// Whether it must be given.
  public let required: Bool
  /// One line of help.
  public let help: String
  /// For a word of a closed vocabulary: the vocabulary's one lenient reader, giving the stored word
  /// for a word a person writes ("in progress", "In progress", "LCSPR").
  var reader: (@Sendable (String) -> String?)?

  /// An option of any kind.
  public init(_ name: String, _ kind: Kind, repeatable: Bool = false, required: Bool = false, help: String) {
    self.name = name
    self.kind = kind
    self.repeatable = repeatable
    self.required = required
    self.help = help
  }

  /// A flag.
  public static func flag(_ name: String, help: String) -> Option { Option(name, .flag, help: help) }

  /// A text option.
  public static func text(
    _ name: String, _ placeholder: String, repeatable: Bool = false, required: Bool = false, help: String
  ) -> Option {
    Option(name, .text(placeholder: placeholder), repeatable: repeatable, required: required, help: help)
  }

  /// A new record's ID, refused before the store is touched when it breaks the rule for identifiers.
  public static func identifier(_ name: String, of record: String, required: Bool = false, help: String)
    -> Option
  {
    Option(name, .identifier(record: record), required: required, help: help)
  }

  /// A calendar day option.
  public static func day(_ name: String, required: Bool = false, help: String) -> Option {
    Option(name, .day, required: required, help: help)
  }

  /// A due day option: a day, a month, or tbc.
  public static func plannedDue(_ name: String, required: Bool = false, help: String) -> Option {
    Option(name, .plannedDue, required: required, help: help)
  }

  /// A whole-number option.
  public static func number(
    _ name: String, _ placeholder: String = "N", range: ClosedRange<Int> = Int.min...Int.max,
    required: Bool = false, help: String
  ) -> Option {
    Option(name, .wholeNumber(placeholder: placeholder, range: range), required: required, help: help)
  }

  /// An option whose value is a word of a closed vocabulary.
  public static func word<Word: ClosedVocabulary>(
    _ name: String, _ type: Word.Type, placeholder: String = "WORD", required: Bool = false, help: String
  ) -> Option {
    var option = Option(
      name,
      .word(placeholder: placeholder, vocabulary: Word.vocabularyName, words: Word.allCases.map(\.rawValue)),
      required: required, help: help)
    option.reader = { Word.reading($0)?.rawValue }
    return option
  }

  /// An option whose value is one of a few words.
  public static func choice(_ name: String, _ words: [String], vocabulary: String, help: String) -> Option {
    Option(
      name, .word(placeholder: words.joined(separator: "|"), vocabulary: vocabulary, words: words), help: help
    )
  }

  /// The help line's left column: `--status WORD`.
  var synopsis: String { kind.placeholder.map { name + " " + $0 } ?? name }

  /// The help line's text, with the words a vocabulary allows.
  var fullHelp: String {
    var text = help
    if case .word(let placeholder, _, let words) = kind, placeholder != words.joined(separator: "|") {
      text += "; one of: " + words.joined(separator: ", ")
    }
    if repeatable { text += "; repeatable" }
    if required { text += "; required" }
    return text
  }

  /// Checks one value against the kind, naming the option in the message.
  func check(_ text: String) throws(CommandError) -> ParsedArguments.Value {
    switch kind {
    case .flag:
      return .flag
    case .text:
      return .text(text)
    case .identifier(let record):
      try checkIdentifier(text, of: record, given: name)
      return .text(text)
    case .day:
      guard let day = LenientDay.day(text) else {
        throw .usage(
          "\(name): \"\(text)\" is not a calendar day (expected YYYY-MM-DD, or day first such as 31/03/2026)")
      }
      return .day(day)
    case .plannedDue:
      guard let due = LenientDay.due(text) else {
        throw .usage("\(name): \"\(text)\" is not a due day (expected \(PlannedDue.expectedForms))")
      }
      return .plannedDue(due)
    case .wholeNumber(_, let range):
      guard let number = Int(text) else { throw .usage("\(name): \"\(text)\" is not a whole number") }
      guard range.contains(number) else {
        throw .usage("\(name): \(number) is out of range (\(range.lowerBound) to \(range.upperBound))")
      }
      return .number(number)
    case .decimal(_, let above, let atMost):
      guard let number = Double(text), number > above, number <= atMost else {
        throw .usage(
          "\(name): \"\(text)\" is not a number above \(above.shortText) and at most \(atMost.shortText)")
      }
      return .decimal(number)
    case .word(_, let vocabulary, let words):
      if !words.contains(text), let word = reader?(text) { return .text(word) }
      guard words.contains(text) else {
        let suggestion = nearest(text, in: words).map { " (did you mean \($0)?)" } ?? ""
        throw .usage(
          "\(name): \"\(text)\" is not a known \(vocabulary)\(suggestion); expected one of: "
            + words.joined(separator: ", "))
      }
      return .text(text)
    }
  }
}

extension Double {
  /// `0` rather than `0.0`, `1` rather than `1.0`.
  var shortText: String { self == rounded() ? String(Int(self)) : String(self) }
}

/// Refuses a new record's ID that breaks the one rule for identifiers (`Identifier`), saying why;
/// `given` names where it came from (an option, or the reference it is part of).
func checkIdentifier(_ text: String, of record: String, given: String) throws(CommandError) {
  if let problem = Identifier.problem(text) {
    throw .usage(
      "\(given): \"\(text)\" is not a valid \(record) ID: it \(problem)"
        + " (IDs become references and parts of file names)")
  }
}
