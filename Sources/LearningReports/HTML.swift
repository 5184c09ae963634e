import LearningModel

/// HTML and SVG as small nodes; the serializer escapes text and attribute values by context,
/// so no report text is ever written into HTML unescaped.
public indirect enum HTMLNode: Equatable, Sendable {
  case element(String, [(String, String)], [HTMLNode])
  case text(String)
  /// Trusted markup produced by this module only (the stylesheet).
  case trusted(String)
  /// A table's rows, made and written as elements by the one serializer when the page is written.
  case rows(TableRows)

  /// Whether two nodes serialize to the same markup.
  public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool { lhs.serialized == rhs.serialized }

  static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = [])
    -> HTMLNode
  {
    .element(name, attributes, children)
  }

  static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes, [.text(text)])
  }

  private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input"]
  /// Elements followed by a line break in the markup, so that it reads line by line.
  private static let blockElements: Set<String> = [
    "p", "tr", "table", "section", "ul", "li", "h1", "h2", "svg", "dl", "figure", "head", "body", "div",
    "header", "main", "footer", "thead", "tbody",
  ]

  /// The node as markup.
  public var serialized: String {
    var out = ""
    write(into: &out)
    return out
  }

  func write(into out: inout String) {
    switch self {
    case .text(let text):
      Escape.html(text, into: &out)
    case .trusted(let markup):
      out += markup
    case .rows(let rows):
      rows.write(&out)
    case .element(let name, let attributes, let children):
      out += "<"
      out += name
      for (key, value) in attributes {
        out += " "
        out += key
        out += "=\""
        Escape.html(value, into: &out)
        out += "\""
      }
      out += ">"
      if Self.voidElements.contains(name) { return }
      for child in children { child.write(into: &out) }
      out += "</"
      out += name
      out += ">"
      if Self.blockElements.contains(name) { out += "\n" }
    }
  }
}

/// The rows of a table in HTML, written when the page is written.
public struct TableRows: Sendable {
  let write: @Sendable (inout String) -> Void
}

/// BRAG colours for fills and charts. Each has at least 3:1 contrast against white and against
/// the rating next to it in a chart (Red, Amber, Green, Blue, then Withdrawn), so neighbouring
/// segments stay apart in greyscale; text on each fill has at least 4.5:1. Names always accompany them.
enum BRAGStyle {
  static func fill(_ rating: BRAG) -> String {
    switch rating {
    case .red: "#7a1712"
    case .amber: "#cc8000"
    case .green: "#0f4d1a"
    case .blue: "#4f95de"
    }
  }

  /// The fill of percentage columns: 3:1 or more against white.
  static let columnFill = "#1f5fa8"

  /// The fill of withdrawn actions, which are counted apart.
  static let withdrawnFill = "#404040"

  /// Text colour on the fill with at least 4.5:1 contrast.
  static func ink(_ rating: BRAG) -> String { rating == .amber || rating == .blue ? "#1a1a1a" : "#ffffff" }

  static func rating(named name: String) -> BRAG? {
    BRAG.allCases.first { $0.title == name || $0.rawValue == name }
  }

  /// Fill and ink for a chart segment by its name; a name that is not a rating is drawn as withdrawn.
  static func segment(named name: String) -> (fill: String, ink: String) {
    guard let rating = rating(named: name) else { return (withdrawnFill, "#ffffff") }
    return (fill(rating), ink(rating))
  }
}

extension Escape {
  /// Text as a CSS string literal (with its quotes): every character but letters, digits, space
  /// and plain punctuation is written as a hexadecimal escape, so data cannot end the string or
  /// the style element.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in Table.singleLine(text).unicodeScalars {
      let plain =
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || " .,:;-_()/+@!?%".unicodeScalars.contains(scalar))
        && scalar.value < 0x2000
      if plain {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return out + "\""
  }
}

