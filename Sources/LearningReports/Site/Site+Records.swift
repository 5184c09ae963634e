import LearningModel

extension Site {
  // MARK: review

  /// A review's page: its days and statutory clocks, findings, recommendations with their
  /// responses, actions with their state (and, on the intranet, their logs), dissemination, and
  /// links to its briefing and its published plan.
  func reviewPage(_ review: Review) -> SitePage {
    var words = [review.id, review.title, review.kind.title, review.summary ?? ""]
    var about: [(String, String)] = [("ID", review.id), ("Kind", review.kind.title)]
    let days: [(String, CalendarDay?)] = [
      ("Incident", review.dates.incident), ("Partnership aware", review.dates.aware),
      ("Notified to the National Panel", review.dates.notified), ("Referred", review.dates.referred),
      ("Rapid Review", review.dates.rapidReview), ("Decision", review.dates.decision),
      ("Sent to the National Panel", review.dates.sentToPanel), ("Published", review.dates.published),
    ]
    for (label, day) in days { if let day { about.append((label, day.description)) } }
    if !isPublic, let withheld = review.withheld(on: cut.day) {
      about.append(("Sharing", "Not yet: \(withheld)"))
    }
    var content: [HTMLNode] = [figures(about)]
    if let summary = review.summary, !summary.isEmpty { content.append(.el("p", text: summary)) }
    var links: [HTMLNode] = []
    if let follows = review.follows, reviewByID[follows] != nil {
      links.append(.el("li", [], [.text("Follows "), reviewLink(follows)]))
    }
    for later in followedBy[review.id] ?? [] {
      links.append(.el("li", [], [.text("Followed by "), reviewLink(later)]))
    }
    let themes = Self.unique(review.themes)
    if !themes.isEmpty {
      links.append(.el("li", [], [.text("Themes: ")] + commaList(themes.map(themeLink))))
      words += themes.compactMap { themeNames[$0] }
    }
    if !links.isEmpty { content.append(.el("ul", [], links)) }

    // The statutory clocks, judged as `report timeliness` judges them.
    let clocks = review.clocks(
      asOf: cut.day, calendar: cut.tracker.workingDayCalendar,
      rapidReviewClockFrom: cut.tracker.partnership.settings.rapidReviewClockStart,
      timetable: cut.tracker.timetable
    ).filter { $0.start <= cut.day }
    if !clocks.isEmpty {
      content.append(
        section(
          "Statutory clocks",
          [
            table(
              "Statutory timescales for \(review.id) as at \(cut.day)",
              ["Clock", "From", "Deadline", "Done", "Verdict"],
              clocks.map { clock in
                [
                  [.text(clock.clock.rule)], [.text(clock.start.description)],
                  [.text(clock.deadline.map(\.description) ?? "not yet known")],
                  [.text(clock.actual.map(\.description) ?? "not yet")], [.text(verdict(clock))],
                ]
              })
          ]))
    }

    content.append(
      section(
        "Findings",
        [
          table(
            "Findings of \(review.id)", ["Finding", "What the review found", "Themes", "Good practice"],
            review.findings.map { finding in
              words.append(finding.text)
              return [
                [.text(finding.id)], [.text(finding.text)],
                commaList(Self.unique(finding.themes).map(themeLink)),
                [.text(finding.goodPractice ? "Yes" : "No")],
              ]
            })
        ]))

    let actions = Dictionary(
      (placed[review.id] ?? []).map { ("\($0.placed.recommendation.id)/\($0.placed.action.id)", $0) },
      uniquingKeysWith: { first, _ in first })
    var recommendations: [HTMLNode] = []
    for recommendation in review.recommendations {
      words.append(recommendation.text)
      var part: [HTMLNode] = [
        .el(
          "h3", [("id", SiteAddress.recommendationAnchor(recommendation.id))],
          text: "Recommendation \(review.id)/\(recommendation.id)"),
        .el("p", text: recommendation.text),
      ]
      var facts: [HTMLNode] = [
        .el(
          "li", [],
          [
            .text(
              "Response: \(recommendation.response.title)"
                + (recommendation.responseNote.map { $0.isEmpty ? "" : " (\($0))" } ?? ""))
          ])
      ]
      let agencies = Self.unique(recommendation.agencies)
      if !agencies.isEmpty {
        facts.append(.el("li", [], [.text("Agencies: ")] + commaList(agencies.map(agencyLink))))
      }
      let themes = Self.unique(recommendation.themes)
      if !themes.isEmpty {
        facts.append(.el("li", [], [.text("Themes: ")] + commaList(themes.map(themeLink))))
      }
      part.append(.el("ul", [], facts))
      for action in recommendation.actions {
        guard let entry = actions["\(recommendation.id)/\(action.id)"] else { continue }
        words += [action.id, action.description]
        part += actionBlock(entry.placed, entry.state)
      }
      recommendations.append(.el("section", [("class", "recommendation")], part))
    }
    content.append(
      section(
        "Recommendations and actions",
        recommendations.isEmpty
          ? [.el("p", [("class", "empty")], text: "No recommendations yet.")] : recommendations
      ))

    let activities = disseminationsByReview[review.id] ?? []
    content.append(
      section(
        "Dissemination",
        [
          table(
            "How the learning of \(review.id) was shared", ["Activity", "Day", "Method", "Status", "Reach"],
            activities.map { activity in
              words.append(activity.title)
              return [
                [.text(activity.title)], [.text(activity.date.description)],
                [.text(methodNames[activity.method] ?? activity.method)], [.text(activity.status.rawValue)],
                [.text(activity.reach.map(\.description) ?? "")],
              ]
            }, numeric: [4])
        ]))

    let ownReports = reportsByReview[review.id] ?? []
    content.append(
      section(
        "Briefing and published plan",
        ownReports.isEmpty
          ? [
            .el(
              "p", [("class", "empty")],
              text: "No briefing or published plan yet: the review's learning is not yet free to share.")
          ]
          : [.el("ul", [], ownReports.map { .el("li", [], [link($0.address, $0.title)]) })]))
    return SitePage(
      address: .review(review.id), title: "\(review.title) (\(review.id))", kind: "Review", content: content,
      words: words)
  }

