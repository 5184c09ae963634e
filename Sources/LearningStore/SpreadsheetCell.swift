import LearningModel

/// The lenient readers of a spreadsheet's cells, each the one reader of its kind, used by
/// `import plan` and `import returns` alike: owners, statuses and ratings as partnerships really
/// write them. Days and due days are read by `LenientDay`.
public enum SpreadsheetCell {
  // MARK: - Owners

  /// A name as matched: lower case, curly quotes and apostrophes as straight ones, and only the
  /// letters and digits kept ("Children’s Social Care" and "childrens social care" match).
  public static func nameKey(_ text: String) -> String {
    text.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// The agency a name gives: by its ID, its name or one of its aliases, ignoring case,
  /// punctuation and curly quotes; nil when none.
  public static func agency(named text: String, in tracker: Tracker) -> String? {
    let key = nameKey(text)
    guard !key.isEmpty else { return nil }
    return tracker.agencies.first { agency in
      nameKey(agency.id) == key || nameKey(agency.name) == key
        || (agency.aliases ?? []).contains { nameKey($0) == key }
    }?.id
  }

  /// The words a cell may use for every statutory safeguarding partner.
  static let allPartners: Set<String> = ["allpartners", "allstatutorypartners", "allsafeguardingpartners"]

  /// An owners cell: agencies by ID, name or alias, separated by "/", ",", ";", "&" or "and" (a
  /// name holding "and", such as "Schools and colleges", is read whole), and "All partners" as the
  /// statutory safeguarding partners. The IDs, the accountable one first, or the part that names
  /// no agency.
  public static func owners(_ text: String, in tracker: Tracker) -> Result<[String], PlanImport.OwnerNotFound>
  {
    var found: [String] = []
    // The parts between separators, with the separator after each, so that a name holding one
    // ("Probation Service, Northshire delivery unit") is found whole.
    var pieces: [(text: String, separator: String)] = [("", "")]
    for character in text.replacingOccurrences(of: "&", with: " and ") {
      if character == "/" || character == ";" || character == "," {
        pieces[pieces.count - 1].separator = String(character)
        pieces.append(("", ""))
      } else {
        pieces[pieces.count - 1].text.append(character)
      }
    }
    var parts: [String] = []
    var start = 0
    while start < pieces.count {
      var end = pieces.count - 1
      while end > start {
        let joined = pieces[start...end].enumerated().map { offset, piece in
          piece.text + (start + offset < end ? piece.separator : "")
        }.joined()
        if agency(named: joined, in: tracker) != nil { break }
        end -= 1
      }
      parts.append(
        pieces[start...end].enumerated().map { offset, piece in
          piece.text + (start + offset < end ? piece.separator : "")
        }.joined())
      start = end + 1
    }
    for part in parts.map({ String($0.trimmingSpaces) }) where !part.isEmpty {
      if allPartners.contains(nameKey(part)) {
        found += tracker.agencies.filter(\.statutoryPartner).map(\.id)
        continue
      }
      if let id = agency(named: part, in: tracker) {
        found.append(id)
        continue
      }
      let words = PlanImport.splitOnAnd(part)
      var start = 0
      while start < words.count {
        var end = words.count
        var matched: String?
        while end > start {
          if let id = agency(named: words[start..<end].joined(separator: " and "), in: tracker) {
            matched = id
            break
          }
          end -= 1
        }
        guard let matched else {
          let name = words[start]
          let names = tracker.agencies.flatMap { [$0.id, $0.name] + ($0.aliases ?? []) }
          return .failure(PlanImport.OwnerNotFound(name: name, suggestion: nearest(name, in: names)))
        }
        found.append(matched)
        start = end
      }
    }
    var unique: [String] = []
    for id in found where !unique.contains(id) { unique.append(id) }
    return .success(unique)
  }

  // MARK: - Statuses and ratings

  /// A cell's words: lower case, curly quotes straightened, punctuation as spaces.
  static func words(_ text: String) -> String {
    String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(
      separator: " ")
  }

  /// A status cell, read by the one reader of status words (`ActionStatus.reading`).
  public static func status(_ text: String) -> ActionStatus? { ActionStatus.reading(text) }

  /// A rating cell, read by the one reader of rating words (`BRAG.reading`).
  public static func rating(_ text: String) -> BRAG? { BRAG.reading(text) }
}
