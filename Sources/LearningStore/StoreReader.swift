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
  /// The largest store file accepted (256 MiB).
  public static let maximumFileSize = 256 << 20

  /// Reads and decodes the store at `path`.
  public static func read(path: String) throws(StoreError) -> LoadedStore {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT { throw .notFound(file: path) }
      throw .unreadable(file: path, reason: String(cString: strerror(errno)))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(file: path, reason: "it is a folder") }
    if Int(status.st_size) > maximumFileSize {
      throw .tooLarge(file: path, bytes: Int(status.st_size), limit: maximumFileSize)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path, reason: "permission denied or not a regular file")
    }
    return try decode(data: data, file: path)
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
    if data.count > maximumFileSize { throw .tooLarge(file: file, bytes: data.count, limit: maximumFileSize) }
    let outcome: Result<LoadedStore, StoreError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var decoder = StoreDecoder(bytes: bytes)
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
    var problems = decoder.problems
    if !problems.isEmpty {
      for field in decoder.unknownFields {
        problems.append(
          StoreDecoder.Problem(
            offset: field.offset, path: field.path,
            message:
              "unknown field: the store format has no such field, and it would be lost when the store is written"
          ))
      }
      return .failure(.problems(file: file, located(problems, in: bytes)))
    }
    var tracker = tracker
    tracker.schemaVersion = Tracker.currentSchemaVersion
    return .success(
      LoadedStore(
        file: file, tracker: tracker, originalBytes: data, unknownFields: decoder.unknownFields.map(\.path)))
  }

  /// The problems in the order of the file, each with its line and column.
  private static func located(_ problems: [StoreDecoder.Problem], in bytes: UnsafeBufferPointer<UInt8>)
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
