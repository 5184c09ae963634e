import LearningModel

/// A usage error: the words of the command are wrong. Exits 64.
struct UsageError: Error {
  var message: String
}

/// Refuses a new record's ID that breaks the one rule for identifiers (`Identifier`), saying why.
func checkIdentifier(_ text: String, of what: String, given: String) throws(UsageError) {
  if let problem = Identifier.problem(text) {
    throw UsageError(
      message: "\(given): \"\(text)\" is not a valid \(what) ID: it \(problem)"
        + " (IDs become references and parts of file names)")
  }
}

/// Takes the options a command knows out of its arguments, then rejects whatever is left,
/// suggesting the nearest known option.
struct Arguments {
  private var tokens: [String]
  private var used: [Bool]
  private(set) var known: [String] = []
  /// Tokens after `--` are always positional.
  private let endOfOptions: Int

  init(_ tokens: [String]) {
    self.tokens = tokens
    used = Array(repeating: false, count: tokens.count)
    endOfOptions = tokens.firstIndex(of: "--") ?? tokens.count
    if endOfOptions < tokens.count { used[endOfOptions] = true }
  }

  /// Whether `--help` or `-h` was given (before `--`).
  var wantsHelp: Bool {
    tokens[..<endOfOptions].contains { $0 == "--help" || $0 == "-h" }
  }

  /// A flag such as `--dry-run`.
  mutating func flag(_ name: String) -> Bool {
    known.append(name)
    var found = false
    for index in 0..<endOfOptions where !used[index] && tokens[index] == name {
      used[index] = true
      found = true
    }
    return found
  }

  /// Every value given for a repeatable option (`--evidence A --evidence B`, or `--evidence=A`).
  mutating func values(_ name: String) throws(UsageError) -> [String] {
    known.append(name)
    var result: [String] = []
    var index = 0
    while index < endOfOptions {
      defer { index += 1 }
      guard !used[index] else { continue }
      let token = tokens[index]
      if token == name {
        guard index + 1 < endOfOptions else { throw UsageError(message: "\(name) needs a value") }
        used[index] = true
        used[index + 1] = true
        result.append(tokens[index + 1])
        index += 1
      } else if token.hasPrefix(name + "=") {
        used[index] = true
        result.append(String(token.dropFirst(name.count + 1)))
      }
    }
    return result
  }

  /// The value of an option given at most once.
  mutating func value(_ name: String) throws(UsageError) -> String? {
    let all = try values(name)
    if all.count > 1 { throw UsageError(message: "\(name) is given \(all.count) times; give it once") }
    return all.first
  }

  /// A calendar day option.
  mutating func day(_ name: String) throws(UsageError) -> CalendarDay? {
    guard let text = try value(name) else { return nil }
    guard let day = CalendarDay(text) else {
      throw UsageError(message: "\(name): \"\(text)\" is not a calendar day (expected YYYY-MM-DD)")
    }
    return day
  }

  /// An option whose value is a new record's ID, held to the one rule for identifiers.
  mutating func identifier(_ name: String, of what: String) throws(UsageError) -> String? {
    guard let text = try value(name) else { return nil }
    try checkIdentifier(text, of: what, given: name)
    return text
  }

  /// A whole-number option.
  mutating func integer(_ name: String) throws(UsageError) -> Int? {
    guard let text = try value(name) else { return nil }
    guard let number = Int(text) else {
      throw UsageError(message: "\(name): \"\(text)\" is not a whole number")
    }
    return number
  }

  /// An option whose value is one of a closed vocabulary.
  mutating func word<Word: ClosedVocabulary>(_ name: String, _ type: Word.Type) throws(UsageError) -> Word? {
    guard let text = try value(name) else { return nil }
    guard let word = Word(rawValue: text) else {
      let suggestion =
        LearningModel.nearest(text, in: Word.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
      throw UsageError(
        message:
          "\(name): \"\(text)\" is not a known \(Word.vocabularyName)\(suggestion); expected one of: \(Word.allowedWords)"
      )
    }
    return word
  }

  /// The positional arguments, after every option has been taken. Unknown options are refused here.
  mutating func positionals(count range: ClosedRange<Int>, names: String) throws(UsageError) -> [String] {
    var result: [String] = []
    for index in tokens.indices where !used[index] {
      let token = tokens[index]
      if index < endOfOptions && token.hasPrefix("-") && token.count > 1 && token != "--help" && token != "-h"
      {
        let name = String(token.split(separator: "=", maxSplits: 1)[0])
        let hint = LearningModel.nearest(name, in: known).map { "; did you mean \($0)?" } ?? ""
        throw UsageError(message: "unknown option \(name)\(hint)")
      }
      if token != "--help" && token != "-h" { result.append(token) }
    }
    if result.count < range.lowerBound {
      throw UsageError(message: "missing \(names)")
    }
    if result.count > range.upperBound {
      throw UsageError(message: "unexpected argument \"\(result[range.upperBound])\"")
    }
    return result
  }

  /// Refuses anything left over; for commands without positional arguments.
  mutating func finish() throws(UsageError) {
    _ = try positionals(count: 0...0, names: "")
  }
}
