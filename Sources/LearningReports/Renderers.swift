import Foundation
import LearningJSON
import LearningModel

/// The formats every report can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
  case text, markdown, html, csv, json

  /// The format for a file name's extension (`.md`, `.html`, `.csv`, `.json`, `.txt`).
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "csv": self = .csv
    case "json": self = .json
    default: return nil
    }
  }

  /// The file name extension for the format, without the dot (`txt`, `md`, `html`, `csv`, `json`).
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    case .csv: "csv"
    case .json: "json"
    }
  }
}

/// A report: a plain value that can be laid out as a document, written as CSV tables, and
/// encoded as JSON.
public protocol Report: Encodable, Sendable {
  /// The report laid out as sections for reading, the source of the text, Markdown and HTML formats.
  var document: ReportDocument { get }
  /// The report's main rows for a spreadsheet: the first of `csvTables`.
  var csvTable: Table { get }
  /// Every table of the report for a spreadsheet, the main one first; each is written as its own
  /// CSV file (see `csvFiles(named:)`).
  var csvTables: [Table] { get }
  /// The report value as pretty JSON with sorted keys (by default streamed by the one JSON writer
  /// from `Encodable`; a report with a great many rows writes the same bytes by hand).
  var jsonBytes: [UInt8] { get }
  /// Hands the report's JSON (`jsonBytes`) to `write` in pieces, in order: a report with a great
  /// many rows writes each run of rows as it is made, so the whole never sits in memory.
  func writeJSON(_ write: ([UInt8]) throws -> Void) throws
}

extension Report {
  /// The main table only, for reports that have one table.
  public var csvTables: [Table] { [csvTable] }

  /// The report in the given format, text at most `width` characters wide. CSV here is the main
  /// table only; `csvFiles(named:)` gives every table. The same report always gives the same bytes.
  public func rendered(as format: OutputFormat, width: Int = ReportDocument.textWidth) -> String {
    switch format {
    case .csv: return csvTable.asCSV
    case .json: return asJSON
    case .text, .markdown, .html:
      let document = self.document
      let text =
        switch format {
        case .text: document.asText(width: width)
        case .markdown: document.asMarkdown
        default: document.asHTML
        }
      // A document of many thousands of rows is freed on another core while the text is written.
      Cores.letGo(consume document)
      return text
    }
  }

  /// The report value as pretty JSON with sorted keys, streamed by the one JSON writer.
  public var jsonBytes: [UInt8] {
    (try? JSONWriter.pretty(self)) ?? Array("{}\n".utf8)
  }

  /// The report's JSON in one piece.
  public func writeJSON(_ write: ([UInt8]) throws -> Void) throws {
    try write(jsonBytes)
  }

  /// One CSV file per table: the main table as `BASE.csv`, each other table as
  /// `BASE-CAPTION.csv` with the caption in lower case, words joined by hyphens.
  public func csvFiles(named base: String) -> [(fileName: String, text: String)] {
    var used = Set<String>()
    return csvTables.enumerated().map { index, table in
      var name = index == 0 ? base : base + "-" + Table.fileSlug(table.caption)
      while used.contains(name) { name += "-\(index)" }
      used.insert(name)
      return (name + ".csv", table.asCSV)
    }
  }

  /// The report value as pretty JSON with sorted keys.
  public var asJSON: String {
    String(decoding: jsonBytes, as: UTF8.self)
  }
}

extension Table {
  /// RFC 4180 CSV, UTF-8 with a byte-order mark for Excel, CRLF line ends, a header row, and
  /// cells guarded against formula injection.
  public var asCSV: String {
    var out = "\u{FEFF}"
    out.reserveCapacity(approximateSize * 2)
    out += columns.map { Escape.csv($0.title) }.joined(separator: ",") + "\r\n"
    for row in rows {
      out += row.map { Escape.csv($0.text) }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// A GitHub-flavoured Markdown table with a caption line above it.
  public var asMarkdown: String {
    var out = ""
    writeMarkdown(into: &out)
    return out
  }

  /// The text of the cells and room for the markup around them, in bytes: what a rendering of
  /// the table reserves so that it is never copied as it grows.
  var approximateSize: Int {
    rows.reduce(caption.utf8.count + columns.count * 32) { total, row in
      row.reduce(total + row.count * 8) { $0 + $1.text.utf8.count }
    }
  }

  /// Appends the Markdown table to `out`.
  func writeMarkdown(into out: inout String) {
    out += "**" + Escape.markdown(caption) + "**\n\n"
    if rows.isEmpty {
      out += "_" + Escape.markdown(emptyText) + "_\n"
      return
    }
    out += "| " + columns.map { Escape.markdown($0.title) }.joined(separator: " | ") + " |\n"
    out += "|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for row in rows {
      out += "| " + row.map { cell in Escape.markdown(cell.text) }.joined(separator: " | ") + " |\n"
    }
  }
}

extension ReportDocument {
  /// The width of text output unless asked otherwise.
  public static let textWidth = 100

