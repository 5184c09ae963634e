import Foundation
import LearningModel

/// A store read from a file, with the exact bytes it was read from.
public struct LoadedStore: Sendable {
  public var file: String
  public var tracker: Tracker
  /// The file's bytes when read; a write is refused if the file no longer has them.
  public var originalBytes: Data
  /// Fields in the file that the format does not have; they would be lost by a rewrite. Found only
  /// when reading with `checkingUnknownFields` (for `validate` and before every write).
  public var unknownFields: [String]
}

/// Reads stores: checks the syntax, reads `schemaVersion` first, migrates older versions,
/// decodes, and finds fields the format does not know.
public enum StoreReader {
  /// The largest store file accepted (256 MiB).
  public static let maximumFileSize = 256 << 20

  /// Reads and decodes the store at `path`.
  public static func read(path: String, checkingUnknownFields: Bool = true) throws(StoreError) -> LoadedStore
  {
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
    return try decode(data: data, file: path, checkingUnknownFields: checkingUnknownFields)
  }

  /// Decodes a store from bytes; `file` names it in messages.
  public static func decode(bytes: [UInt8], file: String, checkingUnknownFields: Bool = true)
    throws(StoreError) -> LoadedStore
  {
    try decode(data: Data(bytes), file: file, checkingUnknownFields: checkingUnknownFields)
  }

  /// Decodes a store from data; `file` names it in messages.
  public static func decode(data: Data, file: String, checkingUnknownFields: Bool = true) throws(StoreError)
    -> LoadedStore
  {
    // Well-formed current stores take the fast path, which parses as strictly as the syntax scan;
    // anything else goes the long way round, where every error is found and described.
    if let tracker = FastStoreDecoder.decode(data) {
      let unknown =
        checkingUnknownFields
        ? ((try? JSONScanner.scan(data, checkingShapes: true))?.unknownFields ?? []) : []
      return LoadedStore(file: file, tracker: tracker, originalBytes: data, unknownFields: unknown)
    }
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(file: file) }
    let scan: JSONScanner.Result
    do {
      scan = try JSONScanner.scan(data, checkingShapes: checkingUnknownFields)
    } catch {
      throw .syntax(file: file, line: error.line, column: error.column, message: error.message)
    }
    guard scan.topLevelKind == "an object" else { throw .notAnObject(file: file, found: scan.topLevelKind) }
    guard let versionText = scan.schemaVersion else { throw .missingSchemaVersion(file: file) }
    guard let version = Int(versionText) else {
      let found =
        scan.schemaVersionKind == "a number"
        ? versionText : (scan.schemaVersionKind == "a string" ? versionText : scan.schemaVersionKind ?? "")
      throw .decoding(file: file, path: "schemaVersion", message: "expected a whole number, found \(found)")
    }
    if version > Tracker.currentSchemaVersion {
      throw .schemaTooNew(file: file, found: version, supported: Tracker.currentSchemaVersion)
    }
    if version < 1 { throw .schemaTooOld(file: file, found: version) }
    if let (path, number) = scan.badNumber {
      let tooLarge = number.filter(\.isNumber).count > 15
      throw .decoding(
        file: file, path: path,
        message: tooLarge
          ? "the number \(number) is too large (at most 15 digits)"
          : "expected a whole number, found \(number)")
    }
    var body = data
    if version < Tracker.currentSchemaVersion {
      // Older versions are rewritten to the current one before decoding.
      guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: data) else {
        throw .empty(file: file)
      }
      let migrated = StoreMigration.migrate(parsed, from: version)
      body = Data(JSONWriter.serialize(migrated.value).utf8)
    }
    let tracker: Tracker
    do {
      tracker = try JSONDecoder().decode(Tracker.self, from: body)
    } catch let error as DecodingError {
      let (path, message) = describe(error)
      throw .decoding(file: file, path: path, message: message)
    } catch {
      throw .decoding(file: file, path: "", message: String(describing: error))
    }
    return LoadedStore(file: file, tracker: tracker, originalBytes: data, unknownFields: scan.unknownFields)
  }

  /// A JSON path (`reviews[3].recommendations[0].actions[1].due`) and a message a person can act on.
  static func describe(_ error: DecodingError) -> (path: String, message: String) {
    func path(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return (parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", "required field is missing")
    case .typeMismatch(let type, let context):
      return (path(context.codingPath), "expected \(typeName(type)), " + foundText(context.debugDescription))
    case .valueNotFound(let type, let context):
      return (path(context.codingPath), "expected \(typeName(type)), found null")
    case .dataCorrupted(let context):
      return (path(context.codingPath), context.debugDescription)
    @unknown default:
      return ("", String(describing: error))
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Array") || name.hasPrefix("DefaultEmpty") { return "a list" }
    if name.hasPrefix("Dictionary") { return "an object" }
    switch name {
    case "String", "CalendarDay", "MonthDay": return "a string"
    case "Int": return "a whole number"
    case "Bool": return "true or false"
    case "Double": return "a number"
    default: return "an object (\(name))"
    }
  }

  private static func foundText(_ debugDescription: String) -> String {
    // Foundation says "Expected to decode X but found a string instead."
    if let range = debugDescription.range(of: "but found ") {
      let rest = debugDescription[range.upperBound...]
      return "found " + rest.replacingOccurrences(of: " instead.", with: "")
    }
    return debugDescription
  }
}

/// Brings stores written by older versions of the format up to the current one, in one place.
enum StoreMigration {
  /// Migrates `tree` from `version` to `Tracker.currentSchemaVersion`.
  ///
  /// Version 1 is the first published format, so there is nothing to migrate yet; each later
  /// version adds a step here that rewrites the tree from the version before it.
  static func migrate(_ tree: JSONValue, from version: Int) -> (value: JSONValue, changed: Bool) {
    let steps: [Int: (JSONValue) -> JSONValue] = [:]
    var value = tree
    var changed = false
    var current = version
    while current < Tracker.currentSchemaVersion, let step = steps[current] {
      value = step(value)
      current += 1
      changed = true
    }
    return (value, changed)
  }
}
