import LearningJSON
import LearningModel

/// What one field of the store format holds, in the words docs/FORMAT.md uses for it.
indirect enum StoreFieldKind: Equatable, Sendable {
  /// Text people write, a privacy name or a label (`StoreTextField.Kind`).
  case text(StoreTextField.Kind)
  /// The record's own ID, unique in its scope.
  case id
  /// The ID (or `REVIEW/F1` reference) of another record, named as FORMAT.md names it: `agency ID`.
  case reference(String)
  /// A calendar day, `YYYY-MM-DD`.
  case day
  /// A due day: `YYYY-MM-DD`, `YYYY-MM` or `tbc`.
  case due
  /// A month and day, `MM-DD`.
  case monthDay
  /// A word of a closed vocabulary.
  case word(String)
  /// A whole number.
  case wholeNumber
  /// A number, whole or with decimals.
  case number
  /// `true` or `false`.
  case bool
  /// The mark of the history entry that wrote the store.
  case historyMark
  /// An object with fields of its own.
  case record(StoreRecordShape)
  /// A list of values of one kind.
  case list(StoreFieldKind)

  /// The kind as docs/FORMAT.md's field tables name it in their `type` column.
  var documented: String {
    switch self {
    case .text: return "text"
    case .id: return "ID"
    case .reference(let phrase): return phrase
    case .day: return "day"
    case .due: return "due"
    case .monthDay: return "`\"MM-DD\"`"
    case .word: return "word"
    case .wholeNumber: return "whole number"
    case .number: return "number"
    case .bool: return "true/false"
    case .historyMark: return "history mark"
    case .record: return "object"
    case .list(.record): return "list"
    case .list(.text): return "list of text"
    case .list(.day): return "list of days"
    case .list(.word): return "list of words"
    case .list(let element): return "list of " + element.documented + "s"
    }
  }
}

/// One field of a record as the format declares it, without the way it is read: its JSON name,
/// its kind and whether it must be given.
struct StoreFieldShape: Equatable, Sendable {
  let name: String
  let kind: StoreFieldKind
  let isRequired: Bool
}

/// The fields of one kind of record (an action, an update, a review's dates), in the table's order.
struct StoreRecordShape: Equatable, Sendable {
  /// What the record is, for messages and tests ("action", "update").
  let name: String
  let fields: [StoreFieldShape]

  /// The field with this JSON name.
  func field(_ name: String) -> StoreFieldShape? { fields.first { $0.name == name } }

  /// Every record of the format reached from this one, each at its place as docs/FORMAT.md names it
  /// (`reviews[].recommendations[].actions[]`), this one at `place`; in the table's order.
  func places(at place: String) -> [(place: String, shape: StoreRecordShape)] {
    var found = [(place, self)]
    for field in fields {
      let inner = place.isEmpty ? field.name : place + "." + field.name
      switch field.kind {
      case .record(let child): found += child.places(at: inner)
      case .list(.record(let child)): found += child.places(at: inner + "[]")
      default: break
      }
    }
    return found
  }
}

/// One field of a record: its JSON name, its kind, whether it is required, and how its value is
/// read into the record. Declared once in `StoreFormat`; the reader, the check of the text fields
/// and the check of docs/FORMAT.md's field tables all come from the declaration.
struct StoreField<Record: Sendable>: Sendable {
  typealias Read = @Sendable (inout StoreDecoder, inout Record) throws(JSONSyntaxError) -> Void

  let name: String
  let kind: StoreFieldKind
  let isRequired: Bool
  /// Reads the value at the reader into the record, noting a problem when it is not of the kind.
  let read: Read

  var shape: StoreFieldShape { StoreFieldShape(name: name, kind: kind, isRequired: isRequired) }
}

/// The table of one kind of record: its fields in order, each read by its declaration, with the
/// record's starting value (every field empty or absent) and the names' bytes kept once for
/// matching keys.
struct StoreRecordFields<Record: Sendable>: Sendable {
  let shape: StoreRecordShape
  let empty: Record
  let reads: [StoreField<Record>.Read]
  let names: [String]
  let bytes: [[UInt8]]
  let required: [Int]

  init(_ name: String, empty: Record, _ fields: [StoreField<Record>]) {
    shape = StoreRecordShape(name: name, fields: fields.map(\.shape))
    self.empty = empty
    reads = fields.map(\.read)
    names = fields.map(\.name)
    bytes = names.map { Array($0.utf8) }
    required = fields.indices.filter { fields[$0].isRequired }
  }

