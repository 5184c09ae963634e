import LearningModel

/// One setting of the partnership record, declared once: its name in the partnership's words
/// (`due-soon-days`), its place in the store (`settings.dueSoonDays` under `partnership`), the kind
/// of value it takes and the check on it (an `Option.Kind`, so a bad value is refused exactly as
/// an option's would be, exit 64 naming the setting), its default, and a line on what it does.
///
/// `settings show`, `settings set`, `settings reset`, the shell completion and the table of
/// settings in docs/FORMAT.md all come from `PartnershipSetting.all`.
///
/// To add a setting, add one entry to `all`, made with `number`, `word`, `text` or the
/// initializer: `current` reads the value in force from the partnership record as the user would
/// type it (nil when the store does not hold it, so the default applies), `assign` writes a checked
/// value and `reset` puts the default back. The setting must live in the partnership record (the
/// `partnership` object of the store) so that a change is one record in the history and `undo`
/// puts it back; a rule its value must keep beyond the kind's check belongs in
/// `DomainRules.violations(of: Partnership)`, where `validate` and every change find it. A new
/// field of the partnership record also needs its place in `StoreDecoder.partnership()` and a row
/// in FORMAT.md's table of the record. Then re-record the settings table in docs/FORMAT.md and the
/// help goldens that list the settings (`RECORD_GOLDEN=1 swift test --filter
/// "SettingsCommandTests|CommandLineGoldenTests"`) and read the diff.
public struct PartnershipSetting: Sendable {
  /// The name on the command line: `due-soon-days`.
  public let name: String
  /// Where it is kept, under the store's `partnership` object: `settings.dueSoonDays`.
  public let place: String
  /// The kind of value and its check, as for an option.
  public let kind: Option.Kind
  /// The default as the user would type it; nil when the setting has none (reset is refused).
  public let defaultText: String?
  /// What it does, in one line.
  public let help: String
  /// The value in force as the user would type it; nil when the store does not hold it.
  let current: @Sendable (Partnership) -> String?
  /// Writes a checked value; throws a usage error for a value the kind's check let through but
  /// the setting cannot take.
  let assign: @Sendable (inout Partnership, ParsedArguments.Value) throws(CommandError) -> Void
  /// Puts the default back.
  let reset: @Sendable (inout Partnership) -> Void

  /// A setting of any kind.
  init(
    _ name: String, place: String, kind: Option.Kind, default defaultText: String?, help: String,
    current: @escaping @Sendable (Partnership) -> String?,
    assign: @escaping @Sendable (inout Partnership, ParsedArguments.Value) throws(CommandError) -> Void,
    reset: @escaping @Sendable (inout Partnership) -> Void
  ) {
    self.name = name
    self.place = place
    self.kind = kind
    self.defaultText = defaultText
    self.help = help
    self.current = current
    self.assign = assign
    self.reset = reset
  }

  /// A whole number of days (or other units) within `range`, always held in the store.
  static func number(
    _ name: String, place: String, placeholder: String = "DAYS", range: ClosedRange<Int>, default value: Int,
    help: String, get: @escaping @Sendable (Partnership) -> Int,
    set: @escaping @Sendable (inout Partnership, Int) -> Void
  ) -> PartnershipSetting {
    PartnershipSetting(
      name, place: place, kind: .wholeNumber(placeholder: placeholder, range: range), default: String(value),
      help: help, current: { String(get($0)) },
      assign: { partnership, checked throws(CommandError) in
        if case .number(let number) = checked { set(&partnership, number) }
      },
      reset: { set(&$0, value) })
  }

  /// A word of a closed vocabulary, left out of the store when at its default.
  static func word<Word: ClosedVocabulary>(
    _ name: String, place: String, _ type: Word.Type, default value: Word, help: String,
    get: @escaping @Sendable (Partnership) -> Word?,
    set: @escaping @Sendable (inout Partnership, Word?) -> Void
  ) -> PartnershipSetting {
    PartnershipSetting(
      name, place: place,
      kind: .word(placeholder: "WORD", vocabulary: Word.vocabularyName, words: Word.allCases.map(\.rawValue)),
      default: value.rawValue, help: help, current: { get($0)?.rawValue },
      assign: { partnership, checked throws(CommandError) in
        if case .text(let text) = checked { set(&partnership, Word(rawValue: text)) }
      },
      reset: { set(&$0, nil) })
  }

