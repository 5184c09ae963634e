/// One table model for every format: a caption, column headers and rows of cells.
///
/// Text, Markdown, HTML and CSV renderers all draw from this, so a column added to a report
/// appears in every format at once.
public struct Table: Equatable, Sendable {
  /// How a column's cells are aligned in text and HTML.
  public enum Alignment: Sendable, Equatable { case left, right }

  public struct Column: Equatable, Sendable {
    public var title: String
    public var alignment: Alignment
    public init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  /// A cell's text, and optionally the BRAG rating it shows (drawn as a coloured label in HTML).
  public struct Cell: Equatable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var rating: String?
    public init(_ text: String, rating: String? = nil) {
      self.text = text
      self.rating = rating
    }
    public init(stringLiteral value: String) { self.init(value) }
  }

  public var caption: String
  public var columns: [Column]
  public var rows: [[Cell]]
  /// Shown in place of the table when it has no rows.
  public var emptyText: String

  public init(caption: String, columns: [Column], rows: [[Cell]] = [], emptyText: String = "None.") {
    self.caption = caption
    self.columns = columns
    self.rows = rows
    self.emptyText = emptyText
  }

  /// Adds a row; cells beyond the columns are dropped and missing ones are blank.
  public mutating func append(_ cells: [Cell]) {
    var row = Array(cells.prefix(columns.count))
    while row.count < columns.count { row.append("") }
    rows.append(row)
  }
}

extension Table {
  /// Plain text for a terminal: columns padded to their widest cell, line breaks folded to spaces.
  public func asText(indent: String = "") -> String {
    var out = caption.isEmpty ? "" : indent + Self.singleLine(caption) + "\n"
    if rows.isEmpty { return out + indent + "  " + Self.singleLine(emptyText) + "\n" }
    let flat = rows.map { $0.map { Self.singleLine($0.text) } }
    let titles = columns.map { Self.singleLine($0.title) }
    var widths = titles.map(\.count)
    for row in flat {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        let isLast = index == cells.count - 1
        parts.append(columns[index].alignment == .right ? pad + cell : (isLast ? cell : cell + pad))
      }
      return indent + "  " + parts.joined(separator: "  ")
    }
    out += line(titles) + "\n"
    out += indent + "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in flat { out += line(row) + "\n" }
    return out
  }

  /// The text on one line, safe for a terminal: line breaks and tabs folded to one space, and any
  /// other control character shown visibly (`Escape.terminal`).
  static func singleLine(_ text: String) -> String {
    Escape.terminal(foldedLines(text), singleLine: true)
  }

  private static func foldedLines(_ text: String) -> String {
    var result = ""
    var lastWasSpace = false
    for character in text {
      let isBreak = character == "\n" || character == "\r" || character == "\r\n" || character == "\t"
      if isBreak {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
      } else {
        result.append(character)
        lastWasSpace = character == " "
      }
    }
    return result
  }
}
