/// One partnership's learning record: everything the store file holds.
///
/// The JSON form of this value is the store format documented in `docs/FORMAT.md`.
/// Arrays keep the order they were written in; the writer sorts object keys.
public struct Tracker: Encodable, Equatable, Sendable {
  /// The store format version this build reads and writes.
  public static let currentSchemaVersion = 1

  /// The store format version the file was written in.
  public var schemaVersion: Int
  /// The partnership that keeps the store, and its settings.
  public var partnership: Partnership
  /// The organisations that own actions, receive learning and make Section 11 returns.
  public var agencies: [Agency]
  /// The themes catalogue, used to tag reviews, findings, recommendations and dissemination.
  public var themes: [CatalogueEntry]
  /// Categories of abuse and harm (Norfolk's list by default), used to tag reviews.
  public var categories: [CatalogueEntry]
  /// The dissemination methods catalogue (briefings, newsletters...), each with the kind of reach it counts.
  public var disseminationMethods: [CatalogueEntry]
  /// The Section 11 standards catalogue that returns are rated against.
  public var section11Standards: [CatalogueEntry]
  /// Extra non-working days beyond the England and Wales bank holidays computed by rule.
  public var bankHolidays: [CalendarDay]
  /// The case reviews, each with its findings, recommendations and actions.
  public var reviews: [Review]
  /// The activities that took learning to the workforce.
  public var disseminations: [Dissemination]
  /// The agencies' Section 11 returns, every cycle.
  public var section11: [Section11Return]
  /// The mark of the history entry that wrote the store (`HistoryDigest.storeMark`), so that a store
  /// changed outside the tool and a history cut short can be told apart; absent in stores written
  /// before it was recorded. Bookkeeping of the store, not a record: no rule reads it.
  public var historyEntry: String?

  /// A store of the current format version with the given records.
  public init(
    partnership: Partnership, agencies: [Agency] = [], themes: [CatalogueEntry] = [],
    categories: [CatalogueEntry] = [], disseminationMethods: [CatalogueEntry] = [],
    section11Standards: [CatalogueEntry] = [], bankHolidays: [CalendarDay] = [], reviews: [Review] = [],
    disseminations: [Dissemination] = [], section11: [Section11Return] = []
  ) {
    self.schemaVersion = Tracker.currentSchemaVersion
    self.partnership = partnership
    self.agencies = agencies
    self.themes = themes
    self.categories = categories
    self.disseminationMethods = disseminationMethods
    self.section11Standards = section11Standards
    self.bankHolidays = bankHolidays
    self.reviews = reviews
    self.disseminations = disseminations
    self.section11 = section11
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, partnership, agencies, themes, categories, disseminationMethods
    case section11Standards, bankHolidays, reviews, disseminations, section11, historyEntry
  }
}

/// The partnership that keeps the store, and its settings.
public struct Partnership: Encodable, Equatable, Sendable {
  /// The partnership's name, as reports show it.
  public var name: String
  /// The first day of the reporting year, `MM-DD` (`04-01`: April to March).
  public var reportingYearStart: MonthDay
  /// Thresholds for the derived state of actions.
  public var settings: Settings
  /// What must never appear in anything the partnership publishes, if listed.
  public var privacy: Privacy?
  /// The steps of a review and the publication checklist; absent for the default (`Tracker.timetable`).
  public var timetable: Timetable?

  /// A partnership with the given name; the reporting year starts on 1 April unless given.
  public init(
    name: String, reportingYearStart: MonthDay = .firstOfApril,
    settings: Settings = Settings(), privacy: Privacy? = nil
  ) {
    self.name = name
    self.reportingYearStart = reportingYearStart
    self.settings = settings
    self.privacy = privacy
  }

  /// The reporting year that starts in `year`: its first and last day.
  public func reportingYear(_ year: Int) -> ClosedRange<CalendarDay> {
    let start = reportingYearStart.inYear(year)
    return start...reportingYearStart.inYear(year + 1).adding(days: -1)
  }

  /// The reporting year (by its starting calendar year) that contains `day`.
  public func reportingYear(containing day: CalendarDay) -> Int {
    day >= reportingYearStart.inYear(day.year) ? day.year : day.year - 1
  }
}

/// Thresholds for the derived state of actions.
public struct Settings: Encodable, Equatable, Sendable {
  /// An open action due within this many days of the as-of day (inclusive) is due soon.
  public var dueSoonDays: Int
  /// An open action whose last update is more than this many days old is stale.
  public var staleAfterDays: Int
  /// The day the Rapid Review's 15 working days run from; absent means `aware`.
  public var rapidReviewClockFrom: RapidReviewClockStart?
  /// The levels of escalation the partnership uses, lowest first; absent means
  /// `EscalationLevel.defaults` (chase, chair, executive).
  public var escalationLevels: [EscalationLevel]?
  /// What the board paper's header block says unless a report option overrides it.
  public var boardPaper: BoardPaperSettings?

  /// Settings of 28 days for due soon and 90 days for stale, unless given.
  public init(
    dueSoonDays: Int = 28, staleAfterDays: Int = 90, rapidReviewClockFrom: RapidReviewClockStart? = nil
  ) {
    self.dueSoonDays = dueSoonDays
    self.staleAfterDays = staleAfterDays
    self.rapidReviewClockFrom = rapidReviewClockFrom
  }

  /// The Rapid Review clock's start in force: the setting, else the day of awareness.
  public var rapidReviewClockStart: RapidReviewClockStart { rapidReviewClockFrom ?? .aware }
}

/// What must never appear in anything the partnership publishes.
public struct Privacy: Encodable, Equatable, Sendable {
  /// Names of children, family members or practitioners.
  public var names: [String]

  /// Privacy settings listing `names`.
  public init(names: [String] = []) { self.names = names }
}

/// An organisation that owns actions, receives learning and makes Section 11 returns.
public struct Agency: Encodable, Equatable, Sendable {
  /// Unique among agencies, such as `police`.
  public var id: String
  /// The agency's name as reports show it.
  public var name: String
  /// What kind of organisation the agency is.
  public var kind: AgencyKind
  /// One of the three statutory safeguarding partners (local authority, police, ICB).
  public var statutoryPartner: Bool
  /// How many practitioners it employs who work with children: what dissemination coverage is
  /// measured against.
  public var workforce: Int?
  /// Other names a partnership's spreadsheets give the agency ("NSFT", "Children's Social Care"),
  /// read as the agency in an imported plan or return; nil when there are none.
  public var aliases: [String]?

  /// An agency with the given fields.
  public init(
    id: String, name: String, kind: AgencyKind, statutoryPartner: Bool, workforce: Int? = nil,
    aliases: [String]? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.statutoryPartner = statutoryPartner
    self.workforce = workforce
    self.aliases = aliases
  }
}

/// One entry of a catalogue the partnership can extend: a theme, a category of abuse,
/// a dissemination method or a Section 11 standard.
public struct CatalogueEntry: Encodable, Equatable, Sendable {
  /// Unique in its catalogue, such as `voice-of-the-child`.
  public var id: String
  /// The entry's name as reports show it.
  public var name: String
  /// Dissemination methods only: whether the method's reach counts people who attended or copies circulated.
  public var reach: DisseminationReach?

  /// An entry with the given fields.
  public init(id: String, name: String, reach: DisseminationReach? = nil) {
    self.id = id
    self.name = name
    self.reach = reach
  }
}
