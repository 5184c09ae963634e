import LearningModel

/// Did practice change? Actions closed on outputs alone (completed or assured with no impact
/// evidence and no result, including assurances recorded as exceptions), and actions past their
/// re-measure day with no result. Per agency and per review. The rules are `ImpactRule`'s.
public struct ImpactReport: Report, Equatable {
  /// A closed action with no impact evidence and no result on the report's day.
  public struct Row: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// The ID of the review the action belongs to.
    public var review: String
    /// The agency that owns the action.
    public var owner: String
    /// The other agencies that own the action jointly; absent when none.
    public var jointOwners: [String]?
    /// The evidence the plan said would show the action is done.
    public var evidencePlanned: String?
    /// The action's derived status on the report's day: completed or assured.
    public var status: ActionStatus
    /// The day the action last became completed or assured.
    public var closedOn: CalendarDay?
    /// Titles of output evidence on record.
    public var outputs: [String]
    /// The reason recorded when the action was assured without impact, if it was.
    public var exception: String?
    /// Why it counts: no evidence at all, or outputs only (and whether assured as an exception).
    public var reason: String
  }

  /// An action past its re-measure day with no result recorded.
  public struct RemeasureRow: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// The ID of the review the action belongs to.
    public var review: String
    /// The agency that owns the action.
    public var owner: String
    /// The action's derived status on the report's day.
    public var status: ActionStatus
    /// How the action's success is to be measured, if recorded.
    public var measureOfSuccess: String?
    /// The target the measure should reach, if recorded.
    public var target: String?
    /// The day the measure was to be taken again.
    public var remeasure: CalendarDay
    /// Days from the re-measure day to the report's day.
    public var daysPast: Int
  }

  /// The partnership's name.
  public var partnership: String
  /// The day the report is for.
  public var asOf: CalendarDay
  /// Closed on outputs alone.
  public var rows: [Row] = []
  /// Past the re-measure day with no result.
  public var remeasureDue: [RemeasureRow] = []
  /// Completed and assured actions in scope.
  public var closed = 0

  /// The report for the actions in scope, as of the options' day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> ImpactReport {
    let tracker = cut.tracker
    var report = ImpactReport(partnership: tracker.partnership.name, asOf: options.asOf)
    let scope = ReportScope(tracker, options)
    for (placed, state) in scope.actions {
      let action = placed.action
      let impact = action.impact(asOf: options.asOf)
      if state.status == .completed || state.status == .assured {
        report.closed += 1
        if !impact.showsImpact {
          let reason =
            impact.outputs.isEmpty
            ? "no evidence at all" : "outputs only: no impact evidence and no result"
          report.rows.append(
            Row(
              reference: placed.reference.description, review: placed.review.id, owner: action.owner,
              jointOwners: action.jointOwners, evidencePlanned: action.evidencePlanned,
              status: state.status, closedOn: state.completedOn, outputs: impact.outputs,
              exception: state.status == .assured ? impact.exception : nil,
              reason: state.status == .assured && impact.exception != nil
                ? "assured as an exception: " + reason : reason))
        }
      }
      if state.status != .withdrawn, let remeasure = action.remeasure,
        ImpactRule.isPastRemeasure(action, impact, asOf: options.asOf)
      {
        report.remeasureDue.append(
          RemeasureRow(
            reference: placed.reference.description, review: placed.review.id, owner: action.owner,
            status: state.status, measureOfSuccess: action.measureOfSuccess, target: action.target,
            remeasure: remeasure, daysPast: options.asOf.days(since: remeasure)))
      }
    }
    // Longest past first, then by reference in natural order.
    sortLines(&report.remeasureDue, reference: { $0.reference }, rank: { -$0.daysPast })
    return report
  }

  /// The report laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    // The evidence the plan named, beside what was received, when any listed action records it.
    let showsPlanned = rows.contains { $0.evidencePlanned != nil }
    var table = Table(
      caption: "Closed on outputs alone",
      columns: [
        .init("Action"), .init("Owner"), .init("Status"), .init("Closed on"),
      ] + (showsPlanned ? [.init("Evidence planned")] : []) + [
        .init("Output evidence"), .init("Why listed"),
      ],
      emptyText: "Every closed action has impact evidence or a result.")
    for row in rows {
      table.append(
        [
          Table.Cell(row.reference),
          Table.Cell(([row.owner] + (row.jointOwners ?? [])).joined(separator: " + ")),
          Table.Cell(row.status.title), Table.Cell(row.closedOn?.description ?? ""),
        ] + (showsPlanned ? [Table.Cell(row.evidencePlanned ?? "")] : []) + [
          Table.Cell(row.outputs.joined(separator: "; ")),
          Table.Cell(row.reason + (row.exception.map { " (\($0))" } ?? "")),
        ])
    }
    var remeasure = Table(
      caption: "Past the re-measure day with no result",
      columns: [
        .init("Action"), .init("Owner"), .init("Status"), .init("Target"), .init("Re-measure by"),
        .init("Days past", .right),
      ],
      emptyText: "No action is past its re-measure day without a result.")
    for row in remeasureDue {
      remeasure.append([
        Table.Cell(row.reference), Table.Cell(row.owner), Table.Cell(row.status.title),
        Table.Cell(row.target ?? ""), Table.Cell(row.remeasure.description), .number(row.daysPast),
      ])
    }
    func group(_ keys: (Row) -> [String], _ caption: String) -> Table {
      var counts: [String: Int] = [:]
      for row in rows {
        for key in keys(row) { counts[key, default: 0] += 1 }
      }
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
      title: "Did practice change? Actions closed without evidence of impact",
      subtitle: "\(partnership) · as at \(asOf)",
      sections: [
        .init(
          "Summary",
          [
            .paragraph(
              "Output evidence shows what was delivered (training run, guidance issued); impact evidence "
                + "(an audit, survey, case sample or data) or a result against the measure shows practice changed."
            ),
            .figures([
              .init("Closed actions (completed or assured)", String(closed)),
              .init("Closed on outputs alone", String(rows.count), rating: rows.isEmpty ? nil : .amber),
              .init(
                "Past the re-measure day with no result", String(remeasureDue.count),
                rating: remeasureDue.isEmpty ? nil : .amber),
            ]), .table(group({ [$0.owner] + ($0.jointOwners ?? []) }, "By agency")),
          ]
            + (rows.contains { $0.jointOwners != nil }
              ? [.note("Joint actions are counted for each owner.")] : [])
            + [
              .table(group({ [$0.review] }, "By review"))
            ]),
        .init("Closed on outputs alone", [.table(table)]),
        .init("Re-measure overdue", [.table(remeasure)]),
      ])
  }

  /// One row per listed action, with the list it is on.
  public var csvTable: Table {
    var table = Table(
      caption: "Impact",
      columns: ["List", "Action", "Review", "Owner", "Status", "Closed on", "Re-measure by", "Why listed"].map
      {
        Table.Column($0)
      })
    for row in rows {
      table.append(
        [
          "outputsOnly", row.reference, row.review, row.owner, row.status.rawValue,
          row.closedOn?.description ?? "", "", row.reason + (row.exception.map { " (\($0))" } ?? ""),
        ].map { Table.Cell($0) })
    }
    for row in remeasureDue {
      table.append(
        [
          "remeasureOverdue", row.reference, row.review, row.owner, row.status.rawValue, "",
          row.remeasure.description, "no result \(row.daysPast) days after the re-measure day",
        ].map { Table.Cell($0) })
    }
    return table
  }
}

