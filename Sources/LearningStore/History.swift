import Foundation
import LearningJSON
import LearningModel

/// What a history entry records.
public enum HistoryEntryKind: String, Sendable {
  /// A command changed records.
  case change
  /// The store was created.
  case `init`
  /// An earlier change was reverted (`target` names it).
  case undo
  /// A reverted change was made again (`target` names it).
  case redo
  /// Personal data was removed from the store and from every history entry.
  case redact
  /// The store was rewritten in the standard layout; no record changed.
  case format
  /// The store was found changed outside learning-tracker (by hand, or by entries cut off the
  /// history) and the next command recorded that before its own change; `storeEntry` is the mark
  /// the store carried.
  case outside
}

/// One command's changes to a store, as one line of the history file beside it.
///
/// Each entry is chained: `previous` is the digest of the entry before it, `storeBefore` and
/// `storeAfter` the SHA-256 digests of the store's bytes before and after, and `digest` covers
/// everything else in the entry (see `HistoryDigest`), so that any edit to an entry is found by
/// `History.verify`.
public struct HistoryEntry: Equatable, Sendable {
  /// When, as an ISO 8601 UTC timestamp.
  public var at: String
  /// Who ran the command (`LEARNING_TRACKER_USER`, else `$USER`).
  public var operatorName: String
  /// On whose behalf (`--by`), when that is someone else.
  public var by: String?
  /// The command's words, as given.
  public var command: [String]
  /// What the entry did: a change, the store's creation, an undo or a redo.
  public var kind: HistoryEntryKind
  /// For an undo or a redo, the digest of the entry it reverts or makes again.
  public var target: String?
  /// The records the command touched, each with its JSON before and after.
  public var changes: [HistoryChange]
  /// The digest of the store before the command (absent for `init`).
  public var storeBefore: String?
  /// The digest of the store the command wrote.
  public var storeAfter: String?
  /// The digest of the entry before this one (absent for the first entry).
  public var previous: String?
  /// For a redaction, the digests of the texts removed (never the texts).
  public var redactions: [String]?
  /// This entry's digest, as written.
  public var digest: String?
  /// The 64-bit digest that entries written before the chain carried instead of `storeAfter`.
  public var legacyStoreDigest: String?
  /// For an `outside` entry, the mark of the history entry the store named when it was found
  /// changed (its `historyEntry`), when it named one.
  public var storeEntry: String?
  /// The line's JSON as read from the file.
  var storedJSON: JSONValue?

  /// An entry for a command run at `at`; the digests of the chain are added when it is written.
  public init(
    at: String, operatorName: String, by: String? = nil, command: [String], kind: HistoryEntryKind = .change,
    target: String? = nil, changes: [HistoryChange], storeBefore: String? = nil, storeAfter: String? = nil,
    previous: String? = nil, redactions: [String]? = nil
  ) {
    self.at = at
    self.operatorName = operatorName
    self.by = by
    self.command = command
    self.kind = kind
    self.target = target
    self.changes = changes
    self.storeBefore = storeBefore
    self.storeAfter = storeAfter
    self.previous = previous
    self.redactions = redactions
  }

  /// Whether the entry was written with the chain (older entries carry no digests).
  public var isChained: Bool { digest != nil }

  /// The command as a person reads it: `learning-tracker action update ...`.
  public var commandLine: String { (["learning-tracker"] + command).joined(separator: " ") }
}

/// A record touched by a command: its reference, and its JSON before and after (absent when
/// the record did not exist before, or no longer exists after).
public struct HistoryChange: Equatable, Sendable {
  /// The record's reference, such as `LCSPR-2025-02/1.1`.
  public var reference: String
  /// The kind of record (`action`, `recommendation`, `theme`, ...); absent in older entries.
  public var kind: String?
  /// For an action, the recommendation it answers (so that undo can put it back there).
  public var recommendation: String?
  /// Where the record stood in its list before, so that undo puts it back in place.
  public var position: Int?
  /// The record's JSON before the command; absent when it did not exist.
  public var before: JSONValue?
  /// The record's JSON after the command; absent when it no longer exists.
  public var after: JSONValue?

