/// The strings of one read, kept once each: a store repeats the same IDs, agency names, leads and
/// "by" names many thousands of times, and each repeat read through the table shares the first
/// one's storage instead of allocating its own.
///
/// Strings of at most 15 bytes are kept inside the `String` value itself and need no table; longer
/// ones up to `maximumLength` bytes are looked up by their bytes. The table stops taking new
/// strings once it holds `capacityLimit` of them (a store of prose-like notes repeats few), and
/// stops looking at all when what it has taken is seldom met again, so that it never costs more
/// than it saves.
public struct JSONStringTable {
  /// The longest string kept in the table, in bytes.
  public static let maximumLength = 96
  /// The most strings the table keeps.
  public static let capacityLimit = 1 << 18

  private var hashes: [UInt64]
  private var texts: [String?]
  private var mask: Int
  private var count = 0
  /// Lookups and how many found a string already kept, to judge whether the table pays.
  private var lookups = 0
  private var hits = 0
  private var enabled = true

  /// An empty table.
  public init() {
    hashes = Array(repeating: 0, count: 1024)
    texts = Array(repeating: nil, count: 1024)
    mask = 1023
  }

  /// The text of `bytes` (valid UTF-8), shared with an equal string read before when there is one.
  public mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let length = bytes.count
    guard enabled, length > 15, length <= JSONStringTable.maximumLength else {
      return String(decoding: bytes, as: UTF8.self)
    }
    lookups += 1
    if lookups & 0xFFFF == 0 && hits * 8 < lookups {
      // Fewer than one lookup in eight found its string: the texts do not repeat.
      enabled = false
    }
    let hash = JSONStringTable.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while let text = texts[slot] {
      if hashes[slot] == hash && JSONStringTable.equal(text, bytes) {
        hits += 1
        return text
      }
      slot = (slot + 1) & mask
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard count < JSONStringTable.capacityLimit else { return text }
    hashes[slot] = hash
    texts[slot] = text
    count += 1
    if count * 2 > mask { grow() }
    return text
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldTexts = texts
    let size = (mask + 1) * 2
    hashes = Array(repeating: 0, count: size)
    texts = Array(repeating: nil, count: size)
    mask = size - 1
    for index in oldTexts.indices {
      guard let text = oldTexts[index] else { continue }
      var slot = Int(truncatingIfNeeded: oldHashes[index]) & mask
      while texts[slot] != nil { slot = (slot + 1) & mask }
      hashes[slot] = oldHashes[index]
      texts[slot] = text
    }
  }

  private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      guard utf8.count == bytes.count else { return false }
      let left = UnsafeRawBufferPointer(utf8)
      let right = UnsafeRawBufferPointer(bytes)
      var index = 0
      while index + 8 <= left.count {
        if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
          return false
        }
        index += 8
      }
      while index < left.count {
        if left[index] != right[index] { return false }
        index += 1
      }
      return true
    }
  }

  /// FNV-1a over eight bytes at a time, then the tail.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let raw = UnsafeRawBufferPointer(bytes)
    var index = 0
    while index + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
      hash ^= hash >> 29
      index += 8
    }
    while index < raw.count {
      hash = (hash ^ UInt64(raw[index])) &* 0x0000_0100_0000_01B3
      index += 1
    }
    return hash ^ (hash >> 32)
  }
}
