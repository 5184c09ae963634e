import Testing

@testable import LearningModel

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

  @Test func theByteScanFindsWhatTheCharacterScanFinds() {
    // Mostly printable ASCII with now and then a byte from every range that matters: controls,
    // DEL, the start and continuation bytes of C1 and bidirectional controls, other UTF-8, and
    // bytes that are not UTF-8; at every offset from the eight-byte steps.
    var generator = SystemRandomNumberGenerator()
    let rare: [UInt8] = [
      0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x85, 0x9B, 0xC2, 0xC3, 0xE2, 0x80, 0xAA,
      0xAE, 0x81, 0xA6, 0xA9, 0xFF,
    ]
    var differing: [[UInt8]] = []
    for _ in 0..<3_000 {
      let count = Int.random(in: 0...40, using: &generator)
      let bytes = (0..<count).map { _ in
        Int.random(in: 0..<6, using: &generator) == 0
          ? rare.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0x20...0x7E, using: &generator)
      }
      if ControlCharacters.mayBeIn(utf8: bytes) != ControlCharacters.mayBeInByCharacter(utf8: bytes) {
        differing.append(bytes)
      }
    }
    for text in [
      "abcdefgh\u{202E}ijklmnop", "abcdefg\u{85}", "1234567\u{1B}", "\u{2066}", "plain and long enough text",
    ] {
      let bytes = Array(text.utf8)
      if ControlCharacters.mayBeIn(utf8: bytes) != ControlCharacters.mayBeInByCharacter(utf8: bytes) {
        differing.append(bytes)
      }
    }
    #expect(differing.isEmpty, "\(differing.prefix(3))")
  }
}
