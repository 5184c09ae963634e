import LearningModel
import LearningStore
import Testing

/// The lenient cell readers: owners, statuses and ratings as real plans write them.
@Suite struct SpreadsheetCellTests {
  let tracker = Tracker(
    partnership: Partnership(name: "Northshire"),
    agencies: [
      Agency(id: "la", name: "Children’s Social Care", kind: .localAuthority, statutoryPartner: true),
      Agency(id: "police", name: "Northshire Police", kind: .police, statutoryPartner: true),
      Agency(id: "icb", name: "Northshire ICB", kind: .health, statutoryPartner: true, aliases: ["CCG"]),
      Agency(
        id: "nsft", name: "Norfolk and Suffolk NHS Foundation Trust", kind: .health, statutoryPartner: false,
        aliases: ["NSFT"]),
      Agency(id: "education", name: "Schools and colleges", kind: .education, statutoryPartner: false),
      Agency(
        id: "chair", name: "Independent Chair", kind: .other, statutoryPartner: false, aliases: ["Chair"]),
    ])

  func owners(_ text: String) -> [String]? { try? SpreadsheetCell.owners(text, in: tracker).get() }

  @Test func ownersAsPlansWriteThem() {
    #expect(owners("NSFT / CCG") == ["nsft", "icb"])
    #expect(owners("Chair / Children's Social Care") == ["chair", "la"])
    #expect(owners("childrens social care") == ["la"])
    #expect(owners("All partners") == ["la", "police", "icb"])
    #expect(owners("Schools and colleges and Police") == ["education", "police"])
    #expect(owners("Schools and colleges and Northshire Police") == ["education", "police"])
    #expect(owners("Schools & colleges, LA; icb") == ["education", "la", "icb"])
    #expect(owners("la and la") == ["la"])
    #expect(owners("Probation") == nil)
  }

  @Test(arguments: [
    ("Complete", ActionStatus.completed), ("Completed.", .completed), ("Fully achieved", .completed),
    ("On track", .inProgress), ("Amber - in progress", .inProgress), ("in progress", .inProgress),
    ("inProgress", .inProgress), ("Not started", .notStarted), ("On hold", .blocked),
    ("Withdrawn", .withdrawn),
    ("Green: complete", .completed),
  ])
  func statusWords(text: String, expected: ActionStatus) {
    #expect(SpreadsheetCell.status(text) == expected)
  }

  @Test func notStatuses() {
    #expect(SpreadsheetCell.status("Categories 1-4") == nil)
    #expect(SpreadsheetCell.status("See note") == nil)
  }

  @Test func ratings() {
    #expect(SpreadsheetCell.rating("Amber - in progress") == .amber)
    #expect(SpreadsheetCell.rating("green") == .green)
    #expect(SpreadsheetCell.rating("R") == .red)
    #expect(SpreadsheetCell.rating("Blue.") == .blue)
    #expect(SpreadsheetCell.rating("Complete") == nil)
  }
}
