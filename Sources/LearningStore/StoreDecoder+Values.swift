import LearningJSON
import LearningModel

/// The values the store format is made of: strings, numbers, days, words and lists, each read
/// straight from the bytes, with a problem noted for a value of the wrong kind.
extension StoreDecoder {
  // MARK: Values

  mutating func string() throws(Syntax) -> String? {
    guard try reader.peek() == .string else {
      try wrongType("a string")
      return nil
    }
    let (range, escaped) = try reader.scanString()
    if escaped { return reader.unescape(range) }
    return texts.string(UnsafeBufferPointer(rebasing: reader.bytes[range]))
  }

  /// A string that may be `null`.
  mutating func optionalString() throws(Syntax) -> String? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try string()
  }

  mutating func integer() throws(Syntax) -> Int? {
    guard try reader.peek() == .number else {
      try wrongType("a whole number")
      return nil
    }
    let offset = reader.offset
    let number = try reader.readNumber()
    if let value = reader.integer(number) { return value }
    let text = reader.text(of: number.range)
    if number.digits > JSONLimits.maximumDigits {
      problem("the number \(text) is too large (at most \(JSONLimits.maximumDigits) digits)", at: offset)
    } else {
      problem("expected a whole number, found \(text)", at: offset)
    }
    return nil
  }

  mutating func bool() throws(Syntax) -> Bool? {
    guard try reader.peek() == .bool else {
      try wrongType("true or false")
      return nil
    }
    return try reader.readBool()
  }

  mutating func day() throws(Syntax) -> CalendarDay? {
    let offset = reader.offset
    if let day = try plainDay() { return day }
    reader.offset = offset
    guard let text = try string() else { return nil }
    guard let day = CalendarDay(text) else {
      problem("\"\(text)\" is not a calendar day (expected YYYY-MM-DD, a real day)", at: offset)
      return nil
    }
    return day
  }

  /// A day that may be `null`.
  mutating func optionalDay() throws(Syntax) -> CalendarDay? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try day()
  }

  /// A due day as plans give it: `YYYY-MM-DD`, `YYYY-MM` or `tbc`.
  mutating func plannedDue() throws(Syntax) -> PlannedDue? {
    let offset = reader.offset
    if let day = try plainDay() { return .onDay(day) }
    reader.offset = offset
    guard let text = try string() else { return nil }
    guard let due = PlannedDue(text) else {
      problem("\"\(text)\" is not a due day (expected \(PlannedDue.expectedForms))", at: offset)
      return nil
    }
    return due
  }

  /// A due day that may be `null`.
  mutating func optionalPlannedDue() throws(Syntax) -> PlannedDue? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try plannedDue()
  }

  mutating func word<Word: ClosedVocabulary>(_ type: Word.Type) throws(Syntax) -> Word? {
    let offset = reader.offset
    guard let text = try string() else { return nil }
    guard let word = Word(rawValue: text) else {
      problem(
        "\"\(text)\" is not a known \(Word.vocabularyName) (expected one of: \(Word.allowedWords))",
        at: offset)
      return nil
    }
    return word
  }

  /// A word that may be `null`.
  mutating func optionalWord<Word: ClosedVocabulary>(_ type: Word.Type) throws(Syntax) -> Word? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try word(type)
  }

  /// A list; left out or `null`, it is empty. Elements that cannot be read are left out (and noted).
  mutating func list<Element>(_ element: (inout StoreDecoder) throws(Syntax) -> Element?) throws(Syntax)
    -> [Element]
  {
    switch try reader.peek() {
    case .null:
      try reader.readNull()
      return []
    case .list: break
    default:
      try wrongType("a list")
      return []
    }
    try reader.enterList()
    var elements = ExactList<Element>()
    var index = 0
    while try reader.nextElement(first: index == 0) {
      path.append(.index(index))
      if let value = try element(&self) { elements.append(value) }
      path.removeLast()
      index += 1
    }
    return elements.finish()
  }

  mutating func strings() throws(Syntax) -> [String] {
    try list { (decoder: inout StoreDecoder) throws(Syntax) in try decoder.string() }
  }

  /// A list of text that may be `null` (and then is absent, not empty).
  mutating func optionalStrings() throws(Syntax) -> [String]? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try strings()
  }

  /// A number, whole or with decimals.
  mutating func number() throws(Syntax) -> Double? {
    guard try reader.peek() == .number else {
      try wrongType("a number")
      return nil
    }
    let offset = reader.offset
    let number = try reader.readNumber()
    let text = reader.text(of: number.range)
    guard let value = Double(text), value.isFinite else {
      problem("expected a number, found \(text)", at: offset)
      return nil
    }
    return value
  }

  /// A day written plainly (`YYYY-MM-DD`, no escapes) read straight from its bytes; `nil` when the
  /// value is anything else, which the caller then reads the long way for its message.
  mutating func plainDay() throws(Syntax) -> CalendarDay? {
    guard try reader.peek() == .string else { return nil }
    let (range, escaped) = try reader.scanString()
    guard !escaped, range.count == 10 else { return nil }
    let start = range.lowerBound
    let bytes = reader.bytes
    guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") else { return nil }
    func digits(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for index in from..<(from + count) {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = digits(start, 4), let month = digits(start + 5, 2), let day = digits(start + 8, 2) else {
      return nil
    }
    return CalendarDay(year: year, month: month, day: day)
  }
}

extension StoreDecoder {
  /// `true` or `false` that may be `null`.
  mutating func optionalBool() throws(Syntax) -> Bool? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try bool()
  }
}

/// The elements of a list as they are read, kept in a buffer of their own and handed over as an
/// array of exactly their number: a store holds hundreds of thousands of short lists (a
/// recommendation's actions, an action's updates), and an array grown by appending keeps room
/// for up to as many again. Elements are moved, never copied; the buffer is freed whatever
/// happens, with whatever it still holds.
struct ExactList<Element>: ~Copyable {
  /// No buffer until the first element (most lists in a store are empty).
  private var storage: UnsafeMutablePointer<Element>?
  private var capacity = 0
  private var count = 0

  init() {}

  mutating func append(_ element: consuming Element) {
    if count == capacity {
      capacity = max(8, capacity * 2)
      let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
      if let storage {
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
      }
      storage = larger
    }
    guard let storage else { return }
    (storage + count).initialize(to: element)
    count += 1
  }

  /// The elements read, in order, in an array of exactly their number.
  consuming func finish() -> [Element] {
    guard let storage, count > 0 else { return [] }
    let taken = count
    count = 0
    return Array(unsafeUninitializedCapacity: taken) { buffer, initialized in
      if let base = buffer.baseAddress { base.moveInitialize(from: storage, count: taken) }
      initialized = taken
    }
  }

  deinit {
    if let storage {
      storage.deinitialize(count: count)
      storage.deallocate()
    }
  }
}