  /// The number of the field a key names, or `nil` for a field the format does not have.
  func index(of key: JSONReader.Key, in reader: JSONReader) -> Int? {
    if !key.escaped {
      let count = key.range.count
      let start = key.range.lowerBound
      names: for (index, name) in bytes.enumerated() where name.count == count {
        for position in 0..<count where reader.bytes[start + position] != name[position] { continue names }
        return index
      }
      return nil
    }
    let text = reader.name(of: key)
    return names.firstIndex(of: text)
  }
}

// MARK: Declaring fields by kind

/// Each constructor reads one kind of value and hands it, when it could be read, to a setter that
/// stores it in the record; a value of the wrong kind is noted by the reader and leaves the record as
/// it was. `required` fields draw "required field is missing" when left out; for the others `null`
/// is as good as left out unless said otherwise.
extension StoreField {
  /// A field read by its own function: the whole store's `schemaVersion`, the reviews.
  static func custom(_ name: String, _ kind: StoreFieldKind, required: Bool = false, _ read: @escaping Read)
    -> StoreField
  {
    StoreField(name: name, kind: kind, isRequired: required, read: read)
  }

  /// A string: text, an ID or a reference. Not `null`.
  static func string(
    _ name: String, _ kind: StoreFieldKind, required: Bool = true,
    _ set: @escaping @Sendable (inout Record, String) -> Void
  ) -> StoreField {
    custom(name, kind, required: required) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.string() { set(&record, value) }
    }
  }

  /// An optional string: text, an ID or a reference; `null` is absent.
  static func optionalString(
    _ name: String, _ kind: StoreFieldKind, _ set: @escaping @Sendable (inout Record, String?) -> Void
  ) -> StoreField {
    custom(name, kind) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if try d.reader.peek() == .null {
        try d.reader.readNull()
        set(&record, nil)
      } else if let value = try d.string() {
        set(&record, value)
      }
    }
  }

  /// A list of strings; `null` or left out is empty.
  static func strings(
    _ name: String, _ element: StoreFieldKind, _ set: @escaping @Sendable (inout Record, [String]) -> Void
  )
    -> StoreField
  {
    custom(name, .list(element)) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.strings())
    }
  }

  /// A list of strings that is absent, not empty, when `null`.
  static func optionalStrings(
    _ name: String, _ element: StoreFieldKind, _ set: @escaping @Sendable (inout Record, [String]?) -> Void
  ) -> StoreField {
    custom(name, .list(element)) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.optionalStrings())
    }
  }

  /// A calendar day. Not `null`.
  static func day(
    _ name: String, required: Bool = true, _ set: @escaping @Sendable (inout Record, CalendarDay) -> Void
  )
    -> StoreField
  {
    custom(name, .day, required: required) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.day() { set(&record, value) }
    }
  }

  /// An optional calendar day; `null` is absent.
  static func optionalDay(_ name: String, _ set: @escaping @Sendable (inout Record, CalendarDay?) -> Void)
    -> StoreField
  {
    custom(name, .day) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.optionalDay())
    }
  }

  /// A due day (`YYYY-MM-DD`, `YYYY-MM` or `tbc`). Not `null`.
  static func due(_ name: String, _ set: @escaping @Sendable (inout Record, PlannedDue) -> Void) -> StoreField
  {
    custom(name, .due, required: true) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.plannedDue() { set(&record, value) }
    }
  }

  /// An optional due day; `null` is absent.
  static func optionalDue(_ name: String, _ set: @escaping @Sendable (inout Record, PlannedDue?) -> Void)
    -> StoreField
  {
    custom(name, .due) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.optionalPlannedDue())
    }
  }

  /// A word of a closed vocabulary. Not `null`.
  static func word<Word: ClosedVocabulary>(
    _ name: String, _ type: Word.Type, _ set: @escaping @Sendable (inout Record, Word) -> Void
  ) -> StoreField {
    custom(name, .word(Word.vocabularyName), required: true) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.word(type) { set(&record, value) }
    }
  }

  /// An optional word of a closed vocabulary; `null` is absent.
  static func optionalWord<Word: ClosedVocabulary>(
    _ name: String, _ type: Word.Type, _ set: @escaping @Sendable (inout Record, Word?) -> Void
  ) -> StoreField {
    custom(name, .word(Word.vocabularyName)) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.optionalWord(type))
    }
  }

  /// A whole number. Not `null` (even when optional).
  static func wholeNumber(
    _ name: String, required: Bool = true, _ set: @escaping @Sendable (inout Record, Int) -> Void
  )
    -> StoreField
  {
    custom(name, .wholeNumber, required: required) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.integer() { set(&record, value) }
    }
  }

  /// An optional whole number; `null` is absent.
  static func optionalWholeNumber(_ name: String, _ set: @escaping @Sendable (inout Record, Int?) -> Void)
    -> StoreField
  {
    custom(name, .wholeNumber) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if try d.reader.peek() == .null {
        try d.reader.readNull()
      } else if let value = try d.integer() {
        set(&record, value)
      }
    }
  }

  /// A number, whole or with decimals. Not `null`.
  static func number(_ name: String, _ set: @escaping @Sendable (inout Record, Double) -> Void) -> StoreField
  {
    custom(name, .number, required: true) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.number() { set(&record, value) }
    }
  }

  /// `true` or `false`. Not `null`.
  static func bool(_ name: String, _ set: @escaping @Sendable (inout Record, Bool) -> Void) -> StoreField {
    custom(name, .bool, required: true) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.bool() { set(&record, value) }
    }
  }

  /// `true` or `false`, optional; `null` is absent.
  static func optionalBool(_ name: String, _ set: @escaping @Sendable (inout Record, Bool?) -> Void)
    -> StoreField
  {
    custom(name, .bool) { (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.optionalBool())
    }
  }

  /// An object of its own table. Not `null` (even when optional); stored when it is an object.
  static func record<Child: Sendable>(
    _ name: String, _ fields: StoreRecordFields<Child>, required: Bool = true,
    _ set: @escaping @Sendable (inout Record, Child) -> Void
  ) -> StoreField {
    custom(name, .record(fields.shape), required: required) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if let value = try d.record(fields) { set(&record, value) }
    }
  }

  /// An optional object of its own table; `null` is absent.
  static func optionalRecord<Child: Sendable>(
    _ name: String, _ fields: StoreRecordFields<Child>,
    _ set: @escaping @Sendable (inout Record, Child?) -> Void
  ) -> StoreField {
    custom(name, .record(fields.shape)) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if try d.reader.peek() == .null {
        try d.reader.readNull()
        set(&record, nil)
      } else if let value = try d.record(fields) {
        set(&record, value)
      }
    }
  }

  /// A list of objects of one table; `null` or left out is empty. Elements that are not objects are
  /// left out (and noted).
  static func records<Child: Sendable>(
    _ name: String, _ fields: StoreRecordFields<Child>, required: Bool = false,
    _ set: @escaping @Sendable (inout Record, [Child]) -> Void
  ) -> StoreField {
    custom(name, .list(.record(fields.shape)), required: required) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      set(&record, try d.list { (d: inout StoreDecoder) throws(JSONSyntaxError) in try d.record(fields) })
    }
  }

  /// A list of objects of one table that is absent, not empty, when `null`.
  static func optionalRecords<Child: Sendable>(
    _ name: String, _ fields: StoreRecordFields<Child>,
    _ set: @escaping @Sendable (inout Record, [Child]?) -> Void
  ) -> StoreField {
    custom(name, .list(.record(fields.shape))) {
      (d: inout StoreDecoder, record: inout Record) throws(JSONSyntaxError) in
      if try d.reader.peek() == .null {
        try d.reader.readNull()
        set(&record, nil)
      } else {
        set(&record, try d.list { (d: inout StoreDecoder) throws(JSONSyntaxError) in try d.record(fields) })
      }
    }
  }
}

extension StoreDecoder {
  /// One record of a table; `nil` when the value is not an object (noted).
  mutating func record<Record: Sendable>(_ fields: StoreRecordFields<Record>) throws(Syntax) -> Record? {
    var record = fields.empty
    return try object(fields, into: &record) ? record : nil
  }

  /// One record of a table that may be `null` (and then is absent).
  mutating func optionalRecord<Record: Sendable>(_ fields: StoreRecordFields<Record>) throws(Syntax)
    -> Record?
  {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try record(fields)
  }
}
