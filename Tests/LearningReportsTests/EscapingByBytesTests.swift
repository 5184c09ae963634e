import LearningModel
import Testing

@testable import LearningReports

/// Markdown escaping and the print layout read text as bytes where that gives the same answer as
/// reading it character by character, and only there.
@Suite struct EscapingByBytesTests {
  static let texts = [
    "", "plain text", "a|b *bold* _it_ `code` [link](x) #tag !bang \\ & < >", "1. item", "12) item",
    "1234567890. not a list", "- item", "+ item", "-3 degrees", "+2", "---", "- - -", "~~~ fence",
    "   - indented",
    "#heading", "café | menu — £5 ‘quoted’", "👍🏽 *starred* 👨‍👩‍👧", "line\nbreak", "line\r\nbreak\ttab",
    "trailing space \n next", "*\u{301} combining after a star", "a\u{301}|b",
    "\u{600}* after a prepend mark",
    "|\u{301}", "-\u{301} item", "1.\u{301} item", "1\u{301}. item", "x\u{1B}[2J control", "é", "é*", "*é",
  ]

  @Test(arguments: texts)
  func markdownGivesTheBytesOfTheCharacterByCharacterEscaping(_ text: String) {
    for atLineStart in [true, false] {
      let line = Table.singleLine(text).drop { $0 == " " }
      let marker = atLineStart ? Escape.markdownBlockMarker(line) : nil
      let expected = Escape.markdownByCharacters(line, marker: marker)
      #expect(Array(Escape.markdown(text, atLineStart: atLineStart).utf8) == Array(expected.utf8))
      if let bytes = Escape.markdownByBytes(line, marker: marker) {
        #expect(Array(bytes.utf8) == Array(expected.utf8))
      }
    }
  }

  @Test(
    arguments: texts + [
      "2017-04-20", "12", "3.5", "1.", "1)", "1.x", "123456789. nine", "0) zero", "--", "-- -", "-  -  -x",
      "~~", "~~~", "+", "-", "+x", "1 . item", "-\t", "12.3%",
    ])
  func markdownBlockMarkerByBytesIsTheCharacterByCharacterOne(_ text: String) {
    let line = Table.singleLine(text).drop { $0 == " " }
    #expect(Escape.markdownBlockMarker(line) == Escape.markdownBlockMarkerByCharacters(line))
    if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      #expect(Escape.asciiMarkdownBlockMarker(line.utf8) == Escape.markdownBlockMarkerByCharacters(line))
    }
  }

  @Test func markdownGoesCharacterByCharacterWhereAnEscapedCharacterJoinsItsNeighbour() {
    for text in ["*\u{301}", "a\u{301}|b", "\u{600}*"] {
      let line = Substring(text)
      #expect(Escape.markdownByBytes(line, marker: Escape.markdownBlockMarker(line)) == nil)
    }
    #expect(Escape.markdownByBytes("café menu", marker: nil) == "café menu")
  }

  @Test(arguments: texts)
  func printLayoutMeasuresBytesAsItsCharacters(_ text: String) {
    if let measured = PrintLayout.measure(text) {
      #expect(measured.count == text.count)
      #expect(measured.longestPiece == PrintLayout.longestPiece(of: text))
    }
    if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) || text == "café | menu — £5 ‘quoted’" {
      #expect(PrintLayout.measure(text) != nil)
    }
  }
}

extension EscapingByBytesTests {
  /// `Escape.csv` character by character, as it was written before it read bytes.
  static func csvByCharacters(_ text: String) -> String {
    let cell = FormulaGuard.guarded(text)
    if cell.contains(where: {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";"
    }) {
      return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
    return cell
  }

  @Test(arguments: texts + ["a,b", "say \"hi\"", "x;y", "=1+2", "-3", "-x", "\r\n", ",\u{301}", "é, \"é\""])
  func csvGivesTheBytesOfTheCharacterByCharacterQuoting(_ text: String) {
    #expect(Array(Escape.csv(text).utf8) == Array(Self.csvByCharacters(text).utf8))
  }
}
