/// A day in the proleptic Gregorian calendar, with no time and no time zone.
///
/// The store writes days as `"YYYY-MM-DD"`. A `CalendarDay` is counted internally as days
/// since 1970-01-01, so comparing, adding and subtracting days is plain integer arithmetic.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int

  /// The day `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    self.dayNumber = dayNumber
  }

  /// The given year, month and day, or `nil` when they name no real day (2025-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDay.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    self.dayNumber = CalendarDay.daysFromCivil(year: year, month: month, day: day)
  }

  /// Parses exactly `YYYY-MM-DD`; `nil` for anything else or for a day that does not exist.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// Year, month (1–12) and day of month (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    CalendarDay.civil(fromDays: dayNumber)
  }

  /// The year, such as 2026.
  public var year: Int { components.year }
  /// The month, 1 to 12.
  public var month: Int { components.month }
  /// The day of the month, 1 to 31.
  public var day: Int { components.day }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var isoWeekday: Int {
    // 1970-01-01 was a Thursday (ISO 4).
    let offset = (dayNumber + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// Saturday or Sunday.
  public var isWeekend: Bool { isoWeekday >= 6 }

  /// `YYYY-MM-DD`.
  public var description: String { isoText(withDay: true) }

  /// `YYYY-MM`: the month the day is in, as the store writes a due month.
  public var monthText: String { isoText(withDay: false) }

  /// The day (or its month) in ISO form. Written digit by digit into a string short enough to need
  /// no allocation: reports write hundreds of thousands of days.
  private func isoText(withDay: Bool) -> String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else {
      let text = Self.pad(year, 4) + "-" + Self.pad(month, 2)
      return withDay ? text + "-" + Self.pad(day, 2) : text
    }
    return String(unsafeUninitializedCapacity: withDay ? 10 : 7) { buffer in
      func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(truncatingIfNeeded: value) }
      buffer[0] = digit(year / 1000)
      buffer[1] = digit(year / 100 % 10)
      buffer[2] = digit(year / 10 % 10)
      buffer[3] = digit(year % 10)
      buffer[4] = 0x2D
      buffer[5] = digit(month / 10)
      buffer[6] = digit(month % 10)
      guard withDay else { return 7 }
      buffer[7] = 0x2D
      buffer[8] = digit(day / 10)
      buffer[9] = digit(day % 10)
      return 10
    }
  }

  /// This day moved by `days` (negative moves back).
  public func adding(days: Int) -> CalendarDay {
    CalendarDay(dayNumber: dayNumber + days)
  }

  /// This day moved by whole months; the day of month is clamped to the month's length
  /// (31 January plus one month is 28 or 29 February).
  public func adding(months: Int) -> CalendarDay {
    let (year, month, day) = components
    let total = year * 12 + (month - 1) + months
    let newYear = total >= 0 ? total / 12 : (total - 11) / 12
    let newMonth = total - newYear * 12 + 1
    let clamped = min(day, Self.daysInMonth(year: newYear, month: newMonth))
    return CalendarDay(dayNumber: Self.daysFromCivil(year: newYear, month: newMonth, day: clamped))
  }

  /// Whole days from `other` to this day (positive when this day is later).
  public func days(since other: CalendarDay) -> Int {
    dayNumber - other.dayNumber
  }

  /// The last day of this day's month.
  public var endOfMonth: CalendarDay {
    let (year, month, _) = components
    return CalendarDay(
      dayNumber: Self.daysFromCivil(year: year, month: month, day: Self.daysInMonth(year: year, month: month))
    )
  }

  /// Whether `lhs` is the earlier day.
  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    lhs.dayNumber < rhs.dayNumber
  }

  /// Whether `year` has 29 February.
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Days in the given month of the given year.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  // Days from civil and back: Howard Hinnant's algorithms for the proleptic Gregorian calendar.
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}

extension CalendarDay: Encodable {
  /// Writes the day as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A month and day that recurs every year (`"04-01"` for 1 April), such as the start of a
/// partnership's reporting year.
public struct MonthDay: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31 (never 29 February).
  public let day: Int

  /// The month-day `month`-`day`; nil unless it is a day of every year (so not 29 February).
  public init?(month: Int, day: Int) {
    guard (1...12).contains(month), (1...CalendarDay.daysInMonth(year: 2001, month: month)).contains(day)
    else { return nil }
    self.month = month
    self.day = day
  }

  /// 1 April, the start of the usual reporting year.
  public static let firstOfApril = MonthDay(validMonth: 4, day: 1)

  private init(validMonth: Int, day: Int) {
    self.month = validMonth
    self.day = day
  }

  /// Parses `MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let month = Int(parts[0]),
      let day = Int(parts[1])
    else { return nil }
    self.init(month: month, day: day)
  }

  /// The month-day as written: `MM-DD`.
  public var description: String {
    (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
  }

  /// This month-day in the given year.
  public func inYear(_ year: Int) -> CalendarDay {
    CalendarDay(year: year, month: month, day: min(day, CalendarDay.daysInMonth(year: year, month: month)))
      ?? CalendarDay(dayNumber: 0)
  }

  /// Writes the month-day as `MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
