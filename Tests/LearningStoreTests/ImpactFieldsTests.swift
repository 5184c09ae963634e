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

  @Test func newFieldsRoundTripThroughBothReaders() throws {
    let tracker = Self.tracker()
    let data = Data(try StoreWriter.encode(tracker))
    #expect(FastStoreDecoder.decode(data) == tracker)
    #expect(try JSONDecoder().decode(Tracker.self, from: data) == tracker)
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
    let result = try JSONScanner.scan(Data(text.utf8), checkingShapes: true)
    #expect(result.unknownFields == ["themes[0].reach"])
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
