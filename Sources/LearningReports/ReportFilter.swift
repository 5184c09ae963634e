/// The filters every report is asked about. A report either honours a filter or refuses it;
/// none is ever silently ignored.
public enum ReportFilter: String, CaseIterable, Sendable {
  case review, agency, theme, year

  /// The option that sets it on the command line.
  public var option: String { "--" + rawValue }

  /// What its value looks like in help.
  public var placeholder: String { self == .year ? "YYYY" : "ID" }

  /// Whether the filter is set in `options`.
  public func isSet(in options: ReportOptions) -> Bool {
    switch self {
    case .review: options.review != nil
    case .agency: options.agency != nil
    case .theme: options.theme != nil
    case .year: options.year != nil
    }
  }
}
