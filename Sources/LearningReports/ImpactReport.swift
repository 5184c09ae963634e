import LearningModel

/// Actions closed without evidence of impact: completed or assured with no evidence in the log, or
/// assured with no evidence recorded at or after the assurance. Per agency and per review.
public struct ImpactReport: Report, Equatable {
  public struct Row: Encodable, Equatable, Sendable {
    public var reference: String
    public var review: String
    public var owner: String
    public var status: ActionStatus
    public var closedOn: CalendarDay?
    public var reason: String
  }

  public var partnership: String
  public var asOf: CalendarDay
  public var rows: [Row] = []
  public var closed = 0

  public static func build(_ tracker: Tracker, _ options: ReportOptions) -> ImpactReport {
    var report = ImpactReport(partnership: tracker.partnership.name, asOf: options.asOf)
    let settings = tracker.partnership.settings
    for placed in tracker.placedActions {
      if let review = options.review, placed.review.id != review { continue }
      if let agency = options.agency, placed.action.owner != agency { continue }
      if let theme = options.theme, !ReportScope.carries(theme, placed.review, placed.recommendation) {
        continue
      }
      let state = placed.action.state(asOf: options.asOf, settings: settings)
      guard state.exists, state.status == .completed || state.status == .assured else { continue }
      report.closed += 1
      let log = placed.action.updates.filter { $0.date <= options.asOf }
      var reason: String?
      if state.evidence.isEmpty {
        reason = "no evidence in the log"
      } else if state.status == .assured, let assuredAt = log.lastIndex(where: { $0.status == .assured }),
        !log[assuredAt...].contains(where: { !($0.evidence ?? []).isEmpty })
      {
        reason = "assured without evidence of impact (only evidence of completion)"
      }
      if let reason {
        report.rows.append(
          Row(
            reference: placed.reference.description, review: placed.review.id, owner: placed.action.owner,
            status: state.status, closedOn: state.completedOn, reason: reason))
      }
    }
    return report
  }

  public var document: ReportDocument {
    var table = Table(
      caption: "Closed without evidence of impact",
      columns: [.init("Action"), .init("Owner"), .init("Status"), .init("Closed on"), .init("Why listed")],
      emptyText: "Every closed action has evidence.")
    for row in rows {
      table.append([
        Table.Cell(row.reference), Table.Cell(row.owner), Table.Cell(row.status.title),
        Table.Cell(row.closedOn?.description ?? ""), Table.Cell(row.reason),
      ])
    }
    func group(_ key: (Row) -> String, _ caption: String) -> Table {
      var counts: [String: Int] = [:]
      for row in rows { counts[key(row), default: 0] += 1 }
      var table = Table(
        caption: caption,
        columns: [.init(caption == "By agency" ? "Agency" : "Review"), .init("Actions", .right)],
        emptyText: "None.")
      for (id, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
        table.append([Table.Cell(id), .number(count)])
      }
      return table
    }
    return ReportDocument(
      title: "Actions closed without evidence of impact", subtitle: "\(partnership) · as at \(asOf)",
      sections: [
        .init(
          "Summary",
          [
            .figures([
              .init("Closed actions", String(closed)),
              .init("Without evidence of impact", String(rows.count), rating: rows.isEmpty ? nil : .amber),
            ]), .table(group(\.owner, "By agency")), .table(group(\.review, "By review")),
          ]),
        .init("Actions", [.table(table)]),
      ])
  }

  public var csvTable: Table {
    var table = Table(
      caption: "Impact",
      columns: ["Action", "Review", "Owner", "Status", "Closed on", "Why listed"].map { Table.Column($0) })
    for row in rows {
      table.append(
        [
          row.reference, row.review, row.owner, row.status.rawValue, row.closedOn?.description ?? "",
          row.reason,
        ].map { Table.Cell($0) })
    }
    return table
  }
}

/// Personal data found in the store's free text, for `check privacy`.
public struct PrivacyReport: Report, Equatable {
  public var partnership: String
  public var review: String?
  public var findings: [PersonalDataFinding]

  public static func build(_ tracker: Tracker, review: String?) -> PrivacyReport {
    PrivacyReport(
      partnership: tracker.partnership.name, review: review, findings: tracker.personalData(review: review))
  }

  public var document: ReportDocument {
    var table = Table(
      caption: "Personal data found", columns: [.init("Where"), .init("What"), .init("Found (masked)")],
      emptyText: "None found.")
    for finding in findings {
      table.append([Table.Cell(finding.path), Table.Cell(finding.kind.title), Table.Cell(finding.excerpt)])
    }
    return ReportDocument(
      title: "Privacy check", subtitle: partnership + (review.map { " · review \($0)" } ?? ""),
      sections: [
        .init(
          "Findings",
          [
            .paragraph(
              "NHS numbers (valid check digit), UK postcodes, email addresses, UK phone numbers, dates of birth and the store's listed names."
            ),
            .table(table),
          ])
      ])
  }

  public var csvTable: Table {
    var table = Table(
      caption: "Privacy", columns: ["Where", "What", "Found (masked)"].map { Table.Column($0) })
    for finding in findings {
      table.append([finding.path, finding.kind.rawValue, finding.excerpt].map { Table.Cell($0) })
    }
    return table
  }
}