extension ReportDocument {
  static let stylesheet = """
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.4; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; hyphens: manual; }
    h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; margin-top: 1.8rem; }
    .subtitle { color: #404040; margin-top: 0; }
    p, li, dd, figcaption { overflow-wrap: break-word; }
    .table-scroll { overflow-x: auto; margin: 0.8rem 0 1.2rem; }
    .table-scroll:focus { outline: 2px solid #1f5fa8; }
    table { border-collapse: collapse; table-layout: auto; width: 100%; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
    th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.45rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
    th { background: #e8eef6; }
    td.num, tbody th.num { text-align: right; white-space: nowrap; }
    thead th.num { text-align: right; }
    th[scope=row], td.day { white-space: nowrap; }
    td.prose { min-width: 12em; }
    .rating { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-weight: 600; white-space: nowrap; }
    dl.figures { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.2rem 1rem; }
    dl.figures dt { font-weight: 600; }
    dl.figures dd { margin: 0; }
    figure { margin: 1rem 0; }
    figcaption { font-weight: 600; }
    .empty { color: #404040; font-style: italic; }
    .more { font-style: italic; }
    body > footer { margin-top: 2rem; border-top: 1px solid #8a8a8a; color: #404040; font-size: 0.85rem; }
    @media (max-width: 30rem) {
      body { padding: 0 0.5rem; font-size: 10.5pt; }
      dl.figures { grid-template-columns: minmax(0, 1fr); }
      dl.figures dd { margin-bottom: 0.3rem; }
    }
    @page { size: A4 portrait; margin: 10mm 11mm 14mm 11mm; }
    @page wide { size: A4 landscape; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.25; }
      h1 { font-size: 14pt; margin: 0; }
      h2 { font-size: 11pt; margin: 0.7rem 0 0.3rem; }
      p, ul { margin: 0.3rem 0; }
      dl.figures { grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); gap: 0.1rem 0.8rem; }
      figure { margin: 0.4rem 0; }
      h1, h2, caption, figcaption, p.lead-in, thead { break-after: avoid; }
      tbody > tr:first-child { break-before: avoid; }
      .table-scroll { overflow: visible; margin: 0.4rem 0 0.6rem; }
      body.wide { page: wide; }
      table { font-size: 8pt; }
      table.dense { font-size: 7pt; }
      th, td { padding: 0.1rem 0.3rem; }
      tr, li, dl.figures, figure { break-inside: avoid; }
      thead { display: table-header-group; }
      section.appendix { break-before: page; }
      body > footer { display: none; }
    }
    """

  /// The page furniture each printed page carries: the footer text at the foot of the page on
  /// the left and "Page N of M" on the right, in CSS page margin boxes, each on one line.
  func printedFooterStyle(landscape: Bool) -> String {
    """
    @page {
      @bottom-left { content: \(Escape.cssString(Self.printedFooter(footer, landscape: landscape))); font-family: Arial, sans-serif; font-size: 7pt; color: #404040; vertical-align: top; white-space: nowrap; }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 22mm; font-family: Arial, sans-serif; font-size: 7pt; color: #404040; vertical-align: top; text-align: right; white-space: nowrap; }
    }
    """
  }

  /// Characters of 7-point footer text that fit on one line beside "Page N of M": on a portrait
  /// A4 page, and on a landscape one.
  static let footerCharacters = (portrait: 125, landscape: 190)

  /// The footer as printed at the foot of each page: its parts (separated by " · ") as long as
  /// they fit on one line; the report's title comes first and is cut at a space if it alone is
  /// too long. The whole footer stays in the page's own footer and its subtitle.
  static func printedFooter(_ footer: String, landscape: Bool) -> String {
    let limit = landscape ? footerCharacters.landscape : footerCharacters.portrait
    let text = Table.singleLine(footer)
    if text.count <= limit { return text }
    var line = ""
    for part in text.components(separatedBy: " · ") {
      let longer = line.isEmpty ? part : line + " · " + part
      if longer.count > limit { break }
      line = longer
    }
    if !line.isEmpty { return line }
    return text.shortened(to: limit)
  }

