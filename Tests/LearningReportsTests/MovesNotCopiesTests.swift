import LearningModel
import Testing

@testable import LearningReports

/// The quick paths of the report writers give what the careful paths give: lines put in order by
/// moving them, and text escaped after one scan of its bytes.
@Suite struct MovesNotCopiesTests {
  @Test func permutingPutsEachElementWhereTheOrderSays() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 3, 7, 50, 257] {
      let elements = (0..<count).map { "line \($0)" }
      for _ in 0..<5 {
        let order = Array(elements.indices).shuffled(using: &generator)
        var permuted = elements
        permute(&permuted, into: order)
        #expect(permuted == order.map { elements[$0] })
      }
    }
  }

  @Test func sortingLinesKeepsEveryLineOnceInRankThenNaturalOrder() {
    var lines = ["R/10", "R/2", "R/1", "Q/3", "R/2a"].map { (reference: $0, rank: $0.hasPrefix("Q") ? 1 : 0) }
    sortLines(&lines, reference: { $0.reference }, rank: { $0.rank })
    #expect(lines.map(\.reference) == ["R/1", "R/2", "R/2a", "R/10", "Q/3"])
  }

  @Test func naturalPlacesOrderReferencesAsTheirNaturalKeysDo() {
    var generator = SystemRandomNumberGenerator()
    let parts = ["RR-2016-", "LCSPR-", "R", "/", "1.", "10", "2", "007", "-A", "é", "a", " ", "."]
    for count in [0, 1, 2, 9, 200] {
      for _ in 0..<5 {
        var references = Set<String>()
        while references.count < count {
          references.insert(
            (0..<Int.random(in: 1...5, using: &generator)).map { _ in
              parts.randomElement(using: &generator) ?? ""
            }.joined())
        }
        let given = Array(references).shuffled(using: &generator)
        let places = naturalPlaces(given.count) { given[$0] }
        let byPlace = given.indices.sorted { places[$0] < places[$1] }.map { given[$0] }
        #expect(byPlace == given.sorted { NaturalKey($0) < NaturalKey($1) })
        #expect(byPlace == given.sorted(by: naturalOrder))
        #expect(Set(places).count == given.count)
      }
    }
  }

  static let texts = [
    "", "plain", "a & b", "<script>alert('x')</script>", "\"quoted\"", "it's", "café & crème",
    "👍🏽 <b>", "&amp;", "no specials at all, just a long sentence of ordinary words",
  ]

  @Test(arguments: texts)
  func htmlEscapingGivesTheCharacterByCharacterEscaping(_ text: String) {
    var expected = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": expected += "&amp;"
      case "<": expected += "&lt;"
      case ">": expected += "&gt;"
      case "\"": expected += "&quot;"
      case "'": expected += "&#39;"
      default: expected.unicodeScalars.append(scalar)
      }
    }
    #expect(Array(Escape.html(text).utf8) == Array(expected.utf8))
    var appended = "<td>"
    Escape.html(text, into: &appended)
    #expect(appended == "<td>" + expected)
  }

  @Test func terminalTextOfPrintableASCIIIsTheTextItselfAndControlsAreStillEscaped() {
    #expect(Escape.terminal("Plain ASCII ~ text 123") == "Plain ASCII ~ text 123")
    #expect(Escape.terminal("bell\u{7}") == "bell\\u{7}")
    #expect(Escape.terminal("del\u{7F}") == "del\\u{7F}")
    #expect(Escape.terminal("tab\there", singleLine: true) == "tab\\u{9}here")
    #expect(Escape.terminal("tab\there") == "tab\there")
    #expect(Escape.terminal("café") == "café")
    #expect(Escape.terminal("a\u{202E}b") == "a\\u{202E}b")
  }

  @Test func aPlacedActionReadsTheRecordsItWasPlacedWith() throws {
    let review = Review(id: "RR-2026-01", title: "Child T", kind: .rapidReview)
    let action = Action(
      id: "1.1", description: "Write the plan", owner: "police", lead: "Lead", measureOfSuccess: "Audit",
      agreed: CalendarDay("2026-01-05"), due: try #require(CalendarDay("2026-06-30")), updates: [])
    let recommendation = Recommendation(id: "R1", text: "Share the plan", actions: [action])
    let place = PlacedAction.Place(review: review, recommendation: recommendation)
    let placed = PlacedAction(place: place, action: recommendation.actions[0])
    let copy = placed
    #expect(copy.review.id == "RR-2026-01")
    #expect(copy.recommendation.text == "Share the plan")
    #expect(copy.action.owner == "police")
    #expect(copy.reference.description == "RR-2026-01/1.1")
    #expect(copy.place === placed.place)
  }
}