  /// Plain text for a terminal, 100 characters wide.
  public var asText: String { asText(width: Self.textWidth) }

  /// Plain text for a terminal: no line wider than `width` characters (at least 40); long
  /// paragraphs and table cells wrap, and control characters in data are shown visibly.
  public func asText(width requested: Int) -> String {
    let width = max(40, requested)
    func wrapped(_ text: String, first: String = "", rest: String = "") -> String {
      Table.wrap(Table.terminalCell(text), width: width - first.count).enumerated().map {
        ($0.offset == 0 ? first : rest) + $0.element
      }.joined(separator: "\n") + "\n"
    }
    func underlined(_ text: String, _ mark: Character) -> String {
      let lines = Table.wrap(Table.terminalCell(text), width: width)
      let longest = lines.map(\.count).max() ?? 0
      return lines.joined(separator: "\n") + "\n" + String(repeating: mark, count: longest) + "\n"
    }
    var out = underlined(title, "=") + wrapped(subtitle)
    for section in sections {
      out += "\n" + underlined(section.heading, "-")
      for block in section.blocks {
        switch block {
        case .paragraph(let text), .note(let text):
          out += wrapped(text)
        case .bullets(let items):
          for item in items { out += wrapped(item, first: "  - ", rest: "    ") }
        case .figures(let figures):
          let labelWidth = min(width / 2, figures.map { Table.terminalCell($0.label).count }.max() ?? 0)
          for figure in figures {
            var value = figure.value
            if let rating = figure.rating, figure.value != rating.title { value += " (" + rating.title + ")" }
            let label = Table.terminalCell(figure.label) + ":"
            let indent = String(repeating: " ", count: labelWidth + 4)
            if label.count <= labelWidth + 1 {
              let first = "  " + label + String(repeating: " ", count: labelWidth + 2 - label.count)
              out += wrapped(value, first: first, rest: indent)
            } else {
              out += wrapped(label, first: "  ", rest: "  ") + wrapped(value, first: indent, rest: indent)
            }
          }
        case .table(let table):
          out += table.asText(width: width)
        case .chart(let chart):
          out += chart.dataTable.asText(width: width)
        }
        out += "\n"
      }
    }
    return out
  }

  /// The text of its tables and room for markup, in bytes: what a rendering reserves.
  var approximateSize: Int {
    sections.reduce(16384) { total, section in
      section.blocks.reduce(total + 1024) { total, block in
        if case .table(let table) = block { total + table.approximateSize } else { total + 256 }
      }
    }
  }

  /// Markdown, with every piece of report text escaped.
  public var asMarkdown: String {
    var out = "# " + Escape.markdown(title) + "\n\n" + Escape.markdown(subtitle) + "\n"
    out.reserveCapacity(approximateSize * 2)
    for section in sections {
      out += "\n## " + Escape.markdown(section.heading, atLineStart: false) + "\n\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text):
          out += Escape.markdown(text) + "\n"
        case .note(let text):
          out += "_" + Escape.markdown(text) + "_\n"
        case .bullets(let items):
          for item in items { out += "- " + Escape.markdown(item) + "\n" }
        case .figures(let figures):
          for figure in figures {
            var value = Escape.markdown(figure.value)
            if let rating = figure.rating, figure.value != rating.title { value += " (" + rating.title + ")" }
            out += "- **" + Escape.markdown(figure.label) + ":** " + value + "\n"
          }
        case .table(let table):
          table.writeMarkdown(into: &out)
        case .chart(let chart):
          out += "_" + Escape.markdown(chart.title) + ": " + Escape.markdown(chart.description) + "_\n\n"
          out += chart.dataTable.asMarkdown
        }
        out += "\n"
      }
    }
    return out
  }
}
