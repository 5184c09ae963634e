/// Days and due days as people type them into a spreadsheet or on the command line: the one
/// lenient reader of dates, used by `import plan`, `import returns` and the command line's day and
/// due options. The store itself stays strict (`CalendarDay`, `PlannedDue`).
///
/// Days are read day first, as UK spreadsheets save them, never month first: `2026-03-31`,
/// `31/03/2026`, `31/03/26`, `31.3.2026`, `31-Mar-2026`, `31 March 2026`, `31st March 2026`,
/// `2026-03-31 00:00:00` (a time of midnight, as a spreadsheet exports a date cell), with a leading
/// "By" ("By 31/12/2016"), and, in a column known to hold days, Excel's day numbers (`46112`).
/// Two-digit years are 2000–2069, and 1970–1999 from 70.
/// Due days also read months (`2026-06`, `06/2026`, `June 2026`, `Apr-17`, what Excel shows for an
/// exported `2017-04`), due by the month's last day, and "TBC", "TBA" or "to be confirmed …".
public enum LenientDay {
  /// The forms a day may take, for messages.
  public static let dayForms = "31/12/2026 (day first), 31-Dec-2026, 31 December 2026 or 2026-12-31"

  /// The forms a due day may take, for messages.
  public static let dueForms =
    "a day (31/12/2026, 31-Dec-2026 or 2026-12-31), a month (2026-06, June 2026 or Jun-26) or TBC"

  /// A day, or nil. `dayNumbers` reads a whole number as Excel's day number (1 is 1900-01-01), for
  /// cells of a column known to hold days.
  public static func day(_ text: some StringProtocol, dayNumbers: Bool = false) -> CalendarDay? {
    let text = cleaned(String(text))
    if text.isEmpty { return nil }
    if let day = CalendarDay(text) { return day }
    if dayNumbers, text.count <= 6, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text),
      (1...2_958_465).contains(number)
    {
      // Excel counts from 1900-01-01 as 1 and wrongly holds a 29 February 1900, so from day 61 on
      // its day numbers count from 1899-12-30.
      let base = CalendarDay(year: 1899, month: 12, day: number < 61 ? 31 : 30)
      return base.map { $0.adding(days: number) }
    }
    let parts = tokens(text)
    guard parts.count == 3 else { return nil }
    // Year first with a separator other than "-": 2026/12/31.
    if parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      allDigits(parts)
    {
      return CalendarDay(year: year, month: month, day: day)
    }
    guard let day = dayOfMonth(parts[0]), let year = year(parts[2]) else { return nil }
    if let month = Int(parts[1]), parts[1].count <= 2, allDigits([parts[1]]) {
      return CalendarDay(year: year, month: month, day: day)
    }
    guard let month = month(parts[1]) else { return nil }
    return CalendarDay(year: year, month: month, day: day)
  }

  /// A due day, month or TBC, or nil. `dayNumbers` as for `day`.
  public static func due(_ text: some StringProtocol, dayNumbers: Bool = false) -> PlannedDue? {
    let text = cleaned(String(text))
    let letters = text.lowercased().filter { $0.isLetter }
    if letters == "tbc" || letters == "tba" || text.lowercased().hasPrefix("to be confirmed") {
      return .notYetSet
    }
    if let day = day(text, dayNumbers: dayNumbers) { return .onDay(day) }
    let parts = tokens(text)
    guard parts.count == 2 else { return nil }
    if parts[0].count == 4, parts[1].count <= 2, allDigits(parts), let year = Int(parts[0]),
      let month = Int(parts[1])
    {
      return PlannedDue.month(year: year, month: month)
    }
    if parts[1].count == 4, parts[0].count <= 2, allDigits(parts), let year = Int(parts[1]),
      let month = Int(parts[0])
    {
      return PlannedDue.month(year: year, month: month)
    }
    if let month = month(parts[0]), let year = year(parts[1]) {
      return PlannedDue.month(year: year, month: month)
    }
    return nil
  }

  // MARK: - Parts

  /// Without surrounding spaces, a final full stop, a leading "By" and a time of midnight.
  static func cleaned(_ text: String) -> String {
    var text = String(text.trimmingSpaces)
    while text.hasSuffix(".") { text.removeLast() }
    let lowered = text.lowercased()
    if lowered.hasPrefix("by ") { text = String(String(text.dropFirst(3)).trimmingSpaces) }
    for midnight in [" 00:00:00", " 00:00", "T00:00:00", "T00:00:00Z", " 0:00"] where text.hasSuffix(midnight)
    {
      text = String(String(text.dropLast(midnight.count)).trimmingSpaces)
      break
    }
    return text
  }

  /// The parts between separators: spaces, "/", "-", "." and ",".
  static func tokens(_ text: String) -> [Substring] {
    text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" || $0 == "." || $0 == "," })
  }

  static func allDigits(_ parts: [Substring]) -> Bool {
    parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// `31`, `1`, `31st`, `2nd`: the day of the month.
  static func dayOfMonth(_ text: Substring) -> Int? {
    var digits = text
    for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
      digits = digits.dropLast(2)
      break
    }
    guard (1...2).contains(digits.count), allDigits([digits]) else { return nil }
    return Int(digits)
  }

  /// `2026`, or `26` as 2026 (`70` to `99` as 1970 to 1999).
  static func year(_ text: Substring) -> Int? {
    guard allDigits([text]), let number = Int(text) else { return nil }
    switch text.count {
    case 4: return number
    case 2: return number < 70 ? 2000 + number : 1900 + number
    default: return nil
    }
  }

  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  /// A month by its name or its first three letters or more ("Sept"), in any case; from 1.
  static func month(_ text: Substring) -> Int? {
    let name = text.lowercased()
    guard name.count >= 3, name.allSatisfy(\.isLetter) else { return nil }
    return monthNames.firstIndex { $0.hasPrefix(name) }.map { $0 + 1 }
  }
}
