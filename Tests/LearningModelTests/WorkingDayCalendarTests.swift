import LearningDemo
import Testing

@testable import LearningModel

/// The England and Wales bank holidays as published for 2018 to 2030, including substitute days
/// and the one-off changes (2020 early May on Friday 8 May; 2022 spring holiday on 2 June, the
/// Platinum Jubilee on 3 June and the State Funeral on 19 September; 2023 the Coronation on 8 May).
let publishedBankHolidays: [Int: [String]] = [
  2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
  2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
  2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
  2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
  2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
  2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
  2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
  2029: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
  2030: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
]

@Suite struct WorkingDayCalendarTests {
  let calendar = WorkingDayCalendar()

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  @Test(arguments: 2018...2030)
  func bankHolidaysMatchThePublishedList(_ year: Int) throws {
    let expected = try #require(publishedBankHolidays[year]).map { "\(year)-\($0)" }
    #expect(WorkingDayCalendar.bankHolidays(in: year).map(\.description) == expected)
  }

  @Test func easterByRule() {
    #expect(WorkingDayCalendar.easterSunday(2024).description == "2024-03-31")
    #expect(WorkingDayCalendar.easterSunday(2038).description == "2038-04-25")
    #expect(WorkingDayCalendar.easterSunday(2285).description == "2285-03-22")
  }

  @Test func theEventDayIsDayZero() {
    // Friday 2025-01-10: the 1st working day after is Monday the 13th.
    #expect(calendar.adding(workingDays: 1, to: day("2025-01-10")) == day("2025-01-13"))
    #expect(calendar.adding(workingDays: 0, to: day("2025-01-11")) == day("2025-01-11"))
    #expect(calendar.workingDays(from: day("2025-01-10"), to: day("2025-01-13")) == 1)
    #expect(calendar.workingDays(from: day("2025-01-10"), to: day("2025-01-10")) == 0)
    #expect(calendar.workingDays(from: day("2025-01-13"), to: day("2025-01-10")) == -1)
  }

  @Test func countingWorkingDaysAgreesWithWalkingEveryDay() {
    // Extra days on a weekday, on a weekend and on a bank holiday; spans inside the years worked
    // out in advance and reaching past them.
    let extras = WorkingDayCalendar(
      extraHolidays: ["2025-06-11", "2025-06-14", "2025-12-25", "2041-03-05", "1999-02-02"].map(day))
    var generator = SystemRandomNumberGenerator()
    let first = day("1998-06-01")
    var differing: [String] = []
    for _ in 0..<400 {
      let from = first.adding(days: Int.random(in: 0...(46 * 366), using: &generator))
      let to = from.adding(days: Int.random(in: -400...400, using: &generator))
      var walked = 0
      var current = min(from, to)
      while current < max(from, to) {
        current = current.adding(days: 1)
        if extras.isWorkingDay(current) { walked += 1 }
      }
      if to < from { walked = -walked }
      if extras.workingDays(from: from, to: to) != walked { differing.append("\(from) to \(to)") }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
  }

  @Test func deadlinesAcrossChristmas() {
    // Aware Friday 19 December 2025: 5 working days skip the 25th, 26th and the weekend.
    #expect(calendar.adding(workingDays: 5, to: day("2025-12-19")) == day("2025-12-30"))
    // Notified 22 December 2026: Christmas on a Friday, Boxing Day moved to Monday 28th, New Year on a Friday.
    // The 25th, the 28th and 1 January are off.
    #expect(calendar.adding(workingDays: 15, to: day("2026-12-22")) == day("2027-01-15"))
    // Christmas 2027 on a Saturday: the 27th and 28th are holidays.
    #expect(calendar.adding(workingDays: 1, to: day("2027-12-24")) == day("2027-12-29"))
  }

  @Test func deadlinesAcrossEaster() {
    #expect(calendar.adding(workingDays: 15, to: day("2026-03-30")) == day("2026-04-22"))
    #expect(calendar.workingDays(from: day("2026-03-30"), to: day("2026-04-22")) == 15)
    #expect(calendar.adding(workingDays: 5, to: day("2024-03-27")) == day("2024-04-05"))
  }

  @Test func deadlinesAcrossOneOffDays() {
    // 2022: 2 and 3 June, and 19 September.
    #expect(calendar.adding(workingDays: 5, to: day("2022-05-27")) == day("2022-06-07"))
    #expect(calendar.adding(workingDays: 5, to: day("2022-09-14")) == day("2022-09-22"))
    // 2023: 1 and 8 May.
    #expect(calendar.adding(workingDays: 5, to: day("2023-05-02")) == day("2023-05-10"))
    // 2020: Friday 8 May instead of Monday 4 May.
    #expect(calendar.isWorkingDay(day("2020-05-04")))
    #expect(!calendar.isWorkingDay(day("2020-05-08")))
  }

  @Test func aStoresExtraHolidaysCount() {
    let local = WorkingDayCalendar(extraHolidays: [day("2026-06-15")])
    #expect(local.adding(workingDays: 1, to: day("2026-06-12")) == day("2026-06-16"))
    #expect(calendar.adding(workingDays: 1, to: day("2026-06-12")) == day("2026-06-15"))
  }

  @Test func countingBackwards() {
    // 7 working days before publication on Monday 2 February 2026.
    #expect(calendar.adding(workingDays: -7, to: day("2026-02-02")) == day("2026-01-22"))
  }
}

@Suite struct TimelinessTests {
  let calendar = WorkingDayCalendar()
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  @Test func rapidReviewClocks() {
    let review = Review(
      id: "RR-1", title: "Child A", kind: .rapidReview,
      dates: ReviewDates(
        aware: day("2025-12-19"), notified: day("2025-12-31"), rapidReview: day("2026-01-21")))
    let clocks = review.clocks(asOf: day("2026-02-01"), calendar: calendar, rapidReviewClockFrom: .notified)
    #expect(clocks.map(\.clock) == [.notification, .rapidReview])
    // Aware 19 December: deadline 30 December; notified 31st: missed.
    #expect(clocks[0].deadline == day("2025-12-30"))
    #expect(clocks[0].verdict == .missed)
    #expect(clocks[0].workingDaysTaken == 6)
    // Notified 31 December: 15 working days (1 January a holiday) end on 22 January.
    #expect(clocks[1].deadline == day("2026-01-22"))
    #expect(clocks[1].verdict == .met)
  }