  /// A single self-contained HTML file: inline CSS and SVG, no scripts, no external assets;
  /// header, main and footer landmarks; every table in its own scrolling region; printed, each
  /// page carries the footer and its page number.
  public var asHTML: String {
    var renderer = HTMLRenderer()
    var main: [HTMLNode] = []
    for section in sections {
      var children: [HTMLNode] = [.el("h2", text: section.heading)]
      for block in section.blocks { children += renderer.html(block) }
      main.append(.el("section", section.startsOnNewPage ? [("class", "appendix")] : [], children))
    }
    // A report with a table too wide for a portrait page is printed on landscape pages from the
    // first page to the last (`isWide`); each table is laid out once, as it is rendered. Room for
    // the whole page from the start, so that a long report is never copied as it grows.
    return page(main, wide: renderer.hasWideTable, reserving: approximateSize * 3)
  }

  /// Whether the report is printed on landscape pages. A report with a table too wide for a
  /// portrait page is printed on landscape pages from the first page to the last: a change of
  /// orientation starts a new page, which would leave the pages before it part empty.
  var isWide: Bool {
    sections.contains { section in
      section.blocks.contains { if case .table(let table) = $0 { PrintLayout(table).isWide } else { false } }
    }
  }

  /// The whole HTML file around the content of its main region: the head with the stylesheet and
  /// the printed footer, the header (the title, the subtitle and any `navigation` after them),
  /// `main` and the footer.
  func page(
    _ main: [HTMLNode], wide: Bool, navigation: [HTMLNode] = [], footer pageFooter: String? = nil,
    reserving size: Int
  ) -> String {
    var document = self
    if let pageFooter { document.footer = pageFooter }
    let page = HTMLNode.el(
      "html", [("lang", "en-GB")],
      [
        .el(
          "head", [],
          [
            .el("meta", [("charset", "utf-8")]),
            .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .el("title", text: title),
            .el(
              "style", [],
              [
                .trusted(
                  Self.stylesheet + "\n" + document.printedFooterStyle(landscape: wide)
                    + (pageStyle.map { "\n" + $0.css } ?? ""))
              ]),
          ]),
        .el(
          "body",
          {
            let classes = (wide ? ["wide"] : []) + (pageStyle.map { [$0.bodyClass] } ?? [])
            return classes.isEmpty ? [] : [("class", classes.joined(separator: " "))]
          }(),
          [
            .el(
              "header", [],
              [.el("h1", text: title), .el("p", [("class", "subtitle")], text: subtitle)] + navigation),
            .el("main", [], main),
            .el("footer", [], [.el("p", text: document.footer)]),
          ]),
      ])
    var out = "<!DOCTYPE html>\n"
    out.reserveCapacity(size + Self.stylesheet.utf8.count + 8192)
    page.write(into: &out)
    return out
  }

  static func ratingLabel(_ rating: BRAG, text: String? = nil) -> HTMLNode {
    .el(
      "span",
      [
        ("class", "rating"), ("style", "background:\(BRAGStyle.fill(rating));color:\(BRAGStyle.ink(rating))"),
      ],
      text: text ?? rating.title)
  }
}

/// Lays out blocks as HTML, numbering tables and charts so each has a unique id and name.
struct HTMLRenderer {
  private var tableCount = 0
  /// Whether a table of the document's blocks (not a chart's data table) is too wide for a
  /// portrait page.
  private(set) var hasWideTable = false
  private var names: [String: Int] = [:]

  /// A name for a region that no other region of the page has.
  private mutating func uniqueName(_ name: String) -> String {
    names[name, default: 0] += 1
    let count = names[name] ?? 1
    return count == 1 ? name : "\(name) (\(count))"
  }

  mutating func html(_ block: ReportDocument.Block) -> [HTMLNode] {
    switch block {
    case .paragraph(let text):
      return [.el("p", text: text)]
    case .note(let text):
      return [.el("p", [("class", "more")], text: text)]
    case .bullets(let items):
      return [.el("ul", [], items.map { .el("li", text: $0) })]
    case .figures(let figures):
      var items: [HTMLNode] = []
      for figure in figures {
        items.append(.el("dt", text: figure.label))
        var value: [HTMLNode] = [.text(figure.value)]
        if let rating = figure.rating { value = [ReportDocument.ratingLabel(rating, text: figure.value)] }
        items.append(.el("dd", [], value))
      }
      return [.el("dl", [("class", "figures")], items)]
    case .table(let table):
      let layout = PrintLayout(table)
      if layout.isWide { hasWideTable = true }
      return [html(table, layout: layout)]
    case .chart(let chart):
      tableCount += 1
      let id = "chart-\(tableCount)"
      return [
        .el("figure", [], [ReportDocument.svg(chart, id: id), .el("figcaption", text: chart.title)]),
        // A column chart's data reads across, as the chart does, and takes a few lines on paper.
        html(chart.kind == .percentColumns ? chart.dataTable.transposed : chart.dataTable),
      ]
    }
  }

