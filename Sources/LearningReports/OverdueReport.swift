import LearningModel

/// The QA subgroup's list: overdue actions (most days overdue first), then actions due soon and
/// actions with no recent update, open actions with no due day yet, and actions the owning agency
/// rates better than the rules do. With an agency filter it is that agency's chase list, with the
/// actions it owns jointly.
public struct OverdueReport: Report, Equatable {
  /// The partnership's name.
  public var partnership: String
  /// The day the list is for.
  public var asOf: CalendarDay
  /// The agency the list is limited to (its chase list), if any.
  public var agency: String?
  /// The review the list is limited to, if any.
  public var review: String?
  /// The thresholds the state was derived with (due soon, no recent update).
  public var settings: Settings
  /// Actions whose derived status is overdue on the report's day, most days overdue first.
  public var overdue = ActionLines()
  /// Open actions not overdue and due within the due-soon window, soonest due first.
  public var dueSoon = ActionLines()
  /// Open actions with no update for longer than the settings allow, longest silent first.
  public var stale = ActionLines()
  /// Open actions with no due day yet ("TBC"): not time-bound.
  public var notYetTimeBound = ActionLines()
  /// Actions whose owning agency's latest rating is better than the derived one.
  public var reportedBetter = ActionLines()
  var subtitle = ""

  enum CodingKeys: String, CodingKey {
    case partnership, asOf, agency, review, settings, overdue, dueSoon, stale, notYetTimeBound, reportedBetter
  }