  @Test func rapidReviewClockRunsFromAwarenessByDefault() {
    let review = Review(
      id: "RR-1", title: "Child A", kind: .rapidReview,
      dates: ReviewDates(
        aware: day("2025-12-19"), notified: day("2025-12-31"), rapidReview: day("2026-01-21")))
    let clock = review.clocks(asOf: day("2026-02-01"), calendar: calendar)[1]
    // Aware 19 December: 15 working days (Christmas, Boxing Day and New Year's Day out) end on 14 January.
    #expect(clock.start == day("2025-12-19"))
    #expect(clock.deadline == day("2026-01-14"))
    #expect(clock.verdict == .missed)
    #expect(clock.closed == day("2026-01-21"))
    #expect(Settings().rapidReviewClockStart == .aware)
  }

  @Test func pendingShowsDaysLeftThenOverdue() {
    let review = Review(
      id: "RR-2", title: "Child B", kind: .rapidReview, dates: ReviewDates(notified: day("2026-03-30")))
    let early = review.clocks(asOf: day("2026-04-10"), calendar: calendar, rapidReviewClockFrom: .notified)[0]
    #expect(early.verdict == .pending)
    #expect(early.deadline == day("2026-04-22"))
    #expect(early.workingDaysLeft == 8)
    let late = review.clocks(asOf: day("2026-04-24"), calendar: calendar, rapidReviewClockFrom: .notified)[0]
    #expect(late.verdict == .missed)
    #expect(late.workingDaysLeft == -2)
    // Missed with nothing sent: the clock closed the day after its deadline.
    #expect(late.closed == day("2026-04-23"))
    #expect(early.closed == nil)
  }

  @Test func lcsprPublicationAndFinalReport() {
    let review = Review(
      id: "L-1", title: "Child C", kind: .lcspr, follows: "RR-1",
      dates: ReviewDates(
        notified: day("2025-01-14"), decision: day("2025-02-03"), sentToPanel: day("2025-07-22"),
        published: day("2025-07-31")))
    let clocks = review.clocks(asOf: day("2026-01-01"), calendar: calendar)
    // Follows a Rapid Review, so no notification or Rapid Review clock of its own.
    #expect(clocks.map(\.clock) == [.publication, .finalReportToPanel])
    #expect(clocks[0].deadline == day("2025-08-03"))
    #expect(clocks[0].verdict == .met)
    #expect(clocks[1].deadline == day("2025-07-22"))
    #expect(clocks[1].verdict == .met)
    #expect(clocks[1].workingDaysTaken == 7)
  }

  @Test func referralWithoutNotification() {
    let review = Review(
      id: "X-1", title: "Child D", kind: .other,
      dates: ReviewDates(
        referred: day("2025-01-31"), discussed: day("2025-02-28"), decision: day("2025-04-01")))
    let clocks = review.clocks(asOf: day("2025-06-01"), calendar: calendar)
    #expect(clocks.map(\.clock) == [.referralDiscussed, .referralDecided])
    #expect(clocks[0].deadline == day("2025-02-28"))
    #expect(clocks[0].verdict == .met)
    #expect(clocks[1].deadline == day("2025-03-31"))
    #expect(clocks[1].verdict == .missed)
  }
}

@Suite struct WorkingDayCountTests {
  @Test func countingAgreesWithWalkingDayByDay() {
    let calendar = WorkingDayCalendar(extraHolidays: [
      CalendarDay(year: 2025, month: 8, day: 30)!, CalendarDay(year: 2025, month: 9, day: 2)!,
    ])
    let start = CalendarDay(year: 2019, month: 12, day: 20) ?? CalendarDay(dayNumber: 0)
    var generator = SeededGenerator(seed: 3)
    for _ in 0..<400 {
      let from = start.adding(days: Int.random(in: 0...2500, using: &generator))
      let to = from.adding(days: Int.random(in: -40...900, using: &generator))
      var walked = 0
      var day = min(from, to).adding(days: 1)
      while day <= max(from, to) {
        if calendar.isWorkingDay(day) { walked += 1 }
        day = day.adding(days: 1)
      }
      #expect(calendar.workingDays(from: from, to: to) == (to < from ? -walked : walked), "\(from) to \(to)")
    }
  }
}
