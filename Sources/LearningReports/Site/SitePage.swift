import LearningModel

/// One page of the learning site: its address, its title, what it is (a review, an agency...),
/// its content as HTML nodes (escaped by the one serializer) and its words for the search index.
public struct SitePage: Sendable {
  /// Where it lives.
  public var address: SiteAddress
  /// Its title, the page's only first-level heading.
  public var title: String
  /// What it is, for search results: "Review", "Agency", "Theme", "Report", "Page".
  public var kind: String
  /// The content of its main region, after its heading.
  public var content: [HTMLNode]
  /// The text search finds it by.
  public var words: [String]

  /// The entry of the search index for this page.
  public var searchEntry: SiteSearchIndex.Entry {
    SiteSearchIndex.Entry(
      href: address.href, title: title, kind: kind, words: SiteSearchIndex.words(of: words))
  }
}

extension Site {
  // MARK: links

  func link(_ address: SiteAddress, _ text: String, fragment: String? = nil) -> HTMLNode {
    .el("a", [("href", address.href + (fragment.map { "#" + SiteAddress.fragment($0) } ?? ""))], text: text)
  }

  /// A review's name and ID as a link to its page; plain text when the site does not show it.
  func reviewLink(_ id: String) -> HTMLNode {
    guard let review = reviewByID[id] else {
      return .text(isPublic ? "a review not published here" : id)
    }
    return link(.review(id), "\(review.title) (\(id))")
  }

  func agencyLink(_ id: String) -> HTMLNode {
    cut.tracker.agency(id) == nil ? .text(id) : link(.agency(id, page: 1), cut.tracker.agencyName(id))
  }

  func themeLink(_ id: String) -> HTMLNode {
    themeNames[id] == nil ? .text(id) : link(.theme(id, page: 1), themeNames[id] ?? id)
  }

  func actionLink(_ placed: PlacedAction) -> HTMLNode {
    .el(
      "a", [("href", SiteAddress.action(review: placed.review.id, action: placed.action.id))],
      text: "Action \(placed.reference)")
  }

  /// Nodes joined with ", ".
  func commaList(_ nodes: [HTMLNode]) -> [HTMLNode] {
    var out: [HTMLNode] = []
    for (index, node) in nodes.enumerated() {
      if index > 0 { out.append(.text(", ")) }
      out.append(node)
    }
    return out
  }

  // MARK: blocks

  /// A table with a caption, column headers and row headers, in a scrolling region that the
  /// keyboard can reach, as the reports draw theirs.
  func table(_ caption: String, _ columns: [String], _ rows: [[[HTMLNode]]], numeric: Set<Int> = [])
    -> HTMLNode
  {
    if rows.isEmpty { return .el("p", [("class", "empty")], text: caption + ": none.") }
    let head = HTMLNode.el(
      "thead", [],
      [
        .el(
          "tr", [],
          columns.enumerated().map { index, title in
            .el("th", [("scope", "col")] + (numeric.contains(index) ? [("class", "num")] : []), text: title)
          })
      ])
    let body = rows.map { row in
      HTMLNode.el(
        "tr", [],
        row.enumerated().map { index, cell in
          index == 0
            ? .el("th", [("scope", "row")], cell)
            : .el("td", numeric.contains(index) ? [("class", "num")] : [], cell)
        })
    }
    return .el(
      "div", [("class", "table-scroll"), ("role", "region"), ("aria-label", caption), ("tabindex", "0")],
      [.el("table", [], [.el("caption", text: caption), head, .el("tbody", [], body)])])
  }

  func figures(_ pairs: [(String, String)]) -> HTMLNode {
    .el("dl", [("class", "figures")], pairs.flatMap { [.el("dt", text: $0.0), .el("dd", text: $0.1)] })
  }

  func section(_ heading: String, _ children: [HTMLNode]) -> HTMLNode {
    .el("section", [], [.el("h2", text: heading)] + children)
  }

  func rating(_ state: ActionState) -> [HTMLNode] {
    guard let brag = state.brag else { return [.text("Withdrawn")] }
    return [ReportDocument.ratingLabel(brag)]
  }

