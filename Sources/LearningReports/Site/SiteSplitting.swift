import LearningModel

/// How the site keeps every file under about a megabyte, so that a page opens quickly from a
/// shared drive or a document library and a browser never has to hold a report of thousands of
/// rows at once: a long report is written as parts, a long search index as several scripts.
public enum SiteSplitting {
  /// The most bytes a file of the site is written with, where it can be split: below the
  /// megabyte every file of the site keeps under, with room for the headings and links a part
  /// adds around its content.
  public static let fileBudget = 900_000
  /// The bytes a part's headings, contents list and links are allowed, besides its content.
  static let partFurniture = 60_000
}

/// One page of a report in the site: where it is written and its HTML.
public struct SiteReportPage: Sendable {
  /// Where it is written: the report's address, then `reportPart` for its further parts.
  public var address: SiteAddress
  /// The whole HTML file.
  public var html: String
}

extension ReportDocument {
  /// The report as the pages of the site at `parts` (its name, `["overdue"]`): one page, as
  /// `report all` writes it, when it fits in `budget` bytes; otherwise parts, each with the
  /// report's heading, a contents list of the parts and links to the previous and next part,
  /// printed on A4 with the report's print rules. A long table is split into runs of rows, each
  /// with its caption and column headings; a section continued on the next part says so.
  public func sitePages(_ parts: [String], budget: Int = SiteSplitting.fileBudget) -> [SiteReportPage] {
    if approximateSize * 3 < budget {
      let whole = asHTML
      if whole.utf8.count <= budget { return [SiteReportPage(address: .report(parts), html: whole)] }
    }
    let wide = isWide
    let content = max(4096, budget - Self.stylesheet.utf8.count - SiteSplitting.partFurniture)
    let pieces = sitePieces(budget: content / 2)
    // The pieces, taken in order, fill each part up to the content budget.
    var grouped: [[SitePiece]] = [[]]
    var size = 0
    for piece in pieces {
      let bytes = piece.markup.utf8.count
      if size + bytes > content && !(grouped.last ?? []).isEmpty {
        grouped.append([])
        size = 0
      }
      grouped[grouped.count - 1].append(piece)
      size += bytes
    }
    if grouped.count == 1 { return [SiteReportPage(address: .report(parts), html: asHTML)] }
    let addresses = grouped.indices.map {
      $0 == 0 ? SiteAddress.report(parts) : .reportPart(parts, part: $0 + 1)
    }
    let labels = grouped.map { "\($0.first?.label ?? title)" }
    var document = self
    document.pageStyle = PageStyle(
      bodyClass: (pageStyle.map { $0.bodyClass + " " } ?? "") + "report-part",
      css: (pageStyle.map { $0.css + "\n" } ?? "") + Self.partRules)
    return grouped.enumerated().map { index, group in
      var main: [HTMLNode] = []
      var start = 0
      while start < group.count {
        let section = group[start].section
        var end = start
        while end < group.count && group[end].section == section { end += 1 }
        let heading = sections[section].heading + (group[start].continued ? " (continued)" : "")
        main.append(
          .el(
            "section",
            sections[section].startsOnNewPage && !group[start].continued ? [("class", "appendix")] : [],
            [.el("h2", text: heading)] + group[start..<end].map { .trusted($0.markup) }))
        start = end
      }
      let count = grouped.count
      let contents = HTMLNode.el(
        "nav", [("class", "report-parts"), ("aria-label", "Parts of this report")],
        [
          .el("p", text: "This report is written in \(count) parts; this is part \(index + 1)."),
          .el(
            "ol", [],
            zip(addresses, labels).enumerated().map { other, entry in
              let text = "Part \(other + 1): \(entry.1)"
              return other == index
                ? .el("li", [], [.el("span", [("aria-current", "page")], text: text + " (this part)")])
                : .el("li", [], [.el("a", [("href", entry.0.href)], text: text)])
            }),
        ])
      var steps: [HTMLNode] = []
      if index > 0 {
        steps.append(
          .el(
            "li", [],
            [
              .el(
                "a", [("href", addresses[index - 1].href), ("rel", "prev")], text: "Previous: part \(index)")
            ]))
      }
      if index + 1 < count {
        steps.append(
          .el(
            "li", [],
            [
              .el(
                "a", [("href", addresses[index + 1].href), ("rel", "next")], text: "Next: part \(index + 2)")
            ]))
      }
      main.append(
        .el(
          "nav", [("class", "report-pager"), ("aria-label", "Previous and next parts")],
          [.el("ul", [], steps)]))
      let html = document.page(
        main, wide: wide, navigation: [contents], footer: footer + " · part \(index + 1) of \(count)",
        reserving: group.reduce(0) { $0 + $1.markup.utf8.count })
      return SiteReportPage(address: addresses[index], html: html)
    }
  }

