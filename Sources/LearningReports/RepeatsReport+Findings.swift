import LearningModel

extension RepeatsReport {
  /// A finding found again: linked to the earlier finding it repeats.
  public struct FindingMember: Encodable, Equatable, Sendable {
    /// The finding's reference, such as `LCSPR-2025-02/F3`.
    public var reference: String
    /// The review's learning day; none when undated.
    public var day: CalendarDay?
    /// The finding's text.
    public var text: String
    /// The earlier finding it repeats.
    public var repeats: String
    /// `confirmed` when the business unit recorded the link, `suggested` when only the wording is similar.
    public var link: String
    /// The similarity of the two findings' words, 0 to 1, when at least the threshold.
    public var similarity: Double?
  }

  /// The earliest finding and every later one that repeats it, directly or through another.
  public struct FindingFamily: Encodable, Equatable, Sendable {
    /// The earliest finding's reference.
    public var earliest: String
    /// Its review's learning day.
    public var day: CalendarDay?
    /// Its text.
    public var text: String
    /// The later findings, earliest first.
    public var members: [FindingMember]
    /// The reporting years (by the year they start in) of the dated findings, the earliest included.
    public var years: [Int]
  }

  /// The families of findings that come back, with a member within the report's filters: those
  /// spanning more than one reporting year first, then the largest, then the most recent. A
  /// recorded `repeats` link places a finding (confirmed); otherwise its closest earlier finding of
  /// another review at or above the threshold does (suggested).
  static func findingFamilies(
    _ cut: TrackerAsOf, _ options: ReportOptions, threshold: Double, theme: String?,
    sharing basis: ReportBasis? = nil
  ) -> (compared: Int, families: [FindingFamily]) {
    let tracker = cut.tracker
    let repeats = basis.findingRepeats(cut, asOf: options.asOf, threshold: threshold, limit: 1)
    let partnership = tracker.partnership
    func finding(_ position: Int) -> (Review, Finding) {
      let entry = repeats.entries[position]
      let review = tracker.reviews[entry.review]
      return (review, review.findings[entry.finding])
    }
    func inScope(_ position: Int) -> Bool {
      let entry = repeats.entries[position]
      let (review, finding) = finding(position)
      if let wanted = options.review, review.id != wanted { return false }
      if let year = options.year {
        guard let day = entry.day, partnership.reportingYear(containing: day) == year else { return false }
      }
      if let since = options.since {
        guard let day = entry.day, day >= since else { return false }
      }
      // The theme rule: a finding counts for a theme it carries or that its review carries.
      if let theme, !finding.themes.contains(theme) && !review.themes.contains(theme) { return false }
      return true
    }
    var root = Array(repeats.entries.indices)
    var members: [Int: [Int]] = [:]
    for position in repeats.entries.indices {
      guard let parent = repeats.parent(of: position) else { continue }
      root[position] = root[parent.earlier]
      members[root[position], default: []].append(position)
    }
    var chosen: [(earliest: Int, later: [Int], multiYear: Bool)] = []
    for (earliest, later) in members where inScope(earliest) || later.contains(where: inScope) {
      let spanned = Set(
        ([earliest] + later).compactMap { repeats.entries[$0].day.map(partnership.reportingYear) })
      chosen.append((earliest, later, spanned.count > 1))
    }
    chosen.sort { a, b in
      if a.multiYear != b.multiYear { return a.multiYear }
      if a.later.count != b.later.count { return a.later.count > b.later.count }
      return (a.later.last ?? a.earliest) > (b.later.last ?? b.earliest)
    }
    let families = chosen.map { family in
      let entry = repeats.entries[family.earliest]
      return FindingFamily(
        earliest: entry.reference, day: entry.day, text: finding(family.earliest).1.text,
        members: family.later.map { position in
          let parent = repeats.parent(of: position)
          return FindingMember(
            reference: repeats.entries[position].reference, day: repeats.entries[position].day,
            text: finding(position).1.text,
            repeats: parent.map { repeats.entries[$0.earlier].reference } ?? "",
            link: parent?.confirmed == true ? "confirmed" : "suggested",
            similarity: parent?.similarity.map { ($0 * 100).rounded() / 100 })
        },
        years: Set(
          ([family.earliest] + family.later).compactMap {
            repeats.entries[$0].day.map(partnership.reportingYear)
          }
        ).sorted())
    }
    return (repeats.entries.count, families)
  }

  /// The families of findings as a table for the renderers.
  var findingFamilyTable: Table {
    var table = Table(
      caption: "Families: the earliest finding and the later ones that repeat it",
      columns: [
        .init("Earliest"), .init("Finding"), .init("Found again in"), .init("Link"), .init("Years"),
      ],
      emptyText: "No finding repeats an earlier one.")
    for family in findingFamilies {
      for (index, member) in family.members.prefix(Self.membersShown).enumerated() {
        let link =
          member.link == "confirmed"
          ? "confirmed"
          : "suggested" + (member.similarity.map { ", \(Int(($0 * 100).rounded()))% similar" } ?? "")
        table.append([
          Table.Cell(index == 0 ? "\(family.earliest) (\(family.day?.description ?? "undated"))" : ""),
          Table.Cell(index == 0 ? family.text : ""),
          Table.Cell("\(member.reference) (\(member.day?.description ?? "undated")): \(member.text)"),
          Table.Cell(member.repeats == family.earliest ? link : "\(link), of \(member.repeats)"),
          Table.Cell(index == 0 ? family.years.map(Self.yearName).joined(separator: ", ") : ""),
        ])
      }
      if family.members.count > Self.membersShown {
        table.append([
          Table.Cell(""), Table.Cell(""), Table.Cell("and \(family.members.count - Self.membersShown) more"),
          Table.Cell(""), Table.Cell(""),
        ])
      }
    }
    return table
  }
}

extension RepeatsReport {
  /// The recommendations by family, then one row per finding of a family: written as
  /// `repeats.csv` and `repeats-findings-that-come-back-by-family.csv`.
  public var csvTables: [Table] { [csvTable, findingCSVTable] }

  /// One row per finding the families of findings name, earliest first in each family.
  public var findingCSVTable: Table {
    var table = Table(
      caption: "Findings that come back, by family",
      columns: ["Family", "Reference", "Day", "Text", "Repeats", "Link", "Similarity"].map {
        Table.Column($0)
      })
    for family in findingFamilies {
      table.append(
        [family.earliest, family.earliest, family.day?.description ?? "undated", family.text, "", "", ""].map
        {
          Table.Cell($0)
        })
      for member in family.members {
        table.append(
          [
            family.earliest, member.reference, member.day?.description ?? "undated", member.text,
            member.repeats,
            member.link, member.similarity.map { String($0) } ?? "",
          ].map { Table.Cell($0) })
      }
    }
    return table
  }
}
