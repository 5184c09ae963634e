/// A parsed JSON value. Object members keep their order as written.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// The number's text as written, so nothing is lost to rounding.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The member with the given key, for objects.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.key == key }?.value }
    return nil
  }

  /// What kind of value this is, for messages ("an array", "a string").
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON syntax error at a line and column (both from 1; columns count characters).
public struct JSONSyntaxError: Error, Equatable, Sendable {
  public var line: Int
  public var column: Int
  public var message: String
}

/// Limits and small helpers shared by the JSON readers (`JSONScanner`, `FastStoreDecoder`).
public enum JSONLimits {
  /// The deepest nesting accepted; the store format needs about ten levels.
  public static let maximumDepth = 200
  /// The longest string accepted, in bytes (1 MiB): far more than any note needs.
  public static let maximumStringLength = 1 << 20

  /// Line and column of a byte offset; columns count Unicode scalars, not bytes.
  static func location(of offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes.prefix(offset) {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// The value of the four hex digits at `offset`, or `nil` when there are not four.
  static func hexValue<Bytes: RandomAccessCollection<UInt8>>(of bytes: Bytes, at offset: Bytes.Index)
    -> UInt32?
  where Bytes.Index == Int {
    guard offset + 4 <= bytes.endIndex else { return nil }
    var value: UInt32 = 0
    for position in offset..<(offset + 4) {
      let byte = bytes[position]
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
}
