import LearningModel
import LearningReports

/// A plain aligned listing for the terminal, drawn by the reports' table model.
func listing(_ header: [String], _ rows: [[String]]) -> String {
  let table = Table(
    caption: "", columns: header.map { Table.Column($0) }, rows: rows.map { $0.map { Table.Cell($0) } },
    emptyText: "(none)")
  return table.asText()
}

/// A text on one line, shortened to `limit` characters by the one rule in `String.shortened(to:)`.
func shortened(_ text: String, _ limit: Int = 60) -> String {
  text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ").shortened(to: limit)
}
