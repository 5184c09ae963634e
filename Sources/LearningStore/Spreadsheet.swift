import LearningModel

/// How much of a spreadsheet an import reads before refusing it, so that a wrong or runaway file is
/// refused within seconds rather than read whole.
public struct SpreadsheetLimits: Equatable, Sendable {
  /// The most rows a file may have (a cell holding a line break does not add a row).
  public var rows: Int
  /// The most bytes a file may have.
  public var bytes: Int
  /// The most problems listed; the rest are counted ("and N more").
  public var problemsShown: Int

  /// 100,000 rows, 64 MiB and 50 problems, unless raised.
  public init(rows: Int = 100_000, bytes: Int = 64 << 20, problemsShown: Int = 50) {
    self.rows = rows
    self.bytes = bytes
    self.problemsShown = problemsShown
  }
}

/// Why a spreadsheet file cannot be read at all.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case unreadable(file: String)
  /// The file is a workbook, not CSV (the message says how to save it as CSV).
  case workbook(String)
  /// The file's bytes are not text.
  case notText(file: String)
  /// The file is bigger than the limit.
  case tooBig(file: String, bytes: Int, limit: Int)
  /// The file has more rows than the limit.
  case tooManyRows(file: String, rows: Int, limit: Int)

  /// What is wrong, naming the file and what to do.
  public var description: String {
    switch self {
    case .unreadable(let file): "\(file): no such file, or it cannot be read"
    case .workbook(let message): message
    case .notText(let file):
      "\(file): not a text file (save the spreadsheet as CSV, or as Unicode text, and import that)"
    case .tooBig(let file, let bytes, let limit):
      "\(file): the file is \(megabytes(bytes)) MiB; an import reads at most \(megabytes(limit)) MiB "
        + "(raise it with --max-megabytes N); nothing was changed"
    case .tooManyRows(let file, let rows, let limit):
      "\(file): the file has at least \(rows) rows; an import reads at most \(limit) "
        + "(raise it with --max-rows N); nothing was changed"
    }
  }

  private func megabytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }
}

/// A spreadsheet's text as read from its bytes, with the lines whose bytes were not UTF-8.
public struct SpreadsheetText: Equatable, Sendable {
  /// The text, without a byte-order mark.
  public var text: String
  /// The lines (from 1) read as Windows-1252 because their bytes are not UTF-8.
  public var windows1252Lines: [Int]
  /// The encoding the file was saved in, as a person names it.
  public var encoding: String

  /// A note for the person importing, when some lines were read as Windows-1252; nil otherwise.
  public var note: String? {
    guard !windows1252Lines.isEmpty else { return nil }
    let shown = windows1252Lines.prefix(10).map(String.init).joined(separator: ", ")
    let more = windows1252Lines.count > 10 ? " and \(windows1252Lines.count - 10) more" : ""
    if windows1252Lines.count == 1 {
      return "line \(shown) is not UTF-8 and was read as Windows-1252; the rest as UTF-8"
    }
    return "lines \(shown)\(more) are not UTF-8 and were read as Windows-1252; the rest as UTF-8"
  }
}

/// The one reader of spreadsheets saved as text, used by `import plan` and `import returns` alike:
/// bytes to text (UTF-8 where the bytes are UTF-8, Windows-1252 only for the lines that are not;
/// a byte-order mark; UTF-16 "Unicode text" as Excel saves it), the limits, and rows of cells with
/// the header row found under whichever separator (comma, semicolon or tab) names the most known
/// headers.
public enum Spreadsheet {
  /// Reads a file's bytes as text, refusing a workbook, a file over the limits, or bytes that are
  /// not text.
  public static func read(file: String, bytes: [UInt8], limits: SpreadsheetLimits) throws(SpreadsheetError)
    -> SpreadsheetText
  {
    if let workbook = AgencyReturnImport.workbookProblem(fileName: file, bytes: bytes) {
      throw .workbook(workbook)
    }
    if bytes.count > limits.bytes { throw .tooBig(file: file, bytes: bytes.count, limit: limits.bytes) }
    guard let decoded = decode(bytes) else { throw .notText(file: file) }
    let rows = rowCount(decoded.text, stoppingAfter: limits.rows)
    if rows > limits.rows { throw .tooManyRows(file: file, rows: rows, limit: limits.rows) }
    return decoded
  }

