import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// A long report written into the site as parts, and a long search index as several scripts: no
/// file over its budget, every row kept once, in order, and every part linked to the others.
@Suite struct SiteSplittingTests {
  static let asOf = SiteBuilderTests.asOf

  /// A report of one long table: `count` rows of about 200 bytes.
  static func longReport(_ count: Int) -> ReportDocument {
    var table = Table(caption: "Overdue actions", columns: [Table.Column("Action"), Table.Column("Text")])
    for row in 1...count {
      table.append([Table.Cell("A-\(row)"), Table.Cell("row \(row) " + String(repeating: "x", count: 180))])
    }
    return ReportDocument(
      title: "Overdue actions", subtitle: "Example partnership · as at 2026-11-20",
      sections: [
        ReportDocument.Section("Summary", [.paragraph("Many actions are overdue.")]),
        ReportDocument.Section("Overdue actions", [.table(table)]),
        ReportDocument.Section("Appendix", [.paragraph("How to read it.")], startsOnNewPage: true),
      ])
  }

  @Test func aShortReportIsOnePageAsReportAllWritesIt() {
    let document = Self.longReport(10)
    let pages = document.sitePages(["overdue"])
    #expect(pages.count == 1)
    #expect(pages.first?.address == .report(["overdue"]))
    #expect(pages.first?.html == document.asHTML)
  }

  @Test func aLongReportIsSplitIntoLinkedPartsUnderTheBudget() throws {
    let document = Self.longReport(3000)
    let budget = 120_000
    let pages = document.sitePages(["overdue"], budget: budget)
    #expect(pages.count > 3)
    #expect(
      pages.map(\.address.href).prefix(3) == [
        "report-overdue.html", "report_2-overdue.html", "report_3-overdue.html",
      ])
    for (index, page) in pages.enumerated() {
      #expect(page.html.utf8.count <= budget, "part \(index + 1): \(page.html.utf8.count) bytes")
      // The report's heading, the contents list linking every other part, previous and next.
      #expect(page.html.contains("<h1>Overdue actions</h1>"))
      #expect(page.html.contains("this is part \(index + 1)."))
      for (other, target) in pages.enumerated() where other != index {
        #expect(page.html.contains("href=\"\(target.address.href)\""), "part \(index + 1) to \(other + 1)")
      }
      #expect(page.html.contains("rel=\"prev\"") == (index > 0))
      #expect(page.html.contains("rel=\"next\"") == (index + 1 < pages.count))
      // Printed on A4 with the report's print rules, the links left out.
      #expect(page.html.contains("@page { size: A4 portrait"))
      #expect(page.html.contains("@media print { nav.report-parts, nav.report-pager { display: none; } }"))
      #expect(page.html.contains("part \(index + 1) of \(pages.count)"))
    }
    // Every row once, in order.
    let rows = pages.flatMap { page in
      page.html.components(separatedBy: "<th scope=\"row\">A-").dropFirst().map {
        String($0.prefix { $0 != "<" })
      }
    }
    #expect(rows == (1...3000).map(String.init))
    // The section cut across parts says so; the appendix still starts a printed page.
    #expect(pages[1].html.contains("<h2>Overdue actions (continued)</h2>"))
    #expect(pages.last?.html.contains("<section class=\"appendix\"><h2>Appendix</h2>") == true)
  }

  @Test func theSearchIndexIsSplitIntoScriptsUnderTheBudget() throws {
    let entries = (1...2000).map {
      SiteSearchIndex.Entry(
        href: "review-R\($0).html", title: "Review \($0)", kind: "Review",
        words: String(repeating: "word\($0) ", count: 20))
    }
    #expect(
      SiteSearchIndex.scripts(Array(entries.prefix(3))) == [SiteSearchIndex.script(Array(entries.prefix(3)))])
    let scripts = SiteSearchIndex.scripts(entries, budget: 50_000)
    #expect(scripts.count > 3)
    #expect(scripts[0].hasPrefix("window.LEARNING_SITE_INDEX = [\n"))
    var hrefs: [String] = []
    for script in scripts {
      #expect(script.utf8.count <= 50_000)
      if script != scripts[0] {
        #expect(
          script.hasPrefix("window.LEARNING_SITE_INDEX = (window.LEARNING_SITE_INDEX || []).concat([\n"))
        #expect(script.hasSuffix("]);\n"))
      }
      for line in script.split(separator: "\n") where line.hasPrefix("[") {
        let entry = try #require(
          try JSONSerialization.jsonObject(with: Data(line.trimmingCharacters(in: [","]).utf8)) as? [String])
        hrefs.append(entry[0])
      }
    }
    #expect(hrefs == entries.map(\.href))
    #expect(SiteAsset.searchIndexParts(1) == ["search-index"])
    #expect(SiteAsset.searchIndexParts(3) == ["search-index", "3"])
  }

  @Test func theSearchPageLoadsEveryScriptOfTheIndex() throws {
    let tracker = try StoreReader.read(path: SiteBuilderTests.seeds).tracker
    let site = SiteBuilderTests.site(tracker)
    let page = try #require(site.page(.search))
    let html = site.html(page, searchIndexScripts: 3)
    let scripts = ["search-index.js", "search-index-2.js", "search-index-3.js", "search.js"].map {
      try? #require(html.range(of: "<script src=\"\($0)\" defer=\"defer\"></script>")).lowerBound
    }
    #expect(scripts.allSatisfy { $0 != nil })
    #expect(scripts.compactMap { $0 } == scripts.compactMap { $0 }.sorted())
  }
}
