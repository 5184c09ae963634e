import Foundation
import LearningStore

#if canImport(Glibc)
  import Glibc
#endif

/// The files outside the store and its history that can hold a copy of text being redacted:
/// the rejected text `edit` kept beside the store (`STORE.edit-NAME.json`) or in a private
/// folder, the editor folders a stopped `edit` left in the temporary folder
/// (`learning-tracker-edit-XXXXXXXX`), and the store's lock file, whose content names the command
/// that held it and is shown to others in "busy" messages. `redact` cleans each one holding the
/// text (UK GDPR Article 17, erasure: no copy is left behind).
enum RedactLeftovers {
  /// A file that held the text, and what was done with it.
  struct Cleaned {
    let path: String
    let action: String
  }

  /// Removes every rejected-edit file and editor file holding `text` (ignoring case), and empties
  /// the lock file when its content holds it; returns what was cleaned, in order.
  static func clean(_ text: String, store: String, temporaryFolder: String) -> [Cleaned] {
    var cleaned: [Cleaned] = []
    let resolved = StorePath.resolved(store)
    let storeURL = URL(fileURLWithPath: resolved)
    let folder = storeURL.deletingLastPathComponent().path
    let keptPrefix = storeURL.lastPathComponent + ".edit-"
    for name in names(in: folder) where name.hasPrefix(keptPrefix) && name.hasSuffix(".json") {
      let path = folder + "/" + name
      if holds(text, path) && unlink(path) == 0 {
        cleaned.append(Cleaned(path: path, action: "removed"))
      }
    }
    for name in names(in: temporaryFolder) where name.hasPrefix("learning-tracker-edit-") {
      let editFolder = temporaryFolder + "/" + name
      var status = stat()
      guard lstat(editFolder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid()
      else { continue }
      for file in names(in: editFolder) {
        let path = editFolder + "/" + file
        if holds(text, path) && unlink(path) == 0 {
          cleaned.append(Cleaned(path: path, action: "removed"))
        }
      }
      if names(in: editFolder).isEmpty { rmdir(editFolder) }
    }
    let lock = resolved + ".lock"
    if holds(text, lock) {
      let descriptor = open(lock, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
      if descriptor >= 0 {
        if ftruncate(descriptor, 0) == 0 && fsync(descriptor) == 0 {
          cleaned.append(Cleaned(path: lock, action: "emptied"))
        }
        close(descriptor)
      }
    }
    return cleaned
  }

  /// Whether the regular file at `path` (never followed through a link) holds `text`.
  static func holds(_ text: String, _ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let bytes = FileManager.default.contents(atPath: path)
    else { return false }
    return Redaction.holds(text, in: String(decoding: bytes, as: UTF8.self))
  }

  static func names(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []).sorted()
  }
}
