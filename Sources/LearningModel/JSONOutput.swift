/// Writes an `Encodable` report value as JSON: pretty-printed with two-space indents, keys sorted
/// by their UTF-8 bytes, slashes unescaped; the same layout as Foundation's JSONEncoder with those
/// options, at a fraction of the cost for large reports.
public enum JSONOutput {
  public static func render(_ value: some Encodable) throws -> String {
    let encoder = TreeEncoder(box: Box())
    try value.encode(to: encoder)
    var out = ""
    write(encoder.box, indent: "", into: &out)
    return out + "\n"
  }

  static func write(_ box: Box, indent: String, into out: inout String) {
    switch box.content {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number):
      if number.isFinite && number == number.rounded() && abs(number) < 1e15 {
        out += String(Int(number))
      } else {
        out += "\(number)"
      }
    case .string(let text): quote(text, into: &out)
    case .array:
      let items = box.items
      if items.isEmpty {
        out += "[\n\n" + indent + "]"
        return
      }
      out += "[\n"
      let inner = indent + "  "
      for (index, item) in items.enumerated() {
        out += inner
        write(item, indent: inner, into: &out)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object:
      let members = box.members
      if members.isEmpty {
        out += "{\n\n" + indent + "}"
        return
      }
      out += "{\n"
      let inner = indent + "  "
      // Member names are Swift identifiers or numbers (ASCII), for which String order is byte order.
      let order = members.indices.sorted { members[$0].key < members[$1].key }
      for (position, index) in order.enumerated() {
        out += inner
        quote(members[index].key, into: &out)
        out += " : "
        write(members[index].box, indent: inner, into: &out)
        out += position == order.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    }
  }

  static func quote(_ text: String, into out: inout String) {
    out += "\""
    // Most strings need no escaping: append them whole; otherwise escape over the UTF-8 bytes.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out += text
    } else {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count + 8)
      let hexDigits = Array("0123456789abcdef".utf8)
      for byte in text.utf8 {
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
        case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
        case 0x00..<0x20:
          bytes += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
        default: bytes.append(byte)
        }
      }
      out += String(decoding: bytes, as: UTF8.self)
    }
    out += "\""
  }

}

/// One value being encoded. Arrays and objects keep their children in stored properties, so that
/// appending mutates in place (an enum payload would be copied on every append).
final class Box {
  enum Content {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array
    case object
  }
  var content: Content = .object
  var items: [Box] = []
  /// Object members in the order they were encoded; written sorted by key.
  var members: [(key: String, box: Box)] = []
  var touched = false
}

struct TreeEncoder: Encoder {
  let box: Box
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = box.content, box.touched {} else { box.content = .object }
    box.touched = true
    return KeyedEncodingContainer(KeyedBox<Key>(box: box, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = box.content, box.touched {} else { box.content = .array }
    box.touched = true
    return UnkeyedBox(box: box, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    box.touched = true
    return SingleBox(box: box, codingPath: codingPath)
  }

  /// Encodes a value into a new box.
  static func encode(_ value: some Encodable, path: [any CodingKey]) throws -> Box {
    let child = Box()
    switch value {
    case let text as String: child.content = .string(text)
    case let number as Int: child.content = .int(number)
    case let flag as Bool: child.content = .bool(flag)
    case let number as Double: child.content = .double(number)
    default:
      try value.encode(to: TreeEncoder(box: child, codingPath: path))
      if !child.touched { child.content = .object }
    }
    child.touched = true
    return child
  }
}

struct KeyedBox<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: Box
  var codingPath: [any CodingKey]

  func set(_ child: Box, _ key: Key) {
    let name = key.stringValue
    if let existing = box.members.firstIndex(where: { $0.key == name }) {
      box.members[existing].box = child
    } else {
      box.members.append((name, child))
    }
  }

  func set(_ content: Box.Content, _ key: Key) {
    let child = Box()
    child.content = content
    child.touched = true
    set(child, key)
  }

  mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }

  mutating func encodeNil(forKey key: Key) throws {
    let child = Box()
    child.content = .null
    set(child, key)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    set(try TreeEncoder.encode(value, path: codingPath), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = Box()
    child.touched = true
    set(child, key)
    return KeyedEncodingContainer(KeyedBox<NestedKey>(box: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = Box()
    child.content = .array
    child.touched = true
    set(child, key)
    return UnkeyedBox(box: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(box: box, codingPath: codingPath) }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let child = Box()
    set(child, key)
    return TreeEncoder(box: child, codingPath: codingPath + [key])
  }
}

struct UnkeyedBox: UnkeyedEncodingContainer {
  let box: Box
  var codingPath: [any CodingKey]
  var count: Int { box.items.count }

  func append(_ child: Box) {
    box.items.append(child)
  }

  func append(_ content: Box.Content) {
    let child = Box()
    child.content = content
    child.touched = true
    box.items.append(child)
  }

  mutating func encode(_ value: String) throws { append(.string(value)) }
  mutating func encode(_ value: Int) throws { append(.int(value)) }
  mutating func encode(_ value: Bool) throws { append(.bool(value)) }
  mutating func encode(_ value: Double) throws { append(.double(value)) }

  mutating func encodeNil() throws {
    let child = Box()
    child.content = .null
    append(child)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    append(try TreeEncoder.encode(value, path: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = Box()
    child.touched = true
    append(child)
    return KeyedEncodingContainer(KeyedBox<NestedKey>(box: child, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = Box()
    child.content = .array
    child.touched = true
    append(child)
    return UnkeyedBox(box: child, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    let child = Box()
    append(child)
    return TreeEncoder(box: child, codingPath: codingPath)
  }
}

struct SingleBox: SingleValueEncodingContainer {
  let box: Box
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { box.content = .null }
  mutating func encode(_ value: Bool) throws { box.content = .bool(value) }
  mutating func encode(_ value: String) throws { box.content = .string(value) }
  mutating func encode(_ value: Double) throws { box.content = .double(value) }
  mutating func encode(_ value: Int) throws { box.content = .int(value) }
  mutating func encode(_ value: Int8) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: Int16) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: Int32) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: Int64) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: UInt) throws {
    box.content = value <= UInt(Int.max) ? .int(Int(value)) : .double(Double(value))
  }
  mutating func encode(_ value: UInt8) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: UInt16) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: UInt32) throws { box.content = .int(Int(value)) }
  mutating func encode(_ value: UInt64) throws {
    box.content = value <= UInt64(Int.max) ? .int(Int(value)) : .double(Double(value))
  }
  mutating func encode(_ value: Float) throws { box.content = .double(Double(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    let child = try TreeEncoder.encode(value, path: codingPath)
    box.content = child.content
    box.items = child.items
    box.members = child.members
  }
}
