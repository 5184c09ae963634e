import LearningModel
import LearningStore

extension LearningTrackerCommand {
  /// `settings show|set|reset`, made from the one table of settings (`PartnershipSetting.all`).
  static var settingsCommands: [Command] { [settingsShow, settingsSet, settingsReset] }

  /// `NAME`: a setting.
  static let settingArgument = Positional(
    "NAME", help: "the setting: " + PartnershipSetting.all.map(\.name).joined(separator: ", "))

  static let settingsShow = Command(
    words: ["settings", "show"], summary: "show the partnership's settings, their defaults and what they do",
    discussion: """
      Lists every setting of the partnership record: its value in force (marked "(default)" when \
      the store does not hold one), its default, where the store keeps it and what it does. With \
      NAME, that setting only. Change one with 'settings set', put its default back with \
      'settings reset'.
      """,
    positionals: [Positional("NAME", required: false, help: "only this setting")],
    options: [.listFormat]
  ) { args, context in
    let selected = try args.positionals.first.map { name throws(CommandError) in
      try PartnershipSetting.named(name)
    }
    let format = try args[.listFormat] ?? "text"
    let partnership = try context.load().tracker.partnership
    let settings = selected.map { [$0] } ?? PartnershipSetting.all
    if format == "json" {
      let rows = settings.map { setting in
        SettingRow(
          name: setting.name, value: setting.inForce(partnership),
          isDefault: setting.current(partnership) == nil,
          defaultValue: setting.defaultText, storeField: "partnership." + setting.place, help: setting.help)
      }
      context.console.out(try jsonText(rows), exact: true)
      return ExitCode.ok
    }
    let rows = settings.map { setting in
      [
        setting.name,
        setting.inForce(partnership) + (setting.current(partnership) == nil ? " (default)" : ""),
        setting.defaultText ?? "none", "partnership." + setting.place, setting.help,
      ]
    }
    context.console.out(listing(["Setting", "Value", "Default", "Store field", "What it does"], rows))
    return ExitCode.ok
  }

  static let settingsSet = Command(
    words: ["settings", "set"], summary: "change one of the partnership's settings",
    discussion: """
      Sets NAME to VALUE in the partnership record, checked like an option's value (a bad value is \
      refused with exit 64, naming the setting, before the store is read). The change is recorded \
      in the history; 'undo' puts the setting back. 'settings show' lists the settings.
      """,
    positionals: [settingArgument, Positional("VALUE", help: "the new value")],
    options: [.by]
  ) { args, context in
    let setting = try PartnershipSetting.named(try args.positional(0))
    let value = try setting.check(try args.positional(1))
    let by = try args[.by]
    var unchanged = false
    try context.apply(by: context.who(by)) { before in
      var partnership = before.partnership
      try setting.assign(&partnership, value)
      unchanged = partnership == before.partnership
      return ChangeSet([.update(.partnership(partnership))])
    }
    context.console.note(
      unchanged
        ? "\(setting.name) is already \(try args.positional(1)); nothing was written"
        : "set \(setting.name) to \(try args.positional(1))")
    return ExitCode.ok
  }

  static let settingsReset = Command(
    words: ["settings", "reset"], summary: "put one of the partnership's settings back to its default",
    discussion: """
      Puts NAME back to its default ('settings show' lists them), recorded in the history; 'undo' \
      puts the previous value back. A setting with no default (the partnership's name) cannot be \
      reset: set it instead.
      """,
    positionals: [settingArgument],
    options: [.by]
  ) { args, context in
    let setting = try PartnershipSetting.named(try args.positional(0))
    guard let defaultText = setting.defaultText else {
      throw CommandError.usage(
        "\(setting.name) has no default to go back to; change it with 'settings set \(setting.name) VALUE'")
    }
    let by = try args[.by]
    var unchanged = false
    try context.apply(by: context.who(by)) { before in
      var partnership = before.partnership
      setting.reset(&partnership)
      unchanged = partnership == before.partnership
      return ChangeSet([.update(.partnership(partnership))])
    }
    context.console.note(
      unchanged
        ? "\(setting.name) is already at its default, \(defaultText); nothing was written"
        : "reset \(setting.name) to its default, \(defaultText)")
    return ExitCode.ok
  }
}

/// One setting as `settings show --format json` lists it.
struct SettingRow: Encodable {
  var name: String
  var value: String
  var isDefault: Bool
  var defaultValue: String?
  var storeField: String
  var help: String
}
