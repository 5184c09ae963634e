import LearningReports

/// A plain aligned listing for the terminal, drawn by the reports' table model.
func listing(_ header: [String], _ rows: [[String]]) -> String {
  let table = Table(
    caption: "", columns: header.map { Table.Column($0) }, rows: rows.map { $0.map { Table.Cell($0) } },
    emptyText: "(none)")
  return table.asText()
}

/// The first `limit` characters of a text on one line, with an ellipsis when cut.
func shortened(_ text: String, _ limit: Int = 60) -> String {
  let single = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
  return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
}
