/// SHA-256 (FIPS 180-4, section 6.2): the digest that chains the change history.
///
/// Small and dependency-free; checked against the FIPS 180-4 example vectors in the tests.
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  /// A hash with nothing added yet.
  public init() {}

  /// The digest of `bytes`, as 64 lowercase hex digits.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hash.finalize().map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// The digest of a text's UTF-8 bytes, as hex.
  public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
    if done == nil {
      let message = Array(bytes)
      message.withUnsafeBufferPointer { update(buffer: $0) }
    }
  }

  /// Adds bytes to the message, read in place.
  public mutating func update(buffer message: UnsafeBufferPointer<UInt8>) {
    guard let base = message.baseAddress, !message.isEmpty else { return }
    length &+= UInt64(message.count)
    var start = 0
    if !pending.isEmpty {
      let taken = min(64 - pending.count, message.count)
      pending += UnsafeBufferPointer(start: base, count: taken)
      start = taken
      if pending.count == 64 {
        let block = pending
        block.withUnsafeBufferPointer { buffer in
          if let first = buffer.baseAddress { compressBlocks(first, count: 1) }
        }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let whole = (message.count - start) / 64
    if whole > 0 {
      compressBlocks(base + start, count: whole)
      start += whole * 64
    }
    if start < message.count {
      pending += UnsafeBufferPointer(start: base + start, count: message.count - start)
    }
  }

  /// Pads the message and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    tail.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { compressBlocks(base, count: buffer.count / 64) }
    }
    pending = []
    var digest: [UInt8] = []
    for word in state {
      digest += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) }
    }
    return digest
  }

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// Compresses `count` whole 64-byte blocks starting at `block` into the state.
  private mutating func compressBlocks(_ block: UnsafePointer<UInt8>, count: Int) {
    var (h0, h1, h2, h3, h4, h5, h6, h7) = (
      state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
    )
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      SHA256.k.withUnsafeBufferPointer { k in
        for index in 0..<count {
          let bytes = block + index * 64
          for t in 0..<16 {
            w[t] =
              UInt32(bytes[4 * t]) << 24 | UInt32(bytes[4 * t + 1]) << 16 | UInt32(bytes[4 * t + 2]) << 8
              | UInt32(bytes[4 * t + 3])
          }
          for t in 16..<64 {
            let s0 = Self.rotate(w[t - 15], 7) ^ Self.rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = Self.rotate(w[t - 2], 17) ^ Self.rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
          for t in 0..<64 {
            let sum1 = Self.rotate(e, 6) ^ Self.rotate(e, 11) ^ Self.rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ sum1 &+ choice &+ k[t] &+ w[t]
            let sum0 = Self.rotate(a, 2) ^ Self.rotate(a, 13) ^ Self.rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = sum0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
        }
      }
    }
    state = [h0, h1, h2, h3, h4, h5, h6, h7]
  }

  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
