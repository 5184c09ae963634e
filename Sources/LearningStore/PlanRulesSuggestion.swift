import LearningModel

/// A rules file suggested for a plan in a layout of the partnership's own (`import plan
/// --suggest-rules`): every header mapped by name where it can be, a `# ?` line for each it cannot,
/// and an `if` block for every status, rating and owner value the import does not understand.
public enum PlanRulesSuggestion {
  /// The field a header's words suggest, by the words partnerships' own plans use; nil when none.
  public static func field(forHeader text: String) -> String? {
    if let column = PlanImport.column(forHeader: text) { return column.rawValue.lowercased() }
    if LenientDay.day(text) != nil { return "note on \(String(text.trimmingSpaces))" }
    let words = SpreadsheetCell.words(text)
    let guesses: [(String, [String])] = [
      ("latest note", ["completion and outcome"]),
      ("recommendation number", ["rec no", "recommendation no", "recommendation number", "no"]),
      ("owning agencies", ["responsib", "owner", "agenc", "lead agency", "organisation"]),
      ("reported rating", ["rag", "brag", "rating"]),
      ("status", ["status", "outcome"]),
      ("note day", ["date of update", "update date", "date updated"]),
      ("latest note", ["progress", "update", "comment", "note"]),
      ("planned evidence or measure", ["evidence", "measure", "success"]),
      ("due", ["due", "target", "timescale", "deadline", "by when", "completion date"]),
      ("lead", ["lead"]),
      ("action", ["action"]),
      ("recommendation", ["recommendation", "rec"]),
    ]
    for (field, keys) in guesses
    where keys.contains(where: { key in
      key.count <= 3
        ? words.split(separator: " ").contains(Substring(key)) || words == key : words.contains(key)
    }) {
      return field
    }
    return nil
  }

  /// The suggested rules file for a plan's text.
  public static func suggest(_ text: String, tracker: Tracker) -> String {
    suggest(text, command: "import plan", field: field(forHeader:)) { field, value in
      switch field {
      case "status": SpreadsheetCell.status(value) != nil
      case "reported rating": SpreadsheetCell.rating(value) != nil
      case "owning agencies": (try? SpreadsheetCell.owners(value, in: tracker).get()) != nil
      case "due": LenientDay.due(value, dayNumbers: true) != nil
      default: nil
      }
    }
  }

  /// A suggested rules file for a spreadsheet of any layout, for `command`: `field` maps a header
  /// to a field, and `understood` says whether a value is read in a field (nil for a field whose
  /// values are not checked).
  static func suggest(
    _ text: String, command: String, field: (String) -> String?, understood: (String, String) -> Bool?
  ) -> String {
    let read = AgencyReturnImport.headedRows(text) { row in
      row.filter { field($0.text) != nil }.count
    }
    guard let (rows, headerIndex, _) = read.found else {
      return "# No header row found: no row has two headers the layout's columns could be.\n"
    }
    let header = rows[headerIndex]
    var lines = ["# Rules suggested by '\(command) --suggest-rules': check every line before use."]
    let headerRow = header.first?.row ?? 1
    if headerRow > 1 { lines.append("skip \(headerRow - 1)") }
    var mapped: [(index: Int, header: String, field: String)] = []
    for (index, cell) in header.enumerated() where !cell.text.trimmingSpaces.isEmpty {
      let name = String(cell.text.trimmingSpaces).replacingOccurrences(of: "\"", with: "'")
      if let field = field(cell.text) {
        lines.append("column \"\(name)\" = \(field)")
        mapped.append((index, name, field))
      } else {
        lines.append("# ? column \"\(name)\" = FIELD, or: ignore \"\(name)\"")
      }
    }
    for (index, name, field) in mapped {
      var seen: Set<String> = []
      for row in rows[(headerIndex + 1)...] where index < row.count {
        let value = String(row[index].text.trimmingSpaces)
        if value.isEmpty || seen.contains(value) { continue }
        seen.insert(value)
        guard understood(field, value) == false else { continue }
        lines.append("if \"\(name)\" is \"\(value.replacingOccurrences(of: "\"", with: "'"))\"")
        lines.append("  \(field) = ?")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
