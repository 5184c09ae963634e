import Foundation
import LearningModel
import LearningStore
import Testing

/// The review as it happens, by commands alone: a partnership's own timetable, each step, the
/// decision record, correspondence and publication checklist added, corrected and removed with
/// history and undo, and `report pipeline` exact in working days against a calendar kept here.
@Suite struct ReviewProcessCommandTests {
  /// England and Wales bank holidays of 2026 and early 2027, as GOV.UK lists them.
  static let bankHolidays: Set<String> = [
    "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
    "2026-12-28", "2027-01-01",
  ]

  /// An independent working-day count: the working days after `from` up to and including `to`.
  static func workingDays(from: String, to: String) -> Int {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_GB_POSIX")
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    guard var day = formatter.date(from: from), let end = formatter.date(from: to) else { return -999 }
    var count = 0
    while day < end {
      day = calendar.date(byAdding: .day, value: 1, to: day) ?? end
      let weekday = calendar.component(.weekday, from: day)
      if weekday != 1 && weekday != 7 && !bankHolidays.contains(formatter.string(from: day)) { count += 1 }
    }
    return count
  }

  static func store() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: path).status == 0)
    #expect(
      runTracker(
        [
          "review", "add", "--id", "RR-2026-09", "--title", "Child W", "--kind", "rapidReview", "--aware",
          "2026-12-17", "--notified", "2026-12-22",
        ], data: path
      ).status == 0)
    return path
  }

  static func tracker(_ path: String) throws -> Tracker { try StoreReader.read(path: path).tracker }

  static func review(_ path: String) throws -> Review {
    try #require(try tracker(path).reviews.first { $0.id == "RR-2026-09" })
  }

  static func pipeline(_ path: String, asOf: String) throws -> [String: Any] {
    let outcome = runTracker(["report", "pipeline", "--format", "json", "--as-of", asOf], data: path)
    #expect(outcome.status == 0, "\(outcome.err)")
    let json = try JSONSerialization.jsonObject(with: Data(outcome.out.utf8)) as? [String: Any]
    let rows = json?["rows"] as? [[String: Any]] ?? []
    return try #require(rows.first { $0["review"] as? String == "RR-2026-09" })
  }

  @Test func aPartnershipsOwnTimetableDrivesThePipelineExactlyInWorkingDays() throws {
    let path = try Self.store()
    let commands: [[String]] = [
      [
        "timetable", "add", "scoping", "--name", "Scoping meeting", "--kind", "rapidReview", "--after",
        "notified",
        "--working-days", "3", "--place-before", "informationRequested",
      ],
      ["timetable", "update", "informationRequested", "--after", "scoping", "--working-days", "2"],
      ["timetable", "update", "meeting", "--name", "Rapid Review panel meeting"],
    ]
    for command in commands {
      let outcome = runTracker(command, data: path)
      #expect(outcome.status == 0, "\(command): \(outcome.err)")
    }
    #expect(runTracker(["validate"], data: path).status == 0)
    #expect(runTracker(["timetable", "list"], data: path).out.contains("Scoping meeting"))
    // Notified Tuesday 22 December: the 3rd working day after skips Christmas, Boxing Day's
    // substitute and the weekend.
    var row = try Self.pipeline(path, asOf: "2026-12-23")
    var next = try #require(row["next"] as? [String: Any])
    #expect(next["step"] as? String == "scoping")
    #expect(next["deadline"] as? String == "2026-12-29")
    #expect(next["workingDaysLeft"] as? Int == Self.workingDays(from: "2026-12-23", to: "2026-12-29"))
    #expect((row["stage"] as? [String: Any])?["step"] as? String == "notified")
    // Done on the 30th: late; the next step's deadline runs from it.
    #expect(
      runTracker(["review", "step", "RR-2026-09", "scoping", "--done", "2026-12-30"], data: path).status == 0)
    row = try Self.pipeline(path, asOf: "2026-12-31")
    next = try #require(row["next"] as? [String: Any])
    #expect(next["step"] as? String == "informationRequested")
    #expect(next["deadline"] as? String == "2027-01-04")
    #expect(next["workingDaysLeft"] as? Int == Self.workingDays(from: "2026-12-31", to: "2027-01-04"))
    let late = row["lateOrMissed"] as? [[String: Any]] ?? []
    #expect(late.map { $0["step"] as? String } == ["scoping"])
    // Past the deadline, the days are negative.
    row = try Self.pipeline(path, asOf: "2027-01-08")
    next = try #require(row["next"] as? [String: Any])
    #expect(next["workingDaysLeft"] as? Int == -Self.workingDays(from: "2027-01-04", to: "2027-01-08"))
    #expect(next["verdict"] as? String == "missed")
    // A step a review records cannot be removed; one no review records can, and undo brings it back.
    let refused = runTracker(["timetable", "remove", "scoping"], data: path)
    #expect(refused.status == 64)
    #expect(refused.err.contains("RR-2026-09"))
    #expect(runTracker(["timetable", "remove", "repository"], data: path).status == 0)
    #expect(try Self.tracker(path).timetable.step("repository") == nil)
    #expect(runTracker(["undo"], data: path).status == 0)
    #expect(try Self.tracker(path).timetable.step("repository") != nil)
  }

  @Test func everyRecordIsAddedCorrectedAndRemovedWithHistoryAndUndo() throws {
    let path = try Self.store()
    let steps: [[String]] = [
      ["review", "step", "RR-2026-09", "meeting", "--planned", "2027-01-07", "--note", "Room booked"],
      ["review", "step", "RR-2026-09", "meeting", "--done", "2027-01-06"],
      ["review", "step", "RR-2026-09", "rapidReview", "--done", "2027-01-08"],
      ["review", "step", "RR-2026-09", "agencyReturns", "--not-needed", "Returns taken at the meeting"],
      [
        "review", "decision", "RR-2026-09", "--criteria-met", "yes", "--reasons",
        "Serious harm, neglect suspected",
      ],
      ["review", "decision", "RR-2026-09", "--ratified", "la", "--on", "2027-01-08"],
      ["review", "decision", "RR-2026-09", "--ratified", "police", "--on", "2027-01-09"],
      ["review", "decision", "RR-2026-09", "--unratify", "police"],
      [
        "review", "correspondence", "RR-2026-09", "C1", "--day", "2026-12-22", "--kind", "notification",
        "--text",
        "Notification sent",
      ],
      [
        "review", "correspondence", "RR-2026-09", "C2", "--day", "2027-01-20", "--direction", "received",
        "--kind",
        "panelResponse", "--response", "asksForMore", "--text", "The Panel asks about health visiting",
      ],
      ["review", "correspondence", "RR-2026-09", "C2", "--response", "agrees"],
      ["review", "publication", "RR-2026-09", "--decision", "improvementsOnly", "--reviewer", "A. Reviewer"],
      ["review", "checklist", "RR-2026-09", "website", "--done", "2027-02-01"],
      ["checklist", "add", "scrutineer", "--name", "Independent scrutineer told"],
      ["review", "checklist", "RR-2026-09", "scrutineer", "--done", "2027-02-02"],
    ]
    for step in steps {
      let outcome = runTracker(step, data: path)
      #expect(outcome.status == 0, "\(step): \(outcome.err)")
      #expect(runTracker(["validate"], data: path).status == 0, "\(step)")
    }
    var review = try Self.review(path)
    #expect(review.dates.rapidReview == CalendarDay("2027-01-08"))
    #expect(review.stepRecord("meeting")?.done == CalendarDay("2027-01-06"))
    #expect(review.stepRecord("meeting")?.note == "Room booked")
    #expect(review.stepRecord("agencyReturns")?.notNeeded == "Returns taken at the meeting")
    #expect(review.decisionRecord?.criteriaMet == true)
    #expect(review.decisionRecord?.ratifications?.map(\.partner) == ["la"])
    #expect(review.correspondence?.map(\.id) == ["C1", "C2"])
    #expect(review.correspondence?.last?.response == .agrees)
    #expect(review.correspondence?.last?.received == true)
    #expect(review.publication?.decision == .improvementsOnly)
    #expect(review.publication?.checklist?.map(\.item) == ["website", "scrutineer"])
    // Removing, then undoing the removals one by one.
    let removals: [[String]] = [
      ["review", "checklist", "RR-2026-09", "scrutineer", "--clear"],
      ["review", "correspondence", "RR-2026-09", "C2", "--remove"],
      ["review", "decision", "RR-2026-09", "--remove"],
      ["review", "step", "RR-2026-09", "rapidReview", "--clear"],
    ]
    for removal in removals {
      let outcome = runTracker(removal, data: path)
      #expect(outcome.status == 0, "\(removal): \(outcome.err)")
    }
    review = try Self.review(path)
    #expect(review.dates.rapidReview == nil)
    #expect(review.decisionRecord == nil)
    #expect(review.correspondence?.map(\.id) == ["C1"])
    #expect(runTracker(["checklist", "remove", "scrutineer"], data: path).status == 0)
    for _ in 0..<5 { #expect(runTracker(["undo"], data: path).status == 0) }
    review = try Self.review(path)
    #expect(review.dates.rapidReview == CalendarDay("2027-01-08"))
    #expect(review.decisionRecord?.criteriaMet == true)
    #expect(review.correspondence?.map(\.id) == ["C1", "C2"])
    #expect(review.publication?.checklist?.map(\.item) == ["website", "scrutineer"])
    let history = runTracker(["history"], data: path)
    #expect(history.status == 0)
    #expect(history.out.contains("review step"))
    #expect(history.out.contains("checklist add"))
  }

  @Test(arguments: [
    (["review", "step", "RR-2026-09", "meeting", "--done", "2027-02-30"], "2027-02-30"),
    (["review", "step", "RR-2026-09", "informationRequested", "--done", "2026-12-01"], "2026-12-22"),
    (["review", "step", "RR-2026-09", "meetting", "--done", "2027-01-06"], "did you mean meeting?"),
    (["review", "step", "RR-2026-08", "meeting", "--done", "2027-01-06"], "RR-2026-09"),
    (["review", "checklist", "RR-2026-09", "webiste", "--done", "2027-01-06"], "did you mean website?"),
    (
      ["review", "decision", "RR-2026-09", "--ratified", "polise", "--on", "2027-01-06"],
      "did you mean police?"
    ),
    (
      [
        "review", "correspondence", "RR-2026-09", "C1", "--day", "2027-13-01", "--kind", "template", "--text",
        "x",
      ],
      "2027-13-01"
    ),
    (
      [
        "review", "correspondence", "RR-2026-09", "C1", "--day", "2027-01-06", "--kind", "templat", "--text",
        "x",
      ],
      "template"
    ),
    (["timetable", "add", "late", "--name", "Late", "--after", "nowhere", "--working-days", "2"], "nowhere"),
    (["timetable", "add", "late", "--name", "Late", "--before", "published", "--months", "2"], "--before"),
    (["timetable", "update", "meting", "--name", "x"], "did you mean meeting?"),
    (["timetable", "remove", "notified"], "RR-2026-09"),
  ])
  func mistakesAreRefusedWithAPlaceAndNothingChanges(arguments: [String], expected: String) throws {
    let path = try Self.store()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let outcome = runTracker(arguments, data: path)
    #expect(outcome.status == 64, "\(arguments): \(outcome.err)")
    #expect(outcome.err.contains(expected), "\(arguments): \(outcome.err)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func badProcessDataInTheStoreIsLocated() throws {
    let path = try Self.store()
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"kind\" : \"rapidReview\",",
      with: "\"kind\" : \"rapidReview\",\n\"steps\" : [{\"step\": \"meeting\", \"done\": \"2027-02-30\"}],")
    text = text.replacingOccurrences(
      of: "\"kind\": \"rapidReview\",",
      with: "\"kind\": \"rapidReview\",\n\"steps\": [{\"step\": \"meeting\", \"done\": \"2027-02-30\"}],")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = runTracker(["validate"], data: path)
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("reviews[0].steps[0].done"), "\(outcome.err)")
    text = text.replacingOccurrences(of: "2027-02-30", with: "2027-01-06").replacingOccurrences(
      of: "\"step\": \"meeting\"", with: "\"step\": \"meetnig\"")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let unknown = runTracker(["validate"], data: path)
    #expect(unknown.status == 65)
    #expect(
      unknown.err.contains("reviews[0].steps[0].step") || unknown.out.contains("reviews[0].steps[0].step"))
    #expect((unknown.err + unknown.out).contains("unknown step \"meetnig\""))
  }
}
