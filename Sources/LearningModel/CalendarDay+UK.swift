extension CalendarDay {
  /// The day as a board paper writes it: "20 November 2026".
  public var ukLong: String {
    String(day) + " " + PlannedDue.monthNames[month - 1] + " " + String(year)
  }
}

extension PlannedDue {
  /// The due day as a board paper writes it: "31 March 2026", "June 2026" or "TBC".
  public var ukLong: String {
    if case .onDay(let day) = self { return day.ukLong }
    return description
  }
}
