/// A JSON syntax error at a line and column (both from 1; columns count Unicode scalars).
public struct JSONSyntaxError: Error, Equatable, Sendable {
  /// The line of the error, from 1.
  public var line: Int
  /// The column of the error, from 1, counting Unicode scalars.
  public var column: Int
  /// What was wrong there, e.g. "expected a value, found 'x'".
  public var message: String

  /// An error at `line` and `column` saying `message`.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }
}

/// The limits every JSON file read by the tool is held to.
public enum JSONLimits {
  /// The deepest nesting accepted; the store format needs about ten levels.
  public static let maximumDepth = 200
  /// The longest string accepted, in bytes (1 MiB): far more than any note needs.
  public static let maximumStringLength = 1 << 20
  /// The most digits a whole number may have: every such number is exact in any JSON reader.
  public static let maximumDigits = 15
}

/// Lines and columns of byte offsets, found in one pass over the bytes.
public enum JSONLocation {
  /// The line and column (from 1; columns count Unicode scalars) of each offset, in the order given.
  public static func lineAndColumn(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [(
    line: Int, column: Int
  )] {
    let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
    var result = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
    var line = 1
    var column = 1
    var position = 0
    for index in order {
      let target = min(offsets[index], bytes.count)
      while position < target {
        let byte = bytes[position]
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        position += 1
      }
      result[index] = (line, column)
    }
    return result
  }
}
