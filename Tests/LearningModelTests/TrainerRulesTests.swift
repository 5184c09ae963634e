import Testing

@testable import LearningModel

@Suite struct SimilarityTests {
  @Test func tokensDropCommonWordsAndFoldEndings() {
    #expect(
      TextSimilarity.tokens("The agencies should ensure children's voices are recorded") == [
        "children", "voic", "record",
      ])
    #expect(TextSimilarity.tokens("Training trains trained") == ["train"])
    #expect(TextSimilarity.tokens("a an of to") == [])
  }

  @Test func jaccardIndex() {
    #expect(TextSimilarity.jaccard(["a", "b"], ["a", "b"]) == 1)
    #expect(TextSimilarity.jaccard(["a", "b"], ["c"]) == 0)
    #expect(TextSimilarity.jaccard(["a", "b", "c"], ["b", "c", "d"]) == 0.5)
    #expect(TextSimilarity.jaccard([], []) == 0)
  }

  @Test func rewordedRecommendationsAreSimilar() {
    let earlier = TextSimilarity.tokens(
      "Safe sleep advice should be repeated whenever a family's circumstances change.")
    let later = TextSimilarity.tokens(
      "Repeat safe sleep advice when the family's circumstances change, including to fathers.")
    #expect(TextSimilarity.jaccard(earlier, later) >= 0.5)
    let unrelated = TextSimilarity.tokens(
      "Schools should record the child's account before removing them from roll.")
    #expect(TextSimilarity.jaccard(earlier, unrelated) < 0.1)
  }
}

@Suite struct SMARTTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func action(
    _ description: String = "Train all children's social workers in the neglect assessment tool",
    measure: String? = "Audit of 30 cases shows the tool used in 75%", owner: String = "la",
    lead: String? = "Principal social worker",
    agreed: String = "2025-01-01", due: String = "2025-12-31"
  ) -> Action {
    Action(
      id: "1", description: description, owner: owner, lead: lead, measureOfSuccess: measure,
      agreed: day(agreed), due: day(due))
  }

  let recommendation = Recommendation(id: "R1", text: "x", agencies: ["la", "police"])

  @Test func aGoodActionIsSMART() {
    let rating = SMARTCheck.rate(action(), in: recommendation)
    #expect(rating.isSMART)
    #expect(rating.letters == "S M A T")
  }

  @Test func specificNeedsSubstance() {
    #expect(!SMARTCheck.rate(action("Raise awareness of neglect"), in: recommendation).specific)
    #expect(!SMARTCheck.rate(action("Training"), in: recommendation).specific)
    #expect(
      !SMARTCheck.rate(action("Consider how supervision could include the child's voice"), in: recommendation)
        .specific)
    #expect(
      SMARTCheck.rate(
        action(
          "Raise awareness of neglect by training 200 designated safeguarding leads in the graded care profile tool"
        ), in: recommendation
      ).specific)
  }

  @Test func measurableNeedsANumberTargetOrAudit() {
    #expect(!SMARTCheck.rate(action(measure: nil), in: recommendation).measurable)
    #expect(!SMARTCheck.rate(action(measure: "Staff feel more confident"), in: recommendation).measurable)
    #expect(SMARTCheck.rate(action(measure: "Re-audit of case files"), in: recommendation).measurable)
    #expect(SMARTCheck.rate(action(measure: "95% within timescale"), in: recommendation).measurable)
  }

  @Test func achievableNeedsAnAddressedOwnerAndALead() {
    #expect(!SMARTCheck.rate(action(owner: "icb"), in: recommendation).achievable)
    #expect(!SMARTCheck.rate(action(lead: nil), in: recommendation).achievable)
    #expect(SMARTCheck.rate(action(owner: "icb"), in: Recommendation(id: "R2", text: "x")).achievable)
  }

  @Test func timeBoundWithinTwoYears() {
    #expect(SMARTCheck.rate(action(agreed: "2025-01-01", due: "2027-01-01"), in: recommendation).timeBound)
    let late = SMARTCheck.rate(action(agreed: "2025-01-01", due: "2027-01-02"), in: recommendation)
    #expect(!late.timeBound)
    #expect(late.reasons.first?.hasPrefix("T:") == true)
  }
}

@Suite struct PersonalDataTests {
  let scanner = PersonalDataScanner(names: ["Keira Holt"])

  func kinds(_ text: String) -> [PersonalDataKind] { scanner.scan(text).map(\.kind) }

  @Test(arguments: ["943 476 5919", "9434765919", "401-023-2137"])
  func validNHSNumbers(_ text: String) {
    #expect(kinds("NHS number \(text) recorded") == [.nhsNumber])
  }

  @Test(arguments: ["943 476 5918", "1234567890", "94347659", "94347659190"])
  func invalidNHSNumbersAreNotFlagged(_ text: String) {
    #expect(!kinds("ref \(text)").contains(.nhsNumber))
    #expect(!PersonalDataScanner.isNHSNumber(text.filter(\.isNumber)) || text.filter(\.isNumber).count != 10)
  }

  @Test func postcodes() {
    #expect(kinds("lives at 12 High Street, NR1 3AB now") == [.postcode])
    #expect(kinds("moved to SW1A 1AA") == [.postcode])
    #expect(kinds("M1 1AE") == [.postcode])
    #expect(kinds("ABC 123 is a code") == [])
  }

  @Test func emailsAndPhones() {
    #expect(kinds("email jo.smith@example.org.uk") == [.email])
    #expect(kinds("call 07700 900123 or 01632 960001") == [.phone, .phone])
    #expect(kinds("call +44 7700 900123") == [.phone])
    #expect(kinds("Audit of 30 cases, June 2026") == [])
  }

  @Test func datesOfBirth() {
    #expect(kinds("DOB 12/03/2015") == [.dateOfBirth])
    #expect(kinds("date of birth: 12 March 2015") == [.dateOfBirth])
    #expect(kinds("born on 2015-03-12") == [.dateOfBirth])
    #expect(kinds("the review was published on 2015-03-12") == [])
  }

  @Test func listedNames() {
    #expect(kinds("Keira Holt told the school nurse") == [.name])
    #expect(kinds("keira holt") == [.name])
    #expect(kinds("Keira Holton") == [])
  }

  @Test func findingsAreMasked() {
    #expect("9434765919".masked == "94••••••19")
  }
}