  /// A change to the record `reference`, from `before` to `after`.
  public init(
    reference: String, kind: String? = nil, recommendation: String? = nil, position: Int? = nil,
    before: JSONValue?, after: JSONValue?
  ) {
    self.reference = reference
    self.kind = kind
    self.recommendation = recommendation
    self.position = position
    self.before = before
    self.after = after
  }
}

/// What the history file holds: its entries, and a torn last line if a writer was killed while
/// appending.
public struct HistoryFile: Sendable {
  /// The history file's path.
  public var path: String
  /// The entries of the whole lines, oldest first.
  public var entries: [HistoryEntry]
  /// The bytes after the last line break, when the file does not end with one.
  public var tornTail: [UInt8]?
  /// The file's length up to the end of its last whole line.
  public var wholeLength: Int
}

/// Whether a history entry's change reached the store.
public enum HistoryEntryStatus: Equatable, Sendable {
  case applied
  /// The entry was written but its store never arrived (the writer stopped between the two).
  case notApplied
  /// The store was changed outside learning-tracker after this entry.
  case changedOutside
  /// Written before the chain; nothing can be said.
  case unknown
}

extension Diagnostic {
  /// What the history noticed when a half-written last line (`bytes` long, a writer stopped while
  /// appending) was cut off `history` and kept in `keptIn`.
  public static func tornHistoryLine(history: String, keptIn: String, bytes: Int) -> Diagnostic {
    Diagnostic(
      severity: .warning, code: .tornHistoryLine, place: DiagnosticPlace(file: history),
      message: "the last line was half-written (\(bytes) bytes, a writer stopped while appending); "
        + "it was cut off and kept in \(keptIn)")
  }

  /// What the history noticed when the store was not the one its last entry left (`problem` says
  /// why: changed outside learning-tracker, or the history cut short); that was recorded as an
  /// entry of its own before this change, never taken in silently.
  public static func storeChangedOutside(problem: String) -> Diagnostic {
    Diagnostic(
      severity: .warning, code: .storeChangedOutside, place: DiagnosticPlace(),
      message: "\(problem); this was recorded in the history as a change made outside learning-tracker, "
        + "before this change, and 'history' shows where")
  }

  /// Why a history fails `History.verify`: the first entry that fails (counted from 1) of the
  /// history file `file`, and why.
  public static func historyChainBroken(file: String, entry: Int, reason: String) -> Diagnostic {
    Diagnostic(
      severity: .error, code: .historyChainBroken, place: DiagnosticPlace(file: file, entry: entry),
      message: "fails the check: \(reason)")
  }
}

/// The append-only change history kept beside a store (`STORE.history.jsonl`, JSON Lines).
public enum History {
  /// The history file for a store: beside the real file when the store is a symbolic link.
  public static func path(forStore store: String) -> String { StorePath.resolved(store) + ".history.jsonl" }

  /// Every entry, oldest first (a torn last line is left out); an absent file is an empty history.
  public static func read(store: String) throws(StoreError) -> [HistoryEntry] {
    try load(store: store).entries
  }

  /// The whole history file: its entries and any torn last line.
  public static func load(store: String) throws(StoreError) -> HistoryFile {
    try load(store: store, lastOnly: false)
  }

  /// The history file with only its last entry read: enough to append to it.
  public static func loadLast(store: String) throws(StoreError) -> HistoryFile {
    try load(store: store, lastOnly: true)
  }

