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
    diagnostic.text(file: file) { Escape.terminal($0, singleLine: true) }
  }

  /// The diagnostics as JSON: an array, keys sorted (`Diagnostic.encode`).
  static func json(_ diagnostics: [Diagnostic]) throws -> String { try jsonText(diagnostics) }
}
