/// One table model for every format: a caption, column headers and rows of cells.
///
/// Text, Markdown, HTML and CSV renderers all draw from this, so a column added to a report
/// appears in every format at once.
public struct Table: Equatable, Sendable {
  /// How a column's cells are aligned in text and HTML.
  public enum Alignment: Sendable, Equatable { case left, right }

  /// A column: its header and how its cells are aligned.
  public struct Column: Equatable, Sendable {
    /// The column's header.
    public var title: String
    /// How the column's cells are aligned.
    public var alignment: Alignment
    /// A column headed `title`, aligned left unless told.
    public init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  /// A cell's text, and optionally the BRAG rating it shows (drawn as a coloured label in HTML).
  public struct Cell: Equatable, Sendable, ExpressibleByStringLiteral {
    /// The cell's text.
    public var text: String
    /// The BRAG rating's raw value the cell shows (such as `red`), if any.
    public var rating: String?
    /// A cell showing `text`, with a BRAG rating if given.
    public init(_ text: String, rating: String? = nil) {
      self.text = text
      self.rating = rating
    }
    /// A cell showing the text of a string literal.
    public init(stringLiteral value: String) { self.init(value) }
  }

  /// The table's caption.
  public var caption: String
  /// The table's columns, in order.
  public var columns: [Column]
  /// The table's rows, each a cell per column.
  public var rows: [[Cell]]
  /// Shown in place of the table when it has no rows.
  public var emptyText: String

  /// A table with a caption and columns; `emptyText` is shown when it has no rows.
  public init(caption: String, columns: [Column], rows: [[Cell]] = [], emptyText: String = "None.") {
    self.caption = caption
    self.columns = columns
    self.rows = rows
    self.emptyText = emptyText
  }

  /// Adds a row; cells beyond the columns are dropped and missing ones are blank.
  public mutating func append(_ cells: [Cell]) {
    if cells.count == columns.count {
      rows.append(cells)
      return
    }
    var row = Array(cells.prefix(columns.count))
    while row.count < columns.count { row.append("") }
    rows.append(row)
  }
}

extension Table {
  /// Plain text for a terminal, no line wider than `width`: columns padded to their widest cell;
  /// when that is too wide, the widest columns are narrowed and their cells wrap inside them; when
  /// columns would be narrower than a short word, each row is shown as a block of "column: value"
  /// lines instead. Line breaks in cells fold to spaces and control characters are shown visibly.
  public func asText(indent: String = "", width: Int = ReportDocument.textWidth) -> String {
    let inner = max(20, width - indent.count - 2)
    var out =
      caption.isEmpty
      ? ""
      : Self.wrap(Self.terminalCell(caption), width: width - indent.count).map {
        indent + $0 + "\n"
      }.joined()
    if rows.isEmpty {
      return out
        + Self.wrap(Self.terminalCell(emptyText), width: inner).map { indent + "  " + $0 + "\n" }.joined()
    }
    let titles = columns.map { Self.terminalCell($0.title) }
    let flat = rows.map { $0.map { Self.terminalCell($0.text) } }
    guard let widths = Self.columnWidths(titles: titles, rows: flat, available: inner) else {
      return out + records(titles: titles, rows: flat, indent: indent + "  ", width: inner)
    }
    func lines(_ cells: [String]) -> String {
      let wrapped = cells.enumerated().map { Self.wrap($0.element, width: widths[$0.offset]) }
      let height = wrapped.map(\.count).max() ?? 1
      var text = ""
      for line in 0..<height {
        var parts: [String] = []
        for (index, cellLines) in wrapped.enumerated() {
          let cell = line < cellLines.count ? cellLines[line] : ""
          let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
          let isLast = index == wrapped.count - 1
          parts.append(columns[index].alignment == .right ? pad + cell : (isLast ? cell : cell + pad))
        }
        var joined = indent + "  " + parts.joined(separator: "  ")
        while joined.last == " " { joined.removeLast() }
        text += joined + "\n"
      }
      return text
    }
    out += lines(titles)
    out += indent + "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in flat { out += lines(row) }
    return out
  }

