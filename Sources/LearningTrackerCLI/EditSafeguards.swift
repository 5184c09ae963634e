import Foundation
import LearningJSON
import LearningStore

#if canImport(Glibc)
  import Glibc
#endif

/// What `edit` opened, kept so that the saved text is applied only if the record in the store is
/// still as it was: a compare-and-swap, so that an update a colleague made while the editor was
/// open is never lost. Generic over whatever record `edit` opens.
struct OpenedRecord<Value: Equatable> {
  /// The record as the store and the message name it ("action LCSPR-2025-02/1.2").
  let title: String
  /// The record as it was shown in the editor.
  let value: Value
  /// The record as JSON, to say which fields changed.
  let text: (Value) throws -> [UInt8]

  /// Refuses (exit 76, as `undo` does) when `current`, the record as the store holds it now, is
  /// not the record as opened, naming the fields that changed meanwhile.
  func checkUnchanged(_ current: Value?) throws(CommandError) {
    if let current, current == value { return }
    guard let current else {
      throw .changedSince(
        "\(title) was removed while the editor was open; the correction was not applied")
    }
    let fields = changedFields(from: value, to: current)
    throw .changedSince(
      "\(title) changed while the editor was open"
        + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))")
        + "; the correction was not applied, so that change is not lost. Run 'edit' again to correct "
        + "the record as it is now")
  }

  /// The top-level JSON fields whose values differ, in order.
  func changedFields(from old: Value, to new: Value) -> [String] {
    guard let oldText = try? text(old), let newText = try? text(new),
      case .object(let before)? = try? JSONValue.parse(oldText),
      case .object(let after)? = try? JSONValue.parse(newText)
    else { return [] }
    let keys = Set(before.map(\.key)).union(after.map(\.key)).sorted()
    let oldValues = Dictionary(before.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    let newValues = Dictionary(after.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    return keys.filter { oldValues[$0] != newValues[$0] }
  }
}

/// Files `edit` makes: only ever new ones, never through a link planted at their name.
enum EditFiles {
  /// A new folder for the owner only (0700) in the system's temporary folder, made exclusively
  /// under an unpredictable name.
  static func privateFolder() throws(CommandError) -> String {
    let base = FileManager.default.temporaryDirectory.path
    var template = Array((base + "/learning-tracker-edit-XXXXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }
    }
    guard made != nil else {
      throw .cannotWrite(
        "\(base): cannot make a private folder for the text to edit: \(String(cString: strerror(errno)))")
    }
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Creates `path` with `bytes`, owner-only; fails when anything, a link included, is already
  /// there. Returns the error number on failure.
  static func createExclusively(_ bytes: [UInt8], at path: String) -> Int32? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return errno }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        let failure = errno
        close(descriptor)
        unlink(path)
        return failure
      }
      offset += written
    }
    let failure = fsync(descriptor) == 0 ? nil : errno
    close(descriptor)
    if let failure {
      unlink(path)
      return failure
    }
    return nil
  }

  /// Keeps rejected text in a new file beside the store (`STORE.edit-NAME.json`, numbered when
  /// taken), else in a new private folder; returns the file written, or nil when none could be.
  static func keep(_ bytes: [UInt8], besideStore base: String) -> String? {
    for number in 1...1000 {
      let path = base + (number == 1 ? "" : "-\(number)") + ".json"
      guard let failure = createExclusively(bytes, at: path) else { return path }
      if failure != EEXIST { break }
    }
    guard let folder = try? privateFolder() else { return nil }
    let path = folder + "/" + URL(fileURLWithPath: base + ".json").lastPathComponent
    return createExclusively(bytes, at: path) == nil ? path : nil
  }
}
