import LearningModel

/// HTML and SVG as small nodes; the serializer escapes text and attribute values by context,
/// so no report text is ever written into HTML unescaped.
public indirect enum HTMLNode: Equatable, Sendable {
  case element(String, [(String, String)], [HTMLNode])
  case text(String)
  /// Trusted markup produced by this module only (the stylesheet).
  case trusted(String)

  public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool { lhs.serialized == rhs.serialized }

  static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = [])
    -> HTMLNode
  {
    .element(name, attributes, children)
  }

  static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes, [.text(text)])
  }

  private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link"]

  /// The node as markup.
  public var serialized: String {
    var out = ""
    write(into: &out)
    return out
  }

  func write(into out: inout String) {
    switch self {
    case .text(let text):
      out += Escape.html(text)
    case .trusted(let markup):
      out += markup
    case .element(let name, let attributes, let children):
      out += "<" + name
      for (key, value) in attributes { out += " " + key + "=\"" + Escape.html(value) + "\"" }
      out += ">"
      if Self.voidElements.contains(name) { return }
      for child in children { child.write(into: &out) }
      out += "</" + name + ">"
      if [
        "p", "tr", "table", "section", "ul", "li", "h1", "h2", "svg", "dl", "figure", "head", "body", "div",
      ].contains(name) {
        out += "\n"
      }
    }
  }
}

/// BRAG colours chosen for contrast; text labels always accompany them.
enum BRAGStyle {
  static func fill(_ rating: BRAG) -> String {
    switch rating {
    case .red: "#b3261e"
    case .amber: "#f0b400"
    case .green: "#2e7d32"
    case .blue: "#1f5fa8"
    }
  }

  /// Text colour on the fill with at least 4.5:1 contrast.
  static func ink(_ rating: BRAG) -> String { rating == .amber ? "#1a1a1a" : "#ffffff" }

  static func rating(named name: String) -> BRAG? {
    BRAG.allCases.first { $0.title == name || $0.rawValue == name }
  }
}

extension ReportDocument {
  static let stylesheet = """
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.4; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
    h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.25rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; margin-top: 1.8rem; }
    .subtitle { color: #404040; margin-top: 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
    th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.45rem; vertical-align: top; text-align: left; }
    th { background: #e8eef6; }
    td.num, th.num { text-align: right; }
    th[scope=row], td.day { white-space: nowrap; }
    .rating { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-weight: 600; }
    dl.figures { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
    dl.figures dt { font-weight: 600; }
    dl.figures dd { margin: 0; }
    figure { margin: 1rem 0; }
    figcaption { font-weight: 600; }
    .empty { color: #404040; font-style: italic; }
    @page { size: A4; margin: 15mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 9.5pt; }
      h2 { break-after: avoid; }
      table, figure { break-inside: auto; }
      tr, figure svg { break-inside: avoid; }
      thead { display: table-header-group; }
    }
    """

  /// A single self-contained HTML file: inline CSS and SVG, no scripts, no external assets.
  public var asHTML: String {
    var body: [HTMLNode] = [.el("h1", text: title), .el("p", [("class", "subtitle")], text: subtitle)]
    for section in sections {
      var children: [HTMLNode] = [.el("h2", text: section.heading)]
      for block in section.blocks { children += Self.html(block) }
      body.append(.el("section", [], children))
    }
    let page = HTMLNode.el(
      "html", [("lang", "en-GB")],
      [
        .el(
          "head", [],
          [
            .el("meta", [("charset", "utf-8")]),
            .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .el("title", text: title), .el("style", [], [.trusted(Self.stylesheet)]),
          ]),
        .el("body", [], body),
      ])
    return "<!DOCTYPE html>\n" + page.serialized
  }

  static func ratingLabel(_ rating: BRAG, text: String? = nil) -> HTMLNode {
    .el(
      "span",
      [
        ("class", "rating"), ("style", "background:\(BRAGStyle.fill(rating));color:\(BRAGStyle.ink(rating))"),
      ],
      text: text ?? rating.title)
  }

  static func html(_ block: Block) -> [HTMLNode] {
    switch block {
    case .paragraph(let text):
      return [.el("p", text: text)]
    case .bullets(let items):
      return [.el("ul", [], items.map { .el("li", text: $0) })]
    case .figures(let figures):
      var items: [HTMLNode] = []
      for figure in figures {
        items.append(.el("dt", text: figure.label))
        var value: [HTMLNode] = [.text(figure.value)]
        if let rating = figure.rating { value = [ratingLabel(rating, text: figure.value)] }
        items.append(.el("dd", [], value))
      }
      return [.el("dl", [("class", "figures")], items)]
    case .table(let table):
      return [html(table)]
    case .chart(let chart):
      return [.el("figure", [], [svg(chart), .el("figcaption", text: chart.title)]), html(chart.dataTable)]
    }
  }