  /// The list of the actions in scope as of the options' day.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions) -> OverdueReport {
    build(cut, options, minimumReviews: 1_000)
  }

  /// The list, with the store shared out among the cores in shares of at least `minimumReviews`.
  static func build(_ cut: TrackerAsOf, _ options: ReportOptions, minimumReviews: Int) -> OverdueReport {
    let tracker = cut.tracker
    let scope = ReportScope(tracker, options)
    var report = OverdueReport(
      partnership: tracker.partnership.name, asOf: options.asOf, agency: options.agency,
      review: options.review,
      settings: tracker.partnership.settings)
    report.subtitle = scope.subtitle
    // Each listed action's line is made once, the store shared out among the cores, beside the
    // lists it goes in; the five lists then hold only where their lines lie, so a line on two
    // lists is not kept twice.
    let made = scope.actions.concurrentRuns(minimumReviews: minimumReviews) {
      walker -> (lines: [ActionLine], lists: [Lists]) in
      var run: (lines: [ActionLine], lists: [Lists]) = ([], [])
      // Room for every action of the share, taken once: a large block's pages are only touched as
      // lines fill them, and no run is copied to a larger buffer as it grows (the copy beside the
      // old buffer was the peak: 2.47 times the file on the compact store, 2.38 without it).
      run.lines.reserveCapacity(walker.actionsAtMost)
      while let entry = walker.next() {
        let lists = Lists(entry.state)
        guard !lists.isEmpty else { continue }
        run.lines.append(scope.line(entry))
        run.lists.append(lists)
      }
      return run
    }
    let runs = made.map(\.lines)
    let memberships = made.map(\.lists)
    // Where each line's reference falls in natural order, found once for the lists to break ties.
    let starts = runs.reduce(into: [0]) { starts, run in starts.append(starts[starts.count - 1] + run.count) }
    let natural = naturalPlaces(starts[starts.count - 1]) { index in
      let run = starts.lastIndex { $0 <= index } ?? 0
      return runs[run].withUnsafeBufferPointer { $0[index - starts[run]].reference }
    }
    // The five lists gathered and put in order side by side, one per core at a time: most days
    // overdue first; soonest due first; longest silent first; ties by reference.
    let lists = Cores.map(5, runs: 5) { range -> ActionLines in
      let member = Lists(rawValue: 1 << range.lowerBound)
      var places: [ActionLines.Place] = []
      places.reserveCapacity(memberships.reduce(0) { $0 + $1.count { $0.contains(member) } })
      for (run, lists) in memberships.enumerated() {
        for (line, memberOf) in lists.enumerated() where memberOf.contains(member) {
          places.append(ActionLines.Place(run: UInt32(run), line: UInt32(line)))
        }
      }
      func sort(by rank: (borrowing ActionLine) -> Int) {
        let keys = places.map { place in
          (
            rank: ActionLines.withLine(at: place, in: runs, rank),
            natural: natural[starts[Int(place.run)] + Int(place.line)]
          )
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        places = order.map { places[$0] }
      }
      switch member {
      case .overdue: sort { -$0.daysOverdue }
      case .dueSoon: sort { $0.due.sortKey }
      case .stale: sort { -($0.daysSinceLastHeard ?? 0) }
      default: break
      }
      return ActionLines(runs: runs, places: places)
    }
    report.overdue = lists[0]
    report.dueSoon = lists[1]
    report.stale = lists[2]
    report.notYetTimeBound = lists[3]
    report.reportedBetter = lists[4]
    return report
  }

  /// The lists an action's state puts it in, in the order the lists are numbered.
  struct Lists: OptionSet, Sendable {
    let rawValue: UInt8
    static let overdue = Lists(rawValue: 1 << 0)
    static let dueSoon = Lists(rawValue: 1 << 1)
    static let stale = Lists(rawValue: 1 << 2)
    static let notYetTimeBound = Lists(rawValue: 1 << 3)
    static let reportedBetter = Lists(rawValue: 1 << 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ state: ActionState) {
      var lists: Lists = []
      if state.isOverdue { lists.insert(.overdue) }
      if state.isDueSoon { lists.insert(.dueSoon) }
      if state.isStale { lists.insert(.stale) }
      if state.isNotYetTimeBound { lists.insert(.notYetTimeBound) }
      if state.reportedIsBetter { lists.insert(.reportedBetter) }
      self = lists
    }
  }

  /// The agencies that own at least one open action in scope, alone or jointly: one chase list each.
  public static func agenciesToChase(_ cut: TrackerAsOf, _ options: ReportOptions) -> [String] {
    let tracker = cut.tracker
    let scope = ReportScope(tracker, options)
    let owners = Set(scope.actions.filter { $0.state.isOpen }.flatMap { $0.placed.action.owners })
    return tracker.agencies.map(\.id).filter(owners.contains)
      + owners.subtracting(tracker.agencies.map(\.id)).sorted()
  }

  /// The listed actions whose escalation's reply is late on the report's day, each counted once.
  public var escalationRepliesOverdue: Int {
    var late = Set<String>()
    forEachListedLine { line in
      if line.escalationReplyOverdue == true { late.insert(line.reference) }
    }
    return late.count
  }

  /// Each line of the five lists in turn, in the order of the tables, read where it lies: the
  /// lists are neither joined into one nor copied line by line (they can hold hundreds of
  /// thousands of lines).
  func forEachListedLine(_ body: (borrowing ActionLine) -> Void) {
    for list in [overdue, dueSoon, stale, notYetTimeBound, reportedBetter] { list.forEachLine(body) }
  }

  /// The listed actions that were escalated, with the latest escalation on the report's day.
  var escalationTable: Table {
    var table = Table(
      caption: "Escalated actions: the latest escalation and its reply",
      columns: [.init("Action"), .init("Owner"), .init("Escalated to"), .init("Escalation"), .init("Reply")],
      emptyText: "No listed action has been escalated.")
    var seen = Set<String>()
    forEachListedLine { line in
      guard line.escalation != nil, seen.insert(line.reference).inserted else { return }
      table.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText), Table.Cell(line.escalation?.to ?? ""),
        Table.Cell(line.escalationText), Table.Cell(line.escalation?.reply ?? ""),
      ])
    }
    return table
  }

  /// The list laid out as its three tables, for the renderers.
  public var document: ReportDocument {
    var overdueTable = Table(
      caption: "Overdue actions, most days overdue first",
      columns: [
        .init("Action"), .init("Review"), .init("Recommendation"), .init("Action description"),
        .init("Owner"), .init("Lead"),
        .init("Original due"), .init("Current due"), .init("Slips", .right), .init("Days overdue", .right),
        .init("Last update"), .init("Age (days)", .right), .init("Last note"),
        .init("Requested due (awaiting decision)"), .init("Agency's rating"),
      ],
      emptyText: "No action is overdue.")
    overdue.forEachLine { line in
      overdueTable.append([
        Table.Cell(line.reference), Table.Cell(line.reviewTitle),
        Table.Cell(line.recommendation + ": " + shorten(line.recommendationText, 60)),
        Table.Cell(line.description),
        Table.Cell(line.ownerNamesText), Table.Cell(line.lead ?? ""),
        Table.Cell(line.originalDue.description),
        Table.Cell(line.due.description), .number(line.slips), .number(line.daysOverdue),
        Table.Cell(line.lastUpdate?.description ?? "none"),
        Table.Cell(line.daysSinceLastHeard.map(String.init) ?? ""),
        Table.Cell(line.lastUpdateNote ?? ""),
        Table.Cell(
          line.pendingRequest.map { "\($0.due), asked \($0.requestedOn): " + shorten($0.reason, 60) } ?? ""),
        Table.Cell(line.reported?.title ?? ""),
      ])
    }
    var soonTable = Table(
      caption: "Due within \(settings.dueSoonDays) days, soonest first",
      columns: [
        .init("Action"), .init("Review"), .init("Action description"), .init("Owner"), .init("Lead"),
        .init("Due"), .init("Days left", .right), .init("Status"),
      ],
      emptyText: "No open action falls due in this window.")
    dueSoon.forEachLine { line in
      soonTable.append([
        Table.Cell(line.reference), Table.Cell(line.reviewTitle), Table.Cell(line.description),
        Table.Cell(line.ownerNamesText),
        Table.Cell(line.lead ?? ""), Table.Cell(line.due.description),
        .number(line.due.day.map { $0.days(since: asOf) } ?? 0),
        Table.Cell(line.status.title),
      ])
    }
    var staleTable = Table(
      caption: "No update for more than \(settings.staleAfterDays) days, longest first",
      columns: [
        .init("Action"), .init("Review"), .init("Action description"), .init("Owner"), .init("Lead"),
        .init("Last heard"), .init("Days since", .right), .init("Due"),
      ],
      emptyText: "Every open action has a recent update.")
    stale.forEachLine { line in
      staleTable.append([
        Table.Cell(line.reference), Table.Cell(line.reviewTitle), Table.Cell(line.description),
        Table.Cell(line.ownerNamesText),
        Table.Cell(line.lead ?? ""),
        Table.Cell(line.lastUpdate?.description ?? (line.agreed.map { "agreed \($0)" } ?? "")),
        Table.Cell(line.daysSinceLastHeard.map(String.init) ?? ""), Table.Cell(line.due.description),
      ])
    }
    var tbcTable = Table(
      caption: "Open actions with no due day yet (TBC)",
      columns: [
        .init("Action"), .init("Review"), .init("Action description"), .init("Owner"), .init("Lead"),
        .init("Status"), .init("Last heard"), .init("Rating"),
      ],
      emptyText: "Every open action has a due day.")
    notYetTimeBound.forEachLine { line in
      tbcTable.append([
        Table.Cell(line.reference), Table.Cell(line.reviewTitle), Table.Cell(line.description),
        Table.Cell(line.ownerNamesText), Table.Cell(line.lead ?? ""), Table.Cell(line.status.title),
        Table.Cell(line.lastUpdate?.description ?? (line.agreed.map { "agreed \($0)" } ?? "")),
        Table.Cell(line.ratingText),
      ])
    }
    var betterTable = Table(
      caption: "The agency's own rating is better than the derived one",
      columns: [
        .init("Action"), .init("Review"), .init("Action description"), .init("Owner"), .init("Due"),
        .init("Derived rating"), .init("Agency's rating"), .init("Last update"),
      ],
      emptyText: "No agency rates an action better than the rules do.")
    reportedBetter.forEachLine { line in
      betterTable.append([
        Table.Cell(line.reference), Table.Cell(line.reviewTitle), Table.Cell(line.description),
        Table.Cell(line.ownerNamesText), Table.Cell(line.due.description),
        line.brag.map { .rating($0) } ?? Table.Cell("Withdrawn"),
        line.reported.map { .rating($0) } ?? Table.Cell(""),
        Table.Cell(line.lastUpdate?.description ?? "none"),
      ])
    }
    return ReportDocument(
      title: agency == nil ? "Overdue, due-soon and stale actions" : "Chase list: actions to update",
      subtitle: subtitle,
      sections: [
        .init(
          "Summary",
          [
            .figures([
              .init("Overdue", String(overdue.count), rating: overdue.isEmpty ? nil : .red),
              .init("Due within \(settings.dueSoonDays) days", String(dueSoon.count)),
              .init("No update for more than \(settings.staleAfterDays) days", String(stale.count)),
              .init("Not yet time-bound", String(notYetTimeBound.count)),
              .init("Agency rates better than the rules", String(reportedBetter.count)),
              .init("Escalations awaiting a reply past the day due", String(escalationRepliesOverdue)),
            ])
          ]),
        .init("Overdue actions", [.table(overdueTable)]),
        .init("Escalations", [.table(escalationTable)]),
        .init("Due soon", [.table(soonTable)]),
        .init("Stale", [.table(staleTable)]),
        .init("Not yet time-bound", [.table(tbcTable)]),
        .init("Rated better by the agency", [.table(betterTable)]),
      ])
  }

  /// Every listed action, one row each, with the list it is on.
  public var csvTable: Table {
    var table = Table(
      caption: "Actions to chase",
      columns: [
        "List", "Action", "Review", "Review title", "Recommendation", "Action description", "Owner",
        "Owner name", "Lead", "Status",
        "Original due", "Current due", "Slips", "Days overdue", "Last update", "Days since last heard",
        "Last note", "Requested due", "Request reason", "Joint owners", "Agency's rating",
        "Escalation level", "Escalated to", "Escalated on", "Reply due", "Replied",
      ].map { Table.Column($0) })
    let lists = [
      ("overdue", overdue), ("due soon", dueSoon), ("stale", stale), ("not yet time-bound", notYetTimeBound),
      ("rated better by the agency", reportedBetter),
    ]
    for (list, lines) in lists {
      for line in lines {
        table.append(
          [
            list, line.reference, line.review, line.reviewTitle, line.recommendation, line.description,
            line.owner, line.ownerName,
            line.lead ?? "", line.status.rawValue, line.originalDue.storeText, line.due.storeText,
            String(line.slips),
            String(line.daysOverdue), line.lastUpdate?.description ?? "",
            line.daysSinceLastHeard.map(String.init) ?? "",
            line.lastUpdateNote ?? "", line.pendingRequest?.due.description ?? "",
            line.pendingRequest?.reason ?? "", (line.jointOwners ?? []).joined(separator: "; "),
            line.reported?.rawValue ?? "", line.escalation?.level ?? "", line.escalation?.to ?? "",
            line.escalation?.date.description ?? "", line.escalation?.replyBy.description ?? "",
            line.escalation?.replied?.description ?? "",
          ].map { Table.Cell($0) })
      }
    }
    return table
  }
}
