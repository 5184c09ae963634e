import LearningModel

/// A family of findings that come back, as a theme's page shows it: the earliest finding and the
/// later ones that repeat it, each placed in its review. Families are those `report repeats`
/// makes (`RepeatsReport.findingFamilies`, over the site's one `ReportBasis`), so the site and
/// the report never disagree about which findings repeat which.
struct ThemeFamily: Sendable {
  /// A finding of the family.
  struct Member: Sendable {
    /// The review it belongs to.
    var review: String
    /// `REVIEW/F1`.
    var reference: String
    /// The review's learning day.
    var day: CalendarDay?
    /// The finding's text.
    var text: String
    /// The earlier finding it repeats, and how the link is known (`confirmed`, `suggested`);
    /// nil for the earliest.
    var repeats: (reference: String, link: String, similarity: Double?)?
  }

  /// The earliest finding first, then the later ones.
  var members: [Member]
  /// The reporting years (by the year they start in) of its dated findings.
  var years: [Int]
}

extension Site {
  /// Families of findings shown on a theme's page.
  static let familiesPerPage = 40

  /// The families of findings that come back, by the themes that carry them: a family carries a
  /// theme when one of its findings does, or that finding's review does (the rule of
  /// `report repeats --theme`). Only findings of reviews the site shows are kept; a family left
  /// with fewer than two is left out (the public site never names an unpublished finding).
  static func familiesByTheme(
    _ cut: TrackerAsOf, shown reviews: [Review], sharing basis: ReportBasis?
  ) -> [String: [ThemeFamily]] {
    var findings: [String: (review: Review, finding: Finding)] = [:]
    for review in reviews {
      for finding in review.findings { findings["\(review.id)/\(finding.id)"] = (review, finding) }
    }
    let families = RepeatsReport.findingFamilies(
      cut, ReportOptions(asOf: cut.day), threshold: RepeatsReport.defaultThreshold, theme: nil, sharing: basis
    ).families
    var byTheme: [String: [ThemeFamily]] = [:]
    for family in families {
      var members: [ThemeFamily.Member] = []
      var themes: [String] = []
      let all =
        [(family.earliest, family.day, family.text, nil)]
        + family.members.map { ($0.reference, $0.day, $0.text, ($0.repeats, $0.link, $0.similarity)) }
      for (reference, day, text, repeats) in all {
        guard let placed = findings[reference] else { continue }
        members.append(
          ThemeFamily.Member(
            review: placed.review.id, reference: reference, day: day, text: text,
            repeats: repeats.map {
              // An earlier finding the site does not show is not named.
              (
                reference: findings[$0.0] == nil ? "an earlier finding not shown here" : $0.0, link: $0.1,
                similarity: $0.2
              )
            }))
        themes += placed.finding.themes + placed.review.themes
      }
      guard members.count > 1 else { continue }
      let kept = ThemeFamily(members: members, years: family.years)
      for theme in unique(themes) { byTheme[theme, default: []].append(kept) }
    }
    return byTheme
  }

  /// The pages of a theme: enough for its findings and recommendations and for its families.
  func themePageCount(_ theme: String) -> Int {
    max(
      Self.pageCount(themeItems[theme]?.count ?? 0, per: Self.rowsPerPage),
      Self.pageCount(familiesByTheme[theme]?.count ?? 0, per: Self.familiesPerPage))
  }

  /// The families of a theme on one of its pages, each a heading and the list of its findings,
  /// the earliest first, each linked to its review.
  func families(of theme: CatalogueEntry, page: Int, pages: Int) -> [HTMLNode] {
    let all = familiesByTheme[theme.id] ?? []
    let start = min(all.count, (page - 1) * Self.familiesPerPage)
    let shown = all[start..<min(all.count, start + Self.familiesPerPage)]
    var nodes: [HTMLNode] = [
      .el(
        "p",
        text: all.isEmpty
          ? "No finding carrying \(theme.name) has been found again in a later review."
          : "Findings found again in later reviews, in families: the earliest finding, then each later "
            + "finding that repeats it (confirmed when the link is recorded, suggested when only the "
            + "wording is similar). Families spanning more than one reporting year come first."
            + (pages > 1 ? " Families \(start + 1) to \(start + shown.count) of \(all.count)." : ""))
    ]
    for (offset, family) in shown.enumerated() {
      let reviews = Self.unique(family.members.map(\.review))
      nodes.append(
        .el(
          "h3",
          text: "Family \(start + offset + 1): \(family.members.count) findings in \(reviews.count) "
            + (reviews.count == 1 ? "review" : "reviews")
            + (family.years.isEmpty
              ? "" : ", " + family.years.map(RepeatsReport.yearName).joined(separator: ", "))
        ))
      nodes.append(
        .el(
          "ul", [],
          family.members.map { member in
            var item: [HTMLNode] = [
              reviewLink(member.review),
              .text(
                ", finding \(member.reference) (\(member.day?.description ?? "undated")): \(member.text)"),
            ]
            if let repeats = member.repeats {
              item.append(
                .text(
                  " Repeats \(repeats.reference), \(repeats.link)"
                    + (repeats.similarity.map { ", similarity \($0)" } ?? "") + "."))
            } else {
              item.append(.text(" The earliest."))
            }
            return .el("li", [], item)
          }))
    }
    return nodes
  }
}
