/// The `Encoder` behind `JSONWriter`: each container writes into the shared sink at its level.
struct StreamingEncoder: Encoder {
  let sink: JSONSink
  let level: Int
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    sink.openObject(level: level)
    return KeyedEncodingContainer(StreamingObject<Key>(sink: sink, level: level))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    sink.openList(level: level)
    return StreamingList(sink: sink, level: level)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    StreamingSingleValue(sink: sink, level: level)
  }
}

struct StreamingObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let sink: JSONSink
  let level: Int
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    sink.writeNull()
  }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    sink.write(value)
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    sink.write(value)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    sink.write(value)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    sink.write(value)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    sink.member(key.stringValue, level: level)
    try sink.encodeValue(value, level: level + 1)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    sink.member(key.stringValue, level: level)
    sink.openObject(level: level + 1)
    return KeyedEncodingContainer(StreamingObject<NestedKey>(sink: sink, level: level + 1))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    sink.member(key.stringValue, level: level)
    sink.openList(level: level + 1)
    return StreamingList(sink: sink, level: level + 1)
  }

  mutating func superEncoder() -> any Encoder {
    sink.member("super", level: level)
    return StreamingEncoder(sink: sink, level: level + 1)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    sink.member(key.stringValue, level: level)
    return StreamingEncoder(sink: sink, level: level + 1)
  }
}

struct StreamingList: UnkeyedEncodingContainer {
  let sink: JSONSink
  let level: Int
  var codingPath: [any CodingKey] { [] }
  private(set) var count = 0

  init(sink: JSONSink, level: Int) {
    self.sink = sink
    self.level = level
  }

  mutating func encodeNil() throws {
    sink.element(level: level)
    sink.writeNull()
    count += 1
  }
  mutating func encode(_ value: Bool) throws {
    sink.element(level: level)
    sink.write(value)
    count += 1
  }
  mutating func encode(_ value: String) throws {
    sink.element(level: level)
    sink.write(value)
    count += 1
  }
  mutating func encode(_ value: Double) throws {
    sink.element(level: level)
    sink.write(value)
    count += 1
  }
  mutating func encode(_ value: Int) throws {
    sink.element(level: level)
    sink.write(value)
    count += 1
  }
  mutating func encode<T: Encodable>(_ value: T) throws {
    sink.element(level: level)
    try sink.encodeValue(value, level: level + 1)
    count += 1
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    sink.element(level: level)
    sink.openObject(level: level + 1)
    count += 1
    return KeyedEncodingContainer(StreamingObject<NestedKey>(sink: sink, level: level + 1))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    sink.element(level: level)
    sink.openList(level: level + 1)
    count += 1
    return StreamingList(sink: sink, level: level + 1)
  }

  mutating func superEncoder() -> any Encoder {
    sink.element(level: level)
    count += 1
    return StreamingEncoder(sink: sink, level: level + 1)
  }
}

struct StreamingSingleValue: SingleValueEncodingContainer {
  let sink: JSONSink
  let level: Int
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { sink.writeNull() }
  mutating func encode(_ value: Bool) throws { sink.write(value) }
  mutating func encode(_ value: String) throws { sink.write(value) }
  mutating func encode(_ value: Double) throws { sink.write(value) }
  mutating func encode(_ value: Float) throws { sink.write(Double(value)) }
  mutating func encode(_ value: Int) throws { sink.write(value) }
  mutating func encode(_ value: Int8) throws { sink.write(Int(value)) }
  mutating func encode(_ value: Int16) throws { sink.write(Int(value)) }
  mutating func encode(_ value: Int32) throws { sink.write(Int(value)) }
  mutating func encode(_ value: Int64) throws { sink.write(Int(value)) }
  mutating func encode(_ value: UInt) throws {
    if value <= UInt(Int.max) { sink.write(Int(value)) } else { sink.write(Double(value)) }
  }
  mutating func encode(_ value: UInt8) throws { sink.write(Int(value)) }
  mutating func encode(_ value: UInt16) throws { sink.write(Int(value)) }
  mutating func encode(_ value: UInt32) throws { sink.write(Int(value)) }
  mutating func encode(_ value: UInt64) throws {
    if value <= UInt64(Int.max) { sink.write(Int(value)) } else { sink.write(Double(value)) }
  }
  mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value, level: level) }
}
