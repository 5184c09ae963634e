import LearningModel
import Testing

@testable import LearningReports

/// A table's rows are written straight into the page, with the markup the one serializer gives the
/// same rows made as nodes.
@Suite struct HTMLTableRowsTests {
  /// The rows as nodes, serialized: how the rows were written before they were written directly.
  static func rowsAsNodes(_ table: Table, layout: PrintLayout) -> String {
    var out = ""
    for row in table.rows {
      HTMLNode.el(
        "tr", [],
        row.enumerated().map { index, cell -> HTMLNode in
          let numeric = table.columns[index].alignment == .right
          let content: [HTMLNode] =
            if let name = cell.rating, let rating = BRAGStyle.rating(named: name) {
              [ReportDocument.ratingLabel(rating, text: cell.text)]
            } else {
              [.text(cell.text)]
            }
          if index == 0 {
            return .el("th", [("scope", "row")] + (numeric ? [("class", "num")] : []), content)
          }
          let isDay = cell.text.utf8.count == 10 && CalendarDay(cell.text) != nil
          let kind = numeric ? "num" : isDay ? "day" : layout.prose.contains(index) ? "prose" : nil
          return .el("td", kind.map { [("class", $0)] } ?? [], content)
        }
      ).write(into: &out)
    }
    return out
  }

  @Test func rowsWrittenDirectlyAreTheSerializersMarkup() {
    for firstAlignment in [Table.Alignment.left, .right] {
      var table = Table(
        caption: "Actions",
        columns: [
          .init("Action", firstAlignment), .init("Due"), .init("Rating"), .init("Days", .right),
          .init("Note"),
        ])
      table.append([
        Table.Cell("RR-1/1.1"), Table.Cell("2026-11-20"), Table.Cell("Red", rating: "red"), .number(12),
        Table.Cell(
          "A long note <b>with</b> \"quotes\" & 'apostrophes' that runs on past a short phrase, as prose does"
        ),
      ])
      table.append([
        Table.Cell("12"), Table.Cell("2026-13-40"), Table.Cell("not a rating", rating: "purple"), .number(-3),
        Table.Cell("é 👍🏽"),
      ])
      table.append([
        Table.Cell("<x>"), Table.Cell(""), Table.Cell("Amber", rating: "amber"), Table.Cell(""),
        Table.Cell(""),
      ])
      let layout = PrintLayout(table)
      var renderer = HTMLRenderer()
      let page = renderer.html(table, layout: layout).serialized
      let rows = Self.rowsAsNodes(table, layout: layout)
      #expect(page.contains("<tbody>" + rows + "</tbody>"))
      #expect(rows.contains("class=\"rating\""))
      #expect(rows.contains("&lt;b&gt;with&lt;/b&gt; &quot;quotes&quot; &amp; &#39;apostrophes&#39;"))
    }
  }
}
