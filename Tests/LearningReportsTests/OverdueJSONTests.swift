import Foundation
import LearningDemo
import LearningJSON
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// The overdue list's JSON is written by hand for speed; it must be byte for byte what the one JSON
/// writer makes of the report value through `Encodable`.
@Suite struct OverdueJSONTests {
  static let seeds = Fixture.folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Seeds/tracker.json")

  static func expectSameBytes(_ tracker: Tracker, _ options: ReportOptions) throws {
    let report = OverdueReport.build(tracker, options)
    let written = report.jsonBytes
    let encoded = try JSONWriter.pretty(report)
    #expect(
      written == encoded, "agency \(options.agency ?? "all"), \(written.count) vs \(encoded.count) bytes")
  }

  /// A line's JSON names its fields one by one (its escalation is kept apart from it), so every
  /// field the line holds must be written, under its own name.
  @Test func aLineWritesEveryFieldItHolds() throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    let asOf = Fixture.asOf
    var escalated: PlacedAction?
    tracker.forEachPlacedAction(ofReviews: tracker.reviews.indices) { placed in
      if escalated == nil, placed.action.escalation(asOf: asOf) != nil { escalated = placed }
    }
    let placed = try #require(escalated)
    let settings = tracker.partnership.settings
    let agencies = Dictionary(tracker.agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var line = ActionLine(
      placed, placed.state(asOf: asOf, settings: settings), agencies: agencies, settings: settings)
    let asking = Action(
      id: "1.1", description: "Deliver training", owner: "la", lead: nil, measureOfSuccess: nil, agreed: nil,
      due: .onDay(asOf), updates: [ActionUpdate(date: asOf, requestedDue: asOf, requestReason: "Staffing")])
    line.jointOwners = ["police"]
    line.jointOwnerNames = ["Police"]
    line.lead = "Safeguarding lead"
    line.agreed = asOf
    line.brag = .red
    line.completedOn = asOf
    line.lastUpdate = asOf
    line.lastUpdateNote = "Draft circulated"
    line.daysSinceLastHeard = 3
    line.pendingRequest = asking.state(asOf: asOf, settings: settings, heardFrom: nil).pendingRequest
    line.reported = .green
    let object = try JSONSerialization.jsonObject(with: Data(JSONWriter.pretty(line))) as? [String: Any]
    let written = Set(try #require(object).keys)
    let held = Set(Mirror(reflecting: line).children.compactMap(\.label)).subtracting(["escalated"])
      .union(["escalation", "escalationLevel", "escalationReplyOverdue"])
    #expect(written == held)
  }

  @Test func theFixtureStoreWholeAndPerAgency() throws {
    let tracker = try Fixture.tracker()
    try Self.expectSameBytes(tracker, ReportOptions(asOf: Fixture.asOf))
    for agency in tracker.agencies {
      var options = ReportOptions(asOf: Fixture.asOf)
      options.agency = agency.id
      try Self.expectSameBytes(tracker, options)
    }
  }

  @Test func theDemoPartnershipOnSeveralDays() throws {
    let tracker = try StoreReader.read(path: Self.seeds.path).tracker
    for day in ["2024-01-01", "2025-06-30", "2026-11-20", "2030-01-01"] {
      try Self.expectSameBytes(tracker, ReportOptions(asOf: CalendarDay(day) ?? Fixture.asOf))
    }
  }

  @Test func aGeneratedStore() throws {
    let tracker = SyntheticPartnership.generate(reviews: 40, asOf: Fixture.asOf)
    try Self.expectSameBytes(tracker, ReportOptions(asOf: Fixture.asOf))
    var options = ReportOptions(asOf: Fixture.asOf)
    options.review = tracker.reviews.first?.id
    try Self.expectSameBytes(tracker, options)
  }

  /// The five lists made on every core, with each line kept once however many lists hold it,
  /// are the lists made one action at a time and each sorted on its own.
  @Test func listsMadeOnEveryCoreAreTheListsMadeOneByOne() throws {
    let tracker = SyntheticPartnership.generate(reviews: 60, asOf: Fixture.asOf)
    let options = ReportOptions(asOf: Fixture.asOf)
    let cut = TrackerAsOf(tracker, asOf: Fixture.asOf)
    let scope = ReportScope(cut.tracker, options)
    var expected: [[ActionLine]] = Array(repeating: [], count: 5)
    for entry in scope.actions {
      let lists = OverdueReport.Lists(entry.state)
      for list in 0..<5 where lists.contains(OverdueReport.Lists(rawValue: 1 << list)) {
        expected[list].append(scope.line(entry))
      }
    }
    sortLines(&expected[0], reference: { $0.reference }, rank: { -$0.daysOverdue })
    sortLines(&expected[1], reference: { $0.reference }, rank: { $0.due.sortKey })
    sortLines(&expected[2], reference: { $0.reference }, rank: { -($0.daysSinceLastHeard ?? 0) })
    #expect(expected[0].count > 20 && expected[2].count > 20)
    for minimumReviews in [1, 7, 1_000] {
      let report = OverdueReport.build(cut, options, minimumReviews: minimumReviews)
      let made = [
        report.overdue, report.dueSoon, report.stale, report.notYetTimeBound, report.reportedBetter,
      ]
      #expect(made.map { Array($0) } == expected, "shares of \(minimumReviews) reviews")
      let listed = Set(expected.joined().map(\.reference))
      #expect(report.overdue.runs.reduce(0) { $0 + $1.count } == listed.count, "each line kept once")
      if minimumReviews == 1 && Cores.available > 1 { #expect(report.overdue.runs.count > 1) }
    }
  }

  @Test func writtenInPiecesAndRunsOnEveryCoreTheBytesAreTheSame() throws {
    let tracker = SyntheticPartnership.generate(reviews: 40, asOf: Fixture.asOf)
    let report = OverdueReport.build(tracker, ReportOptions(asOf: Fixture.asOf))
    #expect(report.overdue.count > 20)
    let encoded = try JSONWriter.pretty(report)
    for (piece, run) in [(1, 1), (7, 1), (7, 2), (50, 3), (1_000, 1)] {
      var pieces: [[UInt8]] = []
      try report.writeJSON({ pieces.append($0) }, linesPerPiece: piece, linesPerRun: run)
      #expect(Array(pieces.joined()) == encoded, "pieces of \(piece) lines, runs from \(run)")
      if piece == 7 { #expect(pieces.count > 5) }
    }
  }

  @Test func theStoreSharedOutAmongTheCoresGivesTheActionsInStoreOrder() {
    let tracker = SyntheticPartnership.generate(reviews: 40, asOf: Fixture.asOf)
    let scope = ReportScope(tracker, ReportOptions(asOf: Fixture.asOf))
    let walked = scope.actions.map { $0.placed.reference.description + " " + $0.state.status.rawValue }
    let shared = scope.actions.concurrentMap(minimumReviews: 1) { placed, state in
      placed.reference.description + " " + state.status.rawValue
    }
    #expect(!walked.isEmpty)
    #expect(shared == walked)
    #expect(Cores.ranges(10, runs: 3) == [0..<3, 3..<6, 6..<10])
    #expect(Cores.ranges(0, runs: 2) == [0..<0, 0..<0])
  }

  @Test func anEmptyStore() throws {
    let tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire \"Partnership\"\n")
    try Self.expectSameBytes(tracker, ReportOptions(asOf: Fixture.asOf))
  }
}