  static func html(_ table: Table) -> HTMLNode {
    if table.rows.isEmpty {
      return .el("p", [("class", "empty")], text: table.caption + ": " + table.emptyText)
    }
    let head = HTMLNode.el(
      "thead", [],
      [
        .el(
          "tr", [],
          table.columns.map {
            .el("th", [("scope", "col")] + ($0.alignment == .right ? [("class", "num")] : []), text: $0.title)
          })
      ])
    let rows = table.rows.map { row -> HTMLNode in
      .el(
        "tr", [],
        row.enumerated().map { index, cell -> HTMLNode in
          let numeric = table.columns[index].alignment == .right
          let content: [HTMLNode] =
            if let name = cell.rating, let rating = BRAGStyle.rating(named: name) {
              [ratingLabel(rating, text: cell.text)]
            } else {
              [.text(cell.text)]
            }
          if index == 0 {
            return .el("th", [("scope", "row")] + (numeric ? [("class", "num")] : []), content)
          }
          let isDay = cell.text.count == 10 && CalendarDay(cell.text) != nil
          return .el("td", numeric ? [("class", "num")] : (isDay ? [("class", "day")] : []), content)
        })
    }
    return .el("table", [], [.el("caption", text: table.caption), head, .el("tbody", [], rows)])
  }

  /// An accessible SVG chart: role img, a title and a description, and text labels on every bar.
  static func svg(_ chart: Chart) -> HTMLNode {
    let titleID =
      "chart-"
      + String(
        chart.title.unicodeScalars.filter { $0.properties.isAlphabetic }.prefix(24).map(Character.init))
    var nodes: [HTMLNode] = [
      .el("title", [("id", titleID + "-title")], text: chart.title),
      .el("desc", [("id", titleID + "-desc")], text: chart.description),
    ]
    let width = 640
    switch chart.kind {
    case .stackedBRAG:
      let labelWidth = 290
      let barHeight = 22
      let total = max(1, chart.bars.map { $0.values.reduce(0, +) }.max() ?? 1)
      let scale = Double(width - labelWidth - 60) / Double(total)
      for (row, bar) in chart.bars.enumerated() {
        let y = 10 + row * (barHeight + 8)
        let label = bar.label.count > 44 ? String(bar.label.prefix(43)) + "…" : bar.label
        nodes.append(.el("text", [("x", "0"), ("y", String(y + 15)), ("font-size", "11")], text: label))
        var x = Double(labelWidth)
        for (index, value) in bar.values.enumerated() where value > 0 {
          let segment = Double(value) * scale
          let rating = BRAGStyle.rating(named: chart.segmentNames[index])
          let fill = rating.map(BRAGStyle.fill) ?? "#6b6b6b"
          nodes.append(
            .el(
              "rect",
              [
                ("x", format(x)), ("y", String(y)), ("width", format(segment)), ("height", String(barHeight)),
                ("fill", fill),
              ],
              [.el("title", text: "\(bar.label): \(chart.segmentNames[index]) \(value)")]))
          if segment >= 16 {
            nodes.append(
              .el(
                "text",
                [
                  ("x", format(x + segment / 2)), ("y", String(y + 15)), ("font-size", "11"),
                  ("text-anchor", "middle"),
                  ("fill", rating.map(BRAGStyle.ink) ?? "#ffffff"),
                ],
                text: "\(chart.segmentNames[index].prefix(1))\(value)"))
          }
          x += segment
        }
        nodes.append(
          .el(
            "text", [("x", format(x + 4)), ("y", String(y + 15)), ("font-size", "11")],
            text: String(bar.values.reduce(0, +))))
      }
      let height = 20 + chart.bars.count * (barHeight + 8)
      return .el(
        "svg",
        [
          ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("viewBox", "0 0 \(width) \(height)"),
          ("width", "100%"), ("aria-labelledby", "\(titleID)-title \(titleID)-desc"),
        ],
        nodes)
    case .percentColumns:
      let height = 220
      let plotTop = 20
      let plotHeight = 150
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
              ("height", format(barHeight)), ("fill", "#1f5fa8"),
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
