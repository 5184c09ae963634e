import LearningModel

/// Every action rated against SMART with reasons, and a summary per review and per agency.
public struct SmartReport: Report, Equatable {
  /// One action and how it rates against the SMART rules.
  public struct ActionRow: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// The ID of the agency that owns the action.
    public var owner: String
    /// Which rules the action meets, with the reasons for any it does not.
    public var rating: SMARTRating
  }

  /// How the actions of one review, or one agency, rate against the SMART rules.
  public struct GroupRow: Encodable, Equatable, Sendable {
    /// The review's or agency's ID.
    public var id: String
    /// Actions of the review, or owned by the agency.
    public var actions = 0
    /// Of those, actions that meet all four rules.
    public var smart = 0
    /// Of those, actions that are specific.
    public var specific = 0
    /// Of those, actions that are measurable.
    public var measurable = 0
    /// Of those, actions that are achievable.
    public var achievable = 0
    /// Of those, actions that are time-bound.
    public var timeBound = 0
  }

  /// The partnership's name.
  public var partnership: String
  /// Every action in scope, in the order of the store.
  public var actions: [ActionRow] = []
  /// The actions by review, in the order of the review list.
  public var byReview: [GroupRow] = []
  /// The actions by owning agency, in the order of the agency list; owners not in it after, by ID.
  public var byAgency: [GroupRow] = []

  /// Actions that meet all four rules.
  public var smartCount: Int { actions.filter(\.rating.isSMART).count }

  /// The check of every action within the options' review and agency filters.
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

  /// The check laid out as a summary, the actions to strengthen and the rules, for the renderers.
  public var document: ReportDocument {
    var failing = Table(
      caption: "Actions that are not fully SMART",
      columns: [.init("Action"), .init("Owner"), .init("S M A T"), .init("Why")],
      emptyText: actions.isEmpty ? "No action in scope to check." : "Every action is SMART.")
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

  /// One row per action with its rating on each rule.
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
