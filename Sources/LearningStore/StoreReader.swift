import Foundation
import LearningJSON
import LearningModel

/// A store read from a file, with the exact bytes it was read from.
public struct LoadedStore: Sendable {
  /// The path the store was read from.
  public var file: String
  /// The store's records.
  public var tracker: Tracker
  /// The file's bytes when read; a write is refused if the file no longer has them.
  public var originalBytes: Data
  /// Paths of fields in the file that the format does not have (whatever their value); they would
  /// be lost by a rewrite, so `validate` lists them and writes refuse to run.
  public var unknownFields: [String]
}

/// Reads stores, through the one store reader (`StoreDecoder`): the bytes are read once, straight
/// into the model, and every problem is reported with its line, column and JSON path.
public enum StoreReader {
  /// The largest store file accepted (1 GiB: ten years of a nation's reviews with their full
  /// update logs is about half of it).
  public static let maximumFileSize = 1 << 30

  /// Reads and decodes the store at `path`.
  public static func read(path: String) throws(StoreError) -> LoadedStore {
    try read(path: path, mappingFrom: mappedFileSize, releaseWindow: releaseWindow)
  }

  /// Reads and decodes the store at `path`, mapping it when it has at least `mappingFrom` bytes
  /// and letting its pages go in steps of `releaseWindow` bytes.
  static func read(path: String, mappingFrom: Int, releaseWindow: Int) throws(StoreError) -> LoadedStore {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { throw .notFound(file: path) }
      throw .unreadable(file: path, reason: String(cString: strerror(errno)))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(file: path, reason: "it is a folder") }
    if Int(status.st_size) > maximumFileSize {
      throw .tooLarge(file: path, bytes: Int(status.st_size), limit: maximumFileSize)
    }
    if Int(status.st_size) >= mappingFrom, let mapped = map(path: path, size: Int(status.st_size)) {
      return try decode(data: mapped.data, file: path, releasingBehind: mapped.base, window: releaseWindow)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "permission denied or not a regular file")
    }
    return try decode(data: data, file: path)
  }

  /// Files at least this large are mapped rather than read, so that the bytes already decoded can
  /// be let go while the rest is read: peak memory is then the model plus a window of the file,
  /// not the model plus the whole file.
  static let mappedFileSize = 16 << 20
  /// The pages of a mapped file are let go in steps of this many bytes, a step behind the reading.
  static let releaseWindow = 4 << 20

  /// The file mapped read-only and private, as `Data` that unmaps it when released; nil when it
  /// cannot be mapped (the caller then reads it). The store is only ever replaced whole (written
  /// beside and renamed), so the mapped file's bytes do not change while they are read.
  private static func map(path: String, size: Int) -> (data: Data, base: UnsafeMutableRawPointer)? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
      return nil
    }
    _ = madvise(base, size, MADV_SEQUENTIAL)
    let data = Data(
      bytesNoCopy: base, count: size,
      deallocator: .custom { pointer, count in
        _ = munmap(pointer, count)
      })
    return (data, base)
  }

  /// Decodes a store from bytes; `file` names it in messages.
  public static func decode(bytes: [UInt8], file: String) throws(StoreError) -> LoadedStore {
    try decode(data: Data(bytes), file: file)
  }

  /// Decodes a store from data; `file` names it in messages.
  ///
  /// A syntax error stops the read with one message. Otherwise `schemaVersion` is judged before
  /// anything else the read found: a version newer than this build is refused on its own, whatever
  /// else is wrong. Then every problem found is reported together.
  public static func decode(data: Data, file: String) throws(StoreError) -> LoadedStore {
    try decode(data: data, file: file, releasingBehind: nil, window: 0)
  }

  /// Decodes; when `mapped` is the base of a file mapping holding `data`, the pages already read
  /// are handed back to the system as reading goes on (they are read again from the file if a
  /// later step needs them).
  private static func decode(
    data: Data, file: String, releasingBehind mapped: UnsafeMutableRawPointer?, window: Int
  ) throws(StoreError) -> LoadedStore {
    if data.count > maximumFileSize { throw .tooLarge(file: file, bytes: data.count, limit: maximumFileSize) }
    let outcome: Result<LoadedStore, StoreError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var decoder = StoreDecoder(bytes: bytes)
      if let mapped {
        var released = 0
        decoder.afterEachReview = { offset in
          let upTo = (offset / window - 1) * window
          guard upTo > released else { return }
          _ = madvise(mapped + released, upTo - released, MADV_DONTNEED)
          released = upTo
        }
      }
      if decoder.reader.atEnd() { return .failure(.empty(file: file)) }
      let tracker: Tracker?
      let kind: JSONReader.Kind
      do throws(JSONSyntaxError) {
        kind = try decoder.reader.peek()
        if kind == .object {
          tracker = try decoder.tracker()
        } else {
          // Checked all the same, so that a syntax error is reported before the wrong kind.
          var duplicates: [JSONReader.DuplicateKey] = []
          try decoder.reader.skipValue(duplicates: &duplicates)
          tracker = nil
        }
        if !decoder.reader.atEnd() {
          throw decoder.reader.error("unexpected text after the end of the JSON document")
        }
      } catch {
        return .failure(.syntax(file: file, line: error.line, column: error.column, message: error.message))
      }
      guard let tracker else { return .failure(.notAnObject(file: file, found: kind.described)) }
      return judge(decoder, tracker: tracker, bytes: bytes, data: data, file: file)
    }
    return try outcome.get()
  }

  private static func judge(
    _ decoder: StoreDecoder, tracker: Tracker, bytes: UnsafeBufferPointer<UInt8>, data: Data, file: String
  ) -> Result<LoadedStore, StoreError> {
    guard decoder.schemaVersionSeen else { return .failure(.missingSchemaVersion(file: file)) }
    if let version = decoder.schemaVersion {
      if version > Tracker.currentSchemaVersion {
        return .failure(.schemaTooNew(file: file, found: version, supported: Tracker.currentSchemaVersion))
      }
      if version < 1 { return .failure(.schemaTooOld(file: file, found: version)) }
      // Version 1 is the first version of the format, so no older version needs migrating yet.
      // A later version adds its migration here, the one place a store is brought up to date.
    }
    if !decoder.problems.isEmpty {
      return .failure(.problems(file: file, located(decoder.problemsWithUnknownFields, in: bytes)))
    }
    var tracker = tracker
    tracker.schemaVersion = Tracker.currentSchemaVersion
    return .success(
      LoadedStore(
        file: file, tracker: tracker, originalBytes: data, unknownFields: decoder.unknownFields.map(\.path)))
  }

  /// The problems in the order of the file, each with its line and column.
  static func located(_ problems: [StoreDecoder.Problem], in bytes: UnsafeBufferPointer<UInt8>)
    -> [StoreProblem]
  {
    let ordered = problems.sorted { $0.offset < $1.offset }
    let places = JSONLocation.lineAndColumn(of: ordered.map(\.offset), in: bytes)
    let firstPlaces = JSONLocation.lineAndColumn(of: ordered.map { $0.firstOffset ?? 0 }, in: bytes)
    return ordered.indices.map { index in
      var message = ordered[index].message
      if ordered[index].firstOffset != nil {
        message +=
          " (first given at \(firstPlaces[index].line):\(firstPlaces[index].column), \(ordered[index].path))"
      }
      return StoreProblem(
        line: places[index].line, column: places[index].column, path: ordered[index].path, message: message)
    }
  }
}

