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
  /// Findings of families shown on one page of a theme: a large family is continued on the next.
  static let familyFindingsPerPage = 500

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
    max(Self.pageCount(themeItems[theme]?.count ?? 0, per: Self.rowsPerPage), familyPages(theme).count)
  }

  /// The families of a theme laid out on its pages, in order: on each page, the families (by
  /// their place in the theme's list) and the run of each one's findings it shows, at most
  /// `familyFindingsPerPage` findings a page.
  func familyPages(_ theme: String) -> [[(family: Int, findings: Range<Int>)]] {
    var pages: [[(family: Int, findings: Range<Int>)]] = [[]]
    var used = 0
    for (index, family) in (familiesByTheme[theme] ?? []).enumerated() {
      var start = 0
      while start < family.members.count {
        if used >= Self.familyFindingsPerPage {
          pages.append([])
          used = 0
        }
        let end = min(family.members.count, start + Self.familyFindingsPerPage - used)
        pages[pages.count - 1].append((index, start..<end))
        used += end - start
        start = end
      }
    }
    return pages
  }

  /// The families of a theme on one of its pages, each a heading and the list of its findings,
  /// the earliest first, each linked to its review.
  func families(of theme: CatalogueEntry, page: Int, pages: Int) -> [HTMLNode] {
    let all = familiesByTheme[theme.id] ?? []
    let laidOut = familyPages(theme.id)
    let shown = page <= laidOut.count ? laidOut[page - 1] : []
    var nodes: [HTMLNode] = [
      .el(
        "p",
        text: all.isEmpty
          ? "No finding carrying \(theme.name) has been found again in a later review."
          : "Findings found again in later reviews, in families: the earliest finding, then each later "
            + "finding that repeats it (confirmed when the link is recorded, suggested when only the "
            + "wording is similar). Families spanning more than one reporting year come first."
            + (laidOut.count > 1 ? " The \(all.count) families continue over the pages of this theme." : ""))
    ]
    for (index, findings) in shown {
      let family = all[index]
      let reviews = Self.unique(family.members.map(\.review))
      let part =
        findings.count == family.members.count
        ? "" : " (findings \(findings.lowerBound + 1) to \(findings.upperBound))"
      nodes.append(
        .el(
          "h3",
          text: "Family \(index + 1): \(family.members.count) findings in \(reviews.count) "
            + (reviews.count == 1 ? "review" : "reviews")
            + (family.years.isEmpty
              ? "" : ", " + family.years.map(RepeatsReport.yearName).joined(separator: ", "))
            + part
        ))
      nodes.append(
        .el(
          "ul", [],
          family.members[findings].map { member in
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
