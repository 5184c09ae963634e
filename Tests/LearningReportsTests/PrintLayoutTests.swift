import Foundation
import LearningModel
import Testing

@testable import LearningReports

/// Reports printed as a designer would: columns as wide as their longest word, landscape pages
/// for wide tables from the first page, captions and header rows kept with their rows, and a
/// footer on one line.
@Suite struct PrintLayoutTests {
  static func table(columns: Int, cell: String, rows: Int = 3) -> Table {
    Table(
      caption: "Actions",
      columns: (1...columns).map { Table.Column("Column \($0)") },
      rows: (1...rows).map { _ in (1...columns).map { _ in Table.Cell(cell) } })
  }

  @Test func noCellMayBreakAWordAnywhere() {
    let css = ReportDocument.stylesheet
    #expect(!css.contains("anywhere"))
    #expect(!css.contains("break-all"))
    #expect(css.contains("hyphens: manual"))
    #expect(css.contains("table-layout: auto"))
    #expect(css.contains("thead { display: table-header-group; }"))
    #expect(css.contains("tbody > tr:first-child { break-before: avoid; }"))
  }

  @Test func scalarsMeasuredByBytesAreCharactersOfTheirOwn() {
    let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0]
    for value in ranges.joined() {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(PrintLayout.standsAlone(value))
      let character = String(scalar)
      let text = "a" + character + character + "-" + character + " b" + character
      #expect(text.count == 8)
      #expect(PrintLayout.measure(text)?.count == 8)
      #expect(PrintLayout.measure(text)?.longestPiece == PrintLayout.longestPiece(of: text))
    }
    for text in ["e\u{301}", "\u{1F44D}", "a\r\nb", "a\u{200D}b", "\u{2026}\u{FE0F}", "\u{203C}\u{FE0F}"] {
      #expect(PrintLayout.measure(text) == nil)
    }
  }

  @Test func theLongestPieceBreaksOnlyAtSpacesAndHyphens() {
    #expect(PrintLayout.longestPiece(of: "Northshire Council Children's Services") == 10)
    #expect(PrintLayout.longestPiece(of: "community-health") == 10)
    #expect(PrintLayout.longestPiece(of: "LCSPR-2024-06/1.10") == 7)
    #expect(PrintLayout.longestPiece(of: "") == 0)
  }

  @Test func aTableIsWideWhenItsLongestWordsOverfillAPortraitPage() {
    #expect(!PrintLayout(Self.table(columns: 4, cell: "Amber")).isWide)
    // Twelve columns of a 14-letter word each need more than a portrait page.
    let wide = PrintLayout(Self.table(columns: 12, cell: "Safeguarding's"))
    #expect(wide.isWide)
    #expect(!wide.isDense)
    // Twenty such columns need more than a landscape page: smaller type.
    #expect(PrintLayout(Self.table(columns: 20, cell: "Safeguarding's")).isDense)
  }

  @Test func aReportWithAWideTableIsLandscapeFromItsFirstPage() {
    let narrow = ReportDocument.Section("Summary", [.paragraph("Two overdue.")])
    let wide = ReportDocument.Section(
      "Overdue actions", [.table(Self.table(columns: 12, cell: "Safeguarding's"))])
    let html = ReportDocument(title: "Overdue", subtitle: "as at 2026-11-20", sections: [narrow, wide]).asHTML
    #expect(html.contains("<body class=\"wide\">"))
    #expect(!html.contains("<section class=\"wide\""))
    let portrait = ReportDocument(title: "Overdue", subtitle: "as at 2026-11-20", sections: [narrow]).asHTML
    #expect(portrait.contains("<body>"))
  }

  @Test func aDenseTableHasSmallerTypeAndStillScrollsInItsRegion() {
    let section = ReportDocument.Section("Returns", [.table(Self.table(columns: 20, cell: "Safeguarding's"))])
    let html = ReportDocument(title: "Returns", subtitle: "2025", sections: [section]).asHTML
    #expect(
      html.contains(
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"Actions\" tabindex=\"0\"><table class=\"dense\">"
      ))
  }

  @Test func thePrintedFooterIsOneLine() {
    let short = "Overdue actions · Northshire Safeguarding Children Partnership · as at 2026-11-20"
    #expect(ReportDocument.printedFooter(short, landscape: false) == short)
    let long =
      "Reviews in progress · Northshire Safeguarding Children Partnership · as at 2026-11-20 · "
      + "deadlines from the partnership's timetable · working days exclude weekends and England and Wales bank holidays"
    let portrait = ReportDocument.printedFooter(long, landscape: false)
    let threeParts = "Reviews in progress · Northshire Safeguarding Children Partnership · as at 2026-11-20"
    #expect(portrait == threeParts)
    #expect(portrait.count <= ReportDocument.footerCharacters.portrait)
    // A landscape line holds more of the parts, never more than fits.
    let landscape = ReportDocument.printedFooter(long, landscape: true)
    #expect(landscape == threeParts + " · deadlines from the partnership's timetable")
    #expect(landscape.count <= ReportDocument.footerCharacters.landscape)
    let title = String(repeating: "Learning ", count: 30)
    let cut = ReportDocument.printedFooter(title + "· as at 2026-11-20", landscape: false)
    #expect(cut.hasSuffix("Learning…"))
    #expect(cut.count <= ReportDocument.footerCharacters.portrait)
    let html = ReportDocument(title: "Reviews in progress", subtitle: "x", sections: [], footer: long).asHTML
    #expect(html.contains("white-space: nowrap"))
    // The page's own footer keeps every word.
    #expect(html.contains("<footer><p>" + Escape.html(long) + "</p>"))
  }
}
