import LearningJSON
import LearningModel

/// The overdue list's JSON, written straight to bytes (`JSONPrettyWriter`): the list can hold
/// hundreds of thousands of actions, and the generic `Encodable` path costs several times the
/// writing itself. The bytes are exactly those of `JSONWriter.pretty(report)`: members in key
/// order, absent values left out (a test holds the two together).
extension OverdueReport {
  /// The report as pretty JSON with sorted keys.
  public var jsonBytes: [UInt8] {
    (try? writtenJSON()) ?? (try? JSONWriter.pretty(self)) ?? Array("{}\n".utf8)
  }

  private func writtenJSON() throws -> [UInt8] {
    let lines = overdue.count + dueSoon.count + stale.count + notYetTimeBound.count + reportedBetter.count
    var writer = JSONPrettyWriter(capacity: 4096 + lines * 1200)
    writer.openObject()
    writer.member("agency", agency)
    writer.member("asOf", asOf.description)
    writer.key("dueSoon")
    try Self.write(dueSoon, to: &writer)
    writer.key("notYetTimeBound")
    try Self.write(notYetTimeBound, to: &writer)
    writer.key("overdue")
    try Self.write(overdue, to: &writer)
    writer.member("partnership", partnership)
    writer.key("reportedBetter")
    try Self.write(reportedBetter, to: &writer)
    writer.member("review", review)
    writer.key("settings")
    try writer.encoded(settings)
    writer.key("stale")
    try Self.write(stale, to: &writer)
    return writer.finish()
  }

  private static func write(_ lines: [ActionLine], to writer: inout JSONPrettyWriter) throws {
    writer.openList()
    for line in lines {
      writer.element()
      try write(line, to: &writer)
    }
    writer.close()
  }

  /// One action line, its members in key order, as `ActionLine`'s `Encodable` conformance has them.
  private static func write(_ line: ActionLine, to writer: inout JSONPrettyWriter) throws {
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
