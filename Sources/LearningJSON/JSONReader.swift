/// The JSON syntax layer: reads one value at a time from UTF-8 bytes, checking the syntax strictly
/// (RFC 8259, UTF-8 validated, the limits in `JSONLimits`) and stopping at the first syntax error
/// with its line and column. It builds no tree: the caller decides what each value becomes.
public struct JSONReader {
  /// What the next value is.
  public enum Kind: Sendable {
    case object, list, string, number, bool, null

    /// The kind as a message names it ("a list").
    public var described: String {
      switch self {
      case .object: "an object"
      case .list: "a list"
      case .string: "a string"
      case .number: "a number"
      case .bool: "true or false"
      case .null: "null"
      }
    }
  }

  /// A member name as written: its bytes between the quotes, and where its opening quote is.
  public struct Key {
    /// The byte offsets of the name's text, between the quotes.
    public var range: Range<Int>
    /// Whether the name contains a backslash escape, so its bytes are not its text.
    public var escaped: Bool
    /// The byte offset of the name's opening quote.
    public var offset: Int
  }

  /// A number as written, checked against the JSON grammar.
  public struct Number {
    /// The byte offsets of the number as written.
    public var range: Range<Int>
    /// No fraction and no exponent.
    public var isWhole: Bool
    /// Digits before any fraction.
    public var digits: Int
  }

  /// The same member name twice in one object, inside a value that was skipped.
  public struct DuplicateKey {
    /// The repeated member name.
    public var name: String
    /// The byte offset of the name's first appearance.
    public var firstOffset: Int
    /// The byte offset of the name's second appearance.
    public var secondOffset: Int
    /// The path to the object from the skipped value (`.a[2]`), empty for the value itself.
    public var path: String
  }

  /// The UTF-8 bytes being read.
  public let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  public var offset: Int
  /// How many objects and lists the reader is inside.
  public private(set) var depth = 0

  /// A reader of `bytes`; a UTF-8 byte-order mark at the start is skipped.
  public init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    offset = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  // MARK: Errors

  /// A syntax error at `at` (default: the current offset).
  public func error(_ message: String, at: Int? = nil) -> JSONSyntaxError {
    let place = JSONLocation.lineAndColumn(of: [at ?? offset], in: bytes)[0]
    return JSONSyntaxError(line: place.line, column: place.column, message: message)
  }

  private func describeHere() -> String {
    guard offset < bytes.count else { return "the end of the file" }
    let byte = bytes[offset]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
  }

  // MARK: Values

