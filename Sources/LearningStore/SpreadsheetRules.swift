import LearningModel

/// A rules file for a spreadsheet in a layout of the partnership's own, after hledger's CSV rules:
/// a small text file kept beside the spreadsheet and reused every quarter. One directive a line,
/// `#` starts a comment:
///
/// - `column "HEADER" = FIELD`: the column is the layout's FIELD (any header the layout reads, as
///   headers are matched), or `note on DAY` (a dated progress column), or `recommendation number`;
/// - `ignore "HEADER"`: the column is read by no one, on purpose;
/// - `skip N`: the header row is below the first N rows;
/// - `set FIELD = VALUE`: the value of FIELD on every row;
/// - `if "HEADER" is "TEXT"` and indented `FIELD = VALUE` lines: on rows whose HEADER cell says
///   TEXT (ignoring case, surrounding spaces and a final full stop), the value of FIELD, read as
///   the cell would be. Later lines win.
public struct SpreadsheetRules: Equatable, Sendable {
  /// What a column is.
  public enum Target: Equatable, Sendable {
    /// A field of the layout, by the name the rules give it.
    case field(String)
    /// A progress note written on a day.
    case noteOn(CalendarDay)
    /// Not read, on purpose.
    case ignored
  }

  /// A value given to a field, by `set` or in an `if` block.
  public struct Assignment: Equatable, Sendable {
    /// The field, as the rules name it.
    public var field: String
    /// The value, as a cell would say it.
    public var value: String
    /// The rules file's line.
    public var line: Int
  }

  /// An `if` block.
  public struct Condition: Equatable, Sendable {
    /// The header of the column tested.
    public var header: String
    /// The text the cell must say.
    public var text: String
    /// What the block sets.
    public var assignments: [Assignment]
  }

  /// The columns the rules name, by header, in file order.
  public var columns: [(header: String, target: Target)] = []
  /// Rows above the header row.
  public var skip = 0
  /// Values for every row.
  public var fixed: [Assignment] = []
  /// Conditional values, in file order.
  public var conditions: [Condition] = []

  /// No rules.
  public init() {}

  /// Two rule sets are equal when they say the same, line for line.
  public static func == (lhs: SpreadsheetRules, rhs: SpreadsheetRules) -> Bool {
    lhs.columns.map(\.header) == rhs.columns.map(\.header)
      && lhs.columns.map(\.target) == rhs.columns.map(\.target)
      && lhs.skip == rhs.skip && lhs.fixed == rhs.fixed && lhs.conditions == rhs.conditions
  }

  /// How many cells of a candidate header row name a column: mapped by these rules, or (when the
  /// rules say nothing of it) read by the layout (`readsHeader`); ignored headers do not count, nor
  /// does any row above `skip`. The one score both imports find their header row by.
  func headerScore(_ row: [CSVCell], readsHeader: (String) -> Bool) -> Int {
    guard (row.first?.row ?? 0) > skip else { return 0 }
    return row.filter { cell in
      switch target(forHeader: cell.text) {
      case .field?, .noteOn?: true
      case .ignored?: false
      case nil: readsHeader(cell.text)
      }
    }.count
  }

  /// What the rules say of a header; nil when they do not name it.
  public func target(forHeader text: String) -> Target? {
    let key = SpreadsheetCell.nameKey(text)
    return columns.last { SpreadsheetCell.nameKey($0.header) == key }?.target
  }

  /// Whether a cell says a condition's text: ignoring case, surrounding spaces and a final full stop.
  public static func says(_ cell: String, _ text: String) -> Bool {
    func key(_ text: String) -> String {
      var text = String(text.trimmingSpaces).lowercased()
      while text.hasSuffix(".") { text.removeLast() }
      return String(text.trimmingSpaces)
    }
    return key(cell) == key(text)
  }

  /// The values a row's assignments give, by field, `set` first then each `if` that holds, later
  /// winning. `cell` gives a row's cell by its header.
  public func assignments(cell: (String) -> String?) -> [Assignment] {
    var found = fixed
    for condition in conditions {
      guard let value = cell(condition.header), Self.says(value, condition.text) else { continue }
      found += condition.assignments
    }
    return found
  }

