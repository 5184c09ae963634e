extension JSONValue: Encodable {
  /// Encodes the value as the JSON it stands for.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .bool(let flag):
      var single = encoder.singleValueContainer()
      try single.encode(flag)
    case .number(let text):
      var single = encoder.singleValueContainer()
      if let integer = Int(text) { try single.encode(integer) } else { try single.encode(Double(text) ?? 0) }
    case .string(let text):
      var single = encoder.singleValueContainer()
      try single.encode(text)
    case .array(let elements):
      var array = encoder.unkeyedContainer()
      for element in elements { try array.encode(element) }
    case .object(let members):
      var object = encoder.container(keyedBy: AnyKey.self)
      for member in members { try object.encode(member.value, forKey: AnyKey(member.key)) }
    }
  }
}

/// An object member's name as a coding key.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
