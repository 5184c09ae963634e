/// A cell of a CSV file with the line and column it starts at (both from 1).
public struct CSVCell: Equatable, Sendable {
  /// The cell's text, unquoted.
  public var text: String
  /// The line of the file the cell starts on.
  public var line: Int
  /// The character of the line the cell starts at.
  public var column: Int
}

/// A CSV syntax error at a line and column.
public struct CSVSyntaxError: Error, Equatable, Sendable {
  /// The line of the file.
  public var line: Int
  /// The character of the line.
  public var column: Int
  /// What is wrong.
  public var message: String
}

/// Reads CSV as spreadsheets save it (RFC 4180): with or without a UTF-8 byte-order mark, CRLF or
/// LF line ends, quoted cells holding separators, quotes and line breaks, and a comma or semicolon
/// separator (as the caller says).
public enum CSVReader {
  /// Rows of cells; a final empty line is not a row.
  public static func read(_ text: String, separator: Unicode.Scalar = ",") throws(CSVSyntaxError)
    -> [[CSVCell]]
  {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var rows: [[CSVCell]] = []
    var row: [CSVCell] = []
    var index = 0
    var line = 1
    var column = 1
    var atRowStart = true
    while index < scalars.count || !atRowStart {
      let cellLine = line
      let cellColumn = column
      var cell = String.UnicodeScalarView()
      if index < scalars.count && scalars[index] == "\"" {
        index += 1
        column += 1
        var closed = false
        while index < scalars.count {
          let scalar = scalars[index]
          if scalar == "\"" {
            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
              cell.append("\"")
              index += 2
              column += 2
              continue
            }
            index += 1
            column += 1
            closed = true
            break
          }
          if scalar == "\n" {
            line += 1
            column = 1
          } else {
            column += 1
          }
          cell.append(scalar)
          index += 1
        }
        if !closed {
          throw CSVSyntaxError(line: cellLine, column: cellColumn, message: "a quoted cell is never closed")
        }
        if index < scalars.count && scalars[index] != separator && scalars[index] != "\r"
          && scalars[index] != "\n"
        {
          throw CSVSyntaxError(line: line, column: column, message: "text after the closing quote of a cell")
        }
      } else {
        while index < scalars.count && scalars[index] != separator && scalars[index] != "\n"
          && scalars[index] != "\r"
        {
          if scalars[index] == "\"" {
            throw CSVSyntaxError(
              line: line, column: column, message: "a quote inside an unquoted cell (quote the whole cell)")
          }
          cell.append(scalars[index])
          index += 1
          column += 1
        }
      }
      row.append(CSVCell(text: String(cell), line: cellLine, column: cellColumn))
      atRowStart = false
      if index < scalars.count && scalars[index] == separator {
        index += 1
        column += 1
        continue
      }
      // End of the row.
      if index < scalars.count && scalars[index] == "\r" { index += 1 }
      if index < scalars.count && scalars[index] == "\n" { index += 1 }
      line += 1
      column = 1
      if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
      row = []
      atRowStart = true
      if index >= scalars.count { break }
    }
    return rows
  }
}
