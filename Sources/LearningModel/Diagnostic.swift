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

  /// The code as JSON and the terminal name it: the check's name, `importRow`, `personalData.email`.
  public var name: String {
    switch self {
    case .check(let check): check.rawValue
    case .importRow: "importRow"
    case .personalData(let kind): "personalData.\(kind.rawValue)"
    case .tornHistoryLine: "tornHistoryLine"
    case .storeChangedOutside: "storeChangedOutside"
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

extension PersonalDataFinding {
  /// The finding as a diagnostic, for the one renderer: the kind of data, then the masked excerpt
  /// as what to look for.
  public var diagnostic: Diagnostic {
    Diagnostic(
      severity: .error, code: .personalData(kind), place: DiagnosticPlace(path: path), message: kind.title,
      hint: excerpt)
  }
}