/// Personal data found in the store's free text, for `check privacy`.
public struct PrivacyReport: Report, Equatable {
  /// The partnership's name.
  public var partnership: String
  /// The review the check is limited to, if any.
  public var review: String?
  /// Each piece of personal data found: where it is, what kind (its code) and what was found,
  /// masked (its place's value).
  public var findings: [Diagnostic]

  /// The privacy check of the store's free text, in one review if `review` is given.
  public static func build(_ tracker: Tracker, review: String?) -> PrivacyReport {
    PrivacyReport(
      partnership: tracker.partnership.name, review: review, findings: tracker.personalData(review: review))
  }

  /// The check laid out as a section with one table for the renderers.
  public var document: ReportDocument {
    var table = Table(
      caption: "Personal data found", columns: [.init("Where"), .init("What"), .init("Found (masked)")],
      emptyText: "None found.")
    for finding in findings {
      table.append([
        Table.Cell(finding.path), Table.Cell(finding.personalDataKind?.title ?? finding.message),
        Table.Cell(finding.place.value ?? ""),
      ])
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

  /// One row per piece of personal data found.
  public var csvTable: Table {
    var table = Table(
      caption: "Privacy", columns: ["Where", "What", "Found (masked)"].map { Table.Column($0) })
    for finding in findings {
      table.append(
        [finding.path, finding.personalDataKind?.rawValue ?? finding.code.name, finding.place.value ?? ""].map
        {
          Table.Cell($0)
        })
    }
    return table
  }
}