  /// An optional line of text, left out of the store when reset.
  static func optionalText(
    _ name: String, place: String, placeholder: String = "TEXT", help: String,
    get: @escaping @Sendable (Partnership) -> String?,
    set: @escaping @Sendable (inout Partnership, String?) -> Void
  ) -> PartnershipSetting {
    PartnershipSetting(
      name, place: place, kind: .text(placeholder: placeholder), default: "none", help: help,
      current: get,
      assign: { partnership, checked throws(CommandError) in
        guard case .text(let text) = checked else { return }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { throw .usage("\(name): give some text, or 'settings reset \(name)'") }
        set(&partnership, String(trimmed))
      },
      reset: { set(&$0, nil) })
  }

  /// The escalation levels as the user types them: `chase=Officer chase; chair=Chair's letter`.
  static func escalationLevels(_ text: String) throws(CommandError) -> [EscalationLevel] {
    var levels: [EscalationLevel] = []
    for part in text.split(separator: ";") {
      let pieces = part.split(separator: "=", maxSplits: 1)
      let id = pieces.first.map { String(String($0).trimmingSpaces) } ?? ""
      let name = pieces.count == 2 ? String(String(pieces[1]).trimmingSpaces) : ""
      if let problem = Identifier.problem(id) {
        throw .usage("escalation-levels: \"\(id)\" \(problem) (expected ID=NAME; ID=NAME, lowest first)")
      }
      if name.isEmpty {
        throw .usage("escalation-levels: level \(id) has no name (expected ID=NAME; ID=NAME, lowest first)")
      }
      if levels.contains(where: { $0.id == id }) {
        throw .usage("escalation-levels: level \(id) is given twice")
      }
      levels.append(EscalationLevel(id: id, name: name))
    }
    if levels.isEmpty { throw .usage("escalation-levels: give at least one level, ID=NAME") }
    return levels
  }

  /// Escalation levels as `settings show` and `settings set` spell them.
  static func describe(_ levels: [EscalationLevel]) -> String {
    levels.map { "\($0.id)=\($0.name)" }.joined(separator: "; ")
  }

  /// A checked value of this setting, or a usage error naming it.
  func check(_ text: String) throws(CommandError) -> ParsedArguments.Value {
    let value = try Option(name, kind, help: help).check(text)
    var scratch = Partnership(name: "check")
    try assign(&scratch, value)
    return value
  }

  /// The value in force as the user would type it: the store's, else the default.
  func inForce(_ partnership: Partnership) -> String { current(partnership) ?? defaultText ?? "" }

  /// What the value looks like, for the docs: `DAYS, 0 to 3650`, `aware or notified`, `MM-DD`.
  var valueForm: String {
    switch kind {
    case .word(_, _, let words): words.joined(separator: " or ")
    case .wholeNumber(let placeholder, let range):
      "\(placeholder), \(range.lowerBound) to \(range.upperBound)"
    default: kind.placeholder ?? ""
    }
  }

