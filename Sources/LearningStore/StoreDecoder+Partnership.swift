import LearningJSON
import LearningModel

/// The store format of the whole store, the partnership and its settings, agencies and
/// catalogues (`docs/FORMAT.md`).
extension StoreDecoder {
  // MARK: The store format

  static let trackerFields = Fields(
    [
      "schemaVersion", "partnership", "agencies", "themes", "categories", "disseminationMethods",
      "section11Standards", "bankHolidays", "reviews", "disseminations", "section11", "historyEntry",
    ], required: ["partnership"])

  /// The whole store; `nil` when its top level is not an object.
  mutating func tracker() throws(Syntax) -> Tracker? {
    var tracker = Tracker(partnership: Partnership(name: ""))
    let isObject = try object(Self.trackerFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0:
        d.schemaVersionSeen = true
        d.schemaVersion = try d.integer()
      case 1: if let value = try d.partnership() { tracker.partnership = value }
      case 2: tracker.agencies = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.agency() }
      case 3: tracker.themes = try d.catalogue()
      case 4: tracker.categories = try d.catalogue()
      case 5: tracker.disseminationMethods = try d.catalogue(methods: true)
      case 6: tracker.section11Standards = try d.catalogue()
      case 7: tracker.bankHolidays = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.day() }
      case 8:
        tracker.reviews = try d.list { (d: inout StoreDecoder) throws(Syntax) in
          let review = try d.review()
          d.afterEachReview?(d.reader.offset)
          return review
        }
      case 9:
        tracker.disseminations = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.dissemination()
        }
      case 10:
        tracker.section11 = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.section11Return() }
      default: tracker.historyEntry = try d.optionalString()
      }
    }
    return isObject ? tracker : nil
  }

  static let partnershipFields = Fields(
    ["name", "reportingYearStart", "settings", "privacy", "timetable"],
    required: ["name", "reportingYearStart", "settings"])
  static let settingsFields = Fields(
    ["dueSoonDays", "staleAfterDays", "rapidReviewClockFrom", "escalationLevels", "boardPaper"],
    required: ["dueSoonDays", "staleAfterDays"])
  static let escalationLevelFields = Fields(["id", "name"], required: ["id", "name"])
  static let boardPaperFields = Fields(["meeting", "author", "marking"])
  static let privacyFields = Fields(["names"])

  mutating func partnership() throws(Syntax) -> Partnership? {
    var partnership = Partnership(name: "")
    let isObject = try object(Self.partnershipFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: partnership.name = try d.string() ?? ""
      case 1:
        let offset = d.reader.offset
        guard let text = try d.string() else { return }
        if let start = MonthDay(text) {
          partnership.reportingYearStart = start
        } else {
          d.problem("\"\(text)\" is not a month and day (expected MM-DD)", at: offset)
        }
      case 2:
        _ = try d.object(Self.settingsFields) { (d: inout StoreDecoder, field) throws(Syntax) in
          switch field {
          case 0: partnership.settings.dueSoonDays = try d.integer() ?? 0
          case 1: partnership.settings.staleAfterDays = try d.integer() ?? 0
          case 2: partnership.settings.rapidReviewClockFrom = try d.optionalWord(RapidReviewClockStart.self)
          case 3:
            if try d.reader.peek() == .null {
              try d.reader.readNull()
              return
            }
            partnership.settings.escalationLevels = try d.list { (d: inout StoreDecoder) throws(Syntax) in
              var level = EscalationLevel(id: "", name: "")
              let isObject = try d.object(Self.escalationLevelFields) {
                (d: inout StoreDecoder, field) throws(Syntax) in
                switch field {
                case 0: level.id = try d.string() ?? ""
                default: level.name = try d.string() ?? ""
                }
              }
              return isObject ? level : nil
            }
          default:
            if try d.reader.peek() == .null {
              try d.reader.readNull()
              return
            }
            var paper = BoardPaperSettings()
            if try d.object(
              Self.boardPaperFields,
              { (d: inout StoreDecoder, field) throws(Syntax) in
                switch field {
                case 0: paper.meeting = try d.optionalString()
                case 1: paper.author = try d.optionalString()
                default: paper.marking = try d.optionalString()
                }
              })
            {
              partnership.settings.boardPaper = paper
            }
          }
        }
      case 4: partnership.timetable = try d.timetable()
      default:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
          return
        }
        var privacy = Privacy()
        if try d.object(
          Self.privacyFields,
          { (d: inout StoreDecoder, _) throws(Syntax) in
            privacy.names = try d.strings()
          })
        {
          partnership.privacy = privacy
        }
      }
    }
    return isObject ? partnership : nil
  }

  static let agencyFields = Fields(
    ["id", "name", "kind", "statutoryPartner", "workforce", "aliases"],
    required: ["id", "name", "kind", "statutoryPartner"])

  mutating func agency() throws(Syntax) -> Agency? {
    var agency = Agency(id: "", name: "", kind: .other, statutoryPartner: false)
    let isObject = try object(Self.agencyFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: agency.id = try d.string() ?? ""
      case 1: agency.name = try d.string() ?? ""
      case 2: agency.kind = try d.word(AgencyKind.self) ?? .other
      case 3: agency.statutoryPartner = try d.bool() ?? false
      case 4: agency.workforce = try d.integer()
      default:
        let aliases = try d.strings()
        agency.aliases = aliases.isEmpty ? nil : aliases
      }
    }
    return isObject ? agency : nil
  }

  static let catalogueFields = Fields(["id", "name"], required: ["id", "name"])
  /// Dissemination methods also say whether their reach counts attendance or circulation.
  static let methodFields = Fields(["id", "name", "reach"], required: ["id", "name"])

  mutating func catalogue(methods: Bool = false) throws(Syntax) -> [CatalogueEntry] {
    try list { (d: inout StoreDecoder) throws(Syntax) in try d.catalogueEntry(methods: methods) }
  }

  /// One entry of a catalogue; a dissemination method also says what its reach counts.
  mutating func catalogueEntry(methods: Bool) throws(Syntax) -> CatalogueEntry? {
    var entry = CatalogueEntry(id: "", name: "")
    let isObject = try object(methods ? Self.methodFields : Self.catalogueFields) {
      (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: entry.id = try d.string() ?? ""
      case 1: entry.name = try d.string() ?? ""
      default: entry.reach = try d.optionalWord(DisseminationReach.self)
      }
    }
    return isObject ? entry : nil
  }
}
