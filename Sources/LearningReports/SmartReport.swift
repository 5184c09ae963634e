import LearningModel

/// Every action rated against SMART with reasons, and a summary per review and per agency.
public struct SmartReport: Report, Equatable {
  public struct ActionRow: Encodable, Equatable, Sendable {
    public var reference: String
    public var owner: String
    public var rating: SMARTRating
  }

  public struct GroupRow: Encodable, Equatable, Sendable {
    public var id: String
    public var actions = 0
    public var smart = 0
    public var specific = 0
    public var measurable = 0
    public var achievable = 0
    public var timeBound = 0
  }

  public var partnership: String
  public var actions: [ActionRow] = []
  public var byReview: [GroupRow] = []
  public var byAgency: [GroupRow] = []

  public var smartCount: Int { actions.filter(\.rating.isSMART).count }

  public static func build(_ tracker: Tracker, _ options: ReportOptions) -> SmartReport {
    var report = SmartReport(partnership: tracker.partnership.name)
    var reviews: [String: GroupRow] = [:]
    var agencies: [String: GroupRow] = [:]
    for placed in tracker.placedActions {
      if let review = options.review, placed.review.id != review { continue }
      if let agency = options.agency, !placed.action.isOwned(by: agency) { continue }
      let rating = SMARTCheck.rate(placed.action, in: placed.recommendation)
      report.actions.append(
        ActionRow(reference: placed.reference.description, owner: placed.action.owner, rating: rating))
      reviews[placed.review.id, default: GroupRow(id: placed.review.id)].add(rating)
      // A joint action counts for each of its owners.
      for owner in placed.action.owners { agencies[owner, default: GroupRow(id: owner)].add(rating) }
    }
    report.byReview = tracker.reviews.compactMap { reviews[$0.id] }
    report.byAgency =
      tracker.agencies.compactMap { agencies[$0.id] }
      + agencies.keys.filter { tracker.agency($0) == nil }.sorted().compactMap { agencies[$0] }
    return report
  }

  func groupTable(_ rows: [GroupRow], caption: String, first: String) -> Table {
    var table = Table(
      caption: caption,
      columns: [
        .init(first), .init("Actions", .right), .init("SMART", .right), .init("S", .right),
        .init("M", .right), .init("A", .right), .init("T", .right),
      ])
    for row in rows {
      table.append(
        [Table.Cell(row.id)]
          + [row.actions, row.smart, row.specific, row.measurable, row.achievable, row.timeBound].map(
            Table.Cell.number))
    }
    return table
  }

  public var document: ReportDocument {
    var failing = Table(
      caption: "Actions that are not fully SMART",
      columns: [.init("Action"), .init("Owner"), .init("S M A T"), .init("Why")],
      emptyText: "Every action is SMART.")
    for row in actions where !row.rating.isSMART {
      failing.append([
        Table.Cell(row.reference), Table.Cell(row.owner), Table.Cell(row.rating.letters),
        Table.Cell(row.rating.reasons.joined(separator: " ")),
      ])
    }
    return ReportDocument(
      title: "SMART check of actions", subtitle: partnership,
      sections: [
        .init(
          "Summary",
          [
            .figures([
              .init("Actions", String(actions.count)),
              .init("Fully SMART", "\(smartCount) (\(percent(smartCount, of: actions.count))%)"),
            ]),
            .table(groupTable(byReview, caption: "By review", first: "Review")),
            .table(groupTable(byAgency, caption: "By agency", first: "Agency")),
          ]
            + (byAgency.map(\.actions).reduce(0, +) > actions.count
              ? [.note("Joint actions are counted for each owner.")] : [])),
        .init("Actions to strengthen", [.table(failing)]),
        .init(
          "The rules",
          [
            .bullets([
              "Specific: a description of at least 6 words that does not just begin with a vague phrase such as \"raise awareness\" or \"consider\" (unless it goes on for 12 words or more).",
              "Measurable: a measure of success that names a number, a target or an audit.",
              "Achievable: the owner is one of the agencies the recommendation is addressed to, and a lead is named.",
              "Time-bound: a due day is set (not TBC), no more than two years after the action was agreed.",
            ])
          ]),
      ])
  }

  public var csvTable: Table {
    var table = Table(
      caption: "SMART",
      columns: ["Action", "Owner", "Specific", "Measurable", "Achievable", "Time-bound", "Reasons"].map {
        Table.Column($0)
      })
    for row in actions {
      let r = row.rating
      table.append(
        [
          row.reference, row.owner, r.specific ? "yes" : "no", r.measurable ? "yes" : "no",
          r.achievable ? "yes" : "no", r.timeBound ? "yes" : "no", r.reasons.joined(separator: " "),
        ].map { Table.Cell($0) })
    }
    return table
  }
}

extension SmartReport.GroupRow {
  mutating func add(_ rating: SMARTRating) {
    actions += 1
    if rating.isSMART { smart += 1 }
    if rating.specific { specific += 1 }
    if rating.measurable { measurable += 1 }
    if rating.achievable { achievable += 1 }
    if rating.timeBound { timeBound += 1 }
  }
}
