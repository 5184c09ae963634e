import LearningModel
import Testing

/// The one rule for shortening text that is too long to show whole.
@Suite struct ShorteningTests {
  @Test func aTextThatFitsIsKeptWhole() {
    #expect("Share the plan".shortened(to: 14) == "Share the plan")
    #expect("".shortened(to: 5) == "")
  }

  @Test func aLongTextIsCutAtTheLastSpaceWithAnEllipsis() {
    #expect("Share the safety plan with the school".shortened(to: 20) == "Share the safety…")
    #expect("Share the safety plan with the school".shortened(to: 20).count <= 20)
  }

  @Test func aLongFirstWordIsCutInsideItRatherThanKeepTooLittle() {
    #expect("Multi-agency-safeguarding-hub referrals".shortened(to: 12) == "Multi-agenc…")
    #expect("A verylongwordindeed".shortened(to: 10) == "A verylon…")
  }

  @Test func aGraphemeIsNeverSplit() {
    let text = String(repeating: "e\u{301}", count: 10)
    let short = text.shortened(to: 5)
    #expect(short == String(repeating: "e\u{301}", count: 4) + "…")
    #expect("👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦".shortened(to: 2) == "👩‍👩‍👧‍👦…")
  }

  @Test func aTinyLimitStillGivesAtMostThatManyCharacters() {
    #expect("Review".shortened(to: 1) == "…")
    #expect("Review".shortened(to: 0) == "")
  }
}