  /// The table turned on its side: the first column's cells become the column titles and each
  /// other column becomes a row headed by its title.
  var transposed: Table {
    var table = Table(
      caption: caption,
      columns: [Column(columns.first?.title ?? "")] + rows.map { Column($0.first?.text ?? "", .right) },
      emptyText: emptyText)
    for index in columns.indices.dropFirst() {
      table.append([Cell(columns[index].title)] + rows.map { $0.indices.contains(index) ? $0[index] : "" })
    }
    return table
  }

  /// The narrowest a column of prose is squeezed to before rows are shown as blocks instead.
  static let narrowestProse = 16

  /// Column widths that fit `available` characters with two spaces between columns: each column
  /// as wide as its widest cell, then the widest column that can wrap between words narrowed one
  /// character at a time, never below its longest word. Nil when that is not enough, or would
  /// leave a column of prose narrower than `narrowestProse`.
  static func columnWidths(titles: [String], rows: [[String]], available: Int) -> [Int]? {
    var natural = titles.map(\.count)
    var longestWord = titles.map { $0.split(separator: " ").map(\.count).max() ?? 0 }
    for row in rows {
      for (index, cell) in row.enumerated() where index < natural.count {
        natural[index] = max(natural[index], cell.count)
        longestWord[index] = max(longestWord[index], cell.split(separator: " ").map(\.count).max() ?? 0)
      }
    }
    var widths = natural
    let budget = available - 2 * max(0, titles.count - 1)
    while widths.reduce(0, +) > budget {
      let narrowable = widths.indices.filter { widths[$0] > longestWord[$0] }
      guard let widest = narrowable.max(by: { widths[$0] < widths[$1] }) else { return nil }
      widths[widest] -= 1
    }
    let squeezed = widths.indices.contains { natural[$0] > narrowestProse && widths[$0] < narrowestProse }
    return squeezed ? nil : widths
  }

  /// Rows as blocks of "column: value" lines, a blank line between rows.
  func records(titles: [String], rows: [[String]], indent: String, width: Int) -> String {
    let labelWidth = min(width / 3, titles.map(\.count).max() ?? 0)
    let valueWidth = width - labelWidth - 2
    var out = ""
    for (number, row) in rows.enumerated() {
      if number > 0 { out += "\n" }
      for (index, cell) in row.enumerated() where !cell.isEmpty {
        let label = Self.wrap(titles[index] + ":", width: labelWidth)
        let value = Self.wrap(cell, width: valueWidth)
        for line in 0..<max(label.count, value.count) {
          let left = line < label.count ? label[line] : ""
          let right = line < value.count ? value[line] : ""
          var text = indent + left + String(repeating: " ", count: labelWidth - left.count + 2) + right
          while text.last == " " { text.removeLast() }
          out += text + "\n"
        }
      }
    }
    return out
  }

  /// A cell as a terminal shows it: on one line, with control characters written visibly.
  static func terminalCell(_ text: String) -> String {
    Escape.terminal(singleLine(text), singleLine: true)
  }

  /// Lines of at most `width` characters, broken at spaces, and inside words longer than a line.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    if text.count <= width { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      if !line.isEmpty && line.count + 1 + word.count <= width {
        line += " " + word
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      line = String(word)
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// A caption as part of a file name: lower-case letters and digits, words joined by hyphens.
  static func fileSlug(_ caption: String) -> String {
    var slug = ""
    for character in caption.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug.isEmpty ? "table" : String(slug.prefix(60))
  }

  static func singleLine(_ text: String) -> String {
    Escape.terminal(foldedLines(text), singleLine: true)
  }

  private static func foldedLines(_ text: String) -> String {
    // Without a line feed, carriage return or tab there is nothing to fold: the text as it is.
    if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return text }
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
