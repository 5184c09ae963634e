import LearningModel
import Testing

/// The timetable: the default's rules are the statutory clocks, every deadline is computed by the
/// one working-day calendar, and a review's stage and next step follow the timetable's order.
@Suite struct TimetableTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }
  let calendar = WorkingDayCalendar()

  @Test func theDefaultTimetableIsValidAndHoldsTheStatutoryClocks() {
    let timetable = Timetable.standard()
    #expect(timetable.problems.isEmpty)
    #expect(timetable.step("notified")?.deadline == .after("aware", workingDays: 5))
    #expect(timetable.step("rapidReview")?.deadline == .after("aware", workingDays: 15))
    #expect(timetable.step("published")?.deadline == .after("decision", months: 6))
    #expect(timetable.step("sentToPanel")?.deadline == .before("published", workingDays: 7))
    #expect(
      Timetable.standard(rapidReviewClockFrom: .notified).step("rapidReview")?.deadline
        == .after("notified", workingDays: 15))
    for (id, _) in Timetable.builtInSteps { #expect(timetable.step(id) != nil, "\(id)") }
  }

  @Test func rulesThatCannotHoldAreFound() {
    var timetable = Timetable.standard()
    timetable.steps.append(
      TimetableStep(id: "x", name: "X", deadline: StepDeadline(after: "nowhere", workingDays: 2)))
    timetable.steps.append(
      TimetableStep(id: "y", name: "Y", deadline: StepDeadline(before: "published", months: 2)))
    timetable.steps.append(TimetableStep(id: "z", name: "Z", deadline: .after("z", workingDays: 1)))
    timetable.steps.append(TimetableStep(id: "x", name: "Again"))
    let messages = timetable.problems.map(\.message)
    #expect(messages.contains { $0.contains("no step \"nowhere\"") })
    #expect(messages.contains { $0.contains("counted in working days") })
    #expect(messages.contains { $0.contains("the step itself") })
    #expect(messages.contains { $0.contains("given twice") })
  }

  @Test func timelinessAndThePipelineAgreeOnEveryDeadline() {
    let review = Review(
      id: "RR-1", title: "Child A", kind: .rapidReview,
      dates: ReviewDates(aware: Self.day("2026-12-17"), notified: Self.day("2026-12-22")))
    let timetable = Timetable.standard()
    let asOf = Self.day("2027-01-04")
    let progress = review.progress(asOf: asOf, timetable: timetable, calendar: calendar, dueSoonDays: 28)
    for clock in review.clocks(asOf: asOf, calendar: calendar) {
      let step = clock.clock == .notification ? "notified" : "rapidReview"
      #expect(progress.steps.first { $0.step == step }?.deadline == clock.deadline, "\(clock.clock)")
    }
    // 15 working days from Thursday 17 December 2026 skip Christmas, Boxing Day's substitute and New Year.
    #expect(progress.steps.first { $0.step == "rapidReview" }?.deadline == Self.day("2027-01-12"))
    #expect(progress.stage?.step == "notified")
    #expect(progress.next?.step == "informationRequested")
    #expect(progress.next?.verdict == .missed)
  }

  @Test func aStepDoneAfterTheDayIsNotDone() {
    var review = Review(
      id: "RR-1", title: "Child A", kind: .rapidReview,
      dates: ReviewDates(aware: Self.day("2026-11-05"), notified: Self.day("2026-11-09")))
    review.steps = [StepRecord(step: "meeting", done: Self.day("2026-11-19"))]
    review.correspondence = [
      CorrespondenceEntry(
        id: "C1", day: Self.day("2026-11-20"), received: false, with: .panel, kind: .template, text: "Sent")
    ]
    let cut = review.asOf(Self.day("2026-11-18"))
    #expect(cut?.stepRecord("meeting")?.done == nil)
    #expect(cut?.correspondence == nil)
    let progress = cut?.progress(
      asOf: Self.day("2026-11-18"), timetable: .standard(), calendar: calendar, dueSoonDays: 28)
    #expect(progress?.stage?.step == "notified")
  }

  @Test func aReviewPastSixMonthsOwesADelayNoticeUntilOneIsSent() {
    var review = Review(
      id: "LCSPR-1", title: "Child B", kind: .lcspr, dates: ReviewDates(decision: Self.day("2026-01-10")))
    let asOf = Self.day("2026-07-01")
    #expect(
      review.progress(asOf: asOf, timetable: .standard(), calendar: calendar, dueSoonDays: 28).owesDelayNotice
    )
    review.correspondence = [
      CorrespondenceEntry(
        id: "C1", day: Self.day("2026-06-20"), received: false, with: .panel, kind: .delayNotice,
        text: "Criminal proceedings")
    ]
    #expect(
      !review.progress(asOf: asOf, timetable: .standard(), calendar: calendar, dueSoonDays: 28)
        .owesDelayNotice)
  }
}
