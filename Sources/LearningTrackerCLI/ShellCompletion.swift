import LearningModel

/// What the shell offers for an option's value or a positional argument: a closed list of words,
/// file names, or records read from the store when the shell asks
/// (`learning-tracker completion references KIND`).
enum CompletionSource: Equatable {
  /// Nothing to offer (free text, a new ID, a number).
  case none
  /// These words (a closed vocabulary, the settings).
  case words([String])
  /// File and folder names.
  case files
  /// References of this kind, read from the store.
  case references(ReferenceKind)

  /// The kinds of reference `completion references` prints.
  enum ReferenceKind: String, CaseIterable, ClosedVocabulary {
    case reviews, recommendations, actions, records, agencies, themes, categories, methods, standards
    case disseminations
    static let vocabularyName = "kind of reference"
  }

  /// What an option's value completes to: its words for a closed vocabulary, files for a file or
  /// folder, the store's records for an option that names one.
  static func of(_ option: Option) -> CompletionSource {
    switch option.kind {
    case .word(_, _, let words): return .words(words)
    case .text(let placeholder) where ["FILE", "DIR", "FILE.csv"].contains(placeholder): return .files
    case .text: break
    default: return .none
    }
    switch option.name {
    case "--review", "--follows", "--learning": return .references(.reviews)
    case "--agency", "--add-agency", "--remove-agency", "--audience", "--owner", "--joint-owner",
      "--remove-joint-owner":
      return .references(.agencies)
    case "--theme", "--add-theme", "--remove-theme": return .references(.themes)
    case "--category", "--add-category", "--remove-category": return .references(.categories)
    case "--method": return .references(.methods)
    default: return .none
    }
  }

  /// What a command's positional argument completes to.
  static func of(_ positional: Positional, in command: Command) -> CompletionSource {
    let adds = command.words.count > 1 && command.words[1] == "add"
    switch positional.name {
    case "REVIEW/ACTION": return adds ? .none : .references(.actions)
    case "REVIEW/REC": return adds ? .none : .references(.recommendations)
    case "REF": return .references(.records)
    case "REVIEW": return .references(.reviews)
    case "FILE", "FILE.csv", "DIR": return .files
    case "KIND" where command.words == ["completion", "references"]:
      return .words(ReferenceKind.allCases.map(\.rawValue))
    case "NAME" where command.words.first == "settings":
      return .words(PartnershipSetting.all.map(\.name))
    case "ID" where !adds:
      switch command.words.first {
      case "review": return .references(.reviews)
      case "agency": return .references(.agencies)
      case "dissemination": return .references(.disseminations)
      case "theme": return .references(.themes)
      case "category": return .references(.categories)
      case "method": return .references(.methods)
      case "standard": return .references(.standards)
      default: return .none
      }
    default: return .none
    }
  }

  /// The references of `kind` in `tracker`, one a line, as the shell completes them.
  static func references(_ kind: ReferenceKind, in tracker: Tracker) -> [String] {
    let recommendations = tracker.reviews.flatMap { review in
      review.recommendations.map { "\(review.id)/\($0.id)" }
    }
    let actions = tracker.reviews.flatMap { review in
      review.recommendations.flatMap { $0.actions.map { "\(review.id)/\($0.id)" } }
    }
    switch kind {
    case .reviews: return tracker.reviews.map(\.id)
    case .recommendations: return recommendations
    case .actions: return actions
    case .records:
      return ["partnership"] + tracker.reviews.map(\.id)
        + tracker.reviews.flatMap { review in review.findings.map { "\(review.id)/\($0.id)" } }
        + recommendations + actions + tracker.agencies.map { "agency:\($0.id)" }
        + CatalogueKind.allCases.flatMap { kind in
          tracker[keyPath: kind.entries].map { "\(kind.rawValue):\($0.id)" }
        }
        + tracker.disseminations.map { "dissemination:\($0.id)" }
        + tracker.section11.map { "section11:\($0.agency):\($0.cycle)" }
    case .agencies: return tracker.agencies.map(\.id)
    case .themes: return tracker.themes.map(\.id)
    case .categories: return tracker.categories.map(\.id)
    case .methods: return tracker.disseminationMethods.map(\.id)
    case .standards: return tracker.section11Standards.map(\.id)
    case .disseminations: return tracker.disseminations.map(\.id)
    }
  }
}