  mutating func html(_ table: Table, layout known: PrintLayout? = nil) -> HTMLNode {
    if table.rows.isEmpty {
      return .el("p", [("class", "empty")], text: table.caption + ": " + table.emptyText)
    }
    let layout = known ?? PrintLayout(table)
    let head = HTMLNode.el(
      "thead", [],
      [
        .el(
          "tr", [],
          table.columns.map {
            .el("th", [("scope", "col")] + ($0.alignment == .right ? [("class", "num")] : []), text: $0.title)
          })
      ])
    // The rows are written only as the page is written, each straight into the page, so that a
    // table of many thousands of rows is never held as a tree of nodes nor as markup of its own
    // beside the page. A row is written as the serializer writes a `tr` of `th` and `td` elements
    // (no node made for each cell: a test holds the two together), its texts escaped by `Escape.html`.
    let numericColumn = table.columns.map { $0.alignment == .right }
    let proseColumn = table.columns.indices.map { layout.prose.contains($0) }
    let rows = TableRows { out in
      for row in table.rows {
        out += "<tr>"
        for (index, cell) in row.enumerated() {
          let numeric = numericColumn[index]
          if index == 0 {
            out += numeric ? "<th scope=\"row\" class=\"num\">" : "<th scope=\"row\">"
          } else {
            let isDay = !numeric && cell.text.utf8.count == 10 && CalendarDay(cell.text) != nil
            let kind = numeric ? "num" : isDay ? "day" : proseColumn[index] ? "prose" : nil
            if let kind {
              out += "<td class=\""
              out += kind
              out += "\">"
            } else {
              out += "<td>"
            }
          }
          if let name = cell.rating, let rating = BRAGStyle.rating(named: name) {
            ReportDocument.ratingLabel(rating, text: cell.text).write(into: &out)
          } else {
            Escape.html(cell.text, into: &out)
          }
          out += index == 0 ? "</th>" : "</td>"
        }
        out += "</tr>\n"
      }
    }
    tableCount += 1
    let name = uniqueName(table.caption)
    return .el(
      "div",
      [
        ("class", "table-scroll"), ("role", "region"),
        ("aria-label", name), ("tabindex", "0"),
      ],
      [
        .el(
          "table", layout.isDense ? [("class", "dense")] : [],
          [.el("caption", text: table.caption), head, .el("tbody", [], [.rows(rows)])])
      ])
  }
}

/// How a table is laid out on an A4 page: which columns hold prose (and get a readable minimum
/// width), whether the table is too wide for a portrait page and goes on a landscape one, and
/// whether even a landscape page needs smaller type. Columns are as wide as their content, never
/// narrower than their longest word, so no word of a cell is ever broken across lines.
struct PrintLayout {
  /// Columns whose longest cell is longer than a short phrase.
  var prose: Set<Int> = []
  var isWide = false
  /// Whether the columns' longest words alone need more than a landscape page at 8 points.
  var isDense = false

  /// Characters of 8-point text that fit across a portrait A4 page inside its margins.
  static let portraitCharacters = 150
  /// Characters of 8-point text that fit across a landscape A4 page inside its margins.
  static let landscapeCharacters = 220
  /// Characters a prose column is counted as: it wraps beyond this.
  static let proseCharacters = 28
  /// Characters of a cell's padding and borders.
  static let cellPadding = 3