  static func load(store: String, lastOnly: Bool) throws(StoreError) -> HistoryFile {
    let file = path(forStore: store)
    var status = stat()
    if stat(file, &status) != 0 {
      if errno == ENOENT { return HistoryFile(path: file, entries: [], tornTail: nil, wholeLength: 0) }
      throw .unreadable(file: file, reason: "cannot read the history: " + String(cString: strerror(errno)))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw .unreadable(file: file, reason: "the history path is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .unreadable(
        file: file, reason: "cannot read the history: permission denied or not a regular file")
    }
    let bytes = [UInt8](data)
    let wholeLength = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
    let tornTail = wholeLength < bytes.count ? Array(bytes[wholeLength...]) : nil
    var entries: [HistoryEntry] = []
    let lines = bytes[..<wholeLength].split(separator: 0x0A, omittingEmptySubsequences: false)
    let isBlank = { (line: ArraySlice<UInt8>) in line.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
    let last = lines.lastIndex { !isBlank($0) } ?? 0
    for (number, line) in lines.enumerated() {
      if isBlank(line) || (lastOnly && number != last) { continue }
      guard let value = HistoryJSON.parse(Array(line)), let entry = HistoryEntry(json: value) else {
        throw .syntax(file: file, line: number + 1, column: 1, message: "not a history entry")
      }
      entries.append(entry)
    }
    return HistoryFile(path: file, entries: entries, tornTail: tornTail, wholeLength: wholeLength)
  }

  /// Checks the chain: every chained entry's digest matches its contents and names the entry
  /// before it. Entries written before the chain may only come first.
  /// The first entry that fails, as a `historyChainBroken` diagnostic; `nil` when the chain holds.
  public static func verify(_ entries: [HistoryEntry], file: String) -> Diagnostic? {
    var previous: String?
    var chainStarted = false
    for (index, entry) in entries.enumerated() {
      guard let digest = entry.digest else {
        if chainStarted {
          return Diagnostic.historyChainBroken(file: file, entry: index + 1, reason: "it carries no digest")
        }
        previous = HistoryDigest.digest(of: entry)
        continue
      }
      if let problem = HistoryCoverage.problem(in: entry.json) {
        return Diagnostic.historyChainBroken(file: file, entry: index + 1, reason: problem)
      }
      if HistoryDigest.digest(of: entry) != digest {
        return Diagnostic.historyChainBroken(
          file: file, entry: index + 1,
          reason: "its contents do not match its digest (it was changed after it was written)")
      }
      if entry.previous != previous {
        return Diagnostic.historyChainBroken(
          file: file, entry: index + 1,
          reason: "it does not name the entry before it (an entry was removed, added or changed)")
      }
      chainStarted = true
      previous = digest
    }
    return nil
  }

  /// Whether each entry's change reached the store: an entry is applied when the store after it
  /// (the next entry's `storeBefore`, or the current store for the last) is the one it wrote.
  public static func statuses(_ entries: [HistoryEntry], currentStore: String?) -> [HistoryEntryStatus] {
    entries.enumerated().map { index, entry in
      guard let after = entry.storeAfter else { return .unknown }
      let next = index + 1 < entries.count ? entries[index + 1].storeBefore : currentStore
      guard let next else { return .unknown }
      if next == after { return .applied }
      return next == entry.storeBefore ? .notApplied : .changedOutside
    }
  }

  /// A store record as a JSON value, for the history.
  public static func snapshot(_ value: some Encodable) -> JSONValue? {
    HistoryJSON.value(of: value)
  }
}

/// The digests that chain the history.
///
/// An entry's digest is the SHA-256 of a canonical form in which every text value stands as
/// its own SHA-256, so that redacting a text (replacing it by a marker that keeps its digest)
/// leaves every entry's digest, and so the chain, unchanged.
public enum HistoryDigest {
  /// The digest of a store's bytes.
  public static func store(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

  /// The digest of an entry's contents (everything but its own `digest`).
  public static func digest(of entry: HistoryEntry) -> String {
    var value = entry.json
    if case .object(let members) = value { value = .object(members.filter { $0.key != "digest" }) }
    var text = ""
    canonical(value, into: &text)
    return SHA256.hex(text)
  }

  /// The mark an entry leaves in the store it writes (the store's `historyEntry`): the digest of
  /// everything in the entry but `storeAfter` and `digest`, which cover the store's bytes and so
  /// cannot be known before the mark is written into them. It covers `previous`, so it names one
  /// place in the chain.
  public static func storeMark(of entry: HistoryEntry) -> String {
    var value = entry.json
    if case .object(let members) = value {
      value = .object(members.filter { $0.key != "digest" && $0.key != "storeAfter" })
    }
    var text = ""
    canonical(value, into: &text)
    return SHA256.hex(text)
  }

  /// The digest a text stands as.
  public static func text(_ text: String) -> String { SHA256.hex(text) }

  static func canonical(_ value: JSONValue, into out: inout String) {
    if let marker = Redaction.marker(value) {
      out += "\"#" + marker.digest + "\""
      return
    }
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): out += "\"#" + SHA256.hex(text) + "\""
    case .array(let elements):
      out += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { out += "," }
        canonical(element, into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
        if index > 0 { out += "," }
        var key: [UInt8] = []
        JSONWriter.appendQuoted(member.key, to: &key)
        out += String(decoding: key, as: UTF8.self)
        out += ":"
        canonical(member.value, into: &out)
      }
      out += "}"
    }
  }
}

