import LearningModel

/// The board paper laid out for the renderers: its two pages, the appendix and the CSV tables.
extension ProgressReport {
  /// How many rows each list of the board paper shows before "and N more".
  static let listCap = 3
  /// How many agencies the board paper's chart shows.
  static let agencyCap = 8

  /// The board paper: at most two A4 pages however large the store. Page one holds the headline
  /// figures and BRAG, what changed since the last meeting and the exceptions the board must act
  /// on; page two the agencies, the trend, responses, dissemination and timescales. Every list is
  /// capped; with `detail` the full tables follow as an appendix after a page break.
  /// Dissemination delivered, with attendance and circulation apart (never added together).
  var disseminationFigures: [ReportDocument.Figure] {
    let delivered: [ReportDocument.Figure] = [
      .init("Dissemination activities delivered", String(disseminationDelivered))
    ]
    let none: [ReportDocument.Figure] = [
      .init(
        "Published reviews with none delivered", String(reviewsWithoutDissemination.count),
        rating: reviewsWithoutDissemination.isEmpty ? nil : .amber)
    ]
    return delivered + disseminationReach.figures + none
  }

  /// The board paper laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    var sections: [ReportDocument.Section] = [headerSection, purposeSection, summarySection, askedSection]
    sections.append(
      .init("Headlines", [.figures(headlineFigures), .table(bragTable(since: changes)), .note(readingKey)]))
    if let changes {
      sections.append(.init("What changed since \(changes.since)", changeSummary(changes)))
    }
    sections.append(.init("Exceptions for the board", exceptions))
    sections.append(escalationSection)
    sections += [reviewProcess.sections.inProgress, reviewProcess.sections.decisions]
    sections.append(
      .init(
        "Progress by agency", [.table(agencyTable(Array(byAgency.prefix(Self.agencyCap))))]))
    if byAgency.count > Self.agencyCap {
      sections[sections.count - 1].blocks.append(
        .note("and \(byAgency.count - Self.agencyCap) more agencies (\(seeAppendix))"))
    }
    sections.append(.init("Actions closed over the last 12 months", [.paragraph(trendSentence)]))
    sections.append(
      .init(
        "Responses, dissemination and timescales",
        [
          .paragraph(responsesSentence),
          .figures(disseminationFigures),
          publishedReviews == 0
            ? .paragraph(
              "No review in scope is published yet, so no published learning is due to be delivered.")
            : reviewsWithoutDissemination.isEmpty
              ? .paragraph("Every published review has had learning delivered.")
              : .note(
                "Published reviews with none delivered: "
                  + reviewsWithoutDissemination.prefix(Self.listCap).joined(separator: ", ")
                  + (reviewsWithoutDissemination.count > Self.listCap
                    ? ", and \(reviewsWithoutDissemination.count - Self.listCap) more: see the dissemination report"
                    : "")),
          timeliness.isEmpty
            ? .paragraph("No statutory clock applies.")
            : .paragraph("Statutory timescales: " + timeliness.map(\.sentence).joined(separator: "; ") + "."),
        ]))
    if detail { sections += appendix + [trendAppendix] }
    return ReportDocument(
      title: "Learning from reviews: progress summary", subtitle: subtitle, sections: sections)
  }

  /// Said wherever actions are counted per agency and some action has more than one owner.
  var jointNote: String { "Joint actions are counted for each owner." }

  /// How to read the ratings and percentages.
  var readingKey: String {
    "Red: overdue. Amber: open and due within \(plural(settings.dueSoonDays, "day")), blocked, slipped, or due TBC. Green: on track, or completed and awaiting assurance. Blue: assured by the QA subgroup. Closed means completed or assured; percentages leave withdrawn actions out, and the Withdrawn figures show them. The overdue report is the complete working list for the QA subgroup."
  }

  var headlineFigures: [ReportDocument.Figure] {
    [
      .init("Reviews with open actions", "\(headline.reviewsWithOpenActions) of \(headline.reviews)"),
      .init("Recommendations", String(headline.recommendations)),
      .init("Actions", String(headline.actions)),
      .init("Open", String(headline.open)),
      .init(
        "Closed (completed or assured)",
        "\(headline.closed) (\(percent(headline.closed, of: headline.actions - brag.withdrawn))% of actions not withdrawn)"
      ),
      .init("Withdrawn", String(brag.withdrawn)),
      .init("Overdue", String(headline.overdue), rating: headline.overdue > 0 ? .red : nil),
      .init("Due within \(plural(settings.dueSoonDays, "day"))", String(headline.dueSoon)),
      .init("No update for over \(plural(settings.staleAfterDays, "day")) (stale)", String(headline.stale)),
      .init("Slipped at least once", String(headline.slipped)),
      .init("Fully SMART", "\(smartActions) of \(smartChecked)"),
      .init(
        "Agency rates better than the rules", reportedBetterFigure,
        rating: headline.reportedBetter > 0 ? .amber : nil),
    ]
  }

  /// The count of actions the owning agency rates better than the rules, with the first few named.
  var reportedBetterFigure: String {
    guard !reportedBetter.isEmpty else { return String(headline.reportedBetter) }
    let named = reportedBetter.prefix(3).map(\.reference).joined(separator: ", ")
    let more = reportedBetter.count > 3 ? " and \(reportedBetter.count - 3) more" : ""
    return "\(headline.reportedBetter): \(named)\(more)"
  }

  /// Recommendations by response, one column per response.
  var responsesAcross: Table {
    var table = Table(
      caption: "Recommendations by response",
      columns: [.init("Recommendations")] + responses.map { .init($0.response.title, .right) })
    table.append([Table.Cell("Number")] + responses.map { .number($0.count) })
    return table
  }

  /// The 12-month trend in a sentence; the chart is in the appendix.
  var trendSentence: String {
    guard let first = closedByMonth.first, let last = closedByMonth.last else {
      return "No month end falls in the last 12 months."
    }
    func month(_ day: CalendarDay) -> String { PlannedDue.inMonth(day).description }
    return "The share of actions closed (completed or assured, withdrawn left out) went from "
      + "\(first.percentClosed)% at the end of \(month(first.monthEnd)) to \(last.percentClosed)% "
      + "at the end of \(month(last.monthEnd)); \(last.closed) of \(plural(last.actions, "action")) were closed then."
  }

  /// The responses to recommendations in a sentence: "Of 44 recommendations, 41 were accepted, ...".
  var responsesSentence: String {
    let total = responses.map(\.count).reduce(0, +)
    let parts = responses.filter { $0.count > 0 }.map { "\($0.count) \($0.response.title.lowercased())" }
    guard total > 0 else { return "No recommendation is in scope." }
    return "Of \(plural(total, "recommendation")): " + parts.joined(separator: ", ") + "."
  }

  /// The 12-month chart, for the appendix.
  var trendAppendix: ReportDocument.Section {
    .init(
      "Appendix: actions closed over the last 12 months",
      [
        .chart(
          Chart(
            kind: .percentColumns, title: "Share of actions closed at each month end",
            description:
              "The percentage of actions (withdrawn left out) that were completed or assured at the end of each of the last 12 months.",
            segmentNames: ["% closed", "Closed", "Actions", "Withdrawn"],
            bars: closedByMonth.map { point in
              Chart.Bar(
                label: point.monthEnd.monthText,
                values: [point.percentClosed, point.closed, point.actions, point.withdrawn])
            }))
      ])
  }

  /// Where a reader finds the rows a capped list leaves out.
  var seeAppendix: String { detail ? "see the appendix" : "see the overdue report" }

  func changeSummary(_ changes: Changes) -> [ReportDocument.Block] {
    [
      .paragraph(
        "Between \(changes.since) and \(asOf): \(plural(changes.closed.count, "action")) closed, "
          + "\(changes.newlyOverdue.count) newly overdue, \(changes.newlySlipped.count) with a due day slipped, "
          + "\(changes.newlyAgreed.count) newly agreed."
          + (detail ? " The appendix lists them." : " The overdue report lists the open ones.")
          + " The BRAG table above shows the ratings then and now.")
    ]
  }

  /// The exceptions the board must act on, each list capped.
  var exceptions: [ReportDocument.Block] {
    var blocks: [ReportDocument.Block] = []
    var overdue = Table(
      caption: "Most overdue actions",
      columns: [
        .init("Action"), .init("Owner"), .init("Description"), .init("Due"), .init("Days overdue", .right),
      ],
      emptyText: "No action is overdue.")
    for line in redActions.prefix(Self.listCap) {
      overdue.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText),
        Table.Cell(shorten(line.description, 48)),
        Table.Cell(line.due.description), .number(line.daysOverdue),
      ])
    }
    blocks.append(.table(overdue))
    if redActions.count > Self.listCap {
      blocks.append(.note("and \(redActions.count - Self.listCap) more (see the overdue report)"))
    }
    let behind = byReview.filter { $0.overdue > 0 }.sorted {
      ($1.overdue, $0.percentClosed, NaturalKey($1.id)) < ($0.overdue, $1.percentClosed, NaturalKey($0.id))
    }
    var reviews = Table(
      caption: "Reviews furthest behind (most overdue actions)",
      columns: [
        .init("Review"), .init("Title"), .init("Actions", .right), .init("Overdue", .right),
        .init("% closed", .right), .init("Withdrawn", .right),
      ],
      emptyText: "No review has an overdue action.")
    for row in behind.prefix(Self.listCap) {
      reviews.append([
        Table.Cell(row.id), Table.Cell(shorten(row.name, 40)), .number(row.actions), .number(row.overdue),
        Table.Cell("\(row.percentClosed)%"), .number(row.brag.withdrawn),
      ])
    }
    blocks.append(.table(reviews))
    if behind.count > Self.listCap {
      blocks.append(.note("and \(behind.count - Self.listCap) more (\(seeAppendix))"))
    }
    // The actions the owning agency rates better than the rules are named with the headline
    // figure, in full in the appendix and in the overdue report: the board paper stays two pages.
    return blocks
  }

  func agencyChart(_ rows: [GroupRow]) -> Chart {
    Chart(
      kind: .stackedBRAG,
      title: "BRAG rating of actions by agency"
        + (byAgency.map(\.actions).reduce(0, +) > headline.actions
          ? " (\(jointNote.lowercased().dropLast()))" : ""),
      description:
        "For each owning agency, the number of its actions rated Red, Amber, Green and Blue, and withdrawn, as at \(asOf).",
      segmentNames: BRAG.worstFirst.map(\.title) + ["Withdrawn"],
      bars: rows.map { row in
        Chart.Bar(label: row.name, values: BRAG.worstFirst.map { row.brag.count($0) } + [row.brag.withdrawn])
      })
  }

  /// BRAG by agency as a table for the paper: the chart's figures under plain headings.
  func agencyTable(_ rows: [GroupRow]) -> Table {
    let chart = agencyChart(rows)
    var table = Table(
      caption: chart.title,
      columns: [Table.Column("Agency")] + chart.segmentNames.map { Table.Column($0, .right) }
        + [Table.Column("Actions", .right)])
    for (bar, row) in zip(chart.bars, rows) {
      table.append(
        [Table.Cell(bar.label)]
          + zip(chart.segmentNames, bar.values).map { name, value in
            value > 0 && name != "Withdrawn"
              ? Table.Cell(String(value), rating: name.lowercased()) : .number(value)
          } + [.number(row.actions)])
    }
    return table
  }

  /// The full tables, after a page break.
  var appendix: [ReportDocument.Section] {
    var sections: [ReportDocument.Section] = [
      .init(
        "Appendix: progress by review",
        [.table(groupTable(byReview, caption: "Actions by review", first: "Review"))],
        startsOnNewPage: true),
      .init(
        "Appendix: progress by agency",
        [
          .chart(agencyChart(byAgency)),
          .table(groupTable(byAgency, caption: "Actions by owning agency", first: "Agency")),
        ]
          + (byAgency.map(\.actions).reduce(0, +) > headline.actions ? [.note(jointNote)] : [])),
    ]
    var red = Table(
      caption: "Red actions (overdue), most days overdue first",
      columns: [
        .init("Action"), .init("Owner"), .init("Description"), .init("Due"), .init("Days overdue", .right),
        .init("Slips", .right),
      ],
      emptyText: "No action is overdue.")
    for line in redActions {
      red.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText), Table.Cell(line.description),
        Table.Cell(line.due.description), .number(line.daysOverdue), .number(line.slips),
      ])
    }
    sections.append(.init("Appendix: Red actions", [.table(red)]))
    if !reportedBetter.isEmpty {
      var better = Table(
        caption: "Actions the owning agency rates better than the rules do",
        columns: [
          .init("Action"), .init("Owner"), .init("Description"), .init("Due"), .init("Derived"),
          .init("Agency's rating"),
        ])
      for line in reportedBetter {
        better.append([
          Table.Cell(line.reference), Table.Cell(line.ownerNamesText), Table.Cell(line.description),
          Table.Cell(line.due.description), .rating(line.brag),
          line.reported.map { .rating($0) } ?? Table.Cell(""),
        ])
      }
      sections.append(.init("Appendix: rated better by the agency", [.table(better)]))
    }
    if let changes {
      sections.append(
        .init(
          "Appendix: what changed since \(changes.since)",
          [
            .table(Self.changeTable("Actions closed", changes.closed)),
            .table(Self.changeTable("Actions newly overdue", changes.newlyOverdue)),
            .table(Self.changeTable("Actions whose due day slipped", changes.newlySlipped)),
            .table(Self.changeTable("Actions newly agreed", changes.newlyAgreed)),
          ]))
    }
    return sections
  }

  /// Every table of the report, for a spreadsheet: one CSV file each.
  public var csvTables: [Table] {
    var tables = [csvTable, groupTable(byAgency, caption: "Progress by agency", first: "Agency"), bragTable]
    var responseTable = Table(
      caption: "Recommendations by response", columns: [.init("Response"), .init("Recommendations", .right)])
    for entry in responses { responseTable.append([Table.Cell(entry.response.title), .number(entry.count)]) }
    tables.append(responseTable)
    var months = Table(
      caption: "Actions closed by month end",
      columns: [
        .init("Month end"), .init("Actions"), .init("Closed"), .init("% closed"), .init("Withdrawn"),
      ])
    for point in closedByMonth {
      months.append(
        [Table.Cell(point.monthEnd.description)]
          + [point.actions, point.closed, point.percentClosed, point.withdrawn].map(Table.Cell.number))
    }
    tables.append(months)
    var red = Table(
      caption: "Red actions",
      columns: [
        .init("Action"), .init("Owner"), .init("Description"), .init("Due"), .init("Days overdue"),
        .init("Slips"),
      ])
    for line in redActions {
      red.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText), Table.Cell(line.description),
        Table.Cell(line.due.description), .number(line.daysOverdue), .number(line.slips),
      ])
    }
    tables.append(red)
    if let changes {
      tables.append(bragChangeTable(changes))
      for (caption, lines) in [
        ("Actions closed", changes.closed), ("Actions newly overdue", changes.newlyOverdue),
        ("Actions whose due day slipped", changes.newlySlipped),
        ("Actions newly agreed", changes.newlyAgreed),
      ] {
        tables.append(Self.changeTable(caption, lines, full: true))
      }
    }
    return tables
  }

  var bragTable: Table { bragTable(since: nil) }

  /// Actions by BRAG rating with each rating's share (withdrawn counted apart); with changes,
  /// also the count on the day of the last meeting and the change since.
  func bragTable(since changes: Changes?) -> Table {
    var columns: [Table.Column] = [.init("Rating"), .init("Meaning")]
    if let changes { columns.append(.init("At \(changes.since)", .right)) }
    columns.append(.init(changes == nil ? "Actions" : "At \(asOf)", .right))
    if changes != nil { columns.append(.init("Change", .right)) }
    columns.append(.init("Share", .right))
    var table = Table(caption: "Actions by BRAG rating", columns: columns)
    func counts(_ then: Int?, _ now: Int) -> [Table.Cell] {
      guard let then else { return [.number(now)] }
      return [.number(then), .number(now), Table.Cell((now - then > 0 ? "+" : "") + String(now - then))]
    }
    for rating in BRAG.worstFirst {
      table.append(
        [.rating(rating), Table.Cell(rating.meaning)]
          + counts(changes?.bragThen.count(rating), brag.count(rating))
          + [Table.Cell("\(percent(brag.count(rating), of: brag.rated))%")])
    }
    table.append(
      [Table.Cell("Withdrawn"), Table.Cell("superseded, counted apart")]
        + counts(changes?.bragThen.withdrawn, brag.withdrawn) + [Table.Cell("")])
    return table
  }

  func bragChangeTable(_ changes: Changes) -> Table {
    var table = Table(
      caption: "BRAG then and now",
      columns: [
        .init("Rating"), .init("At \(changes.since)", .right), .init("At \(asOf)", .right),
        .init("Change", .right),
      ])
    for rating in BRAG.worstFirst {
      let then = changes.bragThen.count(rating)
      let now = brag.count(rating)
      table.append([
        .rating(rating), .number(then), .number(now),
        Table.Cell((now - then > 0 ? "+" : "") + String(now - then)),
      ])
    }
    return table
  }

  static func changeTable(_ caption: String, _ lines: [ActionLine], full: Bool = false) -> Table {
    var table = Table(
      caption: caption,
      columns: [
        .init("Action"), .init("Owner"), .init("Description"), .init("Status"), .init("Due"), .init("BRAG"),
      ],
      emptyText: "None.")
    for line in lines {
      table.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText),
        Table.Cell(full ? line.description : shorten(line.description, 80)),
        Table.Cell(line.status.title), Table.Cell(line.due.description), .rating(line.brag),
      ])
    }
    return table
  }

  func groupTable(_ rows: [GroupRow], caption: String, first: String) -> Table {
    var table = Table(
      caption: caption,
      columns: [
        .init(first), .init("Name"), .init("Actions", .right), .init("Closed", .right),
        .init("% closed", .right),
        .init("Overdue", .right), .init("Slipped", .right), .init("On time", .right), .init("Red", .right),
        .init("Amber", .right), .init("Green", .right), .init("Blue", .right), .init("Withdrawn", .right),
      ],
      emptyText: "No actions.")
    for row in rows {
      table.append([
        Table.Cell(row.id), Table.Cell(row.name), .number(row.actions), .number(row.closed),
        Table.Cell("\(row.percentClosed)%"),
        .number(row.overdue), .number(row.slipped), .number(row.completedOnTime), .number(row.brag.red),
        .number(row.brag.amber), .number(row.brag.green), .number(row.brag.blue), .number(row.brag.withdrawn),
      ])
    }
    return table
  }

  /// One row per review, for a spreadsheet; the full picture is in JSON.
  public var csvTable: Table {
    var table = Table(
      caption: "Progress by review",
      columns: [
        .init("Review"), .init("Title"), .init("Actions"), .init("Closed"), .init("% closed"),
        .init("Overdue"),
        .init("Slipped"), .init("Completed on time"), .init("Red"), .init("Amber"), .init("Green"),
        .init("Blue"), .init("Withdrawn"),
      ])
    for row in byReview {
      table.append(
        [Table.Cell(row.id), Table.Cell(row.name)]
          + [
            row.actions, row.closed, row.percentClosed, row.overdue, row.slipped, row.completedOnTime,
            row.brag.red, row.brag.amber, row.brag.green, row.brag.blue, row.brag.withdrawn,
          ].map(Table.Cell.number))
    }
    return table
  }
}
