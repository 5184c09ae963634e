import Foundation
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var calendarCommands: [Command] {
    [
      Command(
        words: ["calendar", "working-days"], summary: "working days between two days",
        help: """
          Usage: learning-tracker calendar working-days FROM TO

          The working days after FROM up to and including TO (FROM is day 0), in England and Wales:
          weekends and bank holidays excluded, and the store's bankHolidays too when the store exists.
          """
      ) { args, context in
        let days = try args.positionals(count: 2...2, names: "FROM and TO (YYYY-MM-DD)")
        let (from, to) = (try parseDay(days[0]), try parseDay(days[1]))
        let calendar = try workingDayCalendar(context)
        context.console.out("\(calendar.workingDays(from: from, to: to))\n")
        return ExitCode.ok
      },
      Command(
        words: ["calendar", "add"], summary: "the day N working days after a day",
        help: """
          Usage: learning-tracker calendar add FROM N

          The Nth working day after FROM (FROM is day 0; a negative N counts back), in England and Wales.
          "Within 15 working days of notification" ends on 'calendar add NOTIFIED 15'.
          """
      ) { args, context in
        let words = try args.positionals(count: 2...2, names: "FROM (YYYY-MM-DD) and N")
        let from = try parseDay(words[0])
        guard let count = Int(words[1]), abs(count) <= 100_000 else {
          throw UsageError(message: "\"\(words[1])\" is not a whole number of working days")
        }
        let calendar = try workingDayCalendar(context)
        context.console.out("\(calendar.adding(workingDays: count, to: from))\n")
        return ExitCode.ok
      },
    ]
  }

  static func parseDay(_ text: String) throws -> CalendarDay {
    guard let day = CalendarDay(text) else {
      throw UsageError(message: "\"\(text)\" is not a calendar day (expected YYYY-MM-DD)")
    }
    return day
  }

  /// The store's calendar when the store exists, else the England and Wales rules alone.
  static func workingDayCalendar(_ context: Context) throws -> WorkingDayCalendar {
    guard FileManager.default.fileExists(atPath: context.dataPath) else { return WorkingDayCalendar() }
    return try context.load().tracker.workingDayCalendar
  }
}
