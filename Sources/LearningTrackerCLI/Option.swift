import LearningModel
import LearningReports

/// One option of a command, declared once: its name, the kind of value it takes, whether it may be
/// repeated or must be given, and its help line. Parsing, validation and help all come from it.
/// A command declares its options as `TypedOption`s, which carry one of these and the type its
/// value is read as.
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
  public init(
    _ name: String, _ kind: Kind, repeatable: Bool = false, required: Bool = false, help: String,
    reader: (@Sendable (String) -> String?)? = nil
  ) {
    self.name = name
    self.kind = kind
    self.repeatable = repeatable
    self.required = required
    self.help = help
    self.reader = reader
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
