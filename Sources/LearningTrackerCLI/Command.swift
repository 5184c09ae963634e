/// One subcommand, declared once: its words, a summary, a description, its positional arguments
/// and options, which options exclude each other, and how it runs. Parsing, validation and the
/// `--help` text are generated from the declaration.
public struct Command: Sendable {
  /// The words that name it (`action update`).
  public let words: [String]
  /// One line for the list of commands.
  public let summary: String
  /// Paragraphs for its help, between the usage line and the options.
  public let discussion: String
  /// Its positional arguments, in order.
  public let positionals: [Positional]
  /// Its options.
  public let options: [Option]
  /// Groups of options of which at most one may be given, by name, taken from their declarations.
  public let exclusive: [[String]]
  /// Options it refuses with a reason (a report that cannot honour a filter).
  public let refused: [String: String]
  /// Whether it reads or writes the store (so `--data` is listed in its help).
  public let usesStore: Bool
  let body: @Sendable (ParsedArguments, Context) throws -> Int32

  /// A command; `run` is called only after every argument has been checked.
  public init(
    words: [String], summary: String, discussion: String = "", positionals: [Positional] = [],
    options: [any OptionDeclaration] = [], exclusive: [[any OptionDeclaration]] = [],
    refused: [String: String] = [:],
    usesStore: Bool = true,
    run: @escaping @Sendable (ParsedArguments, Context) throws -> Int32
  ) {
    self.words = words
    self.summary = summary
    self.discussion = discussion
    self.positionals = positionals
    self.options = options.map(\.option)
    self.exclusive = exclusive.map { $0.map(\.option.name) }
    self.refused = refused
    self.usesStore = usesStore
    body = run
  }

  /// The words joined: `action update`.
  public var name: String { words.joined(separator: " ") }

  /// The options it accepts, with the ones every command takes.
  var allOptions: [Option] {
    options + (usesStore ? [Command.dataOption] : []) + [Command.helpOption]
  }

  /// `--data FILE`: taken anywhere on the line, before or after the command's words.
  static let dataOption = Option(
    "--data", .text(placeholder: "FILE"),
    help: "the store (default $LEARNING_TRACKER_DATA, else ./tracker.json)")
  /// `--help`.
  static let helpOption = Option("--help", .flag, help: "show this help")

  /// The usage line: the words, the positionals, the required options, then `[options]`.
  var usage: String {
    var parts = ["learning-tracker"] + words
    parts += positionals.map { $0.required ? $0.name : "[\($0.name)]" }
    parts += options.filter(\.required).map(\.synopsis)
    if options.contains(where: { !$0.required }) || usesStore { parts.append("[options]") }
    return "Usage: " + parts.joined(separator: " ")
  }

  /// The whole `--help` text.
  public var help: String {
    var text = usage + "\n"
    let paragraph = HelpText.paragraphs(
      discussion.isEmpty ? summary.prefix(1).uppercased() + summary.dropFirst() + "." : discussion)
    text += "\n" + paragraph
    if !positionals.isEmpty {
      text += "\nArguments:\n" + HelpText.columns(positionals.map { ($0.name, $0.help) })
    }
    text += "\nOptions:\n" + HelpText.columns(allOptions.map { ($0.synopsis, $0.fullHelp) })
    if !exclusive.isEmpty {
      text += "\n" + exclusive.map { "Give at most one of " + $0.joined(separator: " and ") + ".\n" }.joined()
    }
    return text
  }
}