  /// The settings a partnership keeps, in the order `settings show` lists them.
  public static let all: [PartnershipSetting] = [
    PartnershipSetting(
      "name", place: "name", kind: .text(placeholder: "NAME"), default: nil,
      help: "the partnership's name, as every report shows it",
      current: { $0.name },
      assign: { partnership, checked throws(CommandError) in
        guard case .text(let text) = checked else { return }
        if text.trimmingSpaces.isEmpty { throw .usage("name: the partnership's name cannot be empty") }
        partnership.name = text
      },
      reset: { _ in }),
    PartnershipSetting(
      "reporting-year-start", place: "reportingYearStart", kind: .text(placeholder: "MM-DD"),
      default: MonthDay.firstOfApril.description,
      help: "the first day of the reporting year (04-01: April to March), for digest, annual and --year",
      current: { $0.reportingYearStart.description },
      assign: { partnership, checked throws(CommandError) in
        guard case .text(let text) = checked else { return }
        guard let start = MonthDay(text) else {
          throw .usage(
            "reporting-year-start: \"\(text)\" is not a month and day (expected MM-DD, such as 04-01)")
        }
        partnership.reportingYearStart = start
      },
      reset: { $0.reportingYearStart = .firstOfApril }),
    .number(
      "due-soon-days", place: "settings.dueSoonDays", range: 0...3650, default: Settings().dueSoonDays,
      help: "an open action due within this many days of the day is due soon (Amber)",
      get: { $0.settings.dueSoonDays }, set: { $0.settings.dueSoonDays = $1 }),
    .number(
      "stale-after-days", place: "settings.staleAfterDays", range: 0...3650,
      default: Settings().staleAfterDays,
      help: "an open action with no update for more than this many days is stale",
      get: { $0.settings.staleAfterDays }, set: { $0.settings.staleAfterDays = $1 }),
    .word(
      "rapid-review-clock-from", place: "settings.rapidReviewClockFrom", RapidReviewClockStart.self,
      default: Settings().rapidReviewClockStart,
      help: "the day a Rapid Review's 15 working days run from: aware (becoming aware) or notified",
      get: { $0.settings.rapidReviewClockFrom }, set: { $0.settings.rapidReviewClockFrom = $1 }),
    PartnershipSetting(
      "escalation-levels", place: "settings.escalationLevels", kind: .text(placeholder: "ID=NAME; ..."),
      default: describe(EscalationLevel.defaults),
      help: "the stages a stuck action is escalated through, lowest first; the last is reported to the board",
      current: { $0.settings.escalationLevels.map(describe) },
      assign: { partnership, checked throws(CommandError) in
        guard case .text(let text) = checked else { return }
        partnership.settings.escalationLevels = try escalationLevels(text)
      },
      reset: { $0.settings.escalationLevels = nil }),
    .optionalText(
      "board-paper-meeting", place: "settings.boardPaper.meeting", placeholder: "MEETING",
      help: "the meeting the board paper goes to, printed in its header block",
      get: { $0.settings.boardPaper?.meeting },
      set: { BoardPaperSettings.set(\.meeting, to: $1, in: &$0.settings) }),
    .optionalText(
      "board-paper-author", place: "settings.boardPaper.author", placeholder: "ROLE",
      help: "the board paper's author (a role), printed in its header block",
      get: { $0.settings.boardPaper?.author },
      set: { BoardPaperSettings.set(\.author, to: $1, in: &$0.settings) }),
    .optionalText(
      "board-paper-marking", place: "settings.boardPaper.marking", placeholder: "MARKING",
      help: "the board paper's protective marking, such as OFFICIAL-SENSITIVE",
      get: { $0.settings.boardPaper?.marking },
      set: { BoardPaperSettings.set(\.marking, to: $1, in: &$0.settings) }),
  ]

  /// The setting called `name`, or a usage error with the nearest name and the list.
  static func named(_ name: String) throws(CommandError) -> PartnershipSetting {
    if let setting = all.first(where: { $0.name == name }) { return setting }
    let names = all.map(\.name)
    let hint = nearest(name, in: names).map { " (did you mean \($0)?)" } ?? ""
    throw .usage("\"\(name)\" is not a setting\(hint); the settings are: " + names.joined(separator: ", "))
  }

  /// The table of settings in docs/FORMAT.md, made from `all`.
  public static var documentationTable: String {
    var lines = [
      "| setting | store field | value | default | what it does |", "| --- | --- | --- | --- | --- |",
    ]
    for setting in all {
      lines.append(
        "| `\(setting.name)` | `partnership.\(setting.place)` | \(setting.valueForm) | "
          + (setting.defaultText.map { "`\($0)`" } ?? "none") + " | \(setting.help) |")
    }
    return lines.joined(separator: "\n")
  }
}

extension BoardPaperSettings {
  /// Sets one field of the board paper's header block, leaving the block out when it is empty.
  static func set(
    _ field: WritableKeyPath<BoardPaperSettings, String?>, to value: String?, in settings: inout Settings
  ) {
    var block = settings.boardPaper ?? BoardPaperSettings()
    block[keyPath: field] = value
    settings.boardPaper =
      block.meeting == nil && block.author == nil && block.marking == nil ? nil : block
  }
}
