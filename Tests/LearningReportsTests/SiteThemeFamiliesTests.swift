import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// A theme's page shows the families of findings that come back carrying it, as `report repeats`
/// groups them, each finding linked to its review; the public site names no finding it does not show.
@Suite struct SiteThemeFamiliesTests {
  @Test func aThemePageShowsTheFamiliesThatCarryIt() throws {
    let tracker = try StoreReader.read(path: SiteBuilderTests.seeds).tracker
    let site = SiteBuilderTests.site(tracker)
    let theme = try #require(tracker.themes.first { $0.id == "neglect-recognition" })
    let page = try #require(site.page(.theme(theme.id, page: 1)))
    let html = site.html(page)
    #expect(html.contains("<h3>Family 1: 2 findings in 2 reviews"), "\(html)")
    #expect(html.contains("<a href=\"review-LCSPR-2023-05.html\">"))
    #expect(html.contains("<a href=\"review-LCSPR-2025-02.html\">"))
    #expect(html.contains("Repeats LCSPR-2023-05/F1, confirmed."))
    // The same families as the report: every family of the report with a finding carrying the
    // theme (or of a review carrying it) is on the page.
    let report = RepeatsReport.build(
      TrackerAsOf(tracker, asOf: SiteBuilderTests.asOf), ReportOptions(asOf: SiteBuilderTests.asOf),
      theme: theme.id)
    #expect(!report.findingFamilies.isEmpty)
    for family in report.findingFamilies {
      #expect(html.contains("finding \(family.earliest) ("), "\(family.earliest)")
    }
  }

  @Test func thePublicSiteNamesNoFindingOfAReviewItDoesNotShow() throws {
    var tracker = try StoreReader.read(path: SiteBuilderTests.seeds).tracker
    // The earlier review of the family is not published on the day.
    let index = try #require(tracker.reviews.firstIndex { $0.id == "LCSPR-2023-05" })
    tracker.reviews[index].dates.published = nil
    let site = SiteBuilderTests.site(tracker, isPublic: true)
    for address in site.addresses {
      guard case .theme = address, let page = site.page(address) else { continue }
      let html = site.html(page)
      #expect(!html.contains("LCSPR-2023-05"), "\(address)")
    }
  }
}