  func verdict(_ clock: ClockResult) -> String {
    switch clock.verdict {
    case .met: "Met"
    case .missed: "Missed"
    case .pending:
      clock.workingDaysLeft.map {
        $0 >= 0 ? "Pending: \(plural($0, "working day")) left" : "Pending: past the deadline"
      }
        ?? "Pending"
    case .notRecorded: "Not recorded"
    }
  }

  /// One action: its place (the anchor other pages link to), owner, due day, state and, on the
  /// intranet, its lead and its log.
  func actionBlock(_ placed: PlacedAction, _ state: ActionState) -> [HTMLNode] {
    let action = placed.action
    var facts: [HTMLNode] = [
      .el("dt", text: "Owner"), .el("dd", [], commaList(Self.unique(action.owners).map(agencyLink))),
      .el("dt", text: "Due"), .el("dd", text: state.due.description),
      .el("dt", text: "Status"), .el("dd", text: state.status.title),
      .el("dt", text: "Rating"), .el("dd", [], rating(state)),
    ]
    if let measure = action.measureOfSuccess, !measure.isEmpty {
      facts += [.el("dt", text: "Measure of success"), .el("dd", text: measure)]
    }
    if !isPublic, let lead = action.lead, !lead.isEmpty {
      facts += [.el("dt", text: "Lead"), .el("dd", text: lead)]
    }
    var block: [HTMLNode] = [
      .el("h4", [("id", SiteAddress.actionAnchor(action.id))], text: "Action \(placed.reference)"),
      .el("p", text: action.description),
      .el("dl", [("class", "figures")], facts),
    ]
    if !isPublic {
      let log = action.updates.filter { $0.date <= cut.day }
      block.append(
        table(
          "Log of action \(placed.reference)", ["Day", "Update"],
          log.map { [[.text($0.date.description)], [.text(updateSummary($0))]] }))
    }
    return block
  }

