import Testing

@testable import LearningModel

/// What the one fold of an action's log gives the reports beyond the state: the day the action
/// was last assured, and the reasons given for revised due days.
@Suite struct ActionLogFoldTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func action(_ updates: [ActionUpdate]) -> Action {
    Action(
      id: "1.1", description: "Deliver training", owner: "la", lead: "Lead", measureOfSuccess: "Audit",
      agreed: day("2025-09-15"), due: .onDay(day("2026-03-31")), updates: updates)
  }

  @Test func theAssuredDayIsTheLastAssuranceOnOrBeforeTheDay() {
    let logged = action([
      ActionUpdate(date: day("2026-01-05"), status: .completed),
      ActionUpdate(date: day("2026-03-01"), status: .assured),
      ActionUpdate(date: day("2026-04-01"), status: .inProgress),
      ActionUpdate(date: day("2026-06-01"), status: .assured),
    ])
    #expect(logged.fold(through: day("2026-02-01")).assuredOn == nil)
    #expect(logged.fold(through: day("2026-05-01")).assuredOn == day("2026-03-01"))
    #expect(logged.fold(through: day("2026-11-20")).assuredOn == day("2026-06-01"))
  }

  @Test func twoDaysInOnePassAreEachDayOnItsOwn() {
    let logged = action([
      ActionUpdate(date: day("2026-05-01"), due: .onDay(day("2026-09-30")), note: "Second slip"),
      ActionUpdate(date: day("2026-02-01"), status: .inProgress, due: .onDay(day("2026-06-30"))),
      ActionUpdate(date: day("2026-03-01"), note: "Progress only", evidence: ["Minutes"]),
      ActionUpdate(date: day("2026-10-01"), status: .completed, evidence: ["Audit report"]),
      ActionUpdate(date: day("2026-12-01"), status: .assured),
    ])
    let days = [
      "2025-01-01", "2025-09-15", "2026-02-01", "2026-03-31", "2026-05-01", "2026-11-20", "2027-01-01",
    ]
    .map(day)
    for earlier in days {
      for later in days {
        for heardFrom in [nil, day("2025-06-01")] {
          for placed in [logged, action([])] {
            let pair = placed.states(on: earlier, and: later, settings: Settings(), heardFrom: heardFrom)
            #expect(pair.earlier == placed.state(asOf: earlier, settings: Settings(), heardFrom: heardFrom))
            #expect(pair.day == placed.state(asOf: later, settings: Settings(), heardFrom: heardFrom))
          }
        }
      }
    }
  }

  @Test func revisionNotesAreTheNotesOfRevisedDueDaysInDateOrder() {
    // Logged out of date order: the fold takes them by date.
    let logged = action([
      ActionUpdate(date: day("2026-05-01"), due: .onDay(day("2026-09-30")), note: "Second slip"),
      ActionUpdate(date: day("2026-02-01"), due: .onDay(day("2026-06-30")), note: "Staffing"),
      ActionUpdate(date: day("2026-03-01"), note: "Progress only"),
      ActionUpdate(date: day("2026-04-01"), due: .onDay(day("2026-06-30"))),
      ActionUpdate(date: day("2026-12-01"), due: .onDay(day("2027-03-31")), note: "After the day"),
    ])
    #expect(logged.fold(through: day("2026-11-20")).revisionNotes == ["Staffing", "Second slip"])
    #expect(logged.fold(through: day("2026-01-01")).revisionNotes.isEmpty)
  }
}
