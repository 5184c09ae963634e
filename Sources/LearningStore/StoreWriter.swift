import Foundation
import LearningJSON
import LearningModel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes stores: validated, pretty-printed with sorted keys, and atomically
/// (a temporary file in the same folder, flushed, then renamed over the old one).
public enum StoreWriter {
  /// The store's JSON bytes: pretty-printed, keys sorted, arrays in stored order, a final newline
  /// (written by the one JSON writer, `JSONWriter`).
  public static func encode(_ tracker: Tracker) throws -> [UInt8] {
    try JSONWriter.pretty(tracker)
  }

  /// Writes a new store; refuses when the file already exists. The file is created owner-only (0600).
  public static func create(_ tracker: Tracker, at path: String, today: CalendarDay) throws(StoreError) {
    var status = stat()
    if lstat(path, &status) == 0 { throw .alreadyExists(file: path) }
    _ = try write(tracker, to: path, replacing: nil, today: today)
  }

  /// Replaces the store that `loaded` was read from, if the file still has the bytes it was read
  /// from; returns the bytes written.
  @discardableResult
  public static func replace(_ loaded: LoadedStore, with tracker: Tracker, today: CalendarDay)
    throws(StoreError) -> [UInt8]
  {
    try write(tracker, to: loaded.file, replacing: loaded.originalBytes, today: today)
  }

  /// Checks a store before it is written: it must validate and encode; returns its bytes.
  public static func checkedBytes(_ tracker: Tracker, file: String, today: CalendarDay) throws(StoreError)
    -> [UInt8]
  {
    let diagnostics = Validator(today: today).validate(tracker)
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw .invalid(file: file, diagnostics: diagnostics)
    }
    do {
      return try encode(tracker)
    } catch {
      throw .cannotWrite(file: file, reason: "the store could not be encoded: \(error)")
    }
  }

  private static func write(
    _ tracker: Tracker, to path: String, replacing original: Data?, today: CalendarDay
  ) throws(StoreError) -> [UInt8] {
    let bytes = try checkedBytes(tracker, file: path, today: today)
    var mode: mode_t = 0o600
    if let original {
      guard let current = FileManager.default.contents(atPath: path), current == original else {
        throw .changedOnDisk(file: path)
      }
      mode = StorePath.mode(of: path) ?? mode
    }
    try AtomicFile.write(bytes, to: path, mode: mode)
    return bytes
  }

  /// A 64-bit FNV-1a digest of a store's bytes, as hex: enough to tell whether a file changed.
  public static func digest(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// Where a store really is: a store given as a symbolic link is written through it, so its lock,
/// temporary file and rename happen beside the real file and the link stays a link.
public enum StorePath {
  /// The real path of `path` when it is a symbolic link (followed to the end), else `path`.
  public static func resolved(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return path }
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  /// The file's permission bits, if it exists.
  public static func mode(of path: String) -> mode_t? {
    var status = stat()
    return stat(path, &status) == 0 ? status.st_mode & 0o777 : nil
  }

  /// The reason for the last failed system call, in words.
  static func reason(_ what: String) -> String { what + ": " + String(cString: strerror(errno)) }
}

/// Whole-or-nothing file replacement.
public enum AtomicFile {
  /// Writes `bytes` to a new temporary file beside `path` (beside the real file when `path` is a
  /// symbolic link; never following a link at the temporary name), flushes it, renames it over
  /// the file, and flushes the folder. Without `followingLink`, a symbolic link at `path` is
  /// replaced by the file rather than written through.
  public static func write(
    _ bytes: [UInt8], to path: String, mode: mode_t = 0o600, followingLink: Bool = true
  )
    throws(StoreError)
  {
    let outcome = bytes.withUnsafeBytes { buffer in
      Result { () throws(StoreError) in
        try write(buffer: buffer, to: path, mode: mode, followingLink: followingLink)
      }
    }
    try outcome.get()
  }

  /// Writes `text` as UTF-8, as `write(_:to:mode:)` does, without first copying it into bytes.
  /// Without `flushing`, the file and its folder are not flushed to disk one by one (the rename
  /// still replaces the file whole): for a folder of many pages flushed once at the end
  /// (`flush(folder:)`).
  public static func write(
    text: String, to path: String, mode: mode_t = 0o600, followingLink: Bool = true, flushing: Bool = true
  )
    throws(StoreError)
  {
    var text = text
    let outcome = text.withUTF8 { buffer in
      Result { () throws(StoreError) in
        try write(
          buffer: UnsafeRawBufferPointer(buffer), to: path, mode: mode, followingLink: followingLink,
          flushing: flushing)
      }
    }
    try outcome.get()
  }

  /// Flushes to disk everything written to the file system that holds `folder` (`syncfs`, looked
  /// up by name since the C library module does not declare it; else everything, `sync`).
  public static func flush(folder: String) {
    typealias FlushFileSystem = @convention(c) (Int32) -> Int32
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    if let symbol = dlsym(nil, "syncfs") {
      _ = unsafeBitCast(symbol, to: FlushFileSystem.self)(descriptor)
    } else {
      sync()
    }
  }

  /// Writes what `produce` hands its writer, piece by piece, as `write(_:to:mode:)` writes bytes:
  /// to a temporary file renamed over `path` once all is written, so a large report never sits
  /// whole in memory. Nothing replaces the file when `produce` or a write fails; an error
  /// `produce` throws is passed on as it is.
  public static func write(
    to path: String, mode: mode_t = 0o600, followingLink: Bool = true, flushing: Bool = true,
    producing produce: (_ write: ([UInt8]) throws -> Void) throws -> Void
  ) throws {
    var produced: (any Error)?
    do {
      try write(to: path, mode: mode, followingLink: followingLink, flushing: flushing) {
        descriptor, temporary in
        var failure: String?
        do {
          try produce { bytes in
            failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor, temporary: temporary) }
            if let failure { throw StoreError.cannotWrite(file: path, reason: failure) }
          }
        } catch {
          if failure == nil { produced = error }
          return failure ?? "nothing was written"
        }
        return nil
      }
    } catch {
      // What `produce` threw, as it is; else what went wrong with the file.
      throw produced ?? error
    }
  }

  private static func write(
    buffer bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t, followingLink: Bool,
    flushing: Bool = true
  ) throws(StoreError) {
    try write(to: path, mode: mode, followingLink: followingLink, flushing: flushing) {
      descriptor, temporary in
      writeAll(bytes, to: descriptor, temporary: temporary)
    }
  }

  /// Writes all of `bytes` to `descriptor`; what went wrong, or nil.
  private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, temporary: String)
    -> String?
  {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return StorePath.reason("cannot write the temporary file \(temporary)")
      }
      offset += written
    }
    return nil
  }

  /// Makes a temporary file beside `path`, lets `fill` write it (returning what went wrong, or
  /// nil), flushes it when asked, and renames it over `path`; on failure the temporary file goes.
  private static func write(
    to path: String, mode: mode_t, followingLink: Bool, flushing: Bool,
    filling fill: (_ descriptor: Int32, _ temporary: String) -> String?
  ) throws(StoreError) {
    let real = followingLink ? StorePath.resolved(path) : path
    let url = URL(fileURLWithPath: real)
    let folder = url.deletingLastPathComponent().path
    let temporary =
      folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      throw .cannotWrite(file: path, reason: StorePath.reason("cannot create a temporary file in \(folder)"))
    }
    var failure: String?
    if fchmod(descriptor, mode) != 0 { failure = StorePath.reason("cannot set the temporary file's mode") }
    if failure == nil { failure = fill(descriptor, temporary) }
    if flushing && failure == nil && fsync(descriptor) != 0 {
      failure = StorePath.reason("cannot flush the temporary file \(temporary) to disk")
    }
    if close(descriptor) != 0 && failure == nil {
      failure = StorePath.reason("cannot close the temporary file \(temporary)")
    }
    if failure == nil && rename(temporary, real) != 0 {
      failure = StorePath.reason("cannot rename the temporary file over \(real)")
    }
    if let failure {
      unlink(temporary)
      throw .cannotWrite(file: path, reason: failure)
    }
    guard flushing else { return }
    let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Appends a line to a file (created owner-only), flushed before returning; returns the file's
  /// length before the line, so that the caller can take the line back. A failed append leaves
  /// the file as it was.
  @discardableResult
  public static func append(_ line: String, to path: String) throws(StoreError) -> Int {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWrite(file: path, reason: StorePath.reason("cannot open the file to append to it"))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .cannotWrite(file: path, reason: StorePath.reason("cannot read the file's length"))
    }
    let length = Int(status.st_size)
    let bytes = Array(line.utf8)
    var offset = 0
    var failure: String?
    while failure == nil && offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        failure = StorePath.reason("cannot append to the file")
      } else {
        offset += written
      }
    }
    if failure == nil && fsync(descriptor) != 0 {
      failure = StorePath.reason("cannot flush the file to disk")
    }
    if let failure {
      ftruncate(descriptor, off_t(length))
      throw .cannotWrite(file: path, reason: failure)
    }
    return length
  }

  /// Cuts a file back to `length` bytes and flushes it.
  public static func truncate(_ path: String, to length: Int) throws(StoreError) {
    let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .cannotWrite(file: path, reason: StorePath.reason("cannot open the file to cut it back"))
    }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else {
      throw .cannotWrite(file: path, reason: StorePath.reason("cannot cut the file back to \(length) bytes"))
    }
  }
}

