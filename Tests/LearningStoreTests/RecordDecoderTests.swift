import Foundation
import LearningJSON
import LearningModel
import Testing

@testable import LearningStore

/// One record read on its own by the one store reader (`StoreDecoder.record`), as `edit` reads it.
@Suite struct RecordDecoderTests {
  let action = Action(
    id: "1.1", description: "Train social workers", owner: "la", lead: "Principal social worker",
    agreed: CalendarDay("2025-09-15"),
    due: CalendarDay(year: 2026, month: 3, day: 31) ?? CalendarDay(dayNumber: 0),
    updates: [
      ActionUpdate(
        date: CalendarDay(year: 2025, month: 10, day: 6) ?? CalendarDay(dayNumber: 0), status: .inProgress,
        note: "Booked")
    ])

  func problems(_ text: String, like record: Record) -> [StoreProblem] {
    do {
      _ = try StoreDecoder.record(Data(text.utf8), like: record, file: "edited.json")
      return []
    } catch {
      if case .problems(_, let problems) = error { return problems }
      return [StoreProblem(line: 0, column: 0, path: "", message: "\(error)")]
    }
  }

  @Test func aRecordWrittenByTheOneWriterReadsBackTheSame() throws {
    let placed = Record.action(review: "LCSPR-2025-02", recommendation: "R1", action)
    let bytes = try JSONWriter.pretty(action)
    #expect(try StoreDecoder.record(Data(bytes), like: placed, file: "edited.json") == placed)
    let recommendation = Recommendation(
      id: "R1", text: "Hear the child", response: .accepted, responded: CalendarDay("2025-09-15"))
    let placedRecommendation = Record.recommendation(review: "LCSPR-2025-02", recommendation)
    // Written as `edit` writes it: without its actions, which are records of their own.
    guard case .object(let members) = try JSONValue.parse(try JSONWriter.pretty(recommendation)) else {
      Issue.record("a recommendation is written as an object")
      return
    }
    let text = try JSONWriter.pretty(JSONValue.object(members.filter { $0.key != "actions" }))
    #expect(String(decoding: text, as: UTF8.self).contains("\"responded\" : \"2025-09-15\""))
    let read = try StoreDecoder.record(Data(text), like: placedRecommendation, file: "edited.json")
    #expect(read == .recommendation(review: "LCSPR-2025-02", recommendation))
  }

  @Test func problemsHaveTheirLineColumnAndPathUnknownFieldsAmongThem() {
    let placed = Record.action(review: "LCSPR-2025-02", recommendation: "R1", action)
    let text = """
      {
        "description" : "Train",
        "due" : "2026-02-30",
        "id" : "1.1",
        "ownr" : "la",
        "updates" : [ { "date" : "2025-10-06", "status" : "started" } ]
      }
      """
    let found = problems(text, like: placed)
    #expect(found.map(\.path) == ["owner", "due", "ownr", "updates[0].status"])
    #expect(found[0].message == "required field is missing")
    #expect(found[1].line == 3 && found[1].column == 11)
    #expect(found[2].line == 5 && found[2].message.hasPrefix("unknown field"))
    #expect(found[3].message.contains("\"started\" is not a known"))
  }

  @Test func recordsOfTheirOwnAreLeftOut() {
    let review = Record.review(Review(id: "RR-2026-01", title: "Child P", kind: .rapidReview))
    let found = problems(
      #"{"id": "RR-2026-01", "title": "Child P", "kind": "rapidReview", "dates": {}, "findings": []}"#,
      like: review)
    #expect(found.map(\.path) == ["findings"])
    #expect(found.first?.message.contains("records of their own") == true)
    let recommendation = Record.recommendation(review: "RR-2026-01", Recommendation(id: "R1", text: "x"))
    let actions = problems(
      #"{"id": "R1", "text": "x", "response": "pending", "actions": []}"#, like: recommendation)
    #expect(actions.map(\.path) == ["actions"])
  }

  @Test func syntaxAndTheWrongKindOfValueAreRefused() {
    let agency = Record.agency(
      Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true))
    #expect(throws: StoreError.self) {
      try StoreDecoder.record(Data(#"{"id": "la",}"#.utf8), like: agency, file: "edited.json")
    }
    #expect(problems("[]", like: agency).first?.message == "expected an object, found a list")
  }
}
