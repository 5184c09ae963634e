import Foundation
import LearningDemo
import LearningModel
import Testing

@testable import LearningReports

/// Reports as printed board papers, text at a fixed width, and charts that do not rely on colour.
@Suite struct BoardPaperTests {
  /// Every report built from the test store, the board paper with its appendix.
  static func allReports() throws -> [(String, any Report)] {
    let tracker = try Fixture.tracker()
    let options = ReportOptions(asOf: Fixture.asOf, since: Fixture.since, year: 2025)
    var progress = ProgressReport.build(tracker, options)
    progress.detail = true
    var reports: [(String, any Report)] = [
      ("progress", progress), ("overdue", OverdueReport.build(tracker, options)),
      ("digest", DigestReport.build(tracker, options)),
      ("timeliness", TimelinessReport.build(tracker, options)),
      ("dissemination", DisseminationReport.build(tracker, options)),
      ("section11", Section11Report.build(tracker, options, cycle: nil)),
      ("themes", ThemesReport.build(tracker, options, theme: nil)),
      ("repeats", RepeatsReport.build(tracker, options, threshold: 0.2)),
      ("smart", SmartReport.build(tracker, options)), ("impact", ImpactReport.build(tracker, options)),
    ]
    if let plan = PlanReport.build(tracker, options, review: "LCSPR-2024-03") {
      reports.append(("plan", plan))
    }
    return reports
  }

  @Test(arguments: [100, 72, 40])
  func textFitsTheWidth(_ width: Int) throws {
    for (name, report) in try Self.allReports() {
      for line in report.rendered(as: .text, width: width).split(separator: "\n") {
        #expect(line.count <= width, "\(name) at \(width): \(line)")
      }
    }
  }

