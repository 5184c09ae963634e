import Testing

@testable import LearningModel

@Suite struct CalendarDayTests {
  @Test func writesEveryPartWithItsLeadingZeros() throws {
    #expect(try #require(CalendarDay(year: 987, month: 3, day: 4)).description == "0987-03-04")
    #expect(try #require(CalendarDay(year: 9999, month: 12, day: 31)).description == "9999-12-31")
    #expect(try #require(CalendarDay(year: 2026, month: 11, day: 20)).monthText == "2026-11")
    #expect(try #require(CalendarDay(year: 5, month: 1, day: 9)).monthText == "0005-01")
    // Far outside the calendar a store can hold, a day is still written, padded as before.
    #expect(CalendarDay(dayNumber: 3_000_000).description == "10183-09-21")
  }

  @Test(arguments: ["2025-01-10", "2024-02-29", "2000-02-29", "1999-12-31", "2030-06-01"])
  func parsesAndFormatsRealDays(_ text: String) throws {
    let day = try #require(CalendarDay(text))
    #expect(day.description == text)
  }

  @Test(arguments: [
    "2025-02-30", "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-1-10", "25-01-10",
    "2025/01/10", "2025-01-10T00:00", "", "abcd-ef-gh", "2025-04-31",
  ])
  func rejectsWhatIsNotADay(_ text: String) {
    #expect(CalendarDay(text) == nil)
  }

  @Test func countsAndAddsDays() throws {
    let start = try #require(CalendarDay("2024-12-30"))
    #expect(start.adding(days: 3).description == "2025-01-02")
    #expect(start.adding(days: -366).description == "2023-12-30")
    #expect(
      try #require(CalendarDay("2025-03-01")).days(since: try #require(CalendarDay("2025-02-01"))) == 28)
    #expect(
      try #require(CalendarDay("2024-03-01")).days(since: try #require(CalendarDay("2024-02-01"))) == 29)
    #expect(CalendarDay(dayNumber: 0).description == "1970-01-01")
  }

  @Test func addsMonthsClampingToTheMonthEnd() throws {
    #expect(try #require(CalendarDay("2025-01-31")).adding(months: 1).description == "2025-02-28")
    #expect(try #require(CalendarDay("2024-01-31")).adding(months: 1).description == "2024-02-29")
    #expect(try #require(CalendarDay("2025-08-20")).adding(months: 6).description == "2026-02-20")
    #expect(try #require(CalendarDay("2025-03-15")).adding(months: -3).description == "2024-12-15")
    #expect(try #require(CalendarDay("2025-11-30")).adding(months: 14).description == "2027-01-30")
  }

  @Test func knowsWeekdays() throws {
    #expect(try #require(CalendarDay("2025-01-10")).isoWeekday == 5)  // Friday
    #expect(try #require(CalendarDay("2025-01-11")).isWeekend)
    #expect(try #require(CalendarDay("2025-01-12")).isoWeekday == 7)
    #expect(try #require(CalendarDay("1969-12-29")).isoWeekday == 1)
  }

  @Test func reportingYearsFollowTheStartDay() throws {
    let partnership = Partnership(name: "Test")
    let year = partnership.reportingYear(2025)
    #expect(year.lowerBound.description == "2025-04-01")
    #expect(year.upperBound.description == "2026-03-31")
    #expect(partnership.reportingYear(containing: try #require(CalendarDay("2026-03-31"))) == 2025)
    #expect(partnership.reportingYear(containing: try #require(CalendarDay("2026-04-01"))) == 2026)
  }

  @Test func ordersIdsNaturally() {
    #expect(naturalOrder("1.2", "1.10"))
    #expect(naturalOrder("R2", "R10"))
    #expect(!naturalOrder("R10", "R2"))
    #expect(naturalOrder("A", "B"))
    #expect(ActionReference("RR-2025-01/1.9")! < ActionReference("RR-2025-01/1.10")!)
  }

  @Test func ordersAsciiIdsByByteAsByCharacter() {
    // Short texts from a small alphabet (digits, leading zeros, letters, punctuation, a carriage
    // return and non-ASCII letters), so that most pairs share prefixes and digit runs.
    var generator = SystemRandomNumberGenerator()
    let alphabet: [String] = ["0", "0", "1", "2", "9", "R", "r", "-", ".", "/", " ", "\r\n", "é", "e\u{301}"]
    func text() -> String {
      (0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        .joined()
    }
    var texts = [
      "", "R1", "R01", "R001", "R1a", "R10", "1.2", "1.10", "LCSPR-2024-05/R1/A2", "LCSPR-2024-5/R1/A2",
    ]
    for _ in 0..<600 { texts.append(text()) }
    var differing: [String] = []
    for left in texts {
      for right in texts where naturalOrder(left, right) != characterNaturalOrder(left, right) {
        differing.append("\(left.debugDescription) vs \(right.debugDescription)")
      }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
  }
}