  init(_ table: Table) {
    let columnCount = table.columns.count
    // Row headings, figures and days are never broken; other text breaks at spaces and hyphens.
    let unbrokenColumn = table.columns.indices.map { $0 == 0 || table.columns[$0].alignment == .right }
    var longest = [Int](repeating: 0, count: columnCount)
    var longestWord = table.columns.map { $0.title.split(separator: " ").map(\.count).max() ?? 0 }
    // Row by row, each row read once: a table of many thousands of rows is walked through memory
    // in order, not once for each column.
    for row in table.rows {
      for (index, cell) in row.enumerated() where index < columnCount {
        let text = cell.text
        let measured = Self.measure(text)
        let count = measured?.count ?? text.count
        longest[index] = max(longest[index], count)
        let whole = unbrokenColumn[index] || (text.utf8.count == 10 && CalendarDay(text) != nil)
        let unbroken = whole ? count : measured?.longestPiece ?? Self.longestPiece(of: text)
        longestWord[index] = max(longestWord[index], unbroken)
      }
    }
    var estimate = 0
    var narrowest = 0
    for index in 0..<columnCount {
      if longest[index] > Self.proseCharacters { prose.insert(index) }
      estimate += max(longestWord[index], min(longest[index], Self.proseCharacters)) + Self.cellPadding
      narrowest += longestWord[index] + Self.cellPadding
    }
    isWide = estimate > Self.portraitCharacters || narrowest > Self.portraitCharacters
    isDense = narrowest > Self.landscapeCharacters
  }

  /// A text's length in characters and its `longestPiece(of:)`, read byte by byte in one pass,
  /// when every character of the text is a single Unicode scalar that stands alone: ASCII other
  /// than a carriage return (which joins a following line feed), and the Latin letters and
  /// punctuation of report text, such as "é", "·", "–", "’" and "…". Nil for any other text (a
  /// combining mark, an emoji, a carriage return), which is measured character by character.
  static func measure(_ text: String) -> (count: Int, longestPiece: Int)? {
    var text = text
    return text.withUTF8 { bytes -> (count: Int, longestPiece: Int)? in
      var count = 0
      var longest = 0
      var current = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          if byte == 0x0D { return nil }
          count += 1
          if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
            current = 0
          } else {
            current += 1
            longest = max(longest, current)
            if byte == UInt8(ascii: "-") { current = 0 }
          }
          index += 1
          continue
        }
        guard let sequence = UTF8Bytes.scalar(at: index, in: bytes), Self.standsAlone(sequence.value) else {
          return nil
        }
        index += sequence.length
        count += 1
        current += 1
        longest = max(longest, current)
      }
      return (count, longest)
    }
  }

  /// Scalars that are always a character of their own, whatever is beside them: Latin-1 and Latin
  /// Extended letters and the spacing modifiers (below the combining marks at U+0300), general
  /// punctuation (dashes, quotation marks, bullets, the ellipsis; not the zero-width and
  /// direction marks) and currency signs.
  static func standsAlone(_ scalar: UInt32) -> Bool {
    (0xA0...0x2FF).contains(scalar) || (0x2010...0x2027).contains(scalar)
      || (0x2030...0x205E).contains(scalar) || (0x20A0...0x20C0).contains(scalar)
  }

  /// The longest run of text without a space or a hyphen after which a line may break.
  static func longestPiece(of text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
      if character == " " || character == "\n" {
        current = 0
      } else {
        current += 1
        longest = max(longest, current)
        if character == "-" { current = 0 }
      }
    }
    return longest
  }
}