  // MARK: agency

  /// An agency's page: its overdue and open actions and those awaiting assurance, its chase list
  /// and (on the intranet) its Section 11 returns and ratings.
  func agencyPage(_ agency: Agency, page: Int) -> SitePage {
    let all = byAgency[agency.id] ?? []
    let pages = (1...Self.pageCount(all.count, per: Self.rowsPerPage)).map {
      SiteAddress.agency(agency.id, page: $0)
    }
    let shown = rows(all, page: page)
    var content: [HTMLNode] = [
      figures(
        [
          ("Kind", agency.kind.title), ("Statutory partner", agency.statutoryPartner ? "Yes" : "No"),
        ]
          + AgencyRow.Group.allCases.map { group in
            (group.heading, String(all.filter { $0.group == group }.count))
          })
    ]
    if let pager = pager(pages, current: page) { content.append(pager) }
    for group in AgencyRow.Group.allCases {
      let inGroup = shown.filter { $0.group == group }
      content.append(
        section(
          group.heading,
          [
            table(
              "\(group.heading) owned by \(agency.name)"
                + (pages.count > 1 ? " (page \(page) of \(pages.count))" : ""),
              ["Action", "Review", "What", "Due", "Status", "Rating"],
              inGroup.map { row in
                [
                  [actionLink(row.placed)], [reviewLink(row.placed.review.id)],
                  [.text(row.placed.action.description)],
                  [.text(row.state.due.description)], [.text(row.state.status.title)], rating(row.state),
                ]
              })
          ]))
    }
    if page == 1 {
      let chase = reports.filter { $0.agency == agency.id }
      if !chase.isEmpty {
        content.append(
          section("Chase list", [.el("ul", [], chase.map { .el("li", [], [link($0.address, $0.title)]) })]))
      }
      if !isPublic { content.append(section11(agency)) }
    }
    return SitePage(
      address: .agency(agency.id, page: page), title: agency.name + (page > 1 ? " (page \(page))" : ""),
      kind: "Agency", content: content, words: [agency.id, agency.name] + (agency.aliases ?? []))
  }

