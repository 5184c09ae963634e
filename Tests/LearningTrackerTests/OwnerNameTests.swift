import Foundation
import Testing

/// Lists a person reads name the owning agency; JSON keeps the agency's ID.
@Suite struct OwnerNameTests {
  let seeds = packageRoot.appendingPathComponent("Seeds/tracker.json").path

  /// The rows of a listing whose first cell is an action reference.
  func actionRows(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("LCSPR-")
        || $0.trimmingCharacters(in: .whitespaces).hasPrefix("RR-")
    }
  }

  @Test func actionListNamesTheOwner() {
    let result = runTracker(
      ["action", "list", "--agency", "police", "--as-of", "2026-11-20"], data: seeds)
    #expect(result.status == 0)
    let rows = actionRows(result.out)
    #expect(!rows.isEmpty)
    for row in rows {
      let cells = row.split(separator: "  ", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(cells.contains { $0.hasPrefix("Northshire Police") }, "\(row)")
      #expect(!cells.contains("police"), "\(row)")
    }
  }

  @Test func actionListJSONKeepsTheID() {
    let result = runTracker(
      ["action", "list", "--agency", "police", "--as-of", "2026-11-20", "--format", "json"], data: seeds)
    #expect(result.status == 0)
    #expect(result.out.contains("\"owner\" : \"police\""))
    #expect(!result.out.contains("Northshire Police\""))
  }

  @Test func reviewShowNamesTheOwner() {
    let result = runTracker(["review", "show", "LCSPR-2024-03", "--as-of", "2026-11-20"], data: seeds)
    #expect(result.status == 0)
    let row = actionRows(result.out).first { $0.contains("LCSPR-2024-03/4.1") }
    #expect(row?.contains("LCSPR-2024-03/4.1  Northshire Police  ") == true, "\(row ?? "no row")")
  }

  @Test func exportReturnsCountsOneOpenActionInTheSingular() throws {
    let folder = try temporaryFolder()
    let output = folder.appendingPathComponent("probation.csv").path
    let result = runTracker(
      ["export", "returns", "--agency", "probation", "--output", output, "--as-of", "2026-11-20"], data: seeds
    )
    #expect(result.status == 0)
    #expect(result.err.contains("(1 open action and 0 awaiting evidence of impact"))
    #expect(!result.err.contains("1 open actions"))
  }
}
