import Foundation
import LearningModel

/// How the store as it now is stands to its history: left by the history's last entry, or not,
/// and then whether it was changed outside learning-tracker or the history was cut short.
///
/// The store records the mark of the entry that wrote it (`historyEntry`, see
/// `HistoryDigest.storeMark`), and each entry records the digest of the store it wrote
/// (`storeAfter`). The two together tell the cases apart (docs/history.md, "The chain").
public enum StoreStanding: Equatable, Sendable {
  /// The last entry left the store, or its change never arrived (the store is the one before it),
  /// or nothing can be said (no history and no mark, or entries written before the chain).
  case asRecorded
  /// The store names the last entry (number `last`, from 1) as the one that wrote it, but is not
  /// the store that entry wrote: it was changed outside learning-tracker since.
  case changedOutside(last: Int)
  /// The store was written by an entry the history no longer holds: entries after entry `last`
  /// (0 when the history holds none) were cut off.
  case cutShort(last: Int)
  /// The store names an earlier entry (`written`) than the last (`last`): an older copy of the
  /// store was put back, and perhaps changed, outside learning-tracker.
  case olderCopy(written: Int, last: Int)
  /// The store names no entry (it was last written before stores recorded one) and is not the one
  /// the last entry (`last`) wrote: changed outside learning-tracker or cut short, which cannot be told.
  case unexplained(last: Int)

  /// How a store whose bytes have the digest `currentStore` and which names the entry `mark`
  /// stands to `entries`, the whole history, oldest first.
  public static func of(_ entries: [HistoryEntry], currentStore: String?, mark: String?) -> StoreStanding {
    guard let currentStore else { return .asRecorded }
    guard let last = entries.last else { return mark == nil ? .asRecorded : .cutShort(last: 0) }
    guard let after = last.storeAfter else { return .asRecorded }
    // The last change never arrived (the writer stopped before the rename): the store is as before it.
    if currentStore == after || currentStore == last.storeBefore { return .asRecorded }
    guard let mark else { return .unexplained(last: entries.count) }
    if HistoryDigest.storeMark(of: last) == mark { return .changedOutside(last: entries.count) }
    if let written = entries.firstIndex(where: { HistoryDigest.storeMark(of: $0) == mark }) {
      return .olderCopy(written: written + 1, last: entries.count)
    }
    return .cutShort(last: entries.count)
  }

  /// How the store at `store` stands to `entries`: its bytes as they are now, and the entry it
  /// names (none when it cannot be read as a store).
  public static func of(_ entries: [HistoryEntry], store: String) -> StoreStanding {
    guard let data = FileManager.default.contents(atPath: store) else { return .asRecorded }
    let mark = (try? StoreReader.decode(data: data, file: store))?.tracker.historyEntry
    return of(entries, currentStore: HistoryDigest.store([UInt8](data)), mark: mark)
  }

  /// Whether the standing is a problem a user must hear about.
  public var isProblem: Bool { self != .asRecorded }

  /// The problem in words, naming the store or the history and the entry; `nil` when there is none.
  public func problem(_ entries: [HistoryEntry], store: String) -> String? {
    let history = History.path(forStore: store)
    func entry(_ number: Int) -> String {
      guard number >= 1 && number <= entries.count else { return "entry \(number)" }
      let found = entries[number - 1]
      return "entry \(number) ('\(found.commandLine)', \(found.at))"
    }
    switch self {
    case .asRecorded:
      return nil
    case .changedOutside(let last):
      return "\(store): the store was changed outside learning-tracker after history \(entry(last)): "
        + "it names that entry as the one that wrote it, but is not the store that entry wrote"
    case .cutShort(let last) where last == 0:
      return "\(history): the history holds no entry, but the store names the entry that wrote it: "
        + "the history was cut short or removed"
    case .cutShort(let last):
      return "\(history): the history was cut short after \(entry(last)): "
        + "the store was written by an entry the history no longer holds"
    case .olderCopy(let written, let last):
      return "\(store): the store names history \(entry(written)) as the one that wrote it, not the last, "
        + "\(entry(last)): an older copy of the store was put back outside learning-tracker"
    case .unexplained(let last):
      return "\(store): the store is not the one the history's last \(entry(last)) left: "
        + "it was changed outside learning-tracker, or entries were cut off the end of the history "
        + "(the store names no entry: it was last written before stores recorded one)"
    }
  }
}

extension StoreStanding {
  /// What an `outside` entry (at `index` in `entries`) recorded: how the store it found stood to
  /// the entries before it.
  public static func recorded(_ entries: [HistoryEntry], at index: Int) -> StoreStanding {
    let entry = entries[index]
    let standing = of(Array(entries[..<index]), currentStore: entry.storeAfter, mark: entry.storeEntry)
    return standing == .asRecorded ? .unexplained(last: index) : standing
  }

  /// The standing as a clause ("the store was changed outside learning-tracker"), for a line of `history`; `nil` when there is nothing to say.
  public var shortNote: String? {
    switch self {
    case .asRecorded: nil
    case .changedOutside: "the store was changed outside learning-tracker"
    case .cutShort: "the history was cut short: the store was written by an entry the history no longer holds"
    case .olderCopy(let written, _):
      "an older copy of the store (the one entry \(written) wrote) was put back outside learning-tracker"
    case .unexplained:
      "the store was changed outside learning-tracker, or later entries were cut off the history"
    }
  }
}
