/// The one rule against formula injection in spreadsheet cells (OWASP, "CSV Injection"): a cell
/// that begins with `=`, `+`, `-`, `@`, tab or carriage return is read by Excel, Calc and Sheets
/// as a formula, so the tool writes it with a leading apostrophe, which spreadsheets show as text,
/// and takes that apostrophe off again when it reads a cell back.
public enum FormulaGuard {
  /// The first characters that make a spreadsheet read a cell as a formula.
  public static let leading: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// The cell's text as the tool writes it: with a leading apostrophe when it would read as a
  /// formula. A plain negative number (`-3`) stays a number.
  public static func guarded(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, leading.contains(first) else { return text }
    if first == "-" && Double(text) != nil { return text }
    return "'" + text
  }

  /// The cell's text with the guard a spreadsheet writer put before a formula character taken off.
  public static func unguarded(_ text: String) -> String {
    guard text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first, leading.contains(second)
    else { return text }
    return String(text.dropFirst())
  }
}
