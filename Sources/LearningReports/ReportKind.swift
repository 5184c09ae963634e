import LearningModel

/// One kind of report: its name, what it is for, the filters it honours, the options it takes,
/// how it goes into the meeting pack, and how it is built. The registry lists every kind once.
public struct ReportKind: Sendable {
  /// How a report goes into the pack `report all` writes.
  public struct Pack: Sendable {
    /// The formats written, one file each.
    public var formats: [OutputFormat]
    /// Built for the pack's reporting year, named `NAME-YEAR`.
    public var forYear = false
    /// Built for the most recently published review whose text is clear of personal data, named
    /// `NAME-REVIEW`; left out when there is none.
    public var forPublishedReview = false

    /// A pack entry in these formats.
    public init(_ formats: [OutputFormat], forYear: Bool = false, forPublishedReview: Bool = false) {
      self.formats = formats
      self.forYear = forYear
      self.forPublishedReview = forPublishedReview
    }
  }

  /// The name after `report` on the command line.
  public let name: String
  /// One line for lists of reports.
  public let summary: String
  /// A paragraph for its help: what it shows and for whom.
  public let discussion: String
  /// The filters it honours, each with what the filter means for this report. Every other filter
  /// is refused.
  public let filters: [(filter: ReportFilter, help: String)]
  /// The filters it cannot do without.
  public let requiredFilters: Set<ReportFilter>
  /// Its own options beyond the filters.
  public let parameters: [ReportParameter]
  /// Whether it is published: it refuses text that holds personal data unless allowed.
  public let isForPublication: Bool
  /// How it goes into the meeting pack; nil when it does not.
  public let pack: Pack?
  /// The overdue actions it counts, for `--fail-on-overdue`.
  public let overdueCount: (@Sendable (any Report) -> Int)?
  private let make: @Sendable (TrackerAsOf, ReportOptions, ReportBasis) -> (any Report)?

  /// A report kind; `make` builds it from the store cut at the options' day and options already
  /// checked.
  public init(
    name: String, summary: String, discussion: String, filters: [(filter: ReportFilter, help: String)],
    requiredFilters: Set<ReportFilter> = [], parameters: [ReportParameter] = [],
    isForPublication: Bool = false,
    pack: Pack? = nil, overdueCount: (@Sendable (any Report) -> Int)? = nil,
    make: @escaping @Sendable (TrackerAsOf, ReportOptions) -> (any Report)?
  ) {
    self.init(
      name: name, summary: summary, discussion: discussion, filters: filters,
      requiredFilters: requiredFilters,
      parameters: parameters, isForPublication: isForPublication, pack: pack, overdueCount: overdueCount,
      sharing: { cut, options, _ in make(cut, options) })
  }

  /// A report kind whose `make` also draws on what the reports of one reading share (the
  /// `ReportBasis`: other cuts of the store, the findings compared).
  public init(
    name: String, summary: String, discussion: String, filters: [(filter: ReportFilter, help: String)],
    requiredFilters: Set<ReportFilter> = [], parameters: [ReportParameter] = [],
    isForPublication: Bool = false,
    pack: Pack? = nil, overdueCount: (@Sendable (any Report) -> Int)? = nil,
    sharing make: @escaping @Sendable (TrackerAsOf, ReportOptions, ReportBasis) -> (any Report)?
  ) {
    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.filters = filters
    self.requiredFilters = requiredFilters
    self.parameters = parameters
    self.isForPublication = isForPublication
    self.pack = pack
    self.overdueCount = overdueCount
    self.make = make
  }

  /// Whether it honours a filter.
  public func honours(_ filter: ReportFilter) -> Bool { filters.contains { $0.filter == filter } }

  /// The filters it refuses.
  public var refusedFilters: [ReportFilter] { ReportFilter.allCases.filter { !honours($0) } }

  /// Refuses filters this report does not take and asks for those it needs. Needs no store, so
  /// the command line calls it before reading one.
  public func checkRequest(_ options: ReportOptions) throws(ReportRequestError) {
    for filter in refusedFilters where filter.isSet(in: options) {
      throw .refusedFilter(report: name, filter: filter)
    }
    for filter in ReportFilter.allCases where requiredFilters.contains(filter) && !filter.isSet(in: options) {
      throw .missingFilter(report: name, filter: filter)
    }
  }

  /// Builds the report, after checking the request and that each filter names something in the
  /// store. The store is cut at the options' day here, once, for every kind of report: builders
  /// are handed the cut (`TrackerAsOf`) and never cut again.
  public func build(_ tracker: Tracker, _ options: ReportOptions) throws(ReportRequestError) -> any Report {
    let basis = ReportBasis(tracker)
    let report = try build(basis, options)
    // The cut of the store is freed on another core while the report is written.
    Cores.letGo(consume basis)
    return report
  }

  /// Builds the report from what the reports of one reading share: the cut at the options' day
  /// and whatever else the basis has made already, so reports built from one basis cut the store
  /// and compare its findings once between them.
  public func build(_ basis: ReportBasis, _ options: ReportOptions) throws(ReportRequestError) -> any Report {
    let tracker = basis.tracker
    try checkRequest(options)
    try Self.checkValues(options, in: tracker)
    if let cycle = options.cycle, parameters.contains(.cycle),
      !tracker.section11.contains(where: { $0.cycle == cycle })
    {
      throw .unknownValue(
        option: "--cycle", kind: "Section 11 returns for", value: cycle,
        suggestion: nearest(cycle, in: Section11Report.cycles(tracker)))
    }
    guard let report = make(basis.cut(options.asOf), options, basis) else {
      throw .missingFilter(report: name, filter: .review)
    }
    return report
  }

  /// Checks that the review, agency and theme filters name records in the store.
  public static func checkValues(_ options: ReportOptions, in tracker: Tracker) throws(ReportRequestError) {
    if let agency = options.agency, tracker.agency(agency) == nil {
      throw .unknownValue(
        option: "--agency", kind: "agency", value: agency,
        suggestion: nearest(agency, in: tracker.agencies.map(\.id)))
    }
    if let review = options.review, tracker.reviewIndex(review) == nil {
      throw .unknownValue(
        option: "--review", kind: "review", value: review,
        suggestion: nearest(review, in: tracker.reviews.map(\.id)))
    }
    if let theme = options.theme, !tracker.themes.contains(where: { $0.id == theme }) {
      throw .unknownValue(
        option: "--theme", kind: "theme", value: theme,
        suggestion: nearest(theme, in: tracker.themes.map(\.id)))
    }
  }
}
