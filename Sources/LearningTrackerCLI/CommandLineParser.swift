import LearningModel

/// Reads a command line against the declared commands, checking every word, option and value
/// before anything runs, so that a mistake is always a usage error (64) and no file is touched.
enum CommandLineParser {
  /// What the line asks for.
  enum Request {
    /// The list of commands.
    case overview
    /// The version.
    case version
    /// One command's help.
    case help(Command)
    /// Run a command with checked arguments; `data` is `--data` when given.
    case run(Command, ParsedArguments, data: String?)
  }

  /// Parses `arguments` against `commands`.
  static func parse(_ arguments: [String], commands: [Command]) throws(CommandError) -> Request {
    let end = arguments.firstIndex(of: "--") ?? arguments.count
    // `--data` is taken wherever it stands before `--`.
    var data: [String] = []
    var rest: [String] = []
    var index = 0
    while index < arguments.count {
      let token = arguments[index]
      if index < end, token == "--data" {
        guard index + 1 < end else { throw .usage("--data needs a value") }
        data.append(arguments[index + 1])
        index += 2
        continue
      }
      if index < end, token.hasPrefix("--data=") {
        data.append(String(token.dropFirst("--data=".count)))
      } else {
        rest.append(token)
      }
      index += 1
    }
    if data.count > 1 { throw .usage("--data is given \(data.count) times; give it once") }
    let restEnd = rest.firstIndex(of: "--") ?? rest.count
    let wantsHelp = rest[..<restEnd].contains { $0 == "--help" || $0 == "-h" }
    var words = Array(rest[..<restEnd].prefix { !$0.hasPrefix("-") })
    if words.first == "help" {
      words.removeFirst()
      if words.isEmpty { return .overview }
      guard let command = match(words, commands) else { throw unknown(words, commands) }
      return .help(command)
    }
    if words.isEmpty {
      if wantsHelp { return .overview }
      if rest[..<restEnd].contains("--version") { return .version }
      throw .usage("no command given; 'learning-tracker --help' lists the commands")
    }
    guard let command = match(words, commands) else { throw unknown(words, commands) }
    if wantsHelp { return .help(command) }
    if !data.isEmpty && !command.usesStore {
      throw .usage("\(command.name) does not use a store, so it takes no --data", command: command.name)
    }
    var remaining = rest
    remaining.removeFirst(command.words.count)
    let parsed = try parseArguments(remaining, for: command)
    return .run(command, parsed, data: data.first)
  }

  /// The command with the most words that the line starts with.
  static func match(_ words: [String], _ commands: [Command]) -> Command? {
    commands.filter { words.starts(with: $0.words) }.max { $0.words.count < $1.words.count }
  }

  /// An unknown command or subcommand, with the nearest known one.
  static func unknown(_ words: [String], _ commands: [Command]) -> CommandError {
    let group = commands.filter { $0.words.first == words[0] }
    if !group.isEmpty {
      let verbs = group.map { $0.words.dropFirst().joined(separator: " ") }
      let given = words.count > 1 ? words[1] : ""
      let hint = nearest(given, in: verbs).map { " Did you mean '\(words[0]) \($0)'?" } ?? ""
      return .usage(
        (given.isEmpty ? "'\(words[0])' needs a subcommand." : "unknown subcommand '\(words[0]) \(given)'.")
          + hint + " Choose one of: " + verbs.joined(separator: ", "))
    }
    let names = Set(commands.map { $0.words[0] })
    let hint = nearest(words[0], in: names).map { " Did you mean '\($0)'?" } ?? ""
    return .usage("unknown command '\(words[0])'.\(hint) See 'learning-tracker --help'.")
  }

  /// Checks the arguments after the command's words against its declaration.
  static func parseArguments(_ tokens: [String], for command: Command) throws(CommandError) -> ParsedArguments
  {
    let options = command.allOptions
    var parsed = ParsedArguments(command: command.name, declared: Set(options.map(\.name)))
    func fail(_ message: String) -> CommandError { .usage(message, command: command.name) }
    var afterEnd = false
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      if afterEnd || token == "-" || !token.hasPrefix("-") || Int(token) != nil {
        parsed.positionals.append(token)
        continue
      }
      if token == "--" {
        afterEnd = true
        continue
      }
      if token == "-h" { continue }
      let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts[0]
      guard let option = options.first(where: { $0.name == name }) else {
        if let reason = command.refused[name] { throw fail(reason) }
        let hint = nearest(name, in: options.map(\.name)).map { "; did you mean \($0)?" } ?? ""
        throw fail("unknown option \(name)\(hint)")
      }
      let text: String
      if option.kind == .flag {
        guard parts.count == 1 else { throw fail("\(name) takes no value") }
        text = ""
      } else if parts.count == 2 {
        text = parts[1]
      } else {
        guard index < tokens.count, tokens[index] != "--" else { throw fail("\(name) needs a value") }
        text = tokens[index]
        index += 1
      }
      let value: ParsedArguments.Value
      do {
        value = try option.check(text)
      } catch {
        throw fail(error.message)
      }
      let count = (parsed.values[name]?.count ?? 0) + 1
      if count > 1 && !option.repeatable {
        throw fail("\(name) is given \(count) times; give it once")
      }
      parsed.values[name, default: []].append(value)
    }
    let required = command.positionals.filter(\.required)
    if parsed.positionals.count < required.count {
      let missing = required[parsed.positionals.count...].map(\.name)
      throw fail("missing " + missing.joined(separator: " and "))
    }
    if parsed.positionals.count > command.positionals.count {
      throw fail("unexpected argument \"\(parsed.positionals[command.positionals.count])\"")
    }
    let missing = command.options.filter { $0.required && parsed.values[$0.name] == nil }
    if !missing.isEmpty {
      throw fail("\(command.name) needs " + missing.map(\.synopsis).joined(separator: " and "))
    }
    for group in command.exclusive {
      let given = group.filter { parsed.values[$0] != nil }
      if given.count > 1 { throw fail("give only one of " + given.joined(separator: " and ")) }
    }
    return parsed
  }
}
