/// When an action is due, as a published plan gives it: a day, a month, or not yet set ("TBC").
///
/// The store writes a day as `"YYYY-MM-DD"`, a month as `"YYYY-MM"` (due by the last day of that
/// month) and a due day not yet set as `"tbc"`.
public enum PlannedDue: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// Due on this day.
  case onDay(CalendarDay)
  /// Due by the end of a month; the day held is the month's last day.
  case inMonth(CalendarDay)
  /// No due day yet: the plan says "TBC".
  case notYetSet

  /// Due by the end of the month of `year` and `month` (1–12); `nil` when they name no month.
  public static func month(year: Int, month: Int) -> PlannedDue? {
    guard let first = CalendarDay(year: year, month: month, day: 1) else { return nil }
    return .inMonth(first.endOfMonth)
  }

  /// Reads `YYYY-MM-DD`, `YYYY-MM` or `tbc` (in any case); `nil` for anything else.
  public init?(_ text: some StringProtocol) {
    let text = String(text)
    if text.lowercased() == "tbc" {
      self = .notYetSet
      return
    }
    if let day = CalendarDay(text) {
      self = .onDay(day)
      return
    }
    let bytes = Array(text.utf8)
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
      bytes.enumerated().allSatisfy({
        $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element)
      }),
      let year = Int(text.prefix(4)), let month = Int(text.suffix(2)),
      let due = PlannedDue.month(year: year, month: month)
    else { return nil }
    self = due
  }

  /// What the store accepts, for messages.
  public static let expectedForms = "YYYY-MM-DD, YYYY-MM (the last day of that month) or tbc"

  /// The day it falls due: the day itself, or the last day of the month; `nil` when not yet set.
  public var day: CalendarDay? {
    switch self {
    case .onDay(let day), .inMonth(let day): day
    case .notYetSet: nil
    }
  }

  /// Whether a due day (or month) is set.
  public var isSet: Bool { day != nil }

  /// As the store writes it: `2026-06-30`, `2026-06` or `tbc`.
  public var storeText: String {
    switch self {
    case .onDay(let day): day.description
    case .inMonth(let day): day.monthText
    case .notYetSet: "tbc"
    }
  }

  /// As reports show it: `2026-06-30`, `June 2026` or `TBC`.
  public var description: String {
    switch self {
    case .onDay(let day): day.description
    case .inMonth(let day): PlannedDue.monthNames[day.month - 1] + " " + String(day.year)
    case .notYetSet: "TBC"
    }
  }

  /// Sorts undated actions last: the day number, or `Int.max` when not yet set.
  public var sortKey: Int { day?.dayNumber ?? Int.max }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Writes the store's text (`storeText`).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(storeText)
  }
}
