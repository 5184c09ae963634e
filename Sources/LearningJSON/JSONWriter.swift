/// The one JSON writer: the store, the reports, the history and the command line all write JSON
/// through it, so every JSON byte the tool produces has one layout.
///
/// Keys are sorted by their UTF-8 bytes and slashes are not escaped. The pretty layout is the one
/// the store has always had (two-space indents, `"key" : value`, empty lists and objects written
/// over two lines); the compact layout has no spaces at all (one history line per change).
public enum JSONWriter {
  /// The value as a pretty-printed document ending with a newline.
  public static func pretty(_ value: some Encodable) throws -> [UInt8] {
    var bytes = try write(value, pretty: true)
    bytes.append(0x0A)
    return bytes
  }

  /// The value as one line with no spaces and no final newline.
  public static func compact(_ value: some Encodable) throws -> [UInt8] {
    try write(value, pretty: false)
  }

  private static func write(_ value: some Encodable, pretty: Bool) throws -> [UInt8] {
    let sink = JSONSink(pretty: pretty)
    try sink.encodeValue(value, level: 0)
    sink.close(downTo: 0)
    return sink.bytes
  }

  /// Appends `text` as a JSON string: quotes, `"` and `\` escaped, control characters escaped,
  /// everything else (slashes, non-ASCII) as it is.
  public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var plainStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        if plainStart < index {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
        }
        plainStart = index + 1
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
        case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
        default:
          bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
        }
      }
      if plainStart < utf8.count {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
      }
    }
    bytes.append(0x22)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : UInt8(ascii: "a") + value - 10
  }

  /// Appends a number: whole numbers without a fraction, others as Swift writes a `Double`.
  static func appendNumber(_ number: Double, to bytes: inout [UInt8]) {
    if number.isFinite && number == number.rounded() && abs(number) < 1e15 {
      appendInteger(Int(number), to: &bytes)
    } else {
      bytes += Array("\(number)".utf8)
    }
  }

  static func appendInteger(_ number: Int, to bytes: inout [UInt8]) {
    if number >= 0 && number < 10 {
      bytes.append(0x30 + UInt8(number))
      return
    }
    var magnitude = number.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      if number < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: buffer[(24 - count)...])
    }
  }
}

/// The output of one encoding, written as the value's `encode(to:)` calls arrive.
///
/// Members are written straight away. An object whose keys arrive out of order is put in order
/// when it closes, by moving its members' bytes in place; objects whose keys arrive sorted are never
/// moved. No tree of values is built.
final class JSONSink {
  var bytes: [UInt8] = []
  let pretty: Bool
  private var frames: [Frame] = []

  /// An open list or object.
  private struct Frame {
    var isObject: Bool
    var count = 0
    /// For objects: each member's key and where its bytes start (after the separator).
    var keys: [String] = []
    var starts: [Int] = []
    var inOrder = true
  }

  init(pretty: Bool) {
    self.pretty = pretty
    bytes.reserveCapacity(1 << 16)
  }

  var openCount: Int { frames.count }

  /// Closes every container at `level` and deeper.
  func close(downTo level: Int) {
    while frames.count > level {
      let frame = frames.removeLast()
      let depth = frames.count
      if frame.isObject && !frame.inOrder { sortMembers(of: frame) }
      if pretty {
        bytes.append(0x0A)
        if frame.count == 0 { bytes.append(0x0A) }
        indent(depth)
      }
      bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }
  }

  private func indent(_ depth: Int) {
    for _ in 0..<depth { bytes += [0x20, 0x20] }
  }

  func openObject(level: Int) {
    if frames.count > level, frames[level].isObject {
      close(downTo: level + 1)
      return
    }
    close(downTo: level)
    frames.append(Frame(isObject: true))
    bytes.append(UInt8(ascii: "{"))
  }

  func openList(level: Int) {
    if frames.count > level, !frames[level].isObject {
      close(downTo: level + 1)
      return
    }
    close(downTo: level)
    frames.append(Frame(isObject: false))
    bytes.append(UInt8(ascii: "["))
  }

  private func separator(_ frame: inout Frame, depth: Int) {
    if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
    if pretty {
      bytes.append(0x0A)
      indent(depth)
    }
    frame.count += 1
  }

  /// Starts a member of the object at `level`; its value is written next.
  func member(_ key: String, level: Int) {
    close(downTo: level + 1)
    var frame = frames[level]
    frames[level] = Frame(isObject: true)  // so that appending below does not copy the arrays
    if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
    frame.count += 1
    frame.starts.append(bytes.count)
    if pretty {
      bytes.append(0x0A)
      indent(level + 1)
    }
    if frame.inOrder, let last = frame.keys.last, !JSONSink.precedes(last, key) {
      frame.inOrder = false
    }
    frame.keys.append(key)
    JSONWriter.appendQuoted(key, to: &bytes)
    if pretty { bytes += [0x20, 0x3A, 0x20] } else { bytes.append(0x3A) }
    frames[level] = frame
  }

