import LearningJSON
import LearningModel

/// The overdue list's JSON, written straight to bytes (`JSONPrettyWriter`): the list can hold
/// hundreds of thousands of actions, and the generic `Encodable` path costs several times the
/// writing itself. The bytes are exactly those of `JSONWriter.pretty(report)`: members in key
/// order, absent values left out (a test holds the two together).
extension OverdueReport {
  /// The report as pretty JSON with sorted keys.
  public var jsonBytes: [UInt8] {
    var bytes: [UInt8] = []
    do {
      try writeJSON { bytes += $0 }
      return bytes
    } catch {
      return (try? JSONWriter.pretty(self)) ?? Array("{}\n".utf8)
    }
  }

  /// The report's JSON in pieces: each run of lines is handed on as soon as it is written.
  public func writeJSON(_ write: ([UInt8]) throws -> Void) throws {
    try writeJSON(write, linesPerPiece: Self.linesPerPiece, linesPerRun: Self.linesPerRun)
  }

  /// `writeJSON(_:)` handing on `linesPerPiece` lines at a time, shared among the cores when a
  /// piece holds at least `linesPerRun` lines for each.
  func writeJSON(_ write: ([UInt8]) throws -> Void, linesPerPiece: Int, linesPerRun: Int) throws {
    let sizes = (linesPerPiece, linesPerRun)
    var writer = JSONPrettyWriter(capacity: 1 << 16)
    writer.openObject()
    writer.member("agency", agency)
    writer.member("asOf", asOf.description)
    writer.key("dueSoon")
    try Self.write(dueSoon, to: &writer, sizes: sizes, handingOn: write)
    writer.key("notYetTimeBound")
    try Self.write(notYetTimeBound, to: &writer, sizes: sizes, handingOn: write)
    writer.key("overdue")
    try Self.write(overdue, to: &writer, sizes: sizes, handingOn: write)
    writer.member("partnership", partnership)
    writer.key("reportedBetter")
    try Self.write(reportedBetter, to: &writer, sizes: sizes, handingOn: write)
    writer.member("review", review)
    writer.key("settings")
    try writer.encoded(settings)
    writer.key("stale")
    try Self.write(stale, to: &writer, sizes: sizes, handingOn: write)
    try write(writer.finish())
  }

  /// How many lines are written before what is written is handed on.
  static let linesPerPiece = 20_000
  /// The fewest lines a piece is cut into runs for, one per core (below this one core writes it).
  static let linesPerRun = 5_000

  /// A list of lines, handed on a piece at a time; each piece's lines are written in runs on the
  /// machine's cores (`Cores`), each run by a continuation of the writer, and the runs joined in
  /// order: the same bytes as writing the lines one by one.
  private static func write(
    _ lines: ActionLines, to writer: inout JSONPrettyWriter, sizes: (piece: Int, run: Int),
    handingOn hand: ([UInt8]) throws -> Void
  ) throws {
    writer.openList()
    var start = 0
    while start < lines.count {
      let piece = start..<Swift.min(lines.count, start + Swift.max(1, sizes.piece))
      let list = writer
      let runs = Cores.map(piece.count, runs: Cores.runs(for: piece.count, minimum: sizes.run)) {
        range -> Result<JSONPrettyWriter, any Error> in
        let lineRange = (piece.lowerBound + range.lowerBound)..<(piece.lowerBound + range.upperBound)
        var run = list.continuation(afterElements: lineRange.lowerBound, capacity: lineRange.count * 1200)
        do {
          // Each line is read where it lies in the buffer, not copied out of the list.
          for index in lineRange {
            run.element()
            try lines.withLine(at: index) { line in try write(line, to: &run) }
          }
        } catch {
          return .failure(error)
        }
        return .success(run)
      }
      try hand(writer.takeWritten())
      for (run, range) in zip(runs, Cores.ranges(piece.count, runs: runs.count)) {
        writer.append(try run.get(), elements: range.count)
        try hand(writer.takeWritten())
      }
      start = piece.upperBound
    }
    writer.close()
  }

  /// One action line, its members in key order, as `ActionLine`'s `Encodable` conformance has them.
  private static func write(_ line: borrowing ActionLine, to writer: inout JSONPrettyWriter) throws {
    writer.openObject()
    writer.member("agreed", line.agreed?.description)
    writer.member("brag", line.brag?.rawValue)
    writer.member("completedOn", line.completedOn?.description)
    writer.member("daysOverdue", line.daysOverdue)
    writer.member("daysSinceLastHeard", line.daysSinceLastHeard)
    writer.member("description", line.description)
    writer.member("due", line.due.storeText)
    if let escalation = line.escalation {
      writer.key("escalation")
      try writer.encoded(escalation)
    }
    writer.member("escalationLevel", line.escalationLevel)
    writer.member("escalationReplyOverdue", line.escalationReplyOverdue)
    writer.member("jointOwnerNames", line.jointOwnerNames)
    writer.member("jointOwners", line.jointOwners)
    writer.member("lastUpdate", line.lastUpdate?.description)
    writer.member("lastUpdateNote", line.lastUpdateNote)
    writer.member("lead", line.lead)
    writer.member("originalDue", line.originalDue.storeText)
    writer.member("owner", line.owner)
    writer.member("ownerName", line.ownerName)
    if let request = line.pendingRequest {
      writer.key("pendingRequest")
      try writer.encoded(request)
    }
    writer.member("recommendation", line.recommendation)
    writer.member("recommendationText", line.recommendationText)
    writer.member("reference", line.reference)
    writer.member("reported", line.reported?.rawValue)
    writer.member("review", line.review)
    writer.member("reviewTitle", line.reviewTitle)
    writer.member("slipDays", line.slipDays)
    writer.member("slips", line.slips)
    writer.member("status", line.status.rawValue)
    writer.close()
  }
}
