/// A parsed JSON value. Object members keep their order as written.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// The number's text as written, so nothing is lost to rounding.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// Whether two values are the same, with object members compared in order.
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

extension JSONValue {
  /// Parses one JSON document (checked by the one JSON syntax layer, `JSONReader`).
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) -> JSONValue in
      var reader = JSONReader(bytes: buffer)
      let value = try parseValue(&reader)
      guard reader.atEnd() else { throw reader.error("unexpected text after the end of the JSON document") }
      return value
    }
  }

  private static func parseValue(_ reader: inout JSONReader) throws(JSONSyntaxError) -> JSONValue {
    switch try reader.peek() {
    case .null:
      try reader.readNull()
      return .null
    case .bool: return .bool(try reader.readBool())
    case .number: return .number(reader.text(of: try reader.readNumber().range))
    case .string: return .string(try reader.readString())
    case .list:
      try reader.enterList()
      var elements: [JSONValue] = []
      while try reader.nextElement(first: elements.isEmpty) { elements.append(try parseValue(&reader)) }
      return .array(elements)
    case .object:
      try reader.enterObject()
      var members: [(key: String, value: JSONValue)] = []
      while let key = try reader.nextKey(first: members.isEmpty) {
        let name = reader.name(of: key)
        if members.contains(where: { $0.key == name }) {
          throw reader.error("\"\(name)\" is given twice in one object", at: key.offset)
        }
        members.append((name, try parseValue(&reader)))
      }
      return .object(members)
    }
  }
}