  /// Links to the further pages of a long list.
  func pager(_ addresses: [SiteAddress], current: Int) -> HTMLNode? {
    guard addresses.count > 1 else { return nil }
    return .el(
      "nav", [("aria-label", "Pages of this list")],
      [
        .el(
          "ul", [("class", "pager")],
          addresses.enumerated().map { index, address in
            index + 1 == current
              ? .el(
                "li", [], [.el("span", [("aria-current", "page")], text: "Page \(index + 1) (this page)")])
              : .el("li", [], [link(address, "Page \(index + 1) of \(addresses.count)")])
          })
      ])
  }

  func rows<T>(_ all: [T], page: Int) -> ArraySlice<T> {
    let start = min(all.count, (page - 1) * Self.rowsPerPage)
    return all[start..<min(all.count, start + Self.rowsPerPage)]
  }

  var otherReports: [SiteReport] { reports.filter { $0.review == nil && $0.agency == nil } }

  // MARK: home

  var homePage: SitePage {
    let actions = reviews.flatMap { placed[$0.id] ?? [] }
    let open = actions.filter { $0.state.isOpen }
    var content: [HTMLNode] = [
      .el(
        "p",
        text: isPublic
          ? "The learning \(partnership) has published from its case reviews: each review's findings, recommendations and action plan, what each agency is doing, and the themes that run through them."
          : "What \(partnership) has learned from its case reviews and what is being done about it: every review, agency and theme, with the reports for the board, the QA subgroup and trainers."
      ),
      section(
        "Headline figures",
        [
          figures([
            ("Reviews", String(reviews.count)),
            ("Actions", String(actions.count)),
            ("Open actions", String(open.count)),
            ("Overdue actions", String(open.filter { $0.state.isOverdue }.count)),
            ("Awaiting assurance", String(actions.filter { $0.state.status == .completed }.count)),
            ("Assured", String(actions.filter { $0.state.status == .assured }.count)),
          ])
        ]),
    ]
    let listed = otherReports
    if !listed.isEmpty {
      content.append(
        section("Reports", [.el("ul", [], listed.map { .el("li", [], [link($0.address, $0.title)]) })]))
    }
    if isPublic {
      let recent = reviews.sorted {
        ($0.dates.published ?? cut.day, $0.id) > ($1.dates.published ?? cut.day, $1.id)
      }.prefix(Self.homeListLength)
      content.append(
        section(
          "Recently published reviews",
          [
            .el(
              "ul", [],
              recent.map {
                .el(
                  "li", [],
                  [reviewLink($0.id), .text(", published \($0.dates.published.map(\.description) ?? "")")])
              })
          ]))
    } else {
      let inProgress = reviews.filter { $0.withheld(on: cut.day) == .inProgress }
      content.append(
        section(
          "Reviews in progress",
          inProgress.isEmpty
            ? [.el("p", [("class", "empty")], text: "No review is in progress.")]
            : [
              .el("ul", [], inProgress.prefix(Self.homeListLength).map { .el("li", [], [reviewLink($0.id)]) })
            ]
              + (inProgress.count > Self.homeListLength
                ? [
                  .el(
                    "p", [],
                    [
                      .text("and \(inProgress.count - Self.homeListLength) more: "),
                      link(.everything(page: 1), "the index of everything"),
                    ])
                ] : [])))
      content.append(recentChanges(actions))
    }
    content.append(
      section("Agencies", [.el("ul", [], cut.tracker.agencies.map { .el("li", [], [agencyLink($0.id)]) })]))
    content.append(
      section("Themes", [.el("ul", [], cut.tracker.themes.map { .el("li", [], [themeLink($0.id)]) })]))
    return SitePage(
      address: .home, title: "\(partnership): learning from case reviews", kind: "Page", content: content,
      words: [partnership, "home"])
  }

