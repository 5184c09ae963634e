import LearningModel
import LearningReports

/// The one way a diagnostic (validation, an import problem, personal data, what the history
/// noticed) is written: `terminal` for a person, `json` where a command prints JSON. Every part
/// that can come from data goes through `Escape.terminal`, on one line.
enum DiagnosticText {
  /// `FILE: entry N: PLACE: severity: message [check]` and the hint on a line of its own, for a
  /// validation rule; `FILE: entry N: PLACE: message (hint)` for anything else. PLACE is the JSON
  /// path, or the spreadsheet's `row 5, column "Due", action REF, value "…"`; `file` is used when
  /// the diagnostic names none.
  static func terminal(_ diagnostic: Diagnostic, file: String? = nil) -> String {
    func safe(_ text: String) -> String { Escape.terminal(text, singleLine: true) }
    var parts: [String] = []
    if let file = diagnostic.place.file ?? file { parts.append(safe(file)) }
    if let entry = diagnostic.place.entry { parts.append("entry \(entry)") }
    if let path = diagnostic.place.path {
      parts.append(safe(path))
    } else if let row = diagnostic.place.row {
      var place = "row \(row)"
      if let column = diagnostic.place.column { place += ", column \"\(safe(column))\"" }
      if let record = diagnostic.record { place += ", action \(safe(record))" }
      if let value = diagnostic.place.value {
        // On one line, as the cell shows it: a line break inside the cell written as \n.
        let shown = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
          of: "\r", with: "\n"
        )
        .replacingOccurrences(of: "\n", with: "\\n")
        place += value.isEmpty ? ", empty" : ", value \"\(safe(shown))\""
      }
      parts.append(place)
    }
    if let check = diagnostic.check {
      parts.append("\(diagnostic.severity.rawValue): \(safe(diagnostic.message)) [\(check.rawValue)]")
      return parts.joined(separator: ": ") + (diagnostic.hint.map { "\n    hint: \(safe($0))" } ?? "")
    }
    parts.append(safe(diagnostic.message) + (diagnostic.hint.map { " (\(safe($0)))" } ?? ""))
    return parts.joined(separator: ": ")
  }

  /// The diagnostics as JSON: an array, keys sorted (`Diagnostic.encode`).
  static func json(_ diagnostics: [Diagnostic]) throws -> String { try jsonText(diagnostics) }
}