/// Completion scripts for bash, zsh and fish, generated from the command declarations
/// (`LearningTrackerCommand.commands`): the commands, their options, the words of closed
/// vocabularies, and the store's records, which the script asks the tool for when the shell asks.
enum ShellCompletion {
  /// The first words of every command, in the order `--help` lists them.
  static func nouns(_ commands: [Command]) -> [String] {
    var nouns: [String] = []
    for command in commands where !nouns.contains(command.words[0]) { nouns.append(command.words[0]) }
    return nouns
  }

  /// `'text'` for a shell, with every `'` closed, escaped and reopened.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The shell code that fills COMPREPLY from a source (bash).
  static func bashReply(_ source: CompletionSource) -> String {
    switch source {
    case .none: "COMPREPLY=()"
    case .words(let words): "COMPREPLY=($(compgen -W \(quoted(words.joined(separator: " "))) -- \"$cur\"))"
    case .files: "COMPREPLY=($(compgen -f -- \"$cur\"))"
    case .references(let kind): "_learning_tracker_references \(kind.rawValue)"
    }
  }

  /// The bash completion script: `source <(learning-tracker completion bash)`.
  static func bash(_ commands: [Command]) -> String {
    var script = """
      # bash completion for learning-tracker, made from its command declarations.
      # Load it with: source <(learning-tracker completion bash)

      _learning_tracker_references() {
        local IFS=$'\\n'
        COMPREPLY=($(compgen -W "$(learning-tracker completion references "$1" "${_learning_tracker_data[@]}" 2>/dev/null)" -- "$cur"))
      }

      _learning_tracker() {
        local cur="${COMP_WORDS[COMP_CWORD]}" prev="" i
        if ((COMP_CWORD > 0)); then prev="${COMP_WORDS[COMP_CWORD-1]}"; fi
        local line=()
        _learning_tracker_data=()
        for ((i = 1; i < COMP_CWORD; i++)); do
          case "${COMP_WORDS[i]}" in
            --data) _learning_tracker_data=(--data "${COMP_WORDS[i+1]}"); ((i++)) ;;
            --data=*) _learning_tracker_data=("${COMP_WORDS[i]}") ;;
            *) line+=("${COMP_WORDS[i]}") ;;
          esac
        done
        if [[ $prev == --data ]]; then COMPREPLY=($(compgen -f -- "$cur")); return; fi
        local command="" count=0
        case " ${line[*]} " in

      """
    for command in commands.sorted(by: { $0.words.count > $1.words.count }) {
      script +=
        "    \(quoted(" " + command.name + " "))*) command=\(quoted(command.name)); count=\(command.words.count) ;;\n"
    }
    script += """
        esac
        if [[ -z $command ]]; then
          if ((${#line[@]} == 0)); then
            COMPREPLY=($(compgen -W \(quoted((nouns(commands) + ["help", "--help", "--version", "--data"]).joined(separator: " "))) -- "$cur"))
            return
          fi
          case "${line[0]}" in

      """
    for noun in nouns(commands) {
      let verbs = commands.filter { $0.words[0] == noun && $0.words.count > 1 }.map { $0.words[1] }
      if verbs.isEmpty { continue }
      script +=
        "      \(quoted(noun))) COMPREPLY=($(compgen -W \(quoted(verbs.joined(separator: " "))) -- \"$cur\")) ;;\n"
    }
    script += """
            help) COMPREPLY=($(compgen -W \(quoted(nouns(commands).joined(separator: " "))) -- "$cur")) ;;
          esac
          return
        fi
        local opts="" valued=" " positionals=()
        case "$command" in

      """
    for command in commands {
      let options = command.allOptions
      let valued = options.filter { $0.kind != .flag }.map(\.name)
      script += "    \(quoted(command.name)))\n"
      script += "      opts=\(quoted(options.map(\.name).joined(separator: " ")))\n"
      script += "      valued=\(quoted(" " + valued.joined(separator: " ") + " "))\n"
      let positionalSources = command.positionals.map { source(of: CompletionSource.of($0, in: command)) }
      script += "      positionals=(\(positionalSources.map(quoted).joined(separator: " ")))\n"
      let completed = options.filter { $0.kind != .flag && CompletionSource.of($0) != .none }
      if !completed.isEmpty {
        script += "      case \"$prev\" in\n"
        for option in completed {
          script += "        \(option.name)) \(bashReply(CompletionSource.of(option))); return ;;\n"
        }
        script += "      esac\n"
      }
      script += "      ;;\n"
    }
    script += """
        esac
        if [[ $valued == *" $prev "* ]]; then COMPREPLY=(); return; fi
        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
        local index=0 word skip=0
        for ((i = count; i < ${#line[@]}; i++)); do
          word="${line[i]}"
          if ((skip)); then skip=0; continue; fi
          if [[ $word == -* ]]; then
            if [[ $word != *=* && $valued == *" $word "* ]]; then skip=1; fi
            continue
          fi
          ((index++))
        done
        case "${positionals[index]}" in
          files) COMPREPLY=($(compgen -f -- "$cur")) ;;
          words:*) local list="${positionals[index]#words:}"; COMPREPLY=($(compgen -W "$list" -- "$cur")) ;;
          references:*) _learning_tracker_references "${positionals[index]#references:}" ;;
          *) COMPREPLY=() ;;
        esac
      }

      complete -F _learning_tracker learning-tracker

      """
    return script
  }

