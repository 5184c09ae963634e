import LearningModel
import Testing

/// The one lenient reader of days, as plans and returns really write them.
@Suite struct LenientDayTests {
  func day(_ text: String) -> CalendarDay? { CalendarDay(text) }

  @Test(arguments: [
    ("2020-03-31", "2020-03-31"), ("31/03/2020", "2020-03-31"), ("31/03/20", "2020-03-31"),
    ("1/2/2026", "2026-02-01"), ("3.4.2027", "2027-04-03"), ("31-Mar-2020", "2020-03-31"),
    ("31-Mar-20", "2020-03-31"), ("31 March 2020", "2020-03-31"), ("31st March 2020", "2020-03-31"),
    ("2020-03-31 00:00:00", "2020-03-31"), ("By 31/12/2016", "2016-12-31"), ("by 31/12/2016.", "2016-12-31"),
    (" 30 Sept 2021 ", "2021-09-30"), ("2026/12/31", "2026-12-31"), ("1/2/99", "1999-02-01"),
  ])
  func daysAreReadDayFirst(text: String, expected: String) {
    #expect(LenientDay.day(text) == day(expected))
    #expect(LenientDay.due(text) == day(expected).map { .onDay($0) })
  }

  @Test(arguments: [
    "12/31/2026", "31/02/2026", "Mar-20", "soon", "", "2026-13-01", "31 Marchy 2020", "46112", "1/2/2026/1",
  ])
  func notDaysAreRefused(text: String) {
    #expect(LenientDay.day(text) == nil)
  }

  @Test func excelDayNumbersOnlyInADayColumn() {
    #expect(LenientDay.day("46112", dayNumbers: true) == day("2026-03-31"))
    #expect(LenientDay.day("43921", dayNumbers: true) == day("2020-03-31"))
    #expect(LenientDay.day("1", dayNumbers: true) == day("1900-01-01"))
    #expect(LenientDay.day("61", dayNumbers: true) == day("1900-03-01"))
    #expect(LenientDay.day("46112") == nil)
    #expect(LenientDay.due("46112", dayNumbers: true) == day("2026-03-31").map { .onDay($0) })
  }

  @Test(arguments: [
    ("April 2017", "2017-04"), ("Apr-17", "2017-04"), ("Mar-20", "2020-03"), ("2026-06", "2026-06"),
    ("06/2026", "2026-06"), ("6/2026", "2026-06"), ("jun 2026", "2026-06"), ("By June 2026", "2026-06"),
  ])
  func monthsAreDueByTheirLastDay(text: String, expected: String) {
    #expect(LenientDay.due(text) == PlannedDue(expected))
    #expect(LenientDay.due(text)?.day == PlannedDue(expected)?.day)
  }

  @Test(arguments: ["TBC", "tbc.", "T.B.C.", "TBA", "To be confirmed", "to be confirmed following the audit"])
  func notYetSet(text: String) {
    #expect(LenientDay.due(text) == .notYetSet)
  }

  @Test func notDueDays() {
    #expect(LenientDay.due("2026-13") == nil)
    #expect(LenientDay.due("13/2026") == nil)
    #expect(LenientDay.due("ongoing") == nil)
    #expect(LenientDay.due("Complete") == nil)
  }
}
