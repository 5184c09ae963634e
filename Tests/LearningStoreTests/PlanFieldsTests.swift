import Foundation
import LearningModel
import Testing

@testable import LearningStore

/// The fields published plans need: joint owners, due days as a month or "tbc", the agency's own
/// rating and the evidence planned. Read by the one reader, kept on rewriting, refused with their
/// JSON path when wrong; stores without them read as before.
@Suite struct PlanFieldsTests {
  static let head =
    #"{"schemaVersion": 1, "partnership": {"name": "P", "reportingYearStart": "04-01", "settings": {"dueSoonDays": 28, "staleAfterDays": 90}}, "agencies": [{"id": "la", "name": "Council", "kind": "localAuthority", "statutoryPartner": true}, {"id": "police", "name": "Police", "kind": "police", "statutoryPartner": true}], "reviews": [{"id": "RR-1", "title": "Child A", "kind": "rapidReview", "dates": {}, "recommendations": [{"id": "R1", "text": "Audit", "response": "accepted", "actions": ["#

  static func store(action: String) -> Data { Data((head + action + "]}]}]}").utf8) }

  static let good =
    #"{"id": "1.1", "description": "Joint audit", "owner": "la", "jointOwners": ["police"], "due": "2026-06", "evidencePlanned": "Audit report to the QA subgroup", "updates": [{"date": "2026-01-10", "due": "tbc", "note": "Due revised: awaiting the audit tool", "reported": "green"}]}"#

  @Test func theNewFieldsAreReadAndKeptOnRewriting() throws {
    let loaded = try StoreReader.decode(data: Self.store(action: Self.good), file: "plan.json")
    #expect(loaded.unknownFields.isEmpty)
    let action = try #require(loaded.tracker.reviews.first?.recommendations.first?.actions.first)
    #expect(action.jointOwners == ["police"])
    #expect(action.owners == ["la", "police"])
    #expect(action.due.day == CalendarDay("2026-06-30"))
    #expect(action.due.storeText == "2026-06")
    #expect(action.evidencePlanned == "Audit report to the QA subgroup")
    #expect(action.updates.first?.due == .notYetSet)
    #expect(action.updates.first?.reported == .green)
    let bytes = try StoreWriter.encode(loaded.tracker)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#""due" : "2026-06""#) || text.contains(#""due": "2026-06""#))
    #expect(text.contains(#""tbc""#))
    let again = try StoreReader.decode(data: Data(bytes), file: "again.json")
    #expect(again.tracker == loaded.tracker)
  }

  @Test func anActionWithoutTheNewFieldsIsWrittenAsBefore() throws {
    let plain = #"{"id": "1.1", "description": "Audit", "owner": "la", "due": "2026-06-30"}"#
    let loaded = try StoreReader.decode(data: Self.store(action: plain), file: "plain.json")
    let action = try #require(loaded.tracker.reviews.first?.recommendations.first?.actions.first)
    #expect(action.jointOwners == nil)
    #expect(action.due == .onDay(CalendarDay("2026-06-30") ?? CalendarDay(dayNumber: 0)))
    let text = String(decoding: try StoreWriter.encode(loaded.tracker), as: UTF8.self)
    #expect(!text.contains("jointOwners"))
    #expect(!text.contains("evidencePlanned"))
    #expect(!text.contains("reported"))
  }

  func problems(_ action: String) -> String {
    do {
      _ = try StoreReader.decode(data: Self.store(action: action), file: "bad.json")
      return ""
    } catch {
      return error.localizedDescription
    }
  }

  @Test func badValuesAreReportedWithTheirPath() {
    let base = "reviews[0].recommendations[0].actions[0]"
    let month = problems(#"{"id": "1.1", "description": "A", "owner": "la", "due": "2026-13"}"#)
    #expect(month.contains("\(base).due"))
    #expect(month.contains("\"2026-13\" is not a due day"))
    #expect(month.contains("YYYY-MM"))
    let revised = problems(
      #"{"id": "1.1", "description": "A", "owner": "la", "due": "tbc", "updates": [{"date": "2026-01-01", "due": "later"}]}"#
    )
    #expect(revised.contains("\(base).updates[0].due"))
    let rating = problems(
      #"{"id": "1.1", "description": "A", "owner": "la", "due": "tbc", "updates": [{"date": "2026-01-01", "reported": "yellow"}]}"#
    )
    #expect(rating.contains("\(base).updates[0].reported"))
    #expect(rating.contains("blue, green, amber, red"))
    let joint = problems(
      #"{"id": "1.1", "description": "A", "owner": "la", "due": "tbc", "jointOwners": "police"}"#)
    #expect(joint.contains("\(base).jointOwners"))
    #expect(joint.contains("expected a list"))
    let planned = problems(
      #"{"id": "1.1", "description": "A", "owner": "la", "due": "tbc", "evidencePlanned": 3}"#)
    #expect(planned.contains("\(base).evidencePlanned"))
  }

  @Test func jointOwnersAreCheckedByValidation() throws {
    let text =
      #"{"id": "1.1", "description": "A", "owner": "la", "due": "tbc", "jointOwners": ["polise", "la"]}"#
    let loaded = try StoreReader.decode(data: Self.store(action: text), file: "joint.json")
    let errors = Validator(today: CalendarDay(dayNumber: 20_000)).validate(loaded.tracker).filter {
      $0.severity == .error
    }
    let base = "reviews[0].recommendations[0].actions[0]"
    #expect(errors.map(\.path) == ["\(base).jointOwners[0]", "\(base).jointOwners[1]"])
    #expect(errors.first?.hint?.contains("did you mean \"police\"") == true)
  }
}