  /// The rules of a report written as parts: the contents list and the previous and next links
  /// on the screen, left out on paper.
  static let partRules = """
    nav.report-parts ol, nav.report-pager ul { padding-left: 1.4rem; }
    nav.report-pager ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
    nav.report-parts li > a, nav.report-pager a { display: inline-block; min-height: 24px; line-height: 24px; }
    @media print { nav.report-parts, nav.report-pager { display: none; } }
    """

  /// The report's content as pieces of markup in reading order, none (but a single row too long
  /// on its own) over `budget` bytes: each block of each section, a long table as runs of rows.
  func sitePieces(budget: Int) -> [SitePiece] {
    var renderer = HTMLRenderer()
    var pieces: [SitePiece] = []
    for (number, section) in sections.enumerated() {
      var continued = false
      func add(_ markup: String, _ label: String) {
        pieces.append(SitePiece(section: number, continued: continued, label: label, markup: markup))
        continued = true
      }
      if section.blocks.isEmpty { add("", section.heading) }
      for block in section.blocks {
        guard case .table(let table) = block, table.rows.count > 1, table.approximateSize * 3 > budget else {
          var markup = ""
          for node in renderer.html(block) { node.write(into: &markup) }
          add(markup, section.heading)
          continue
        }
        let count = table.rows.count
        var size = max(1, budget / max(1, table.approximateSize * 3 / count))
        var start = 0
        while start < count {
          let end = min(count, start + size)
          var run = table
          run.rows = Array(table.rows[start..<end])
          let rows = "rows \(start + 1) to \(end) of \(count)"
          run.caption = table.caption + " (\(rows))"
          var markup = ""
          renderer.html(run).write(into: &markup)
          if markup.utf8.count > budget && end - start > 1 {
            size = max(1, (end - start) / 2)
            continue
          }
          add(markup, section.heading + ", " + table.caption + ", " + rows)
          start = end
        }
      }
    }
    return pieces
  }
}

/// A piece of a report's content: the section it belongs to, whether it continues that section,
/// what it is called in the contents list, and its markup (made by the report's own renderer).
struct SitePiece {
  var section: Int
  var continued: Bool
  var label: String
  var markup: String
}

extension SiteSearchIndex {
  /// The index as scripts of at most about `budget` bytes each: the first assigns
  /// `LEARNING_SITE_INDEX` (and is the whole index when it fits), each further one adds its
  /// entries to it. The search page loads them in order.
  public static func scripts(_ entries: [Entry], budget: Int = SiteSplitting.fileBudget) -> [String] {
    var scripts: [String] = []
    var lines: [String] = []
    var size = 0
    func close() {
      let first = scripts.isEmpty
      let head =
        first
        ? "window.LEARNING_SITE_INDEX = [\n"
        : "window.LEARNING_SITE_INDEX = (window.LEARNING_SITE_INDEX || []).concat([\n"
      let body = lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n")
      scripts.append(head + body + (first ? "];\n" : "]);\n"))
      lines = []
      size = 0
    }
    for entry in entries {
      let line =
        "[" + [entry.href, entry.title, entry.kind, entry.words].map(literal).joined(separator: ",") + "]"
      if size + line.utf8.count + 2 > budget - 128 && !lines.isEmpty { close() }
      lines.append(line)
      size += line.utf8.count + 2
    }
    close()
    return scripts
  }
}

extension SiteAsset {
  /// The parts of the file name of the search index's script number `part`: `search-index.js`,
  /// then `search-index-2.js`, `search-index-3.js`...
  public static func searchIndexParts(_ part: Int) -> [String] {
    part <= 1 ? searchIndex.name.parts : searchIndex.name.parts + [String(part)]
  }
}

extension SiteReport {
  /// The pages of the report once built: one, or its parts when it is long (`sitePages`).
  public func pages(of built: any Report) -> [SiteReportPage] {
    guard case .report(let parts) = address else {
      return [SiteReportPage(address: address, html: built.rendered(as: .html))]
    }
    return built.document.sitePages(parts)
  }
}
