import LearningModel

/// A command's arguments after parsing and checking against its declaration: every value is of
/// its declared kind, every required option and positional is present. A command reads an option
/// by the typed option it declared (`args[option]`), never by its name; asking for an option the
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

  /// The value of a flag: whether it was given.
  public subscript(option: TypedOption<Bool>) -> Bool { option.read(values[option.name] ?? []) }

  /// The typed value of an option the command declared.
  public subscript<Value>(option: TypedOption<Value>) -> Value {
    get throws(CommandError) { option.read(try all(option.name)) }
  }

  /// The text of an option a command needs only on some paths (`import plan --review`, unless
  /// `--suggest-rules`): a usage error naming the option when it was not given.
  public func required(_ option: TypedOption<String?>) throws(CommandError) -> String {
    guard let text = try self[option] else {
      throw .usage("\(command) needs \(option.name)", command: command)
    }
    return text
  }

  /// Whether an option was given on the command line (rather than left to its default).
  public func given<Value>(_ option: TypedOption<Value>) -> Bool { given(option.name) }

  /// Whether an option was given on the command line (rather than left to its default), by name:
  /// for messages that name whichever option set a field (`RefusalWording`).
  func given(_ name: String) -> Bool { values[name]?.isEmpty == false }

  /// The positional argument at `index`, which the declaration made sure is there when required.
  public func positional(_ index: Int) throws(CommandError) -> String {
    guard index < positionals.count else {
      throw .usage("\(command) is missing an argument", command: command)
    }
    return positionals[index]
  }
}
