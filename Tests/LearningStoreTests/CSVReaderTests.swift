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
    #expect(rows[2][0] == CSVCell(text: "X/2", line: 4, column: 1))
    #expect(rows[1][1].line == 2)
    #expect(rows[1][1].column == 5)
  }

  @Test func brokenQuotingIsAnErrorWithAPlace() {
    #expect(throws: CSVSyntaxError(line: 2, column: 5, message: "a quoted cell is never closed")) {
      try CSVReader.read("a,b\nX/1,\"open\n")
    }
    #expect(
      throws: CSVSyntaxError(
        line: 1, column: 3, message: "a quote inside an unquoted cell (quote the whole cell)")
    ) {
      try CSVReader.read("ab\"c\n")
    }
  }
}
