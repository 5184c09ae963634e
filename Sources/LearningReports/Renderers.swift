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

/// A report: a plain value that can be laid out as a document, flattened to one CSV table,
/// and encoded as JSON.
public protocol Report: Encodable {
  var document: ReportDocument { get }
  /// The report's rows for a spreadsheet.
  var csvTable: Table { get }
}

extension Report {
  /// The report in the given format. The same report always gives the same bytes.
  public func rendered(as format: OutputFormat) -> String {
    switch format {
    case .text: document.asText
    case .markdown: document.asMarkdown
    case .html: document.asHTML
    case .csv: csvTable.asCSV
    case .json: asJSON
    }
  }

  /// The report in the given format as UTF-8 bytes; JSON is streamed straight to bytes.
  public func renderedBytes(as format: OutputFormat) -> [UInt8] {
    format == .json ? jsonBytes : Array(rendered(as: format).utf8)
  }

  /// The report value as pretty JSON with sorted keys, streamed by the one JSON writer.
  public var jsonBytes: [UInt8] {
    (try? JSONWriter.pretty(self)) ?? Array("{}\n".utf8)
  }

  /// The report value as pretty JSON with sorted keys, streamed by the one JSON writer.
  public var asJSON: String {
    String(decoding: jsonBytes, as: UTF8.self)
  }
}

extension Table {
  /// RFC 4180 CSV, UTF-8 with a byte-order mark for Excel, CRLF line ends, a header row, and
  /// cells guarded against formula injection.
  public var asCSV: String {
    var out = "\u{FEFF}"
    out += columns.map { Escape.csv($0.title) }.joined(separator: ",") + "\r\n"
    for row in rows {
      out += row.map { Escape.csv($0.text) }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// A GitHub-flavoured Markdown table with a caption line above it.
  public var asMarkdown: String {
    var out = "**" + Escape.markdown(caption) + "**\n\n"
    if rows.isEmpty { return out + "_" + Escape.markdown(emptyText) + "_\n" }
    out += "| " + columns.map { Escape.markdown($0.title) }.joined(separator: " | ") + " |\n"
    out += "|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for row in rows {
      out += "| " + row.map { cell in Escape.markdown(cell.text) }.joined(separator: " | ") + " |\n"
    }
    return out
  }
}

extension ReportDocument {
  /// Plain text for a terminal.
  public var asText: String {
    let title = Table.singleLine(self.title)
    var out =
      title + "\n" + String(repeating: "=", count: title.count) + "\n" + Table.singleLine(subtitle) + "\n"
    for section in sections {
      let heading = Table.singleLine(section.heading)
      out += "\n" + heading + "\n" + String(repeating: "-", count: heading.count) + "\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text):
          out += Table.singleLine(text) + "\n"
        case .bullets(let items):
          for item in items { out += "  - " + Table.singleLine(item) + "\n" }
        case .figures(let figures):
          let width = figures.map { Table.singleLine($0.label).count }.max() ?? 0
          for figure in figures {
            let label = Table.singleLine(figure.label)
            out +=
              "  " + label + ":" + String(repeating: " ", count: width - label.count + 1)
              + Table.singleLine(figure.value)
            if let rating = figure.rating, figure.value != rating.title { out += " (" + rating.title + ")" }
            out += "\n"
          }
        case .table(let table):
          out += table.asText()
        case .chart(let chart):
          out += chart.dataTable.asText()
        }
        out += "\n"
      }
    }
    return out
  }

  /// Markdown, with every piece of report text escaped.
  public var asMarkdown: String {
    var out = "# " + Escape.markdown(title) + "\n\n" + Escape.markdown(subtitle) + "\n"
    for section in sections {
      out += "\n## " + Escape.markdown(section.heading) + "\n\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text):
          out += Escape.markdown(text) + "\n"
        case .bullets(let items):
          for item in items { out += "- " + Escape.markdown(item) + "\n" }
        case .figures(let figures):
          for figure in figures {
            var value = Escape.markdown(figure.value)
            if let rating = figure.rating, figure.value != rating.title { value += " (" + rating.title + ")" }
            out += "- **" + Escape.markdown(figure.label) + ":** " + value + "\n"
          }
        case .table(let table):
          out += table.asMarkdown
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