  func section11(_ agency: Agency) -> HTMLNode {
    let returns = returnsByAgency[agency.id] ?? []
    let standards = Dictionary(
      cut.tracker.section11Standards.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    func count(_ ratings: [Section11Rating?]) -> String {
      let met = ratings.filter { $0 == .met }.count
      let partly = ratings.filter { $0 == .partiallyMet }.count
      let not = ratings.filter { $0 == .notMet }.count
      return "\(met) met, \(partly) partially met, \(not) not met"
    }
    var children: [HTMLNode] = [
      table(
        "Section 11 returns of \(agency.name)", ["Cycle", "Due", "Submitted", "Self-assessed", "Moderated"],
        returns.map { record in
          [
            [.text(record.cycle)], [.text(record.due.description)],
            [.text(record.submitted.map(\.description) ?? "not yet")],
            [.text(count(record.ratings.map { $0.`self` }))],
            [.text(count(record.ratings.map(\.moderated)))],
          ]
        })
    ]
    for record in returns where !record.ratings.isEmpty {
      children.append(
        table(
          "Ratings of \(agency.name) in cycle \(record.cycle)", ["Standard", "Self-assessed", "Moderated"],
          record.ratings.map { rating in
            [
              [.text(standards[rating.standard] ?? rating.standard)], [.text(Self.title(rating.`self`))],
              [.text(rating.moderated.map(Self.title) ?? "not moderated")],
            ]
          }))
    }
    return section("Section 11 returns", children)
  }

  static func title(_ rating: Section11Rating) -> String {
    switch rating {
    case .met: "Met"
    case .partiallyMet: "Partially met"
    case .notMet: "Not met"
    }
  }

  // MARK: theme

  /// A theme's page, for trainers building a course: the reviews, findings and recommendations
  /// that carry it, the briefings and other activities that covered it, and the families of
  /// findings that came back carrying it.
  func themePage(_ theme: CatalogueEntry, page: Int) -> SitePage {
    let items = themeItems[theme.id] ?? []
    let pages = (1...themePageCount(theme.id)).map { SiteAddress.theme(theme.id, page: $0) }
    let shown = rows(items, page: page)
    var content: [HTMLNode] = []
    if let pager = pager(pages, current: page) { content.append(pager) }
    var findings: [[[HTMLNode]]] = []
    var recommendations: [[[HTMLNode]]] = []
    for item in shown {
      switch item {
      case .finding(let review, _, let finding):
        findings.append([
          [reviewLink(review)], [.text(finding.text)],
          [.text(finding.goodPractice ? "Good practice" : "Learning")],
        ])
      case .recommendation(let review, _, let recommendation):
        recommendations.append([
          [
            link(
              .review(review), "Recommendation \(review)/\(recommendation.id)",
              fragment: SiteAddress.recommendationAnchor(recommendation.id))
          ],
          [.text(recommendation.text)], [.text(recommendation.response.title)],
        ])
      }
    }
    let suffix = pages.count > 1 ? " (page \(page) of \(pages.count))" : ""
    content.append(
      section(
        "Findings",
        [table("Findings carrying \(theme.name)" + suffix, ["Review", "Finding", "Kind"], findings)]))
    content.append(
      section(
        "Recommendations",
        [
          table(
            "Recommendations carrying \(theme.name)" + suffix, ["Recommendation", "Text", "Response"],
            recommendations)
        ]))
    var families = families(of: theme, page: page, pages: pages.count)
    if let report = reports.first(where: { $0.kind.name == "repeats" }) {
      families.append(
        .el(
          "p", [],
          [
            .text("Families of findings and of recommendations made again, for every theme: "),
            link(report.address, report.title),
          ]))
    }
    content.append(section("Learning that comes back", families))
    if page == 1 {
      let carrying = reviewsByTheme[theme.id] ?? []
      content.append(
        section(
          "Reviews",
          carrying.isEmpty
            ? [.el("p", [("class", "empty")], text: "No review carries this theme.")]
            : [.el("ul", [], carrying.map { .el("li", [], [reviewLink($0.id)]) })]))
      let activities = disseminationsByTheme[theme.id] ?? []
      content.append(
        section(
          "Briefings and other dissemination",
          [
            table(
              "Dissemination covering \(theme.name)", ["Activity", "Day", "Method", "Reviews"],
              activities.map { activity in
                [
                  [.text(activity.title)], [.text(activity.date.description)],
                  [.text(methodNames[activity.method] ?? activity.method)],
                  commaList(Self.unique(activity.reviews).map(reviewLink)),
                ]
              })
          ]
            + briefings(for: carrying)))
    }
    return SitePage(
      address: .theme(theme.id, page: page), title: theme.name + (page > 1 ? " (page \(page))" : ""),
      kind: "Theme", content: content, words: [theme.id, theme.name])
  }

  /// The 7-minute briefings of the reviews that carry a theme.
  func briefings(for reviews: [Review]) -> [HTMLNode] {
    let found = reviews.flatMap { reportsByReview[$0.id] ?? [] }.filter { $0.kind.name == "briefing" }
    guard !found.isEmpty else { return [] }
    return [
      .el("p", text: "7-minute briefings of the reviews that carry it:"),
      .el("ul", [], found.map { .el("li", [], [link($0.address, $0.title)]) }),
    ]
  }
}
