import Testing

@testable import LearningStore

@Suite struct CSVReaderTests {
  func texts(_ csv: String, separator: Unicode.Scalar = ",") throws -> [[String]] {
    try CSVReader.read(csv, separator: separator).map { $0.map(\.text) }
  }

  @Test func readsWhatSpreadsheetsSave() throws {
    #expect(try texts("\u{FEFF}a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
    #expect(try texts("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    #expect(try texts("a;b\n\"x;y\";2\n", separator: ";") == [["a", "b"], ["x;y", "2"]])
    #expect(
      try texts("a,b\n\"line one\nline two\",\"say \"\"hi\"\"\"\n") == [
        ["a", "b"], ["line one\nline two", "say \"hi\""],
      ])
    #expect(try texts("a,b\n,\n") == [["a", "b"], ["", ""]])
  }

  @Test func cellsKnowWhereTheyAre() throws {
    let rows = try CSVReader.read("ref,note\nX/1,\"two\nlines\"\nX/2,ok\n")
    #expect(rows[2][0] == CSVCell(text: "X/2", line: 4, column: 1, row: 3))
    #expect(rows[1][1].line == 2)
    #expect(rows[1][1].row == 2)
    #expect(rows[1][1].column == 5)
  }

  @Test func rowsAreCountedAsASpreadsheetCountsThem() throws {
    // An empty line is a row; a line break inside a cell is not.
    let rows = try CSVReader.read("a,b\r\n\r\n\"one\r\ntwo\",x\r\ny,z\r\n")
    #expect(rows.map { $0[0].row } == [1, 3, 4])
    #expect(rows.map { $0[0].line } == [1, 3, 5])
  }

  @Test func brokenQuotingIsAnErrorWithAPlace() throws {
    let header = [CSVCell(text: "a", line: 1, column: 1), CSVCell(text: "b", line: 1, column: 3)]
    #expect(
      throws: CSVSyntaxError(
        line: 2, column: 5, message: "a quoted cell is never closed", row: 2, cell: 2, rowsBefore: [header],
        cellsBefore: [CSVCell(text: "X/1", line: 2, column: 1)], text: "open\n")
    ) {
      try CSVReader.read("a,b\nX/1,\"open\n")
    }
    #expect(
      throws: CSVSyntaxError(
        line: 1, column: 3, message: "a quote inside an unquoted cell (quote the whole cell)", text: "ab")
    ) {
      try CSVReader.read("ab\"c\n")
    }
  }
}
