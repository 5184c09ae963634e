import Foundation
import LearningModel
import LearningStore
import Testing

/// `recommendation update`: the partnership's response, the day it responded, and corrections,
/// through the change path.
@Suite struct RecommendationUpdateTests {
  func recommendation(_ path: String, _ review: String, _ id: String) throws -> Recommendation {
    let tracker = try storedTracker(path)
    let found = tracker.reviews.first { $0.id == review }?.recommendations.first { $0.id == id }
    return try #require(found)
  }

  @Test func theResponseAndTheDayItWasGivenAreRecorded() throws {
    let path = try copyOfDemonstrationStore()
    let entries = try historyCount(path)
    let outcome = runTracker(
      [
        "recommendation", "update", "LCSPR-2025-02/R1", "--response", "notAccepted", "--response-note",
        "Covered by the national review of direct work", "--responded", "2025-09-15", "--text",
        "Children's own words inform every assessment and plan.", "--add-agency", "education",
        "--remove-agency", "police", "--add-theme", "escalation", "--remove-theme", "voice-of-the-child",
      ], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.err.contains("updated recommendation LCSPR-2025-02/R1"))
    let updated = try recommendation(path, "LCSPR-2025-02", "R1")
    #expect(updated.response == .notAccepted)
    #expect(updated.responseNote == "Covered by the national review of direct work")
    #expect(updated.responded == CalendarDay("2025-09-15"))
    #expect(updated.text == "Children's own words inform every assessment and plan.")
    #expect(updated.agencies == ["la", "education"])
    #expect(updated.themes == ["escalation"])
    #expect(updated.actions.map(\.id) == ["1.1", "1.2"])
    // Where docs/FORMAT.md puts it: reviews[].recommendations[].responded.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("\"responded\" : \"2025-09-15\""))
    #expect(try historyCount(path) == entries + 1)
    #expect(runTracker(["validate"], data: path).status == 0)
    let shown = runTracker(["review", "show", "LCSPR-2025-02"], data: path)
    #expect(shown.out.contains("Responded: 2025-09-15"))
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try recommendation(path, "LCSPR-2025-02", "R1").responded == nil)
  }

  @Test func recommendationAddTakesTheDayOfTheResponse() throws {
    let path = try copyOfDemonstrationStore()
    let outcome = runTracker(
      [
        "recommendation", "add", "LCSPR-2025-02/R9", "--text", "Share the learning with schools",
        "--response", "accepted", "--responded", "2025-09-20",
      ], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(try recommendation(path, "LCSPR-2025-02", "R9").responded == CalendarDay("2025-09-20"))
    let refused = runTracker(
      ["recommendation", "add", "LCSPR-2025-02/R8", "--text", "x", "--response", "notAccepted"], data: path)
    #expect(refused.status == 64)
    #expect(
      refused.err.contains(
        "--response notAccepted needs --response-note (the partnership publishes why it does not accept)"))
  }

  @Test func mistakesAreRefusedNamingTheOptionAndValue() throws {
    let path = try copyOfDemonstrationStore()
    let before = try storeBytes(path)
    let cases: [([String], String)] = [
      (
        ["--response", "notAccepted"],
        "--response notAccepted needs --response-note (the partnership publishes why it does not accept)"
      ),
      (
        ["--response", "partiallyAccepted", "--response-note", " "],
        "--response partiallyAccepted needs --response-note"
      ),
      (["--add-agency", "polise"], "--add-agency: no agency \"polise\"; did you mean police?"),
      (["--add-theme", "voice-of-teh-child"], "--add-theme: no theme \"voice-of-teh-child\"; did you mean"),
      (
        ["--remove-agency", "probation"],
        "--remove-agency: recommendation LCSPR-2025-02/R1 is not addressed to"
      ),
      (["--remove-theme", "escalation"], "--remove-theme: recommendation LCSPR-2025-02/R1 does not carry"),
      (["--responded", "2025-02-30"], "--responded: \"2025-02-30\" is not a calendar day"),
      (["--response", "acepted"], "--response: \"acepted\" is not a known"),
      (["--text", " "], "--text \"\" is empty"),
      ([], "give at least one thing to change"),
    ]
    for (options, message) in cases {
      let outcome = runTracker(["recommendation", "update", "LCSPR-2025-02/R1"] + options, data: path)
      #expect(outcome.status == 64, "\(options)")
      #expect(outcome.err.contains(message), "\(options): \(outcome.err)")
    }
    let unknown = runTracker(["recommendation", "update", "LCSPR-2025-02/R11", "--text", "x"], data: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("no recommendation LCSPR-2025-02/R11; did you mean LCSPR-2025-02/R1?"))
    // R5 is partially accepted: emptying its note is refused, naming the response recorded.
    let emptied = runTracker(
      ["recommendation", "update", "LCSPR-2025-02/R5", "--response-note", ""], data: path)
    #expect(emptied.status == 64)
    #expect(emptied.err.contains("recommendation LCSPR-2025-02/R5 is partiallyAccepted"))
    #expect(try storeBytes(path) == before)
  }

  @Test func aResponseNoteIsClearedOnceTheRecommendationIsAccepted() throws {
    let path = try copyOfDemonstrationStore()
    let tracker = try storedTracker(path)
    let partly = try #require(
      tracker.reviews.flatMap { review in
        review.recommendations.filter { $0.response == .partiallyAccepted }.map { "\(review.id)/\($0.id)" }
      }.first)
    let refused = runTracker(["recommendation", "update", partly, "--clear", "response-note"], data: path)
    #expect(refused.status == 64, "\(refused.err)")
    let accepted = runTracker(
      ["recommendation", "update", partly, "--response", "accepted", "--clear", "response-note"], data: path)
    #expect(accepted.status == 0, "\(accepted.err)")
    let after = try storedTracker(path).reviews.flatMap(\.recommendations).first {
      partly.hasSuffix("/" + $0.id) && $0.response == .accepted
    }
    #expect(after?.responseNote == nil)
    let unknown = runTracker(["recommendation", "update", partly, "--clear", "responce-note"], data: path)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("did you mean response-note?"))
  }
}
