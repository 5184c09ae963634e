import Foundation
import LearningDemo
import LearningModel
import Testing

@testable import LearningStore

/// The fields for embargoes, commissioning bodies, due-day requests and the Rapid Review clock's
/// start are read the same by every reader, are not unknown, and round-trip; an agency's proposed due
/// day is recorded as a request.
@Suite struct FiguresFieldsTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  static func store() -> Tracker {
    var tracker = SyntheticPartnership.generate(reviews: 4, seed: 2, asOf: day("2026-06-30"))
    tracker.partnership.settings.rapidReviewClockFrom = .notified
    tracker.reviews[0].commissionedBy = "Northshire Safeguarding Adults Board"
    tracker.reviews[0].embargo = Embargo(
      reason: "Criminal proceedings", since: day("2026-01-05"), lifted: day("2026-04-01"))
    tracker.reviews[1].embargo = Embargo(reason: "Inquest", since: day("2026-02-01"))
    if let (r, m, a) = tracker.placedActions.first.flatMap({ tracker.actionIndex($0.reference) }) {
      tracker.reviews[r].recommendations[m].actions[a].updates += [
        ActionUpdate(
          date: day("2026-05-01"), by: "Agency lead", requestedDue: day("2027-01-31"),
          requestReason: "Post vacant"),
        ActionUpdate(
          date: day("2026-05-20"), note: "Declined: cover agreed", by: "QA subgroup",
          declinedDue: day("2027-01-31")),
      ]
    }
    return tracker
  }

  @Test func theReaderReadsTheNewFields() throws {
    let tracker = Self.store()
    let data = Data(try StoreWriter.encode(tracker))
    let text = String(decoding: data, as: UTF8.self)
    for member in [
      "rapidReviewClockFrom", "commissionedBy", "embargo", "lifted", "requestedDue", "requestReason",
      "declinedDue",
    ] {
      #expect(text.contains("\"\(member)\""))
    }
    let loaded = try StoreReader.decode(data: data, file: "t.json")
    #expect(loaded.tracker == tracker)
    #expect(loaded.unknownFields.isEmpty)
    // Without the setting, the Rapid Review clock runs from awareness.
    #expect(Settings().rapidReviewClockStart == .aware)
  }

  @Test func aProposedDueDayIsRecordedAsARequest() throws {
    let tracker = SyntheticPartnership.generate(reviews: 6, seed: 4, asOf: Self.day("2026-06-30"))
    let date = Self.day("2026-07-01")
    let open = try #require(
      tracker.placedActions.first { placed in
        let state = placed.action.state(asOf: date, settings: tracker.partnership.settings, heardFrom: nil)
        return state.exists && state.isOpen
      })
    let header = AgencyReturnColumn.allCases.map(\.rawValue).joined(separator: ",")
    var cells = Array(repeating: "", count: AgencyReturnColumn.allCases.count)
    func set(_ column: AgencyReturnColumn, _ value: String) {
      if let index = AgencyReturnColumn.allCases.firstIndex(of: column) { cells[index] = value }
    }
    set(.agency, open.action.owner)
    set(.action, open.reference.description)
    set(.proposedDue, "2027-06-30")
    set(.dueReason, "Waiting for a system release")
    let plan = AgencyReturnImport.plan(
      header + "\n" + cells.joined(separator: ",") + "\n", tracker: tracker, date: date, by: "Agency lead")
    #expect(plan.problems.isEmpty)
    let update = try #require(plan.updates.first?.update)
    #expect(update.due == nil)
    #expect(update.requestedDue == Self.day("2027-06-30"))
    #expect(update.requestReason == "Waiting for a system release")
    var after = tracker
    if let (r, m, a) = after.actionIndex(open.reference) {
      after.reviews[r].recommendations[m].actions[a].updates.append(update)
    }
    let before = open.action.state(asOf: date, settings: tracker.partnership.settings, heardFrom: nil)
    let (r, m, a) = try #require(after.actionIndex(open.reference))
    let state = after.reviews[r].recommendations[m].actions[a].state(
      asOf: date, settings: tracker.partnership.settings, heardFrom: nil)
    #expect(state.due == before.due)
    #expect(state.brag == before.brag)
    #expect(state.pendingRequest?.due == Self.day("2027-06-30"))
    // Asked again while the request waits: nothing new to record.
    let again = AgencyReturnImport.plan(
      header + "\n" + cells.joined(separator: ",") + "\n", tracker: after, date: date, by: "Agency lead")
    #expect(again.updates.isEmpty)
  }
}
