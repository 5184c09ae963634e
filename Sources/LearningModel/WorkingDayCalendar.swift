/// Working days in England and Wales: every day but Saturdays, Sundays and bank holidays.
///
/// Bank holidays are computed by rule for any year (Banking and Financial Dealings Act 1971 and the
/// annual proclamations): New Year's Day, Good Friday, Easter Monday, the early May, spring and
/// summer bank holidays, Christmas Day and Boxing Day, each moved to the next weekday when it falls
/// at a weekend; plus the one-off changes of recent years and any extra days a store lists.
///
/// Counting convention: the day of the event is day 0. "Within 5 working days of becoming aware"
/// means on or before the 5th working day after that day.
public struct WorkingDayCalendar: Sendable {
  /// Extra non-working days (a store's `bankHolidays`).
  public let extraHolidays: Set<CalendarDay>
  private let cache: [Int: Set<CalendarDay>]
  /// The years whose bank holidays are worked out once, when the calendar is made.
  private static let cachedYears = 2000...2040
  /// Every holiday on a weekday in the cached years and every extra one on a weekday, once each
  /// in date order: the working days between two days in those years are counted by two binary
  /// searches in it, not by gathering the holidays of each year again.
  private let weekdayHolidays: [CalendarDay]

  /// A calendar of England and Wales bank holidays and `extraHolidays`.
  public init(extraHolidays: some Sequence<CalendarDay> = []) {
    self.extraHolidays = Set(extraHolidays)
    var cache: [Int: Set<CalendarDay>] = [:]
    for year in Self.cachedYears { cache[year] = Set(Self.bankHolidays(in: year)) }
    self.cache = cache
    var holidays = self.extraHolidays
    for days in cache.values { holidays.formUnion(days) }
    weekdayHolidays = holidays.filter { !$0.isWeekend }.sorted()
  }

  /// Whether `day` is a bank holiday in England and Wales (or one of the extra days).
  public func isBankHoliday(_ day: CalendarDay) -> Bool {
    if extraHolidays.contains(day) { return true }
    let year = day.year
    return (cache[year] ?? Set(Self.bankHolidays(in: year))).contains(day)
  }

  /// Monday to Friday and not a bank holiday.
  public func isWorkingDay(_ day: CalendarDay) -> Bool {
    !day.isWeekend && !isBankHoliday(day)
  }

  /// The working days after `from` up to and including `to` (the day of the event is day 0);
  /// negative when `to` is before `from`.
  public func workingDays(from: CalendarDay, to: CalendarDay) -> Int {
    if to < from { return -workingDays(from: to, to: from) }
    // Weekdays in (from, to] by whole weeks and a remainder, less the holidays on weekdays there.
    let span = to.days(since: from)
    var count = (span / 7) * 5
    var day = from.adding(days: (span / 7) * 7 + 1)
    while day <= to {
      if !day.isWeekend { count += 1 }
      day = day.adding(days: 1)
    }
    if Self.cachedYears.contains(from.year) && Self.cachedYears.contains(to.year) {
      return count - (holidaysUpTo(to) - holidaysUpTo(from))
    }
    var holidays = Set<CalendarDay>()
    for year in from.year...to.year {
      holidays.formUnion(cache[year] ?? Set(Self.bankHolidays(in: year)))
    }
    holidays.formUnion(extraHolidays)
    for holiday in holidays where holiday > from && holiday <= to && !holiday.isWeekend {
      count -= 1
    }
    return count
  }

  /// How many of `weekdayHolidays` fall on or before `day`.
  private func holidaysUpTo(_ day: CalendarDay) -> Int {
    var low = 0
    var high = weekdayHolidays.count
    while low < high {
      let middle = (low + high) / 2
      if weekdayHolidays[middle] <= day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The `count`th working day after `day` (day 0 is `day` itself); a negative count goes back.
  public func adding(workingDays count: Int, to day: CalendarDay) -> CalendarDay {
    var result = day
    var remaining = abs(count)
    let step = count >= 0 ? 1 : -1
    while remaining > 0 {
      result = result.adding(days: step)
      if isWorkingDay(result) { remaining -= 1 }
    }
    return result
  }

  /// The England and Wales bank holidays of a year, in date order.
  public static func bankHolidays(in year: Int) -> [CalendarDay] {
    func day(_ month: Int, _ day: Int) -> CalendarDay? { CalendarDay(year: year, month: month, day: day) }
    var days: [CalendarDay] = []
    // New Year's Day, or the Monday after when it falls at a weekend.
    if let newYear = day(1, 1) { days.append(nextWeekday(newYear)) }
    // Good Friday and Easter Monday.
    let easter = easterSunday(year)
    days.append(easter.adding(days: -2))
    days.append(easter.adding(days: 1))
    // Early May: the first Monday of May (moved to Friday 8 May in 2020 and 1995).
    switch year {
    case 1995, 2020: if let moved = day(5, 8) { days.append(moved) }
    default: if let first = day(5, 1) { days.append(firstMonday(onOrAfter: first)) }
    }
    // Spring: the last Monday of May, moved for jubilees.
    switch year {
    case 2002: days += [day(6, 3), day(6, 4)].compactMap { $0 }
    case 2012: days += [day(6, 4), day(6, 5)].compactMap { $0 }
    case 2022: days += [day(6, 2), day(6, 3)].compactMap { $0 }
    default: if let end = day(5, 31) { days.append(lastMonday(onOrBefore: end)) }
    }
    // Summer: the last Monday of August.
    if let end = day(8, 31) { days.append(lastMonday(onOrBefore: end)) }
    // Christmas Day and Boxing Day, with substitute days.
    if let christmas = day(12, 25) {
      switch christmas.isoWeekday {
      case 5: days += [christmas, christmas.adding(days: 3)]  // Friday: Boxing Day on Monday 28th
      case 6: days += [christmas.adding(days: 2), christmas.adding(days: 3)]  // Saturday: 27th and 28th
      case 7: days += [christmas.adding(days: 1), christmas.adding(days: 2)]  // Sunday: 26th and 27th
      default: days += [christmas, christmas.adding(days: 1)]
      }
    }
    // One-off days proclaimed for royal occasions.
    let oneOff: [Int: [(Int, Int)]] = [
      1999: [(12, 31)], 2011: [(4, 29)], 2022: [(9, 19)], 2023: [(5, 8)],
    ]
    days += (oneOff[year] ?? []).compactMap { day($0.0, $0.1) }
    return Array(Set(days)).sorted()
  }

  /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
  public static func easterSunday(_ year: Int) -> CalendarDay {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year: year, month: month, day: day) ?? CalendarDay(dayNumber: 0)
  }

  private static func nextWeekday(_ day: CalendarDay) -> CalendarDay {
    switch day.isoWeekday {
    case 6: day.adding(days: 2)
    case 7: day.adding(days: 1)
    default: day
    }
  }

  private static func firstMonday(onOrAfter day: CalendarDay) -> CalendarDay {
    day.adding(days: (8 - day.isoWeekday) % 7)
  }

  private static func lastMonday(onOrBefore day: CalendarDay) -> CalendarDay {
    day.adding(days: -((day.isoWeekday + 6) % 7))
  }
}

extension Tracker {
  /// The working-day calendar with this store's extra bank holidays.
  public var workingDayCalendar: WorkingDayCalendar {
    WorkingDayCalendar(extraHolidays: bankHolidays)
  }
}
