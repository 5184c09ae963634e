import LearningModel
import LearningReports

/// A report option bound to its declaration and its place in `ReportOptions`: the one table from
/// which `report NAME` declares its filters and parameters and fills in what each report is asked
/// for. A parameter with no place (`--fail-on-overdue`, `--by-agency`, `--allow-personal-data`)
/// is about the command rather than the report, and the command reads it from its typed option.
struct ReportOptionBinding: Sendable {
  /// The option as the command declares it.
  let declaration: any OptionDeclaration
  /// Puts the value given into the report's options.
  let place: @Sendable (ParsedArguments, inout ReportOptions) throws -> Void

  /// An option whose value goes to `place` in `ReportOptions`.
  init<Value>(_ option: TypedOption<Value>, _ place: WritableKeyPath<ReportOptions, Value> & Sendable) {
    declaration = option
    self.place = { args, options in options[keyPath: place] = try args[option] }
  }

  /// An option the command reads itself.
  init<Value>(_ option: TypedOption<Value>) {
    declaration = option
    place = { _, _ in }
  }
}

/// The options of the report parameters, each declared once (`ReportParameter` gives the name and
/// help).
enum ReportParameterOptions {
  static let since: TypedOption<CalendarDay?> = .day(
    ReportParameter.since.option, help: ReportParameter.since.help)
  static let cycle = text(.cycle)
  static let threshold: TypedOption<Double?> = .decimal(
    ReportParameter.threshold.option, above: 0, atMost: 1, help: ReportParameter.threshold.help)
  static let matches: TypedOption<Int?> = .number(
    ReportParameter.matches.option, "N", range: 1...20, help: ReportParameter.matches.help)
  static let failOnOverdue = flag(.failOnOverdue)
  static let byAgency = text(.byAgency)
  static let allowPersonalData = flag(.allowPersonalData)
  static let includeUnpublished = flag(.includeUnpublished)
  static let detail = flag(.detail)
  static let meeting = text(.meeting)
  static let author = text(.author)
  static let marking = text(.marking)

  static func text(_ parameter: ReportParameter) -> TypedOption<String?> {
    .text(parameter.option, parameter.placeholder ?? "TEXT", help: parameter.help)
  }

  static func flag(_ parameter: ReportParameter) -> TypedOption<Bool> {
    .flag(parameter.option, help: parameter.help)
  }
}

extension ReportParameter {
  /// The parameter's option and its place in `ReportOptions`.
  var binding: ReportOptionBinding {
    switch self {
    case .since: ReportOptionBinding(ReportParameterOptions.since, \.since)
    case .cycle: ReportOptionBinding(ReportParameterOptions.cycle, \.cycle)
    case .threshold: ReportOptionBinding(ReportParameterOptions.threshold, \.threshold)
    case .matches: ReportOptionBinding(ReportParameterOptions.matches, \.matches)
    case .includeUnpublished:
      ReportOptionBinding(ReportParameterOptions.includeUnpublished, \.includeUnpublished)
    case .detail: ReportOptionBinding(ReportParameterOptions.detail, \.detail)
    case .meeting: ReportOptionBinding(ReportParameterOptions.meeting, \.meeting)
    case .author: ReportOptionBinding(ReportParameterOptions.author, \.author)
    case .marking: ReportOptionBinding(ReportParameterOptions.marking, \.marking)
    case .failOnOverdue: ReportOptionBinding(ReportParameterOptions.failOnOverdue)
    case .byAgency: ReportOptionBinding(ReportParameterOptions.byAgency)
    case .allowPersonalData: ReportOptionBinding(ReportParameterOptions.allowPersonalData)
    }
  }
}

extension ReportFilter {
  /// The filter's option, with what it means for one report, and its place in `ReportOptions`.
  func binding(help: String, required: Bool) -> ReportOptionBinding {
    switch self {
    case .year:
      ReportOptionBinding(
        .number("--year", "YYYY", range: 1900...9999, required: required, help: help), \.year)
    case .review: ReportOptionBinding(text(help: help, required: required), \.review)
    case .agency: ReportOptionBinding(text(help: help, required: required), \.agency)
    case .theme: ReportOptionBinding(text(help: help, required: required), \.theme)
    }
  }

  private func text(help: String, required: Bool) -> TypedOption<String?> {
    .text(option, placeholder, required: required, help: help)
  }
}
