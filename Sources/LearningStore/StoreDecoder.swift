import Foundation
import LearningJSON
import LearningModel

/// The store reader: reads a store's bytes once, straight into the model, through the JSON syntax
/// layer (`JSONReader`), each record by its table of fields in `StoreFormat`, the one definition in
/// code of the store format.
///
/// A syntax error stops the read. Every other problem (a wrong type, a missing required field, a
/// day that is not a day, a word not in its vocabulary, a number that is too large or not whole, a
/// name twice in one object) is noted with its place and reading goes on, so one read finds them
/// all. Fields the format does not have are noted wherever they are, whatever their value.
/// Optional fields may be left out or (unless their table says otherwise) `null`; a list left out or
/// `null` reads as empty.
public struct StoreDecoder {
  typealias Syntax = JSONSyntaxError

  /// A problem at a byte offset, with its JSON path.
  struct Problem {
    var offset: Int
    var path: String
    var message: String
    /// For a name given twice: where it was given first.
    var firstOffset: Int?
  }

  enum Step {
    case field(String)
    case index(Int)
  }

  var reader: JSONReader
  /// The longer strings read so far, so that each repeat shares the first one's storage.
  var texts = JSONStringTable()
  /// Called after each review with the offset read so far, so that a large file's bytes already
  /// read can be let go (`StoreReader`).
  var afterEachReview: ((Int) -> Void)? = nil
  var problems: [Problem] = []
  /// Fields the format does not have: where they are and their paths.
  var unknownFields: [(offset: Int, path: String)] = []

  /// Every problem found, with each unknown field as one: a field the format does not have would be
  /// lost when the store is written.
  var problemsWithUnknownFields: [Problem] {
    problems
      + unknownFields.map { field in
        Problem(
          offset: field.offset, path: field.path,
          message:
            "unknown field: the store format has no such field, and it would be lost when the store is written"
        )
      }
  }
  var path: [Step] = []
  /// Where each known member of the open objects was first given (for names given twice).
  private var firstOffsets: [Int] = []
  private var skippedDuplicates: [JSONReader.DuplicateKey] = []
  /// The top-level `schemaVersion`, when it is a whole number, and where it is.
  var schemaVersion: Int?
  var schemaVersionSeen = false
  /// When one record is read on its own: the fields of the record that hold records of their own
  /// (a review's findings), each with the problem to note when the text gives it.
  var ownRecords: [String: String] = [:]

  init(bytes: UnsafeBufferPointer<UInt8>) {
    reader = JSONReader(bytes: bytes)
  }

  // MARK: Places and problems

  var pathText: String {
    var out = ""
    for step in path {
      switch step {
      case .field(let name):
        if !out.isEmpty { out += "." }
        out += name
      case .index(let index): out += "[\(index)]"
      }
    }
    return out
  }

  mutating func problem(_ message: String, at offset: Int) {
    problems.append(Problem(offset: offset, path: pathText, message: message))
  }

  /// Reads past a value of the wrong kind and notes what was expected and what was found.
  mutating func wrongType(_ expected: String) throws(Syntax) {
    let offset = reader.offset
    let found = try reader.describeAndSkip(duplicates: &skippedDuplicates)
    problem("expected \(expected), found \(found)", at: offset)
    noteSkippedDuplicates()
  }

  private mutating func skip() throws(Syntax) {
    try reader.skipValue(duplicates: &skippedDuplicates)
    noteSkippedDuplicates()
  }

  private mutating func noteSkippedDuplicates() {
    guard !skippedDuplicates.isEmpty else { return }
    let base = pathText
    for duplicate in skippedDuplicates {
      problems.append(
        Problem(
          offset: duplicate.secondOffset, path: base + duplicate.path + "." + duplicate.name,
          message: StoreDecoder.duplicateMessage(duplicate.name), firstOffset: duplicate.firstOffset))
    }
    skippedDuplicates.removeAll()
  }

  static func duplicateMessage(_ name: String) -> String {
    "\"\(name)\" is given twice in one object; only one value can be kept, so remove the other"
  }

  /// An object of the given table, read into `record`: each known field is read by its
  /// declaration (`StoreField.read`), the reader at its value; notes unknown fields, names given
  /// twice and missing required fields. Returns false when the value is not an object.
  mutating func object<Record: Sendable>(_ fields: StoreRecordFields<Record>, into record: inout Record)
    throws(Syntax) -> Bool
  {
    guard try reader.peek() == .object else {
      try wrongType("an object")
      return false
    }
    let start = reader.offset
    try reader.enterObject()
    let base = firstOffsets.count
    firstOffsets.append(contentsOf: repeatElement(-1, count: fields.names.count))
    var unknownSeen: [String: Int] = [:]
    var first = true
    while let key = try reader.nextKey(first: first) {
      first = false
      if let index = fields.index(of: key, in: reader) {
        path.append(.field(fields.names[index]))
        let earlier = firstOffsets[base + index]
        if earlier >= 0 {
          problems.append(
            Problem(
              offset: key.offset, path: pathText, message: StoreDecoder.duplicateMessage(fields.names[index]),
              firstOffset: earlier))
          try skip()
        } else if path.count == 1, let note = ownRecords[fields.names[index]] {
          firstOffsets[base + index] = key.offset
          problem(note, at: key.offset)
          try skip()
        } else {
          firstOffsets[base + index] = key.offset
          try fields.reads[index](&self, &record)
        }
        path.removeLast()
      } else {
        let name = reader.name(of: key)
        path.append(.field(name))
        if let earlier = unknownSeen[name] {
          problems.append(
            Problem(
              offset: key.offset, path: pathText, message: StoreDecoder.duplicateMessage(name),
              firstOffset: earlier))
        } else {
          unknownSeen[name] = key.offset
          unknownFields.append((key.offset, pathText))
        }
        try skip()
        path.removeLast()
      }
    }
    for index in fields.required where firstOffsets[base + index] < 0 {
      path.append(.field(fields.names[index]))
      problem("required field is missing", at: start)
      path.removeLast()
    }
    firstOffsets.removeLast(fields.names.count)
    return true
  }
}
