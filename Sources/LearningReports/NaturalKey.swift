import Foundation
import LearningModel

/// A reference's natural-order sort key (`1.2` before `1.10`), computed once per line so that a
/// sort compares bytes instead of re-reading digit runs on every comparison. It orders exactly as
/// `naturalOrder`: ASCII references (all of them in practice) get a byte key; any other falls back
/// to `naturalOrder` itself.
struct NaturalKey: Comparable {
  let text: String
  /// Digit runs as `0x31`, their length without leading zeros (4 bytes) and those digits; other
  /// characters as their byte plus one; then `0x00` and the text itself (the tie-breaker).
  let bytes: [UInt8]?

  init(_ text: String) {
    self.text = text
    var key: [UInt8] = []
    bytes = Self.appendKey(of: text, to: &key) ? key : nil
  }

  /// Appends the byte key of `text` to `key` and says so; when `text` is not ASCII, appends
  /// nothing and says it has no byte key (it is then ordered by `naturalOrder` itself).
  static func appendKey(of text: String, to key: inout [UInt8]) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
      key.reserveCapacity(key.count + utf8.count * 2 + 8)
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        if byte &- 0x30 < 10 {
          var end = index
          while end < utf8.count, utf8[end] &- 0x30 < 10 { end += 1 }
          var start = index
          while start < end, utf8[start] == 0x30 { start += 1 }
          let count = UInt32(end - start)
          key.append(0x31)
          key.append(UInt8(count >> 24))
          key.append(UInt8((count >> 16) & 0xFF))
          key.append(UInt8((count >> 8) & 0xFF))
          key.append(UInt8(count & 0xFF))
          key.append(contentsOf: utf8[start..<end])
          index = end
        } else {
          key.append(byte + 1)
          index += 1
        }
      }
      key.append(0)
      key.append(contentsOf: utf8)
      return true
    }
  }

  static func < (lhs: NaturalKey, rhs: NaturalKey) -> Bool {
    if let left = lhs.bytes, let right = rhs.bytes {
      return left.withUnsafeBufferPointer { left in right.withUnsafeBufferPointer { bytesPrecede(left, $0) } }
    }
    return naturalOrder(lhs.text, rhs.text)
  }
}

/// Whether `lhs` comes before `rhs` in byte order (a prefix first), compared with `memcmp`.
@inline(__always)
func bytesPrecede(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
  let common = min(lhs.count, rhs.count)
  if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
    let order = memcmp(left, right, common)
    if order != 0 { return order < 0 }
  }
  return lhs.count < rhs.count
}

/// Sorts report lines by `rank` (smallest first) and, where ranks tie, by their references in
/// natural order. Each line's rank is read once and its reference's natural place found once
/// (`naturalPlaces`, keys side by side), so the sort itself compares pairs of integers: ties,
/// which grow with the store, cost no more than ranks.
@inline(__always)
func sortLines<Line>(_ lines: inout [Line], reference: (Line) -> String, rank: (Line) -> Int) {
  // Each line is read where it lies in the buffer (iterating would copy every line out).
  var ranks: [Int] = []
  ranks.reserveCapacity(lines.count)
  let places = lines.withUnsafeBufferPointer { buffer in
    for index in buffer.indices { ranks.append(rank(buffer[index])) }
    return naturalPlaces(buffer.count) { reference(buffer[$0]) }
  }
  let order = lines.indices.sorted {
    ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : places[$0] < places[$1]
  }
  permute(&lines, into: order)
}

/// Puts `elements[order[i]]` at `i` for every `i` (`order` is a permutation of the indices), by
/// following each cycle of the permutation with swaps in the array's buffer: the elements are
/// moved, never copied, so a large line costs no reference counting.
func permute<Element>(_ elements: inout [Element], into order: [Int]) {
  var settled = [Bool](repeating: false, count: elements.count)
  elements.withUnsafeMutableBufferPointer { buffer in
    for start in buffer.indices where !settled[start] {
      var position = start
      while true {
        settled[position] = true
        let source = order[position]
        if source == start { break }
        buffer.swapAt(position, source)
        position = source
      }
    }
  }
}

/// The place of each of `count` references in natural order (the order `sortLines` breaks ties
/// in), equal references in the order given: sorting several lists of the same lines by rank and
/// then by this place gives the order `sortLines` gives each, with every reference's key made
/// once and not once per list. The keys lie side by side in one buffer, not one allocation each.
func naturalPlaces(_ count: Int, reference: (Int) -> String) -> [UInt32] {
  var keys: [UInt8] = []
  var ends: [Int] = []
  ends.reserveCapacity(count)
  // References that are not ASCII have no byte key and are compared as text.
  var texts: [Int: String] = [:]
  for index in 0..<count {
    let text = reference(index)
    if !NaturalKey.appendKey(of: text, to: &keys) { texts[index] = text }
    ends.append(keys.count)
  }
  let order = keys.withUnsafeBufferPointer { keys in
    (0..<count).sorted { left, right in
      if texts.isEmpty || (texts[left] == nil && texts[right] == nil) {
        let leftKey = UnsafeBufferPointer(rebasing: keys[(left == 0 ? 0 : ends[left - 1])..<ends[left]])
        let rightKey = UnsafeBufferPointer(rebasing: keys[(right == 0 ? 0 : ends[right - 1])..<ends[right]])
        return bytesPrecede(leftKey, rightKey)
      }
      return naturalOrder(texts[left] ?? reference(left), texts[right] ?? reference(right))
    }
  }
  var places = [UInt32](repeating: 0, count: count)
  for (place, index) in order.enumerated() { places[index] = UInt32(place) }
  return places
}
