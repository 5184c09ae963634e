/// A list field that may be left out of the JSON (the store reader reads it as empty); it is always
/// written.
@propertyWrapper
public struct DefaultEmpty<Value: Encodable & Equatable & Sendable & RangeReplaceableCollection>: Encodable,
  Equatable, Sendable
{
  /// The list; empty when the field was left out.
  public var wrappedValue: Value

  /// The field holding `wrappedValue`.
  public init(wrappedValue: Value) {
    self.wrappedValue = wrappedValue
  }

  /// Writes the list, even when empty.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(wrappedValue)
  }
}