  /// Moves past any white space (space, tab, carriage return, line feed).
  @inline(__always)
  public mutating func skipSpace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x0A, 0x0D, 0x09: offset += 1
      default: return
      }
    }
  }

  /// Whether only white space is left.
  public mutating func atEnd() -> Bool {
    skipSpace()
    return offset == bytes.count
  }

  /// The kind of the next value (after white space), without reading it.
  public mutating func peek() throws(JSONSyntaxError) -> Kind {
    skipSpace()
    guard offset < bytes.count else { throw error("unexpected end of file: expected a value") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .list
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: throw error("expected a value, found \(describeHere())")
    }
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    guard offset + count <= bytes.count else { throw error("expected a value, found \(describeHere())") }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
    for index in 0..<count where bytes[offset + index] != expected[index] {
      throw error("expected a value, found \(describeHere())")
    }
    offset += count
  }

  /// Reads `null`.
  public mutating func readNull() throws(JSONSyntaxError) { try literal("null") }

  /// Reads `true` or `false`.
  public mutating func readBool() throws(JSONSyntaxError) -> Bool {
    if bytes[offset] == UInt8(ascii: "t") {
      try literal("true")
      return true
    }
    try literal("false")
    return false
  }

  /// Reads a number, checking its grammar; `text(of:)` gives it as written.
  public mutating func readNumber() throws(JSONSyntaxError) -> Number {
    let start = offset
    var whole = true
    func digits() -> Int {
      let from = offset
      while offset < bytes.count, bytes[offset] &- 0x30 < 10 { offset += 1 }
      return offset - from
    }
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    let wholeStart = offset
    let wholeDigits = digits()
    if wholeDigits == 0 { throw error("expected a digit in a number") }
    if wholeDigits > 1 && bytes[wholeStart] == UInt8(ascii: "0") {
      throw error("a number may not start with 0", at: wholeStart)
    }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
      whole = false
      offset += 1
      if digits() == 0 { throw error("expected a digit after the decimal point") }
    }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
      whole = false
      offset += 1
      if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
        offset += 1
      }
      if digits() == 0 { throw error("expected a digit in the exponent") }
    }
    return Number(range: start..<offset, isWhole: whole, digits: wholeDigits)
  }

  /// The value of a whole number of at most `JSONLimits.maximumDigits` digits.
  public func integer(_ number: Number) -> Int? {
    guard number.isWhole, number.digits <= JSONLimits.maximumDigits else { return nil }
    var value = 0
    var index = number.range.lowerBound
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    while index < number.range.upperBound {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
    }
    return negative ? -value : value
  }

  /// Bytes as text (for numbers and unescaped names).
  public func text(of range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// Reads a string and returns its text.
  public mutating func readString() throws(JSONSyntaxError) -> String {
    let (range, escaped) = try scanString()
    if !escaped { return text(of: range) }
    return unescape(range)
  }

  /// Checks a string and returns the range of its contents (escapes as written) and whether it
  /// has any escapes.
  public mutating func scanString() throws(JSONSyntaxError) -> (Range<Int>, escaped: Bool) {
    let start = offset
    offset += 1
    let contentStart = offset
    var escaped = false
    while true {
      // Plain ASCII runs are the common case: skip them quickly.
      while offset < bytes.count {
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C { offset += 1 } else { break }
      }
      guard offset < bytes.count else { throw error("unterminated string (it starts here)", at: start) }
      if offset - start > JSONLimits.maximumStringLength {
        throw error(
          "a string longer than \(JSONLimits.maximumStringLength) bytes (it starts here)", at: start)
      }
      let byte = bytes[offset]
      if byte == 0x22 {
        offset += 1
        return (contentStart..<(offset - 1), escaped)
      }
      if byte < 0x20 {
        let name =
          byte == 0x0A
          ? "a line break"
          : byte == 0x09 ? "a tab" : byte == 0x0D ? "a carriage return" : "a control character"
        throw error(
          "\(name) (U+00\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true))) inside a string must be escaped"
        )
      }
      if byte == 0x5C {
        escaped = true
        offset += 1
        guard offset < bytes.count else { throw error("unterminated escape in a string") }
        let escape = bytes[offset]
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          offset += 1
        case UInt8(ascii: "u"):
          offset += 1
          let high = try hex4()
          if (0xD800...0xDBFF).contains(high) {
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
              bytes[offset + 1] == UInt8(ascii: "u")
            else { throw error("a lone surrogate \\u escape in a string") }
            offset += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw error("an invalid surrogate pair in a string")
            }
          } else if (0xDC00...0xDFFF).contains(high) {
            throw error("a lone surrogate \\u escape in a string")
          }
        default:
          let shown = escape >= 0x21 && escape < 0x7F ? String(Character(Unicode.Scalar(escape))) : "?"
          throw error("an invalid escape '\\\(shown)' in a string", at: offset - 1)
        }
        continue
      }
      // A multi-byte UTF-8 sequence: check its shape.
      let length: Int
      if byte & 0xE0 == 0xC0 && byte >= 0xC2 {
        length = 2
      } else if byte & 0xF0 == 0xE0 {
        length = 3
      } else if byte & 0xF8 == 0xF0 && byte <= 0xF4 {
        length = 4
      } else {
        throw error("invalid UTF-8 in a string")
      }
      guard offset + length <= bytes.count else { throw error("invalid UTF-8 in a string") }
      for index in 1..<length where bytes[offset + index] & 0xC0 != 0x80 {
        throw error("invalid UTF-8 in a string")
      }
      let second = bytes[offset + 1]
      if length == 3 && ((byte == 0xE0 && second < 0xA0) || (byte == 0xED && second >= 0xA0)) {
        throw error("invalid UTF-8 in a string")
      }
      if length == 4 && ((byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second >= 0x90)) {
        throw error("invalid UTF-8 in a string")
      }
      offset += length
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard let value = hexValue(at: offset) else { throw error("a \\u escape needs four hex digits") }
    offset += 4
    return value
  }

  private func hexValue(at start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for index in start..<(start + 4) {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value * 16 + digit
    }
    return value
  }

  /// The text of a checked string's contents with its escapes resolved.
  public func unescape(_ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      guard byte == 0x5C else {
        out.append(byte)
        index += 1
        continue
      }
      let escape = bytes[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = hexValue(at: index) ?? 0xFFFD
        index += 4
        if (0xD800...0xDBFF).contains(code) {
          let low = hexValue(at: index + 2) ?? 0xDC00
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          index += 6
        }
        out.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
      default: out.append(escape)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: Objects and lists

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONLimits.maximumDepth {
      throw error("nesting is deeper than \(JSONLimits.maximumDepth) levels")
    }
    offset += 1
  }

  /// Reads the `{` of an object (the next value must be one).
  public mutating func enterObject() throws(JSONSyntaxError) { try enter() }

  /// Reads the `[` of a list (the next value must be one).
  public mutating func enterList() throws(JSONSyntaxError) { try enter() }

  /// The next member's name, leaving the reader at its value; `nil` after the closing `}`.
  /// `first` is true for the first call after `enterObject`.
  public mutating func nextKey(first: Bool) throws(JSONSyntaxError) -> Key? {
    skipSpace()
    guard offset < bytes.count else { throw error("unexpected end of file: expected ',' or '}'") }
    if bytes[offset] == UInt8(ascii: "}") {
      offset += 1
      depth -= 1
      return nil
    }
    if !first {
      guard bytes[offset] == UInt8(ascii: ",") else {
        throw error("expected ',' or '}' after a member, found \(describeHere())")
      }
      offset += 1
      skipSpace()
    }
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
      throw error("expected a quoted member name, found \(describeHere())")
    }
    let start = offset
    let (range, escaped) = try scanString()
    skipSpace()
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
      throw error(
        "expected ':' after member name \"\(name(of: Key(range: range, escaped: escaped, offset: start)))\", found \(describeHere())"
      )
    }
    offset += 1
    skipSpace()
    return Key(range: range, escaped: escaped, offset: start)
  }

  /// Whether there is another element, leaving the reader at it; false after the closing `]`.
  public mutating func nextElement(first: Bool) throws(JSONSyntaxError) -> Bool {
    skipSpace()
    guard offset < bytes.count else { throw error("unexpected end of file: expected ',' or ']'") }
    if bytes[offset] == UInt8(ascii: "]") {
      offset += 1
      depth -= 1
      return false
    }
    if !first {
      guard bytes[offset] == UInt8(ascii: ",") else {
        throw error("expected ',' or ']' after an element, found \(describeHere())")
      }
      offset += 1
    }
    return true
  }

  /// A member name's text.
  public func name(of key: Key) -> String {
    key.escaped ? unescape(key.range) : text(of: key.range)
  }

  /// Whether a member name is `name` (compared byte for byte, escapes resolved).
  public func key(_ key: Key, is name: [UInt8]) -> Bool {
    if key.escaped { return Array(unescape(key.range).utf8) == name }
    guard key.range.count == name.count else { return false }
    var index = key.range.lowerBound
    for byte in name {
      if bytes[index] != byte { return false }
      index += 1
    }
    return true
  }

  /// Reads past the next value whatever it is, checking it as strictly as any other, and notes
  /// every member name that appears twice in one object.
  public mutating func skipValue(duplicates: inout [DuplicateKey], path: String = "") throws(JSONSyntaxError)
  {
    switch try peek() {
    case .string: _ = try scanString()
    case .number: _ = try readNumber()
    case .bool: _ = try readBool()
    case .null: try readNull()
    case .list:
      try enterList()
      var index = 0
      while try nextElement(first: index == 0) {
        try skipValue(duplicates: &duplicates, path: path + "[\(index)]")
        index += 1
      }
    case .object:
      try enterObject()
      var seen: [String: Int] = [:]
      var first = true
      while let key = try nextKey(first: first) {
        first = false
        let name = name(of: key)
        if let earlier = seen[name] {
          duplicates.append(
            DuplicateKey(name: name, firstOffset: earlier, secondOffset: key.offset, path: path))
        } else {
          seen[name] = key.offset
        }
        try skipValue(duplicates: &duplicates, path: path + "." + name)
      }
    }
  }

  /// The value at the reader as a short text for messages: scalars as written (long strings
  /// shortened), lists and objects by kind. Reads past it.
  public mutating func describeAndSkip(duplicates: inout [DuplicateKey]) throws(JSONSyntaxError) -> String {
    let kind = try peek()
    let start = offset
    switch kind {
    case .object, .list:
      try skipValue(duplicates: &duplicates)
      return kind.described
    case .string:
      let text = try readString()
      return text.count > 40 ? "\"" + text.prefix(40) + "…\"" : "\"" + text + "\""
    default:
      try skipValue(duplicates: &duplicates)
      return self.text(of: start..<offset)
    }
  }
}
