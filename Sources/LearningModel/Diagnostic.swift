/// Where a diagnostic was found: a file, an entry of a history, a JSON path, a spreadsheet's row,
/// column and cell. Only the parts that apply are set.
public struct DiagnosticPlace: Equatable, Sendable {
  /// The file: the store, a history, a returned spreadsheet.
  public var file: String?
  /// The entry of a history, counted from 1.
  public var entry: Int?
  /// Where in the store: `reviews[3].recommendations[0].actions[1].due`.
  public var path: String?
  /// The row as a spreadsheet counts rows: the file's first row is 1, and a cell holding a line
  /// break does not add a row.
  public var row: Int?
  /// The column, by its header.
  public var column: String?
  /// The value found in the cell ("" for an empty cell).
  public var value: String?

  /// A place; give the parts that apply.
  public init(
    file: String? = nil, entry: Int? = nil, path: String? = nil, row: Int? = nil, column: String? = nil,
    value: String? = nil
  ) {
    self.file = file
    self.entry = entry
    self.path = path
    self.row = row
    self.column = column
    self.value = value
  }
}

/// What kind of thing a diagnostic is: what commands decide by, never by its words.
public enum DiagnosticCode: Equatable, Sendable {
  /// A validation rule of the store (`Validator`, `DomainRules`), by its name.
  case check(ValidationCheck)
  /// A row or header of an imported spreadsheet (a plan, an agency's return) that cannot be taken in.
  case importRow
  /// Personal data found in free text (`PersonalDataScanner`).
  case personalData(PersonalDataKind)
  /// A half-written last line of a history, cut off and kept aside.
  case tornHistoryLine
  /// A store that is not the one the history's last entry left, recorded before the change.
  case storeChangedOutside
  /// An entry of a history that fails the check of its chain of digests (`history --verify`).
  case historyChainBroken

  /// The code as JSON and the terminal name it: the check's name, `importRow`, `personalData.email`.
  public var name: String {
    switch self {
    case .check(let check): check.rawValue
    case .importRow: "importRow"
    case .personalData(let kind): "personalData.\(kind.rawValue)"
    case .tornHistoryLine: "tornHistoryLine"
    case .storeChangedOutside: "storeChangedOutside"
    case .historyChainBroken: "historyChainBroken"
    }
  }
}

/// One thing found in a store, an import, a history or a text: validation, import problems, personal
/// data and what the history noticed are all diagnostics. Each has a severity, a place, the record
/// it is about, a message a person can act on, a hint and a code commands decide by; one renderer
/// writes them for the terminal and one for JSON.
public struct Diagnostic: Equatable, Encodable, Sendable {
  /// An error blocks writing; a warning is worth a look.
  public var severity: Severity
  /// What kind of thing was found.
  public var code: DiagnosticCode
  /// Where it was found.
  public var place: DiagnosticPlace
  /// The record it is about, as a reference is written (`LCSPR-2025-02/1.1`), when there is one.
  public var record: String?
  /// What is wrong, in a sentence a person can act on.
  public var message: String
  /// What to do about it, when there is more to say.
  public var hint: String?

  /// A diagnostic of any kind.
  public init(
    severity: Severity, code: DiagnosticCode, place: DiagnosticPlace, record: String? = nil, message: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.place = place
    self.record = record
    self.message = message
    self.hint = hint
  }

  /// A validation diagnostic of `check` at the JSON path `path`.
  public init(severity: Severity, check: ValidationCheck, path: String, message: String, hint: String? = nil)
  {
    self.init(
      severity: severity, code: .check(check), place: DiagnosticPlace(path: path), message: message,
      hint: hint)
  }

  /// The validation rule that found it, when a rule did.
  public var check: ValidationCheck? {
    if case .check(let check) = code { return check }
    return nil
  }

  /// The JSON path, or "" when the place has none.
  public var path: String { place.path ?? "" }

  private enum Key: String, CodingKey {
    case severity, check, code, file, entry, path, row, column, value, record, message, hint
  }

  /// A validation diagnostic as `validate --format json` has always written it (severity, check,
  /// path, message, hint); any other with its code and the parts of its place that apply.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(severity, forKey: .severity)
    if let check {
      try container.encode(check, forKey: .check)
    } else {
      try container.encode(code.name, forKey: .code)
      try container.encodeIfPresent(place.file, forKey: .file)
      try container.encodeIfPresent(place.entry, forKey: .entry)
      try container.encodeIfPresent(place.row, forKey: .row)
      try container.encodeIfPresent(place.column, forKey: .column)
      try container.encodeIfPresent(place.value, forKey: .value)
      try container.encodeIfPresent(record, forKey: .record)
    }
    try container.encodeIfPresent(place.path, forKey: .path)
    try container.encode(message, forKey: .message)
    try container.encodeIfPresent(hint, forKey: .hint)
  }
}

extension Diagnostic {
  /// The diagnostic as text, in the one layout every diagnostic is written in:
  /// `FILE: entry N: PLACE: severity: message [check]` and the hint on a line of its own, for a
  /// validation rule; `FILE: entry N: PLACE: message (hint)` for anything else. PLACE is the JSON
  /// path, or the spreadsheet's `row 5, column "Due", action REF, value "…"`; `file` is used when
  /// the diagnostic names none. `escape` is applied to every part that can come from data (the
  /// terminal's escaping, where the text goes to a terminal).
  public func text(file: String? = nil, escape safe: (String) -> String = { $0 }) -> String {
    var parts: [String] = []
    if let file = place.file ?? file { parts.append(safe(file)) }
    if let entry = place.entry { parts.append("entry \(entry)") }
    if let path = place.path {
      parts.append(safe(path))
    } else if let row = place.row {
      var shown = "row \(row)"
      if let column = place.column { shown += ", column \"\(safe(column))\"" }
      if let record { shown += ", action \(safe(record))" }
      if let value = place.value {
        // On one line, as the cell shows it: a line break inside the cell written as \n.
        // ("\r\n" is one character in Swift.)
        let cell = value.map { $0 == "\r\n" || $0 == "\r" || $0 == "\n" ? "\\n" : String($0) }.joined()
        shown += value.isEmpty ? ", empty" : ", value \"\(safe(cell))\""
      }
      parts.append(shown)
    }
    if let check {
      parts.append("\(severity.rawValue): \(safe(message)) [\(check.rawValue)]")
      return parts.joined(separator: ": ") + (hint.map { "\n    hint: \(safe($0))" } ?? "")
    }
    parts.append(safe(message) + (hint.map { " (\(safe($0)))" } ?? ""))
    return parts.joined(separator: ": ")
  }

  /// Personal data of `kind` found at `place`: the kind of data and what was found, masked so the
  /// message does not repeat it (`excerpt`, also kept as the place's value).
  public static func personalData(
    _ kind: PersonalDataKind, excerpt: String, at place: DiagnosticPlace, severity: Severity = .error,
    hint: String? = nil
  ) -> Diagnostic {
    var place = place
    place.value = excerpt
    return Diagnostic(
      severity: severity, code: .personalData(kind), place: place, message: "\(kind.title) \(excerpt)",
      hint: hint)
  }

  /// The kind of personal data, when the diagnostic is a piece of it.
  public var personalDataKind: PersonalDataKind? {
    if case .personalData(let kind) = code { return kind }
    return nil
  }
}