  /// Reads a rules file; every problem is given with its line.
  public static func parse(_ text: String) -> (rules: SpreadsheetRules, problems: [String]) {
    var rules = SpreadsheetRules()
    var problems: [String] = []
    var open: Int?
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      let line = raw.replacingOccurrences(of: "\r", with: "")
      let body = String(line.trimmingSpaces)
      if body.isEmpty || body.hasPrefix("#") { continue }
      let indented = line.first == " " || line.first == "\t"
      if indented, let open {
        guard let (field, value) = assignment(body) else {
          problems.append("line \(number): expected FIELD = VALUE under the if line, found \"\(body)\"")
          continue
        }
        rules.conditions[open].assignments.append(Assignment(field: field, value: value, line: number))
        continue
      }
      open = nil
      var rest = Substring(body)
      let keyword = word(&rest)
      switch keyword.lowercased() {
      case "column":
        guard let header = quoted(&rest), eat("=", &rest) else {
          problems.append("line \(number): expected column \"HEADER\" = FIELD")
          continue
        }
        let field = String(String(rest).trimmingSpaces)
        let lowered = field.lowercased()
        if lowered.hasPrefix("note on ") {
          guard let day = LenientDay.day(String(field.dropFirst(8))) else {
            problems.append(
              "line \(number): \"\(field.dropFirst(8))\" is not a day; write note on 31/03/2020")
            continue
          }
          rules.columns.append((header, .noteOn(day)))
        } else if field.isEmpty {
          problems.append("line \(number): column \"\(header)\" = needs a field")
        } else {
          rules.columns.append((header, .field(field)))
        }
      case "ignore":
        guard let header = quoted(&rest), String(rest).trimmingSpaces.isEmpty else {
          problems.append("line \(number): expected ignore \"HEADER\"")
          continue
        }
        rules.columns.append((header, .ignored))
      case "skip":
        guard let count = Int(String(String(rest).trimmingSpaces)), count >= 0 else {
          problems.append("line \(number): expected skip N, a number of rows")
          continue
        }
        rules.skip = count
      case "set":
        guard let (field, value) = assignment(String(rest)) else {
          problems.append("line \(number): expected set FIELD = VALUE")
          continue
        }
        rules.fixed.append(Assignment(field: field, value: value, line: number))
      case "if":
        guard let header = quoted(&rest), word(&rest).lowercased() == "is", let text = quoted(&rest) else {
          problems.append("line \(number): expected if \"HEADER\" is \"TEXT\"")
          continue
        }
        rules.conditions.append(Condition(header: header, text: text, assignments: []))
        open = rules.conditions.count - 1
      default:
        problems.append(
          "line \(number): \"\(keyword)\" is not a directive; expected column, ignore, skip, set or if")
      }
    }
    return (rules, problems)
  }

  static func word(_ text: inout Substring) -> String {
    text = text.drop { $0 == " " || $0 == "\t" }
    let word = text.prefix { $0 != " " && $0 != "\t" }
    text = text.dropFirst(word.count)
    return String(word)
  }

  static func quoted(_ text: inout Substring) -> String? {
    text = text.drop { $0 == " " || $0 == "\t" }
    guard text.first == "\"" else { return nil }
    let body = text.dropFirst()
    guard let end = body.firstIndex(of: "\"") else { return nil }
    text = body[body.index(after: end)...]
    return String(body[..<end])
  }

  static func eat(_ symbol: Character, _ text: inout Substring) -> Bool {
    text = text.drop { $0 == " " || $0 == "\t" }
    guard text.first == symbol else { return false }
    text = text.dropFirst()
    return true
  }

  static func assignment(_ text: String) -> (String, String)? {
    guard let equals = text.firstIndex(of: "=") else { return nil }
    let field = String(String(text[..<equals]).trimmingSpaces)
    var value = String(String(text[text.index(after: equals)...]).trimmingSpaces)
    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
      value = String(value.dropFirst().dropLast())
    }
    return field.isEmpty ? nil : (field, value)
  }
}
