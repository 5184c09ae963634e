import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// The learning site's pure builders: addresses and their names, the pages' links and landmarks,
/// what the public site leaves out, long lists split into pages, and the search index.
@Suite struct SiteBuilderTests {
  static let asOf = CalendarDay("2026-11-20") ?? CalendarDay(dayNumber: 0)
  static var seeds: String {
    Fixture.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Seeds/tracker.json"
    ).path
  }

  static func site(_ tracker: Tracker, isPublic: Bool = false) -> Site {
    Site(
      tracker, asOf: asOf, isPublic: isPublic,
      reports: SiteReport.reports(
        tracker, asOf: asOf, since: asOf.adding(days: -56), year: 2025, isPublic: isPublic))
  }

  @Test func addressesNeverShareAName() {
    // A first page is KIND-ID; a further page KIND_N-ID: no ID can make one look like the other.
    #expect(SiteAddress.agency("police", page: 1).href == "agency-police.html")
    #expect(SiteAddress.agency("police", page: 2).href == "agency_2-police.html")
    #expect(SiteAddress.agency("2-police", page: 1).href == "agency-2-police.html")
    #expect(SiteAddress.everything(page: 3).href == "all_3.html")
    #expect(SiteAddress.report(["digest", "2025"]).href == "report-digest-2025.html")
    #expect(
      SiteAddress.action(review: "LCSPR-2025-02", action: "1.1") == "review-LCSPR-2025-02.html#action-1.1")
    #expect(SiteAddress.fragment("a b/ü") == "a%20b%2F%C3%BC")
  }

  @Test func hostileIDsAreRefusedAsFileNamesAndEscapedInPages() throws {
    for hostile in [
      "../up", "a/b", ".hidden", "x\u{1B}[2Jy", String(repeating: "R", count: 300), "NUL.txt", "a\"b",
    ] {
      let address = SiteAddress.review(hostile)
      #expect(throws: OutputFileNameError.self) {
        try OutputFileName(
          folder: "/tmp/site", parts: address.parts, fileExtension: "html", record: address.record)
      }
    }
    var tracker = try StoreReader.read(path: Self.seeds).tracker
    tracker.reviews[0].title = "<script>alert(1)</script>\u{1B}[2J"
    let id = tracker.reviews[0].id
    let html = try #require(Self.site(tracker).page(.review(id)).map(Self.site(tracker).html))
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test func everyPageHasLandmarksASkipLinkASearchBoxAndTheNotice() throws {
    let tracker = try StoreReader.read(path: Self.seeds).tracker
    let site = Self.site(tracker)
    for address in site.addresses {
      let page = try #require(site.page(address), "\(address)")
      let html = site.html(page)
      #expect(html.contains("<html lang=\"en-GB\">"))
      #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
      for landmark in ["<header>", "<nav aria-label=\"Site\">", "<main id=\"main\"", "<footer>"] {
        #expect(html.contains(landmark), "\(address): \(landmark)")
      }
      #expect(html.contains("<label for=\"site-search\">Search the site</label>"))
      #expect(html.contains("For internal use only") && html.contains("as at 2026-11-20"))
      #expect(html.components(separatedBy: "<h1>").count == 2, "\(address): one first-level heading")
      #expect(!html.contains("<th>"), "\(address): every header cell has a scope")
    }
    #expect(
      site.addresses.filter { if case .review = $0 { true } else { false } }.count == tracker.reviews.count)
  }

  @Test func aReviewPageLinksItsAgenciesThemesActionsAndReports() throws {
    let tracker = try StoreReader.read(path: Self.seeds).tracker
    let site = Self.site(tracker)
    let page = try #require(site.page(.review("LCSPR-2025-02")))
    let html = site.html(page)
    #expect(html.contains("href=\"agency-la.html\""))
    #expect(html.contains("href=\"theme-voice-of-the-child.html\""))
    #expect(html.contains("id=\"action-1.1\""))
    #expect(html.contains("href=\"report-briefing-LCSPR-2025-02.html\""))
    #expect(html.contains("href=\"report-plan-LCSPR-2025-02.html\""))
    #expect(html.contains("Log of action LCSPR-2025-02/1.1"))
    // The agency page links back to the action on the review's page.
    let agency = site.html(try #require(site.page(.agency("la", page: 1))))
    #expect(agency.contains("href=\"review-LCSPR-2025-02.html#action-1.2\""))
    #expect(agency.contains("Section 11 returns"))
  }

  @Test func thePublicSiteShowsOnlyPublishedReviewsWithoutLogs() throws {
    var tracker = try StoreReader.read(path: Self.seeds).tracker
    let published = try #require(tracker.reviews.firstIndex { $0.id == "TR-2025-03" })
    tracker.reviews[published].embargo = Embargo(
      reason: "criminal proceedings", since: Self.asOf.adding(days: -3))
    let site = Self.site(tracker, isPublic: true)
    let shown = Set(site.reviews.map(\.id))
    #expect(!shown.contains("LCSPR-2026-01"))
    #expect(!shown.contains("TR-2025-03"))
    #expect(shown.contains("LCSPR-2025-02"))
    #expect(site.reviews.allSatisfy { Site.isPublishable($0, on: Self.asOf) })
    #expect(site.reports.allSatisfy { $0.review.map(shown.contains) ?? false })
    for address in site.addresses {
      let html = site.html(try #require(site.page(address)))
      #expect(!html.contains("LCSPR-2026-01"), "\(address)")
      #expect(!html.contains("TR-2025-03"), "\(address)")
      #expect(!html.contains("Log of action"), "\(address)")
      #expect(!html.contains("For internal use"), "\(address)")
    }
  }

  @Test func longListsAreSplitIntoPagesThatLinkToEachOther() throws {
    var tracker = try StoreReader.read(path: Self.seeds).tracker
    // Six hundred more findings on one theme.
    for index in 0..<600 {
      tracker.reviews[0].findings.append(
        Finding(id: "X\(index)", text: "Finding number \(index)", themes: ["voice-of-the-child"]))
    }
    let site = Self.site(tracker)
    let pages = site.addresses.filter { if case .theme("voice-of-the-child", _) = $0 { true } else { false } }
    #expect(pages.count >= 3)
    let second = site.html(try #require(site.page(.theme("voice-of-the-child", page: 2))))
    #expect(second.contains("href=\"theme-voice-of-the-child.html\""))
    #expect(second.contains("aria-current=\"page\""))
    #expect(second.utf8.count < 1_048_576)
  }

  @Test func theSearchIndexHoldsEachPagesWordsAsOneScript() {
    #expect(
      SiteSearchIndex.words(of: ["Neglect, neglect and NEGLECT", "child's voice"])
        == "neglect and child s voice")
    #expect(
      SiteSearchIndex.literal("a\"b\\c</script>\n\u{2028}") == #""a\"b\\c\u003c/script\u003e\u000a\u2028""#)
    let script = SiteSearchIndex.script([
      .init(href: "review-R1.html", title: "Child M", kind: "Review", words: "neglect voice")
    ])
    #expect(
      script
        == "window.LEARNING_SITE_INDEX = [\n[\"review-R1.html\",\"Child M\",\"Review\",\"neglect voice\"]\n];\n"
    )
  }
}
