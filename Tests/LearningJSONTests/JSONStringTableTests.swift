import Testing

@testable import LearningJSON

/// The reader's table of strings: equal texts come back equal, repeats share one string, and
/// texts the table does not keep come back all the same.
@Suite struct JSONStringTableTests {
  func read(_ text: String, _ table: inout JSONStringTable) -> String {
    Array(text.utf8).withUnsafeBufferPointer { table.string($0) }
  }

  @Test func everyTextComesBackAsItWas() {
    var table = JSONStringTable()
    let texts = [
      "", "a", "la", "Head of Safeguarding", "Head of Safeguarding and Quality Assurance",
      "Designated Nurse for Safeguarding Children", "café — “quoted” ✓ 👍🏽 and more text after it",
      String(repeating: "x", count: JSONStringTable.maximumLength),
      String(repeating: "y", count: JSONStringTable.maximumLength + 1),
    ]
    for _ in 0..<3 {
      for text in texts { #expect(read(text, &table) == text) }
    }
  }

  @Test func textsOfTheSameLengthAndHashNeighboursStayApart() {
    var table = JSONStringTable()
    let texts = (0..<5000).map { "Lead practitioner number \($0 % 2500) of the partnership" }
    for text in texts { #expect(read(text, &table) == text) }
    for text in texts.reversed() { #expect(read(text, &table) == text) }
  }

  @Test func aRepeatSharesTheFirstOnesStorage() {
    var table = JSONStringTable()
    let first = read("Head of Safeguarding and Quality Assurance", &table)
    let second = read("Head of Safeguarding and Quality Assurance", &table)
    var a = first
    var b = second
    let same = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
    #expect(same)
  }
}
