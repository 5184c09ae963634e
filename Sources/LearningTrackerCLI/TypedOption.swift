import LearningModel
import LearningReports

/// What a command lists in its options: an option bound to the type of its value.
public protocol OptionDeclaration: Sendable {
  /// The option as declared: name, kind, help.
  var option: Option { get }
}

/// An option bound to the type of its value, declared once: listed in a command's `options` and
/// read back in its body as `args[option]`, so a misspelt name or a value read as the wrong type
/// does not compile. The type says what a command gets: `Bool` for a flag, `String` for a
/// required text, `String?` for an optional one, `[String]` for a repeatable one, `CalendarDay?`
/// for a day, a vocabulary's word for a word.
public struct TypedOption<Value>: OptionDeclaration {
  /// The option as declared.
  public let option: Option
  let read: @Sendable ([ParsedArguments.Value]) -> Value

  init(_ option: Option, read: @escaping @Sendable ([ParsedArguments.Value]) -> Value) {
    self.option = option
    self.read = read
  }

  /// The option's name, with its dashes (`--status`).
  public var name: String { option.name }
}

extension ParsedArguments.Value {
  var text: String? { if case .text(let text) = self { text } else { nil } }
  var day: CalendarDay? { if case .day(let day) = self { day } else { nil } }
  var plannedDue: PlannedDue? { if case .plannedDue(let due) = self { due } else { nil } }
  var number: Int? { if case .number(let number) = self { number } else { nil } }
  var decimal: Double? { if case .decimal(let number) = self { number } else { nil } }
}

extension TypedOption where Value == Bool {
  /// A flag: true when given.
  public static func flag(_ name: String, help: String) -> Self {
    Self(Option(name, .flag, help: help)) { !$0.isEmpty }
  }
}

extension TypedOption where Value == String? {
  /// A text option.
  public static func text(_ name: String, _ placeholder: String, required: Bool = false, help: String) -> Self
  {
    Self(Option(name, .text(placeholder: placeholder), required: required, help: help)) { $0.first?.text }
  }

  /// A new record's ID, refused before the store is touched when it breaks the rule for identifiers.
  public static func identifier(_ name: String, of record: String, help: String) -> Self {
    Self(Option(name, .identifier(record: record), help: help)) { $0.first?.text }
  }

  /// An option whose value is one of a few words, read as given.
  public static func choice(_ name: String, _ words: [String], vocabulary: String, help: String) -> Self {
    Self(
      Option(
        name, .word(placeholder: words.joined(separator: "|"), vocabulary: vocabulary, words: words),
        help: help)
    ) { $0.first?.text }
  }

  /// An option of any kind whose value is read as the text given.
  public static func text(_ option: Option) -> Self { Self(option) { $0.first?.text } }
}

extension TypedOption where Value == String {
  /// A text option that must be given.
  public static func text(_ name: String, _ placeholder: String, help: String) -> Self {
    Self(Option(name, .text(placeholder: placeholder), required: true, help: help)) { $0.first?.text ?? "" }
  }

  /// A new record's ID that must be given, refused before the store is touched when it breaks the
  /// rule for identifiers.
  public static func identifier(_ name: String, of record: String, help: String) -> Self {
    Self(Option(name, .identifier(record: record), required: true, help: help)) { $0.first?.text ?? "" }
  }
}

extension TypedOption where Value == [String] {
  /// A text option that may be given more than once, in the order given.
  public static func text(_ name: String, _ placeholder: String, help: String) -> Self {
    Self(Option(name, .text(placeholder: placeholder), repeatable: true, help: help)) {
      $0.compactMap(\.text)
    }
  }
}

extension TypedOption where Value == CalendarDay? {
  /// A calendar day option.
  public static func day(_ name: String, required: Bool = false, help: String) -> Self {
    Self(Option(name, .day, required: required, help: help)) { $0.first?.day }
  }
}

extension TypedOption where Value == PlannedDue? {
  /// A due day option: a day, a month, or tbc.
  public static func plannedDue(_ name: String, required: Bool = false, help: String) -> Self {
    Self(Option(name, .plannedDue, required: required, help: help)) { $0.first?.plannedDue }
  }
}

extension TypedOption where Value == Int? {
  /// A whole-number option.
  public static func number(
    _ name: String, _ placeholder: String = "N", range: ClosedRange<Int> = Int.min...Int.max,
    required: Bool = false, help: String
  ) -> Self {
    Self(Option(name, .wholeNumber(placeholder: placeholder, range: range), required: required, help: help)) {
      $0.first?.number
    }
  }
}

extension TypedOption where Value == Double? {
  /// A decimal number above `above` and at most `atMost`.
  public static func decimal(
    _ name: String, _ placeholder: String = "NUMBER", above: Double, atMost: Double, help: String
  ) -> Self {
    Self(Option(name, .decimal(placeholder: placeholder, above: above, atMost: atMost), help: help)) {
      $0.first?.decimal
    }
  }
}

extension TypedOption {
  /// An option whose value is a word of a closed vocabulary, read as that word.
  public static func word<Word: ClosedVocabulary>(
    _ name: String, _ type: Word.Type, placeholder: String = "WORD", required: Bool = false, help: String
  ) -> Self where Value == Word? {
    Self(
      Option(
        name,
        .word(
          placeholder: placeholder, vocabulary: Word.vocabularyName, words: Word.allCases.map(\.rawValue)),
        required: required, help: help, reader: { Word.reading($0)?.rawValue })
    ) { $0.first?.text.flatMap(Word.init(rawValue:)) }
  }
}

extension TypedOption {
  /// An option whose value is a word of a closed vocabulary, given any number of times; the words
  /// in the order given.
  public static func words<Word: ClosedVocabulary>(
    _ name: String, _ type: Word.Type, placeholder: String = "WORD", help: String
  ) -> Self where Value == [Word] {
    Self(
      Option(
        name,
        .word(
          placeholder: placeholder, vocabulary: Word.vocabularyName, words: Word.allCases.map(\.rawValue)),
        repeatable: true, help: help, reader: { Word.reading($0)?.rawValue })
    ) { $0.compactMap { $0.text.flatMap(Word.init(rawValue:)) } }
  }
}