extension StoreDecoder {
  /// Reads one record on its own, as `edit` writes it out: the record of the same kind as
  /// `existing`, placed where `existing` is (its review, and an action's recommendation). A
  /// review is read without its findings and recommendations, and a recommendation without its
  /// actions: they are records of their own, and giving them is a problem.
  ///
  /// Problems are reported exactly as the store reader reports them (`FILE:LINE:COLUMN: PATH:
  /// message`, every one found in one pass), with every unknown field among them; `file` names
  /// the text in messages.
  public static func record(_ data: Data, like existing: Record, file: String) throws(StoreError) -> Record {
    var recommendation = ""
    if case .action(_, let placed, _) = existing { recommendation = placed }
    return try record(data, at: existing.reference, recommendation: recommendation, whole: false, file: file)
  }

  /// Reads one record as the history keeps it: whole, with the records inside it (a review's
  /// findings and recommendations, a recommendation's actions), the record of the kind that
  /// `reference` names, placed where it names (an action under `recommendation`).
  ///
  /// Problems are reported as `record(_:like:file:)` reports them; `file` names the text in
  /// messages.
  public static func recordAsRecorded(
    _ data: Data, at reference: RecordReference, recommendation: String, file: String
  ) throws(StoreError) -> Record {
    try record(data, at: reference, recommendation: recommendation, whole: true, file: file)
  }

  private static func record(
    _ data: Data, at reference: RecordReference, recommendation: String, whole: Bool, file: String
  ) throws(StoreError) -> Record {
    let outcome: Result<Record, StoreError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var decoder = StoreDecoder(bytes: bytes)
      var record: Record?
      do throws(JSONSyntaxError) {
        switch reference {
        case .agency:
          record = try decoder.agency().map(Record.agency)
        case .catalogue(let kind, _):
          record = try decoder.catalogueEntry(methods: kind == .method).map { Record.catalogue(kind, $0) }
        case .review:
          if !whole {
            decoder.ownRecords = [
              "findings":
                "the review's findings are records of their own: leave this field out and edit each one (REVIEW/F1)",
              "recommendations":
                "the review's recommendations are records of their own: leave this field out and edit each one (REVIEW/R1)",
            ]
          }
          record = try decoder.review().map(Record.review)
        case .finding(let review, _):
          record = try decoder.finding().map { Record.finding(review: review, $0) }
        case .recommendation(let placed):
          if !whole {
            decoder.ownRecords = [
              "actions":
                "the recommendation's actions are records of their own: leave this field out and edit each one (REVIEW/1.1)"
            ]
          }
          record = try decoder.recommendation().map { Record.recommendation(review: placed.review, $0) }
        case .action(let placed):
          record = try decoder.action().map {
            Record.action(review: placed.review, recommendation: recommendation, $0)
          }
        case .dissemination:
          record = try decoder.dissemination().map(Record.dissemination)
        case .section11:
          record = try decoder.section11Return().map(Record.section11)
        case .partnership:
          record = try decoder.partnership().map(Record.partnership)
        case .timetable:
          record = try decoder.timetable().map(Record.timetable)
        }
        if !decoder.reader.atEnd() {
          throw decoder.reader.error("unexpected text after the end of the JSON document")
        }
      } catch {
        return .failure(.syntax(file: file, line: error.line, column: error.column, message: error.message))
      }
      let problems = decoder.problemsWithUnknownFields
      if !problems.isEmpty {
        return .failure(.problems(file: file, StoreReader.located(problems, in: bytes)))
      }
      guard let record else {
        return .failure(.notAnObject(file: file, found: "something else"))
      }
      return .success(record)
    }
    return try outcome.get()
  }
}
