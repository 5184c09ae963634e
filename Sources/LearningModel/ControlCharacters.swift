/// The one rule for characters that must never reach a terminal as they are: C0 controls (tab and
/// line feed allowed in multi-line text), DEL, C1 controls, and the bidirectional embedding,
/// override and isolate controls (U+202A to U+202E, U+2066 to U+2069).
///
/// Such characters let text from the store clear a screen, set a window title, hide a link or show
/// "exe.pdf" as "fdp.exe". The store keeps them exactly; every terminal output shows them visibly,
/// `validate` warns about them and `format --fix-text` removes them.
public enum ControlCharacters {
  /// Whether `scalar` may not reach a terminal as it is. Tab and line feed are allowed unless
  /// `singleLine`.
  public static func contains(_ scalar: Unicode.Scalar, singleLine: Bool = false) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return singleLine
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Whether UTF-8 bytes may hold a character `contains` names (tab and line feed allowed): a
  /// quick scan of bytes, decoding only the one- to three-byte sequences where such characters
  /// live, by the same rule. Bytes that are not UTF-8 are passed over.
  public static func mayBeIn(utf8 bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let raw = UnsafeRawBufferPointer(buffer)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      var index = 0
      while index < buffer.count {
        // Eight bytes at a time while all of them are printable ASCII (0x20 to 0x7E): none of
        // them is below 0x20 and none above 0x7E (the byte tests of "Bit Twiddling Hacks").
        if index + 8 <= buffer.count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let below = (word &- ones &* 0x20) & ~word & high
          let above = ((word &+ ones) | word) & high
          if below | above == 0 {
            index += 8
            continue
          }
        }
        guard let length = controlAt(index, in: buffer) else { return true }
        index += length
      }
      return false
    }
  }

  /// The length of the character at `index` when it is not one `contains` names (one byte for a
  /// byte that does not start a sequence of one to three), or nil when it is.
  @inline(__always)
  private static func controlAt(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let sequence = UTF8Bytes.scalar(at: index, in: bytes) else { return 1 }
    if let decoded = Unicode.Scalar(sequence.value), contains(decoded) { return nil }
    return sequence.length
  }

  /// `mayBeIn(utf8:)` one character at a time, without the eight-byte steps over printable text.
  static func mayBeInByCharacter(utf8 bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        guard let length = controlAt(index, in: buffer) else { return true }
        index += length
      }
      return false
    }
  }

  /// The control characters in a multi-line text, in order.
  public static func found(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { contains($0) }
  }

  /// The text without its control characters (tab and line feed kept).
  public static func removed(from text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !contains($0) })
    return String(scalars)
  }

  /// A scalar as people write it in messages: `U+1B`.
  public static func spelled(_ scalar: Unicode.Scalar) -> String {
    "U+" + String(scalar.value, radix: 16, uppercase: true)
  }
}

/// Reading UTF-8 a byte at a time, where a scan needs only the short sequences.
public enum UTF8Bytes {
  /// The scalar value of the sequence of one to three bytes that starts at `index`, and its
  /// length; nil at a byte that starts no such sequence (a continuation byte, the start of a
  /// four-byte sequence, or a sequence cut short by the end of `bytes`).
  @inlinable @inline(__always)
  public static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    value: UInt32, length: Int
  )? {
    let byte = bytes[index]
    if byte < 0x80 { return (UInt32(byte), 1) }
    if byte & 0xE0 == 0xC0, index + 1 < bytes.count {
      return (UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    if byte & 0xF0 == 0xE0, index + 2 < bytes.count {
      return (
        UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
      )
    }
    return nil
  }
}
