import Foundation
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var calendarCommands: [Command] {
    [
      Command(
        words: ["calendar", "working-days"], summary: "working days between two days",
        discussion: """
          The working days after FROM up to and including TO (FROM is day 0), in England and Wales:
          weekends and bank holidays excluded, and the store's bankHolidays too when the store exists.
          """,
        positionals: [
          Positional("FROM", help: "the first day (YYYY-MM-DD)"),
          Positional("TO", help: "the last day (YYYY-MM-DD)"),
        ]
      ) { args, context in
        let (from, to) = (try parseDay(args.positional(0)), try parseDay(args.positional(1)))
        let calendar = try workingDayCalendar(context)
        context.console.out("\(calendar.workingDays(from: from, to: to))\n")
        return ExitCode.ok
      },
      Command(
        words: ["calendar", "add"], summary: "the day N working days after a day",
        discussion: """
          The Nth working day after FROM (FROM is day 0; a negative N counts back), in England and Wales.
          "Within 15 working days of notification" ends on 'calendar add NOTIFIED 15'.
          """,
        positionals: [
          Positional("FROM", help: "the day to count from (YYYY-MM-DD)"),
          Positional("N", help: "how many working days (negative counts back)"),
        ]
      ) { args, context in
        let from = try parseDay(args.positional(0))
        let text = try args.positional(1)
        guard let count = Int(text), abs(count) <= 100_000 else {
          throw CommandError.usage("\"\(text)\" is not a whole number of working days")
        }
        let calendar = try workingDayCalendar(context)
        context.console.out("\(calendar.adding(workingDays: count, to: from))\n")
        return ExitCode.ok
      },
    ]
  }

  static func parseDay(_ text: String) throws -> CalendarDay {
    guard let day = LenientDay.day(text) else {
      throw CommandError.usage(
        "\"\(text)\" is not a calendar day (expected YYYY-MM-DD, or day first such as 31/03/2026)")
    }
    return day
  }

  /// The store's calendar when the store exists, else the England and Wales rules alone.
  static func workingDayCalendar(_ context: Context) throws -> WorkingDayCalendar {
    guard FileManager.default.fileExists(atPath: context.dataPath) else { return WorkingDayCalendar() }
    return try context.load().tracker.workingDayCalendar
  }
}
