/// Why a report cannot be built as asked: a filter it does not take, a filter it needs, or a
/// filter that names nothing in the store.
public enum ReportRequestError: Error, Equatable, Sendable {
  /// The report cannot honour the filter, so it refuses it.
  case refusedFilter(report: String, filter: ReportFilter)
  /// The report needs the filter (a briefing is for one review).
  case missingFilter(report: String, filter: ReportFilter)
  /// The filter's value names nothing in the store; `suggestion` is the nearest that exists.
  case unknownValue(option: String, kind: String, value: String, suggestion: String?)

  /// The message for a user, naming the option.
  public var message: String {
    switch self {
    case .refusedFilter(let report, let filter):
      "report \(report) does not take \(filter.option)"
    case .missingFilter(let report, let filter):
      "report \(report) needs \(filter.option) \(filter.placeholder)"
    case .unknownValue(let option, let kind, let value, let suggestion):
      "\(option): no \(kind) \"\(value)\"" + (suggestion.map { "; did you mean \($0)?" } ?? "")
    }
  }
}