/// Redaction markers: a text value that held personal data is replaced by
/// `{"redactedText": "[redacted]", "sha256": "<digest of the original>"}`.
public enum Redaction {
  /// The mask put where personal data was.
  public static let mask = "[redacted]"

  /// The fields of a history entry that hold digests, never text: never redacted.
  public static let digestFields: Set<String> = [
    "digest", "previous", "storeBefore", "storeAfter", "redactions", "sha256", "storeDigest", "storeEntry",
  ]

  /// The marker's masked text and the original's digest, when `value` is a marker.
  public static func marker(_ value: JSONValue) -> (masked: String, digest: String)? {
    guard case .object(let members) = value, members.count == 2,
      case .string(let masked)? = value["redactedText"], case .string(let digest)? = value["sha256"]
    else { return nil }
    return (masked, digest)
  }

  /// Whether `value` holds a redaction marker anywhere.
  public static func contains(_ value: JSONValue?) -> Bool {
    guard let value else { return false }
    if marker(value) != nil { return true }
    switch value {
    case .array(let elements): return elements.contains { contains($0) }
    case .object(let members): return members.contains { contains($0.value) }
    default: return false
    }
  }

  /// `text` with every occurrence of `secret` (ignoring case) masked.
  public static func masking(_ secret: String, in text: String) -> String {
    guard !secret.isEmpty else { return text }
    var result = ""
    var rest = Substring(text)
    while let range = rest.range(of: secret, options: .caseInsensitive) {
      result += rest[..<range.lowerBound] + mask
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  /// Whether `text` holds `secret`, ignoring case.
  public static func holds(_ secret: String, in text: String) -> Bool {
    !secret.isEmpty && text.range(of: secret, options: .caseInsensitive) != nil
  }

  /// `value` with every text that holds `secret` replaced by a marker keeping its digest, for
  /// the history.
  /// One history entry with every text that holds `secret` replaced by a marker keeping its
  /// digest: the operator, `by` and the command's words, and in the records it holds the
  /// free-text fields of the format (`StoreTextField.all`) only. Digests, IDs, references, days
  /// and words of closed lists are never touched, so a name that happens to be hexadecimal
  /// ("Ada") or to be part of a word ("la") leaves them alone.
  public static func markingEntry(_ entry: JSONValue, removing secret: String) -> JSONValue {
    guard case .object(let members) = entry else { return entry }
    return .object(
      members.map { member in
        if digestFields.contains(member.key) { return member }
        if ["operator", "by", "command"].contains(member.key) {
          return (member.key, markingHistory(member.value, removing: secret))
        }
        return (member.key, markingRecords(member.value, removing: secret))
      })
  }

  /// The JSON names of the format's free-text fields.
  static var freeTextNames: Set<String> {
    Set(StoreTextField.all.filter { $0.kind == .freeText }.map(\.jsonName))
  }

  /// Records as a history entry holds them, with `secret` marked in their free-text fields only.
  static func markingRecords(_ value: JSONValue, removing secret: String) -> JSONValue {
    switch value {
    case .array(let elements): return .array(elements.map { markingRecords($0, removing: secret) })
    case .object(let members):
      guard marker(value) == nil else { return value }
      let names = freeTextNames
      return .object(
        members.map { member in
          if digestFields.contains(member.key) { return member }
          if names.contains(member.key) {
            return (member.key, markingHistory(member.value, removing: secret))
          }
          return (member.key, markingRecords(member.value, removing: secret))
        })
    default: return value
    }
  }

  /// `value` with every text that holds `secret` replaced by a marker keeping its digest.
  public static func markingHistory(_ value: JSONValue, removing secret: String) -> JSONValue {
    if marker(value) != nil { return value }
    switch value {
    case .string(let text) where holds(secret, in: text):
      // The marker shows the tool's own mask only: its digest covers the original text, not what
      // a marker shows, so it shows nothing else.
      return .object([("redactedText", .string(mask)), ("sha256", .string(SHA256.hex(text)))])
    case .array(let elements):
      return .array(elements.map { markingHistory($0, removing: secret) })
    case .object(let members):
      return .object(members.map { ($0.key, markingHistory($0.value, removing: secret)) })
    default:
      return value
    }
  }
}

/// The one place history lines are turned into JSON values and back, so that the JSON reader and
/// writer can be swapped in one place.
public enum HistoryJSON {
  /// One line of JSON text (no line break inside).
  public static func line(_ value: JSONValue) -> String {
    String(decoding: (try? JSONWriter.compact(value)) ?? Array("null".utf8), as: UTF8.self)
  }

  /// Parses one line; `nil` when it is not JSON.
  public static func parse(_ bytes: [UInt8]) -> JSONValue? {
    try? JSONValue.parse(bytes)
  }

  /// A value as JSON, written by the one JSON writer (keys sorted) and read back by the JSON
  /// value parser; `nil` when it cannot be written.
  public static func value(of encodable: some Encodable) -> JSONValue? {
    guard let bytes = try? JSONWriter.compact(encodable) else { return nil }
    return try? JSONValue.parse(bytes)
  }
}

extension HistoryEntry {
  /// The entry as the JSON object written on its line (as read, when it was read from a file,
  /// so that redaction markers are kept).
  public var json: JSONValue {
    if let storedJSON { return storedJSON }
    var members: [(key: String, value: JSONValue)] = [("at", .string(at))]
    if let by { members.append(("by", .string(by))) }
    members.append(("changes", .array(changes.map(\.json))))
    members.append(("command", .array(command.map(JSONValue.string))))
    if let digest { members.append(("digest", .string(digest))) }
    members.append(("kind", .string(kind.rawValue)))
    members.append(("operator", .string(operatorName)))
    if let previous { members.append(("previous", .string(previous))) }
    if let redactions { members.append(("redactions", .array(redactions.map(JSONValue.string)))) }
    if let storeAfter { members.append(("storeAfter", .string(storeAfter))) }
    if let storeBefore { members.append(("storeBefore", .string(storeBefore))) }
    if let storeEntry { members.append(("storeEntry", .string(storeEntry))) }
    if let legacyStoreDigest { members.append(("storeDigest", .string(legacyStoreDigest))) }
    if let target { members.append(("target", .string(target))) }
    return .object(members)
  }

  /// Reads an entry from its JSON object; entries written before the chain name only `by`.
  public init?(json value: JSONValue) {
    func text(_ key: String) -> String? {
      if case .string(let text)? = value[key] { return text }
      // A redacted text shows the tool's own mask, never text the digest does not cover.
      return value[key].flatMap(Redaction.marker).map { _ in Redaction.mask }
    }
    func texts(_ key: String) -> [String]? {
      guard case .array(let elements)? = value[key] else { return nil }
      return elements.compactMap {
        if case .string(let text) = $0 { return text }
        // A redacted command word shows the tool's own mask.
        return Redaction.marker($0).map { _ in Redaction.mask }
      }
    }
    guard let at = text("at"), case .array(let changeValues)? = value["changes"] else { return nil }
    let changes = changeValues.compactMap(HistoryChange.init(json:))
    guard changes.count == changeValues.count else { return nil }
    if let operatorName = text("operator") {
      self.init(at: at, operatorName: operatorName, by: text("by"), command: [], changes: changes)
    } else {
      self.init(at: at, operatorName: text("by") ?? "unknown", command: [], changes: changes)
    }
    storedJSON = value
    command = texts("command") ?? []
    kind = text("kind").flatMap(HistoryEntryKind.init(rawValue:)) ?? .change
    target = text("target")
    storeBefore = text("storeBefore")
    storeAfter = text("storeAfter")
    previous = text("previous")
    redactions = texts("redactions")
    digest = text("digest")
    legacyStoreDigest = text("storeDigest")
    storeEntry = text("storeEntry")
  }
}

extension HistoryChange {
  var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    if let after { members.append(("after", after)) }
    if let before { members.append(("before", before)) }
    if let kind { members.append(("kind", .string(kind))) }
    if let position { members.append(("position", .number(String(position)))) }
    if let recommendation { members.append(("recommendation", .string(recommendation))) }
    members.append(("reference", .string(reference)))
    return .object(members)
  }

  init?(json value: JSONValue) {
    guard case .string(let reference)? = value["reference"] else { return nil }
    func text(_ key: String) -> String? {
      if case .string(let text)? = value[key] { return text }
      return nil
    }
    var position: Int?
    if case .number(let number)? = value["position"] { position = Int(number) }
    self.init(
      reference: reference, kind: text("kind"), recommendation: text("recommendation"), position: position,
      before: value["before"].flatMap { $0 == .null ? nil : $0 },
      after: value["after"].flatMap { $0 == .null ? nil : $0 })
  }
}

/// The changes with the partnership record's own list of private names left out: that list is
/// what the scan looks for, not personal data that slipped into a record.
private func withoutPrivacyNames(_ changes: JSONValue) -> JSONValue {
  guard case .array(let elements) = changes else { return changes }
  return .array(
    elements.map { change in
      guard case .string("partnership")? = change["kind"], case .object(let members) = change else {
        return change
      }
      return .object(
        members.map { member in
          guard member.key == "before" || member.key == "after", case .object(let fields) = member.value
          else {
            return member
          }
          return (member.key, .object(fields.filter { $0.key != "privacy" }))
        })
    })
}

extension History {
  /// Personal data in the entries' texts: who made each change, the command's words, and the
  /// records before and after. Redacted texts are not scanned (their data is gone).
  /// Each is a warning placed at the history file `file`, the entry (from 1) and the path in it
  /// (`changes[0].after.updates[2].note`), with `hint` when given.
  public static func personalData(
    _ entries: [HistoryEntry], scanner: PersonalDataScanner, file: String, hint: String? = nil
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func scan(_ value: JSONValue, path: String, entry: Int) {
      if Redaction.marker(value) != nil { return }
      switch value {
      case .string(let text):
        for match in scanner.scan(text) {
          found.append(
            Diagnostic.personalData(
              match.kind, excerpt: match.match.masked,
              at: DiagnosticPlace(file: file, entry: entry, path: path), severity: .warning, hint: hint))
        }
      case .array(let elements):
        for (index, element) in elements.enumerated() {
          scan(element, path: "\(path)[\(index)]", entry: entry)
        }
      case .object(let members):
        for member in members { scan(member.value, path: "\(path).\(member.key)", entry: entry) }
      default:
        break
      }
    }
    for (index, entry) in entries.enumerated() {
      let json = entry.json
      for key in ["operator", "by", "command", "changes"] {
        if let value = json[key] { scan(withoutPrivacyNames(value), path: key, entry: index + 1) }
      }
    }
    return found
  }
}
