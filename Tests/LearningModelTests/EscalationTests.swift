import LearningModel
import Testing

/// An escalation as of a day, its late reply, and its rules.
@Suite struct EscalationTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  let escalation = Escalation(
    date: Self.day("2026-10-01"), level: "chair", to: "Director", replyBy: Self.day("2026-10-15"),
    reply: "Audit booked", replied: Self.day("2026-10-20"))

  @Test func asOfADayItIsAbsentBeforeAndUnansweredUntilTheReply() {
    #expect(escalation.asOf(Self.day("2026-09-30")) == nil)
    #expect(escalation.asOf(Self.day("2026-10-19"))?.reply == nil)
    #expect(escalation.asOf(Self.day("2026-10-20"))?.reply == "Audit booked")
  }

  @Test func theReplyIsLateOnlyAfterTheReplyByDayAndBeforeItCame() {
    #expect(!escalation.isReplyOverdue(on: Self.day("2026-10-15")))
    #expect(escalation.isReplyOverdue(on: Self.day("2026-10-16")))
    #expect(!escalation.isReplyOverdue(on: Self.day("2026-10-20")))
    #expect(
      escalation.summary(levelName: "Chair's letter", on: Self.day("2026-10-16"))
        == "Chair's letter to Director, 2026-10-01; reply due 2026-10-15 (late)")
  }

  @Test func theDefaultLevelsRunFromChaseToExecutive() {
    let settings = Settings()
    #expect(settings.escalationLevelsInForce.map(\.id) == ["chase", "chair", "executive"])
    #expect(settings.isHighestEscalationLevel("executive"))
    #expect(settings.escalationLevelName("chair") == "Chair's letter")
  }

  @Test func rulesRefuseAnUnknownLevelAndDaysOutOfOrder() {
    var tracker = Tracker(partnership: Partnership(name: "P"))
    tracker.agencies = [Agency(id: "la", name: "LA", kind: .localAuthority, statutoryPartner: true)]
    var wrong = escalation
    wrong.level = "chiar"
    wrong.replyBy = Self.day("2026-09-01")
    wrong.replied = nil
    let found = DomainRules.violations(
      of: wrong, field: "escalations[0]", reference: "R/1", known: KnownIdentifiers(tracker))
    #expect(
      found.map(\.field) == ["escalations[0].level", "escalations[0].replyBy", "escalations[0].replied"])
    #expect(found.first?.suggestion == "chair")
  }

  @Test func theStoreAsOfADayDropsLaterEscalationsAndReplies() {
    var action = Action(
      id: "1", description: "d", owner: "la", agreed: Self.day("2026-01-01"),
      due: Self.day("2026-06-30"))
    action.escalations = [escalation]
    #expect(action.escalation(asOf: Self.day("2026-10-10"))?.replied == nil)
    #expect(action.escalation(asOf: Self.day("2026-09-10")) == nil)
  }
}