  /// Starts an element of the list at `level`; its value is written next.
  func element(level: Int) {
    close(downTo: level + 1)
    separator(&frames[level], depth: level + 1)
  }

  /// Whether `left` sorts before `right` by their UTF-8 bytes.
  static func precedes(_ left: String, _ right: String) -> Bool {
    var left = left
    var right = right
    return left.withUTF8 { l in
      right.withUTF8 { r in
        let count = min(l.count, r.count)
        for index in 0..<count where l[index] != r[index] { return l[index] < r[index] }
        return l.count < r.count
      }
    }
  }

  /// Orders of key sequences met before: objects of one type arrive with the same keys each time.
  private var knownOrders: [(keys: [String], order: [Int])] = []
  private var scratch: [UInt8] = []

  private func order(of keys: [String]) -> [Int] {
    for known in knownOrders where known.keys == keys { return known.order }
    let order = keys.indices.sorted { JSONSink.precedes(keys[$0], keys[$1]) }
    if knownOrders.count == 16 { knownOrders.removeFirst() }
    knownOrders.append((keys, order))
    return order
  }

  /// Rewrites an object's members in key order, in place. Each member's bytes run from its start
  /// (just after the comma before it) to the comma after it, so members move whole with their
  /// indentation. Members are moved into place one at a time by rotation, with a buffer only the
  /// size of the smaller part, so sorting the outermost object never copies the whole output.
  private func sortMembers(of frame: Frame) {
    guard let first = frame.starts.first else { return }
    let order = order(of: frame.keys)
    // Each member followed by its comma: add one at the end for the last member, removed after.
    bytes.append(UInt8(ascii: ","))
    var lengths = frame.starts.indices.map { index in
      (index + 1 < frame.starts.count ? frame.starts[index + 1] : bytes.count) - frame.starts[index]
    }
    // `current[p]` is the original index of the member now at position p.
    var current = Array(frame.starts.indices)
    var start = first
    for (rank, wanted) in order.enumerated() {
      guard let position = current[rank...].firstIndex(of: wanted) else { continue }
      if position != rank {
        let middle = start + current[rank..<position].reduce(0) { $0 + lengths[$1] }
        rotate(start, middle, middle + lengths[wanted])
        current.remove(at: position)
        current.insert(wanted, at: rank)
      }
      start += lengths[wanted]
    }
    lengths.removeAll()
    bytes.removeLast()
  }

  /// Moves `bytes[middle..<end]` in front of `bytes[start..<middle]`.
  private func rotate(_ start: Int, _ middle: Int, _ end: Int) {
    let front = middle - start
    let back = end - middle
    guard front > 0, back > 0 else { return }
    scratch.removeAll(keepingCapacity: true)
    bytes.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return }
      if back <= front {
        scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + middle, count: back))
        (base + start + back).copyMemory(from: base + start, byteCount: front)
        scratch.withUnsafeBytes { saved in
          if let source = saved.baseAddress { (base + start).copyMemory(from: source, byteCount: back) }
        }
      } else {
        scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: front))
        (base + start).copyMemory(from: base + middle, byteCount: back)
        scratch.withUnsafeBytes { saved in
          if let source = saved.baseAddress {
            (base + start + back).copyMemory(from: source, byteCount: front)
          }
        }
      }
    }
  }

  func writeNull() { bytes += [0x6E, 0x75, 0x6C, 0x6C] }
  func write(_ flag: Bool) { bytes += flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65] }
  func write(_ text: String) { JSONWriter.appendQuoted(text, to: &bytes) }
  func write(_ number: Int) { JSONWriter.appendInteger(number, to: &bytes) }
  func write(_ number: Double) { JSONWriter.appendNumber(number, to: &bytes) }

  /// Writes a value at `level` (the number of containers open around it).
  func encodeValue<Value: Encodable>(_ value: Value, level: Int) throws {
    switch value {
    case let text as String: write(text)
    case let number as Int: write(number)
    case let flag as Bool: write(flag)
    case let number as Double: write(number)
    default:
      let before = bytes.count
      try value.encode(to: StreamingEncoder(sink: self, level: level))
      if bytes.count == before {
        // A value that wrote nothing is an empty object.
        openObject(level: level)
      }
      close(downTo: level)
    }
  }
}