  @Test func longCellsWrapInsideTheirColumn() {
    var table = Table(caption: "Notes", columns: [.init("Action"), .init("Note"), .init("Days", .right)])
    table.append(["A/1", Table.Cell(String(repeating: "word ", count: 40)), "12"])
    let lines = table.asText(width: 60).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 60 })
    #expect(lines.count > 4)
    // The wrapped note stays in its column: continuation lines start blank under the first column.
    #expect(lines[3].hasPrefix("  A/1"))
    #expect(lines[4].hasPrefix("  " + String(repeating: " ", count: 6)))
  }

  @Test func controlCharactersInCellsAreShownAndCounted() {
    var table = Table(caption: "Notes", columns: [.init("Action"), .init("Note")])
    table.append(["A/1", "before\u{1B}[2Jafter"])
    let text = table.asText()
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(text.contains("before\\u{1B}[2Jafter"))
  }

  @Test func wideTablesBecomeBlocksInNarrowText() throws {
    let report = OverdueReport.build(try Fixture.tracker(), ReportOptions(asOf: Fixture.asOf))
    let text = report.rendered(as: .text)
    #expect(text.contains("Last note:"))
    for line in report.overdue.map(\.reference) { #expect(text.contains(line)) }
  }

  /// WCAG relative luminance of a "#rrggbb" colour.
  static func luminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    func channel(_ offset: Int) -> Double {
      let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  }

  static func contrast(_ first: String, _ second: String) -> Double {
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  @Test func chartColoursMeetTheContrastRule() {
    let segments = BRAG.worstFirst.map(BRAGStyle.fill) + [BRAGStyle.withdrawnFill]
    for fill in segments + [BRAGStyle.columnFill] {
      #expect(Self.contrast(fill, "#ffffff") >= 3, "\(fill) against white")
    }
    for (left, right) in zip(segments, segments.dropFirst()) {
      #expect(Self.contrast(left, right) >= 3, "\(left) against \(right)")
    }
    for rating in BRAG.allCases {
      #expect(Self.contrast(BRAGStyle.fill(rating), BRAGStyle.ink(rating)) >= 4.5, "\(rating) label")
    }
  }

  @Test func chartSegmentsAreSeparatedAndLabelled() throws {
    let chart = Chart(
      kind: .stackedBRAG, title: "BRAG by agency", description: "Counts.",
      segmentNames: ["Red", "Amber", "Green", "Blue", "Withdrawn"],
      bars: [Chart.Bar(label: "Police", values: [40, 1, 30, 20, 2])])
    let svg = ReportDocument.svg(chart, id: "chart-1").serialized
    #expect(svg.contains(">R40<") && svg.contains(">G30<") && svg.contains(">B20<"))
    // Narrow segments are named after the total, which equals the table's total.
    #expect(svg.contains(">93 (A1 W2)<"))
    let rects = svg.components(separatedBy: "<rect ").dropFirst().compactMap { part -> (Double, Double)? in
      func attribute(_ name: String) -> Double? {
        guard let range = part.range(of: name + "=\"") else { return nil }
        return Double(part[range.upperBound...].prefix { $0 != "\"" })
      }
      guard let x = attribute("x"), let width = attribute("width") else { return nil }
      return (x, width)
    }
    #expect(rects.count == 5)
    for (left, right) in zip(rects, rects.dropFirst()) { #expect(right.0 - (left.0 + left.1) >= 1.5) }
  }

  @Test func htmlHasLandmarksScrollingTablesAndAPrintedFooter() throws {
    for (name, report) in try Self.allReports() {
      let html = report.rendered(as: .html)
      for landmark in ["<header>", "<main>", "<footer>"] { #expect(html.contains(landmark), "\(name)") }
      #expect(html.contains("counter(page) \" of \" counter(pages)"), "\(name)")
      #expect(html.contains("@bottom-left"), "\(name)")
      let tables = html.components(separatedBy: "<table>").count - 1
      let regions = html.components(separatedBy: "<div class=\"table-scroll\" role=\"region\"").count - 1
      #expect(tables == regions, "\(name): every table scrolls in its own region")
      let labels = html.components(separatedBy: "aria-label=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
      #expect(Set(labels).count == labels.count, "\(name): region names are unique")
    }
  }

  @Test func footerTextCannotEndTheStylesheet() {
    let text = Escape.cssString("Child \"A\" </style><script>")
    #expect(!text.dropFirst().dropLast().contains("\""))
    #expect(!text.contains("<") && !text.contains(">"))
  }

  @Test func boardPaperCapsItsListsAndOffersTheAppendix() {
    let tracker = SyntheticPartnership.generate(reviews: 60, asOf: Fixture.asOf)
    var report = ProgressReport.build(tracker, ReportOptions(asOf: Fixture.asOf, since: Fixture.since))
    let paper = report.document
    #expect(!paper.sections.contains { $0.startsOnNewPage })
    #expect(paper.asMarkdown.contains("more (see the overdue report)"))
    let rows = paper.sections.flatMap(\.blocks).reduce(0) { total, block in
      if case .table(let table) = block { total + table.rows.count } else { total }
    }
    #expect(rows < 80)
    report.detail = true
    let full = report.document
    let appendix = full.sections.filter { $0.heading.hasPrefix("Appendix") }
    #expect(appendix.first?.startsOnNewPage == true)
    #expect(full.asText.contains(report.redActions.last?.reference ?? "none"))
  }

  @Test func percentagesShowTheWithdrawnBesideThem() throws {
    let report = ProgressReport.build(try Fixture.tracker(), ReportOptions(asOf: Fixture.asOf))
    let table = report.groupTable(report.byReview, caption: "Actions by review", first: "Review")
    #expect(table.columns.map(\.title).contains("Withdrawn"))
    let chart = report.agencyChart(report.byAgency)
    for (bar, row) in zip(chart.bars, report.byAgency) { #expect(bar.values.reduce(0, +) == row.actions) }
  }

  @Test func countsReadAsWords() {
    #expect(plural(1, "open action") == "1 open action")
    #expect(plural(2, "open action") == "2 open actions")
    #expect(daysRelative(-26, to: "publication") == "26 days before publication")
    #expect(daysRelative(1, to: "publication") == "1 day after publication")
  }

  @Test func everyTableOfTheProgressReportIsWrittenAsCSV() throws {
    let report = ProgressReport.build(
      try Fixture.tracker(), ReportOptions(asOf: Fixture.asOf, since: Fixture.since))
    let files = report.csvFiles(named: "progress")
    #expect(files.first?.fileName == "progress.csv")
    #expect(files.first?.text == report.rendered(as: .csv))
    #expect(Set(files.map(\.fileName)).count == files.count)
    #expect(files.map(\.fileName).contains("progress-red-actions.csv"))
    #expect(files.count == report.csvTables.count)
  }
}