extension ReportDocument {
  /// An accessible SVG chart: role img, a title and a description, and text labels on every bar.
  static func svg(_ chart: Chart, id titleID: String) -> HTMLNode {
    var nodes: [HTMLNode] = [
      .el("title", [("id", titleID + "-title")], text: chart.title),
      .el("desc", [("id", titleID + "-desc")], text: chart.description),
    ]
    let width = 640
    switch chart.kind {
    case .stackedBRAG:
      // Segments are separated by a white gap; each wide enough carries its initial and count in
      // ink of 4.5:1 contrast; the counts of narrower ones are written after the bar's total.
      let labelWidth = 200
      let barHeight = 16
      let gap = 2.0
      let total = max(1, chart.bars.map { $0.values.reduce(0, +) }.max() ?? 1)
      let scale = Double(width - labelWidth - 150) / Double(total)
      for (row, bar) in chart.bars.enumerated() {
        let y = 4 + row * (barHeight + 4)
        let label = bar.label.shortened(to: 32)
        nodes.append(.el("text", [("x", "0"), ("y", String(y + 12)), ("font-size", "11")], text: label))
        var x = Double(labelWidth)
        var unlabelled: [String] = []
        for (index, value) in bar.values.enumerated() where value > 0 {
          let segment = max(3, Double(value) * scale - gap)
          let name = chart.segmentNames[index]
          let style = BRAGStyle.segment(named: name)
          nodes.append(
            .el(
              "rect",
              [
                ("x", format(x)), ("y", String(y)), ("width", format(segment)), ("height", String(barHeight)),
                ("fill", style.fill),
              ],
              [.el("title", text: "\(bar.label): \(name) \(value)")]))
          let text = "\(name.prefix(1))\(value)"
          if segment >= Double(text.count * 7 + 4) {
            nodes.append(
              .el(
                "text",
                [
                  ("x", format(x + segment / 2)), ("y", String(y + 12)), ("font-size", "11"),
                  ("text-anchor", "middle"), ("fill", style.ink),
                ],
                text: text))
          } else {
            unlabelled.append(text)
          }
          x += segment + gap
        }
        let sum = String(bar.values.reduce(0, +))
        nodes.append(
          .el(
            "text", [("x", format(x + 4)), ("y", String(y + 12)), ("font-size", "11")],
            text: unlabelled.isEmpty ? sum : sum + " (" + unlabelled.joined(separator: " ") + ")"))
      }
      let height = 8 + chart.bars.count * (barHeight + 4)
      let legend = chart.segmentNames.map { "\($0.prefix(1)) \($0)" }.joined(separator: ", ")
      nodes.append(
        .el(
          "text", [("x", "0"), ("y", String(height + 6)), ("font-size", "10")],
          text: "Key: " + legend + "; total after each bar."))
      return .el(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"),
          ("viewBox", "0 0 \(width) \(height + 12)"),
          ("width", "100%"), ("aria-labelledby", "\(titleID)-title \(titleID)-desc"),
        ],
        nodes)
    case .percentColumns:
      let height = 110
      let plotTop = 14
      let plotHeight = 70
      let step = Double(width - 40) / Double(max(1, chart.bars.count))
      nodes.append(
        .el(
          "line",
          [
            ("x1", "36"), ("y1", String(plotTop + plotHeight)), ("x2", String(width)),
            ("y2", String(plotTop + plotHeight)), ("stroke", "#404040"),
          ]))
      for mark in [0, 50, 100] {
        let y = plotTop + plotHeight - plotHeight * mark / 100
        nodes.append(.el("text", [("x", "0"), ("y", String(y + 4)), ("font-size", "10")], text: "\(mark)%"))
      }
      for (index, bar) in chart.bars.enumerated() {
        let value = bar.values.first ?? 0
        let barHeight = Double(plotHeight) * Double(min(100, max(0, value))) / 100
        let x = 40 + Double(index) * step
        nodes.append(
          .el(
            "rect",
            [
              ("x", format(x + 3)), ("y", format(Double(plotTop + plotHeight) - barHeight)),
              ("width", format(step - 6)),
              ("height", format(barHeight)), ("fill", BRAGStyle.columnFill),
            ],
            [.el("title", text: "\(bar.label): \(value)%")]))
        nodes.append(
          .el(
            "text",
            [
              ("x", format(x + step / 2)), ("y", format(Double(plotTop + plotHeight) - barHeight - 3)),
              ("font-size", "10"), ("text-anchor", "middle"),
            ],
            text: "\(value)%"))
        nodes.append(
          .el(
            "text",
            [
              ("x", format(x + step / 2)), ("y", String(plotTop + plotHeight + 14)), ("font-size", "9"),
              ("text-anchor", "middle"),
            ],
            text: bar.label))
      }
      return .el(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("viewBox", "0 0 \(width) \(height)"),
          ("width", "100%"), ("aria-labelledby", "\(titleID)-title \(titleID)-desc"),
        ],
        nodes)
    }
  }

  private static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
