/// A list field that may be left out of the JSON; it reads as empty and is always written.
@propertyWrapper
public struct DefaultEmpty<Value: Codable & Equatable & Sendable & RangeReplaceableCollection>: Codable,
  Equatable, Sendable
{
  public var wrappedValue: Value

  public init(wrappedValue: Value) {
    self.wrappedValue = wrappedValue
  }

  public init(from decoder: any Decoder) throws {
    wrappedValue = try decoder.singleValueContainer().decode(Value.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(wrappedValue)
  }
}

extension KeyedDecodingContainer {
  /// A missing key reads as an empty list.
  public func decode<Value>(_ type: DefaultEmpty<Value>.Type, forKey key: Key) throws -> DefaultEmpty<Value> {
    try decodeIfPresent(type, forKey: key) ?? DefaultEmpty(wrappedValue: Value())
  }
}
