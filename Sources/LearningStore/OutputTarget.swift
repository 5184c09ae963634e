import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one rule for every file learning-tracker writes other than the store: a report, a chase
/// list, an agency's return, the meeting pack, a generated store.
///
/// Such a file is never the store, its history, its lock or any other file the store keeps beside
/// it (`STORE.*`, `.STORE.*`), compared after resolving symbolic links, on the store as given and
/// on the file it links to; and it is written whole, replacing a symbolic link planted at its name
/// rather than writing through it.
public enum OutputTarget {
  /// Refuses `path` when it is, or would land on, a file the store at `store` owns.
  public static func check(_ path: String, store: String) throws(StoreError) {
    let targets = forms(of: path, following: true)
    var owners = forms(of: store, following: false)
    owners.formUnion(forms(of: StorePath.resolved(store), following: false))
    for target in targets {
      for owner in owners where owner.folder == target.folder {
        let name = target.name.lowercased()
        let storeName = owner.name.lowercased()
        guard name == storeName || name.hasPrefix(storeName + ".") || name.hasPrefix("." + storeName + ".")
        else { continue }
        throw .cannotWrite(file: path, reason: ownedReason(target.name, storeName: owner.name, store: store))
      }
    }
    // The same file under another name (a hard link, another mount): compared by device and inode.
    var targetStatus = stat()
    guard stat(path, &targetStatus) == 0 else { return }
    let real = StorePath.resolved(store)
    for (owned, what) in [
      (real, "the store"), (real + ".history.jsonl", "the store's history"),
      (real + ".lock", "the store's lock"),
    ] {
      var status = stat()
      if stat(owned, &status) == 0 && status.st_dev == targetStatus.st_dev
        && status.st_ino == targetStatus.st_ino
      {
        throw .cannotWrite(
          file: path,
          reason: "it is \(what) (\(store)) under another name; nothing was written (choose another file)")
      }
    }
  }

  /// Refuses `folder` for a folder of many files (the learning site) when it is the folder the
  /// store at `store` is in: hundreds of pages would be scattered among the store, its history
  /// and its lock, and could not be told from them or cleared away without risk to the store.
  public static func checkFolder(_ folder: String, store: String) throws(StoreError) {
    let target = realFolder(folder)
    let owners = [store, StorePath.resolved(store)].map {
      realFolder(URL(fileURLWithPath: $0).deletingLastPathComponent().path)
    }
    guard owners.contains(target) else { return }
    throw .cannotWrite(
      file: folder,
      reason: "it is the folder the store (\(store)) is in; a site of many pages is never written beside "
        + "the store, so nothing was written (write it to a new or empty folder of its own)")
  }

  /// Checks `path` (`check(_:store:)`), then writes to it what `produce` hands its writer, piece
  /// by piece (`AtomicFile.write(to:producing:)`). A report is made from the store and can be made
  /// again, so it replaces the file whole but is not forced to disk on its own.
  public static func write(
    to path: String, store: String, producing produce: (_ write: ([UInt8]) throws -> Void) throws -> Void
  ) throws {
    try check(path, store: store)
    try AtomicFile.write(to: path, mode: 0o600, followingLink: false, flushing: false, producing: produce)
  }

  /// Checks `path` (`check(_:store:)`), then writes `bytes` to it whole.
  public static func write(_ bytes: [UInt8], to path: String, store: String) throws(StoreError) {
    try check(path, store: store)
    try AtomicFile.write(bytes, to: path, mode: 0o600, followingLink: false)
  }

  /// Checks `path` (`check(_:store:)`), then writes `text` to it whole as UTF-8. Without
  /// `flushing`, the file is not flushed to disk on its own: a folder of many pages is flushed
  /// once when it is complete (`AtomicFile.flush(folder:)`).
  public static func write(text: String, to path: String, store: String, flushing: Bool = true)
    throws(StoreError)
  {
    try check(path, store: store)
    try AtomicFile.write(text: text, to: path, mode: 0o600, followingLink: false, flushing: flushing)
  }

  /// What the refused file is to the store, in words.
  static func ownedReason(_ name: String, storeName: String, store: String) -> String {
    let what: String
    switch name.lowercased() {
    case storeName.lowercased(): what = "the store"
    case (storeName + ".history.jsonl").lowercased(): what = "the store's history"
    case (storeName + ".lock").lowercased(): what = "the store's lock"
    default: what = "a file the store keeps beside it"
    }
    return "it is \(what) (\(store)); a report or export never replaces it, so nothing was written "
      + "(choose another file or folder)"
  }

  /// A place as a real folder and a name in it.
  struct Place: Hashable {
    var folder: String
    var name: String
  }

  /// `path` as its real folder and its name; with `following`, also the file a symbolic link at
  /// `path` leads to.
  static func forms(of path: String, following: Bool) -> Set<Place> {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let folder = realFolder(url.deletingLastPathComponent().path)
    var places: Set<Place> = [Place(folder: folder, name: name)]
    if following, let real = realpath(path, nil) {
      defer { free(real) }
      let realURL = URL(fileURLWithPath: String(cString: real))
      places.insert(Place(folder: realURL.deletingLastPathComponent().path, name: realURL.lastPathComponent))
    } else if following {
      // A link whose target does not exist yet would create its target: that target counts too.
      var status = stat()
      if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
      {
        let resolved =
          target.hasPrefix("/")
          ? URL(fileURLWithPath: target) : url.deletingLastPathComponent().appendingPathComponent(target)
        places.insert(
          Place(
            folder: realFolder(resolved.deletingLastPathComponent().path), name: resolved.lastPathComponent))
      }
    }
    return places
  }

  /// The real path of a folder, or the folder as given when it does not exist yet.
  static func realFolder(_ folder: String) -> String {
    guard let real = realpath(folder.isEmpty ? "." : folder, nil) else {
      return URL(fileURLWithPath: folder).standardizedFileURL.path
    }
    defer { free(real) }
    return String(cString: real)
  }
}
