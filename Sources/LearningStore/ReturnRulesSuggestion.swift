import LearningModel

/// A rules file suggested for an agency's return in a layout of its own (`import returns
/// --suggest-rules`): every header mapped by name where it can be, a `# ?` line for each it cannot,
/// and an `if` block for every agency and status value the import does not understand.
public enum ReturnRulesSuggestion {
  /// The field a header's words suggest, by the words agencies' own returns use; nil when none.
  public static func field(forHeader text: String) -> String? {
    if let column = AgencyReturnImport.column(forHeader: text) { return AgencyReturnImport.fieldName(column) }
    let words = SpreadsheetCell.words(text)
    let guesses: [(AgencyReturnColumn, [String])] = [
      (.dueReason, ["reason"]),
      (.proposedDue, ["proposed", "new due", "revised due", "new date", "revised date"]),
      (.impactEvidence, ["impact"]),
      (.evidence, ["evidence"]),
      (.newStatus, ["status", "rag", "progress rating"]),
      (.progressNote, ["progress", "update", "comment", "note"]),
      (.agency, ["agency", "organisation", "partner"]),
      (.action, ["action ref", "reference", "ref"]),
    ]
    for (column, keys) in guesses
    where keys.contains(where: { key in
      key.count <= 3 ? words.split(separator: " ").contains(Substring(key)) : words.contains(key)
    }) {
      return AgencyReturnImport.fieldName(column)
    }
    return nil
  }

  /// The suggested rules file for a return's text.
  public static func suggest(_ text: String, tracker: Tracker) -> String {
    PlanRulesSuggestion.suggest(text, command: "import returns", field: field(forHeader:)) { field, value in
      switch field {
      case AgencyReturnImport.fieldName(.agency): SpreadsheetCell.agency(named: value, in: tracker) != nil
      case AgencyReturnImport.fieldName(.newStatus): SpreadsheetCell.status(value) != nil
      case AgencyReturnImport.fieldName(.proposedDue): AgencyReturnImport.day(value) != nil
      default: nil
      }
    }
  }
}