/// An exclusive lock on a store for a whole read-modify-write, held in `STORE.lock` beside it.
public final class StoreLock {
  private let descriptor: Int32
  /// The path of the lock file, `STORE.lock` beside the store.
  public let lockPath: String

  /// Takes the lock, waiting up to `timeout` seconds; throws `busy` naming the holder if known.
  public init(store path: String, holder: String, timeout: Double = 10) throws(StoreError) {
    let path = StorePath.resolved(path)
    lockPath = path + ".lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWrite(file: lockPath, reason: StorePath.reason("cannot open the lock file"))
    }
    let deadline = Date().addingTimeInterval(timeout)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      if Date() >= deadline {
        let text = FileManager.default.contents(atPath: lockPath).map { String(decoding: $0, as: UTF8.self) }
        close(descriptor)
        let trimmed = text.map { String($0.trimmingSpaces) }
        throw .busy(file: path, holder: trimmed?.isEmpty == false ? trimmed : nil)
      }
      usleep(UInt32.random(in: 2_000...10_000))
    }
    self.descriptor = descriptor
    ftruncate(descriptor, 0)
    let note = Array(holder.utf8)
    _ = note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    StoreLock.removeLeftoverTemporaryFiles(store: path)
  }

  /// Removes temporary files that a writer killed mid-write left beside the store. Only writers
  /// holding the lock create them, so while the lock is held none is in use.
  static func removeLeftoverTemporaryFiles(store path: String) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let prefix = "." + url.lastPathComponent + ".tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
    else { return }
    for name in names where name.hasPrefix(prefix) {
      unlink((folder.isEmpty ? "." : folder) + "/" + name)
    }
  }

  deinit {
    ftruncate(descriptor, 0)
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