  /// The updates logged in the weeks before the day, newest first.
  func recentChanges(_ actions: [(placed: PlacedAction, state: ActionState)]) -> HTMLNode {
    let from = cut.day.adding(days: -Self.recentDays)
    var changes: [(day: CalendarDay, order: Int, placed: PlacedAction, update: ActionUpdate)] = []
    for (order, entry) in actions.enumerated() {
      for update in entry.placed.action.updates where update.date > from && update.date <= cut.day {
        changes.append((update.date, order, entry.placed, update))
      }
    }
    changes.sort { ($0.day, -$0.order) > ($1.day, -$1.order) }
    let rows: [[[HTMLNode]]] = changes.prefix(Self.homeListLength).map { change in
      [
        [.text(change.day.description)], [actionLink(change.placed)], [reviewLink(change.placed.review.id)],
        [.text(updateSummary(change.update))],
      ]
    }
    return section(
      "Recent changes",
      [
        table(
          "Action updates in the \(Self.recentDays) days to \(cut.day), newest first"
            + (changes.count > Self.homeListLength
              ? " (the latest \(Self.homeListLength) of \(changes.count))" : ""),
          ["Day", "Action", "Review", "Update"], rows)
      ])
  }

  func updateSummary(_ update: ActionUpdate) -> String {
    var parts: [String] = []
    if let status = update.status { parts.append(status.title) }
    if let due = update.due { parts.append("due revised to \(due)") }
    if let note = update.note, !note.isEmpty { parts.append(note) }
    if let evidence = update.evidence, !evidence.isEmpty {
      parts.append("evidence: " + evidence.joined(separator: "; "))
    }
    if let by = update.by, !by.isEmpty { parts.append("by \(by)") }
    return parts.joined(separator: "; ")
  }

  // MARK: index of everything

  func everythingPage(_ page: Int) -> SitePage {
    let pages = (1...Self.pageCount(reviews.count, per: Self.reviewsPerIndexPage)).map {
      SiteAddress.everything(page: $0)
    }
    let start = min(reviews.count, (page - 1) * Self.reviewsPerIndexPage)
    let shown = reviews[start..<min(reviews.count, start + Self.reviewsPerIndexPage)]
    var content: [HTMLNode] = [
      .el(
        "p",
        text:
          "Every page of the site, for finding one without the search box: the reviews, then the agencies, the themes and the reports."
      )
    ]
    if let pager = pager(pages, current: page) { content.append(pager) }
    content.append(
      section(
        "Reviews",
        [
          table(
            "Reviews"
              + (pages.count > 1 ? " \(start + 1) to \(start + shown.count) of \(reviews.count)" : ""),
            ["Review", "Kind", "Published"],
            shown.map { review in
              [
                [reviewLink(review.id)], [.text(review.kind.title)],
                [
                  .text(
                    review.dates.published.map { $0 <= cut.day ? $0.description : "not yet" } ?? "not yet")
                ],
              ]
            })
        ]))
    if page == 1 {
      content.append(
        section("Agencies", [.el("ul", [], cut.tracker.agencies.map { .el("li", [], [agencyLink($0.id)]) })]))
      content.append(
        section("Themes", [.el("ul", [], cut.tracker.themes.map { .el("li", [], [themeLink($0.id)]) })]))
      content.append(
        section(
          "Reports",
          reports.isEmpty
            ? [.el("p", [("class", "empty")], text: "No reports.")]
            : [.el("ul", [], reports.map { .el("li", [], [link($0.address, $0.title)]) })]))
    }
    return SitePage(
      address: .everything(page: page), title: "Index of everything" + (page > 1 ? " (page \(page))" : ""),
      kind: "Page", content: content, words: ["index"])
  }

  // MARK: search

  var searchPage: SitePage {
    SitePage(
      address: .search, title: "Search", kind: "Page",
      content: [
        .el("div", [("id", "search-results"), ("aria-live", "polite")], []),
        .el(
          "noscript", [],
          [
            .el(
              "p", [],
              [
                .text("Search needs scripts, which are turned off. "),
                link(.everything(page: 1), "The index of everything lists every page"), .text("."),
              ])
          ]),
        .el(
          "p", [],
          [
            .text("Searching finds reviews, actions, findings, agencies and themes by their words. "),
            link(.everything(page: 1), "The index of everything"), .text(" lists every page."),
          ]),
      ], words: [])
  }
}
