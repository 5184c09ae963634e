import Foundation
import LearningModel
import Testing

@testable import LearningStore

/// The fields of a measure that can be checked, of reviews' notifications and outcomes, and of
/// methods' reach: read by both readers, kept on rewriting, and checked where they may appear.
@Suite struct ImpactFieldsTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  static func tracker() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
    var review = Review(id: "RR-2026-01", title: "Child A", kind: .rapidReview)
    review.notificationType = .seriousHarm
    review.rapidReviewOutcome = .otherLearning
    review.delayReason = "Criminal proceedings"
    var action = Action(
      id: "1.1", description: "Audit strategy meetings", owner: "la", due: day("2026-06-30"))
    action.baseline = "42%"
    action.target = "80%"
    action.remeasure = day("2026-09-30")
    var update = ActionUpdate(date: day("2026-07-01"), status: .assured, evidence: ["Briefing issued"])
    update.impactEvidence = ["Re-audit, June 2026"]
    update.result = "81%"
    update.assuredWithoutImpact = "Not needed, kept for the round trip"
    action.updates = [update]
    review.recommendations = [Recommendation(id: "R1", text: "Audit", response: .accepted, actions: [action])]
    tracker.reviews = [review]
    return tracker
  }

  @Test func newFieldsRoundTripThroughTheReader() throws {
    let tracker = Self.tracker()
    let data = Data(try StoreWriter.encode(tracker))
    let loaded = try StoreReader.decode(data: data, file: "t.json")
    #expect(loaded.tracker == tracker)
    #expect(loaded.unknownFields.isEmpty)
    #expect(loaded.tracker.disseminationMethods.first { $0.id == "newsletter" }?.reach == .circulation)
  }

  @Test func storesWithoutTheNewFieldsStillRead() throws {
    let text =
      #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 28, "staleAfterDays": 90}}, "disseminationMethods": [{"id": "newsletter", "name": "Newsletter"}]}"#
    let loaded = try StoreReader.decode(data: Data(text.utf8), file: "old.json")
    #expect(loaded.tracker.disseminationMethods[0].reach == nil)
    // The default catalogue still says what a newsletter's reach counts.
    #expect(loaded.tracker.reachKinds["newsletter"] == .circulation)
  }

  @Test func reachBelongsToDisseminationMethodsOnly() throws {
    let text =
      #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 28, "staleAfterDays": 90}}, "themes": [{"id": "t", "name": "T", "reach": "attendance"}], "disseminationMethods": [{"id": "m", "name": "M", "reach": "circulation"}]}"#
    let loaded = try StoreReader.decode(data: Data(text.utf8), file: "reach.json")
    #expect(loaded.unknownFields.count == 1)
    #expect(loaded.unknownFields.allSatisfy { $0.contains("themes[0].reach") })
  }

  @Test func anUnknownWordIsRefusedWithItsPath() {
    let text =
      #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 28, "staleAfterDays": 90}}, "reviews": [{"id": "R", "title": "T", "kind": "rapidReview", "dates": {}, "notificationType": "injury"}]}"#
    do {
      _ = try StoreReader.decode(data: Data(text.utf8), file: "bad.json")
      Issue.record("a store with an unknown notification type was read")
    } catch {
      let message = error.localizedDescription
      #expect(message.contains("reviews[0].notificationType"))
      #expect(message.contains("death, seriousHarm"))
    }
  }
}

/// The returns sheet's impact evidence column, and sheets sent out before it existed.
@Suite struct ReturnImpactColumnTests {
  static func tracker() -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
    let action = Action(
      id: "1.1", description: "Audit strategy meetings", owner: "la",
      due: ImpactFieldsTests.day("2027-06-30"))
    tracker.reviews = [
      Review(
        id: "RR-2026-01", title: "Child A", kind: .rapidReview,
        recommendations: [Recommendation(id: "R1", text: "Audit", response: .accepted, actions: [action])])
    ]
    return tracker
  }

  func plan(_ header: [AgencyReturnColumn], _ cells: [AgencyReturnColumn: String]) -> [PlannedUpdate] {
    let row = header.map { column -> String in
      switch column {
      case .agency: "la"
      case .action: "RR-2026-01/1.1"
      default: cells[column] ?? ""
      }
    }
    let text = header.map(\.rawValue).joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
    let (updates, problems) = AgencyReturnImport.plan(
      text, tracker: Self.tracker(), date: ImpactFieldsTests.day("2026-11-20"), by: "Council")
    #expect(problems.isEmpty, Comment(rawValue: problems.map(\.message).joined(separator: "\n")))
    return updates
  }

  @Test func impactEvidenceIsImportedApartFromOutputs() {
    let updates = plan(
      AgencyReturnColumn.allCases,
      [.evidence: "Briefing issued", .impactEvidence: "Audit of 20 meetings: 17 of 20; Staff survey"])
    #expect(updates.count == 1)
    #expect(updates.first?.update.evidence == ["Briefing issued"])
    #expect(updates.first?.update.impactEvidence == ["Audit of 20 meetings: 17 of 20", "Staff survey"])
  }

  @Test func aSheetWithoutTheImpactColumnStillImports() {
    let header = AgencyReturnColumn.allCases.filter { $0 != .impactEvidence }
    let updates = plan(header, [.progressNote: "Audit booked for January"])
    #expect(updates.first?.update.note == "Audit booked for January")
    #expect(updates.first?.update.impactEvidence == nil)
  }
}