  /// The bytes as text: UTF-16 after its byte-order mark, else UTF-8 line by line with the lines
  /// that are not UTF-8 read as Windows-1252; nil when the bytes are not text (a NUL byte).
  public static func decode(_ bytes: [UInt8]) -> SpreadsheetText? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let littleEndian = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var index = 2
      while index + 1 < bytes.count {
        let pair = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
        units.append(littleEndian ? pair.0 | pair.1 << 8 : pair.0 << 8 | pair.1)
        index += 2
      }
      let text = String(decoding: units, as: UTF16.self)
      if text.unicodeScalars.contains("\0") { return nil }
      return SpreadsheetText(
        text: text, windows1252Lines: [], encoding: littleEndian ? "UTF-16 LE" : "UTF-16 BE")
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.contains(0) { return nil }
    var text = ""
    text.reserveCapacity(body.count)
    var windows1252: [Int] = []
    var line = 1
    for lineBytes in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if line > 1 { text.append("\n") }
      if let utf8 = String(validating: lineBytes, as: UTF8.self) {
        text.append(utf8)
      } else {
        windows1252.append(line)
        text.unicodeScalars.append(contentsOf: lineBytes.map(windows1252Scalar))
      }
      line += 1
    }
    return SpreadsheetText(
      text: text, windows1252Lines: windows1252,
      encoding: windows1252.isEmpty ? "UTF-8" : "UTF-8 and Windows-1252")
  }

  /// The rows of the text as a spreadsheet counts them (a line break inside quotes does not add a
  /// row), counting no further than one past `limit`.
  public static func rowCount(_ text: String, stoppingAfter limit: Int) -> Int {
    var rows = 0
    var quoted = false
    var lineHasText = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if byte == 0x0A && !quoted {
        rows += 1
        if rows > limit { return rows }
        lineHasText = false
        continue
      }
      if byte != 0x0D { lineHasText = true }
    }
    return rows + (lineHasText ? 1 : 0)
  }

  /// A byte of Windows-1252 as a Unicode scalar (0x80–0x9F hold quotes, dashes and the euro sign).
  static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {
      return scalar
    }
    return Unicode.Scalar(byte)
  }

  static let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0xFFFD,
    0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
    0x203A,
    0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  /// The problems to print: at most `limits.problemsShown`, then "and N more problems".
  public static func shown(_ problems: [String], limits: SpreadsheetLimits) -> [String] {
    guard problems.count > limits.problemsShown else { return problems }
    return Array(problems.prefix(limits.problemsShown))
      + ["and \(plural(problems.count - limits.problemsShown, "more problem"))"]
  }

  /// The "no header row found" problem: the first rows as found, and the headers expected.
  static func noHeader(_ text: String, expected: [String]) -> ImportProblem {
    var firstRows: [String] = []
    for line in text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true).prefix(3) {
      var shown = String(line).replacingOccurrences(of: "\r", with: "").replacingOccurrences(
        of: "\t", with: " | ")
      shown = shown.shortened(to: 70)
      firstRows.append("\"\(shown)\"")
    }
    return ImportProblem(
      row: 1,
      message: "no header row found: the first rows are "
        + (firstRows.isEmpty ? "empty" : firstRows.joined(separator: ", "))
        + "; expected a row of column headers such as " + expected.map { "\"\($0)\"" }.joined(separator: ", ")
        + " (a rules file names other headers: see --suggest-rules)")
  }
}