  /// A source as the bash script's positional table holds it: `files`, `words:a b`,
  /// `references:actions`, or empty.
  static func source(of source: CompletionSource) -> String {
    switch source {
    case .none: ""
    case .files: "files"
    case .words(let words): "words:" + words.joined(separator: " ")
    case .references(let kind): "references:" + kind.rawValue
    }
  }

  /// The zsh completion script: the bash completion's functions, run with zsh's arrays counted
  /// from 0 as bash counts them, loaded through zsh's `bashcompinit`.
  static func zsh(_ commands: [Command]) -> String {
    let functions = bash(commands).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("#") && !$0.hasPrefix("complete ") }.joined(separator: "\n")
    return """
      #compdef learning-tracker
      # zsh completion for learning-tracker, made from its command declarations.
      # Load it with: source <(learning-tracker completion zsh)
      autoload -U +X compinit && compinit
      autoload -U +X bashcompinit && bashcompinit
      \(functions)
      _learning_tracker_zsh() {
        setopt localoptions ksharrays
        _learning_tracker "$@"
      }

      complete -F _learning_tracker_zsh learning-tracker

      """
  }

  /// `'text'` for fish, with `\` and `'` escaped.
  static func fishQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  /// The fish arguments that offer a source's values.
  static func fishValues(_ source: CompletionSource) -> String {
    switch source {
    case .none: "-x"
    case .files: "-r -F"
    case .words(let words): "-x -a " + fishQuoted(words.joined(separator: " "))
    case .references(let kind):
      "-x -a '(learning-tracker completion references \(kind.rawValue) 2>/dev/null)'"
    }
  }

  /// The fish completion script: `learning-tracker completion fish | source`.
  static func fish(_ commands: [Command]) -> String {
    let nouns = nouns(commands)
    var script = """
      # fish completion for learning-tracker, made from its command declarations.
      # Load it with: learning-tracker completion fish | source
      complete -c learning-tracker -f
      complete -c learning-tracker -l data -r -F -d 'the store (default $LEARNING_TRACKER_DATA, else ./tracker.json)'
      complete -c learning-tracker -n '__fish_use_subcommand' -l version -d 'the version'

      """
    for noun in nouns {
      let group = commands.filter { $0.words[0] == noun }
      let summary = group.count == 1 && group[0].words.count == 1 ? group[0].summary : "\(noun) commands"
      script +=
        "complete -c learning-tracker -n '__fish_use_subcommand' -a \(fishQuoted(noun)) -d \(fishQuoted(summary))\n"
    }
    for command in commands {
      let condition: String
      if command.words.count == 1 {
        condition = "__fish_seen_subcommand_from \(command.words[0])"
      } else {
        let verbs = commands.filter { $0.words[0] == command.words[0] && $0.words.count > 1 }.map {
          $0.words[1]
        }
        script +=
          "complete -c learning-tracker -n \(fishQuoted("__fish_seen_subcommand_from \(command.words[0]); and not __fish_seen_subcommand_from \(verbs.joined(separator: " "))")) -a \(fishQuoted(command.words[1])) -d \(fishQuoted(command.summary))\n"
        condition =
          "__fish_seen_subcommand_from \(command.words[0]); and __fish_seen_subcommand_from \(command.words[1])"
      }
      for option in command.allOptions where option.name != "--data" {
        let values = option.kind == .flag ? "" : " " + fishValues(CompletionSource.of(option))
        script +=
          "complete -c learning-tracker -n \(fishQuoted(condition)) -l \(option.name.dropFirst(2))\(values) -d \(fishQuoted(option.help))\n"
      }
      if let first = command.positionals.first {
        let source = CompletionSource.of(first, in: command)
        if source != .none {
          script += "complete -c learning-tracker -n \(fishQuoted(condition)) \(fishValues(source))\n"
        }
      }
    }
    return script
  }
}
