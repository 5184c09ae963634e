/// An option a report takes beyond the shared filters. Each is declared here once; the command
/// line turns it into an option with its help line.
public enum ReportParameter: String, CaseIterable, Sendable {
  /// What changed since a day (the board's last meeting).
  case since
  /// The Section 11 cycle.
  case cycle
  /// The least similarity that counts as a repeat.
  case threshold
  /// How many closest earlier recommendations to keep for each.
  case matches
  /// Exit 1 when any action is overdue.
  case failOnOverdue
  /// One chase list per agency, written into a folder.
  case byAgency
  /// Allow a report meant for publication to draw on text that holds personal data.
  case allowPersonalData
  /// Allow a report meant for publication to draw on a review in progress or under embargo.
  case includeUnpublished
  /// The progress summary with its full tables appended after a page break.
  case detail
  /// The meeting a board paper goes to.
  case meeting
  /// A board paper's author.
  case author
  /// A board paper's protective marking.
  case marking

  /// The option's name on the command line.
  public var option: String {
    switch self {
    case .since: "--since"
    case .cycle: "--cycle"
    case .threshold: "--threshold"
    case .matches: "--matches"
    case .failOnOverdue: "--fail-on-overdue"
    case .byAgency: "--by-agency"
    case .allowPersonalData: "--allow-personal-data"
    case .includeUnpublished: "--include-unpublished"
    case .detail: "--detail"
    case .meeting: "--meeting"
    case .author: "--author"
    case .marking: "--marking"
    }
  }

  /// What the value looks like in help; nil for a flag.
  public var placeholder: String? {
    switch self {
    case .since: "DAY"
    case .cycle: "CYCLE"
    case .threshold: "NUMBER"
    case .matches: "N"
    case .byAgency: "DIR"
    case .failOnOverdue, .allowPersonalData, .includeUnpublished, .detail: nil
    case .meeting: "MEETING"
    case .author: "ROLE"
    case .marking: "MARKING"
    }
  }

  /// The option's help line.
  public var help: String {
    switch self {
    case .since:
      "from this day on: for progress, what changed since (the board's last meeting); for repeats, only reviews dated on or after it"
    case .cycle: "the Section 11 cycle, such as 2025-26 (default the latest)"
    case .threshold: "the least similarity that counts as a repeat, above 0 and at most 1 (default 0.5)"
    case .matches: "the closest earlier recommendations kept for each, 1 to 20 (default 3)"
    case .failOnOverdue: "exit 1 when any action is overdue"
    case .byAgency:
      "also write one chase list per agency that owns an open action, as DIR/AGENCY.EXT (EXT from --format, default csv)"
    case .allowPersonalData: "allow text that holds personal data (an internal draft, not for publication)"
    case .detail:
      "append the full tables (by review, by agency, every Red action, every change) after a page break"
    case .includeUnpublished:
      "include a review in progress or under embargo (an internal draft marked not for circulation)"
    case .meeting: "the meeting the paper goes to (default the partnership's boardPaper setting)"
    case .author: "the paper's author, a role (default the partnership's boardPaper setting)"
    case .marking: "the protective marking, such as OFFICIAL-SENSITIVE (default the partnership's setting)"
    }
  }
}
