import LearningModel
import LearningReports
import Testing

/// Every report kind in the registry, built through the registry, against its golden files: a
/// report added to the registry without a golden case fails here.
@Suite struct RegistryGoldenTests {
  /// The golden cases of each report kind: the options and the golden file's stem.
  static let cases: [String: [(options: ReportOptions, stem: String)]] = [
    "progress": [(ReportOptions(asOf: Fixture.asOf, since: Fixture.since), "progress")],
    "overdue": [
      (ReportOptions(asOf: Fixture.asOf), "overdue"),
      (ReportOptions(asOf: Fixture.asOf, agency: "police"), "overdue-police"),
    ],
    "digest": [(ReportOptions(asOf: Fixture.asOf, year: 2025), "digest-2025")],
    "timeliness": [(ReportOptions(asOf: Fixture.asOf), "timeliness")],
    "pipeline": [(ReportOptions(asOf: Fixture.asOf), "pipeline")],
    "dissemination": [(ReportOptions(asOf: Fixture.asOf), "dissemination")],
    "section11": [(ReportOptions(asOf: Fixture.asOf, cycle: "2025-26"), "section11-2025-26")],
    "themes": [(ReportOptions(asOf: Fixture.asOf), "themes")],
    "briefing": [(ReportOptions(asOf: Fixture.asOf, review: "LCSPR-2025-02"), "briefing-LCSPR-2025-02")],
    "plan": [(ReportOptions(asOf: Fixture.asOf, review: "LCSPR-2024-03"), "plan-LCSPR-2024-03")],
    "repeats": [(ReportOptions(asOf: Fixture.asOf, threshold: 0.1), "repeats")],
    "impact": [(ReportOptions(asOf: Fixture.asOf), "impact")],
    "assurance": [(ReportOptions(asOf: Fixture.asOf), "assurance-fixture")],
    "annual": [(ReportOptions(asOf: Fixture.asOf, year: 2025), "annual-2025-fixture")],
  ]

  @Test(arguments: ReportRegistry.all.map(\.name))
  func everyKindMatchesItsGoldenFiles(_ name: String) throws {
    let kind = try #require(ReportRegistry.kind(named: name))
    let cases = try #require(Self.cases[name], "report \(name) has no golden case")
    let tracker = try Fixture.tracker()
    for (options, stem) in cases {
      let report = try kind.build(tracker, options)
      for format in OutputFormat.allCases {
        try assertGolden(report.rendered(as: format), "\(stem).\(format.fileExtension)")
      }
    }
  }
}
