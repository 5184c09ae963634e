/// Pretty JSON written straight to bytes by a caller that knows its value's shape: no `Encoder`,
/// no containers, no key bookkeeping. The layout is byte for byte `JSONWriter.pretty`'s
/// (two-space indents, `"key" : value`, empty lists and objects over two lines, a final newline),
/// so a value written here and the same value given to `JSONWriter.pretty` are the same bytes.
///
/// The caller writes each object's members in `JSONWriter`'s order (keys sorted by their UTF-8
/// bytes) and leaves out what `Encodable` would leave out (absent optionals).
public struct JSONPrettyWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  /// How many members or elements each open object or list has so far.
  private var counts: [Int] = []
  private var kinds: [Bool] = []

  /// A writer with room for `capacity` bytes.
  public init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// The document: the bytes with the final newline.
  public mutating func finish() -> [UInt8] {
    while !counts.isEmpty { close() }
    bytes.append(0x0A)
    return bytes
  }

  /// A writer that goes on inside this writer's innermost open list after `written` elements:
  /// it writes the following elements as this writer would, so that runs of a long list can be
  /// written apart (on several cores) and joined in order with `append(_:elements:)`.
  public func continuation(afterElements written: Int, capacity: Int) -> JSONPrettyWriter {
    var run = JSONPrettyWriter(capacity: capacity)
    run.counts = counts
    run.kinds = kinds
    if !run.counts.isEmpty { run.counts[run.counts.count - 1] = written }
    return run
  }

  /// Appends a run written by a continuation of this writer, holding `elements` further elements
  /// of the innermost open list.
  public mutating func append(_ run: JSONPrettyWriter, elements: Int) {
    bytes.append(contentsOf: run.bytes)
    if !counts.isEmpty { counts[counts.count - 1] += elements }
  }

  /// The bytes written since the last time they were taken, handed over and let go: for writing a
  /// large document out piece by piece. The writer goes on where it was.
  public mutating func takeWritten() -> [UInt8] {
    let written = bytes
    bytes = []
    return written
  }

  /// Opens an object where a value is expected.
  public mutating func openObject() {
    bytes.append(UInt8(ascii: "{"))
    counts.append(0)
    kinds.append(true)
  }

  /// Opens a list where a value is expected.
  public mutating func openList() {
    bytes.append(UInt8(ascii: "["))
    counts.append(0)
    kinds.append(false)
  }

  /// Closes the innermost object or list.
  public mutating func close() {
    guard let count = counts.popLast(), let isObject = kinds.popLast() else { return }
    bytes.append(0x0A)
    if count == 0 { bytes.append(0x0A) }
    indent(counts.count)
    bytes.append(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
  }

  private mutating func indent(_ depth: Int) {
    for _ in 0..<depth {
      bytes.append(0x20)
      bytes.append(0x20)
    }
  }

  private mutating func separator() {
    let last = counts.count - 1
    if counts[last] > 0 { bytes.append(UInt8(ascii: ",")) }
    counts[last] += 1
    bytes.append(0x0A)
    indent(counts.count)
  }

  /// Starts a member of the innermost object; its value is written next. `key` needs no escaping.
  public mutating func key(_ key: StaticString) {
    separator()
    bytes.append(0x22)
    bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    bytes.append(0x22)
    bytes.append(0x20)
    bytes.append(0x3A)
    bytes.append(0x20)
  }

  /// Starts an element of the innermost list; its value is written next.
  public mutating func element() { separator() }

  /// Writes a string value.
  public mutating func string(_ text: String) { JSONWriter.appendQuoted(text, to: &bytes) }

  /// Writes a whole number.
  public mutating func integer(_ number: Int) { JSONWriter.appendInteger(number, to: &bytes) }

  /// Writes `true` or `false`.
  public mutating func bool(_ flag: Bool) {
    bytes.append(contentsOf: flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
  }

  /// Writes any `Encodable` value through `JSONWriter`, laid out at the current depth: for the
  /// rare, small values not worth writing by hand.
  public mutating func encoded(_ value: some Encodable) throws {
    var nested = try JSONWriter.pretty(value)
    nested.removeLast()  // the final newline
    let depth = counts.count
    if depth == 0 {
      bytes.append(contentsOf: nested)
      return
    }
    // Every line break in pretty JSON is layout (a line break in a string is escaped).
    for byte in nested {
      bytes.append(byte)
      if byte == 0x0A { indent(depth) }
    }
  }

  /// A member with a string value.
  public mutating func member(_ name: StaticString, _ text: String) {
    key(name)
    string(text)
  }

  /// A member with a string value, left out when absent.
  public mutating func member(_ name: StaticString, _ text: String?) {
    guard let text else { return }
    member(name, text)
  }

  /// A member with a whole-number value.
  public mutating func member(_ name: StaticString, _ number: Int) {
    key(name)
    integer(number)
  }

  /// A member with a whole-number value, left out when absent.
  public mutating func member(_ name: StaticString, _ number: Int?) {
    guard let number else { return }
    member(name, number)
  }

  /// A member with a true-or-false value, left out when absent.
  public mutating func member(_ name: StaticString, _ flag: Bool?) {
    guard let flag else { return }
    key(name)
    bool(flag)
  }

  /// A member with a list of strings, left out when absent.
  public mutating func member(_ name: StaticString, _ texts: [String]?) {
    guard let texts else { return }
    key(name)
    openList()
    for text in texts {
      element()
      string(text)
    }
    close()
  }
}
