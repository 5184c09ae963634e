/// A positional argument of a command, declared with its name and help.
public struct Positional: Sendable {
  /// The name in help and messages (`REVIEW/ACTION`).
  public let name: String
  /// One line of help.
  public let help: String
  /// Whether it must be given.
  public let required: Bool

  /// A positional argument.
  public init(_ name: String, required: Bool = true, help: String) {
    self.name = name
    self.help = help
    self.required = required
  }
}
