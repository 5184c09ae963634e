/// A list field that may be left out of the JSON; it reads as empty and is always written.
@propertyWrapper
public struct DefaultEmpty<Value: Codable & Equatable & Sendable & RangeReplaceableCollection>: Codable,
  Equatable, Sendable
{
  /// The list; empty when the field was left out.
  public var wrappedValue: Value

  /// The field holding `wrappedValue`.
  public init(wrappedValue: Value) {
    self.wrappedValue = wrappedValue
  }

  /// Reads the list where the field is present.
  public init(from decoder: any Decoder) throws {
    wrappedValue = try decoder.singleValueContainer().decode(Value.self)
  }

  /// Writes the list, even when empty.
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
