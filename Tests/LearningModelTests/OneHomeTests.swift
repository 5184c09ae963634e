import LearningModel
import Testing

/// Rules that live in one place and are called from every reader, writer and check.
@Suite struct OneHomeTests {
  @Test(arguments: [
    ("LCSPR-2025-02/1.1", "LCSPR-2025-02", "1.1"), ("RR-2026-01/F1", "RR-2026-01", "F1"),
    ("LCSPR-2025-02/R1", "LCSPR-2025-02", "R1"),
  ])
  func aReviewReferenceSplitsAtItsOneSlash(text: String, review: String, id: String) {
    let split = splitReviewReference(text)
    #expect(split?.review == review)
    #expect(split?.id == id)
    #expect(ActionReference(text)?.description == text)
  }

  @Test(arguments: ["LCSPR-2025-02", "/1.1", "LCSPR-2025-02/", "A/B/C", "", "/"])
  func aReviewReferenceWithoutExactlyOneSlashAndTwoPartsIsRefused(text: String) {
    #expect(splitReviewReference(text) == nil)
    #expect(ActionReference(text) == nil)
  }

  @Test func aCellThatWouldReadAsAFormulaIsGuardedAndReadBack() {
    for text in ["=SUM(A1)", "+44 20", "-x", "@cmd", "\tTab", "\rReturn"] {
      #expect(FormulaGuard.guarded(text) == "'" + text)
      #expect(FormulaGuard.unguarded(FormulaGuard.guarded(text)) == text)
    }
    #expect(FormulaGuard.guarded("-3.5") == "-3.5")
    #expect(FormulaGuard.guarded("Plain text") == "Plain text")
    #expect(FormulaGuard.unguarded("'Quoted on purpose") == "'Quoted on purpose")
  }

  @Test func theByteScanFollowsTheOneControlCharacterRule() {
    #expect(!ControlCharacters.mayBeIn(utf8: Array("tab\tand line feed\nand é, ü, “quotes”".utf8)))
    for scalar: Unicode.Scalar in [
      "\u{1B}", "\u{07}", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\r",
    ] {
      #expect(ControlCharacters.contains(scalar))
      #expect(ControlCharacters.mayBeIn(utf8: Array("a\(Character(scalar))b".utf8)), "\(scalar.value)")
    }
  }
}
