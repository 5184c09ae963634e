import LearningModel
import LearningReports

extension OptionDeclaration where Self == TypedOption<String?> {
  /// `--by WHO`: who is making the change, for the history.
  public static var by: Self {
    .text("--by", "WHO", help: "who is making the change (default $LEARNING_TRACKER_USER, else $USER)")
  }
  /// `--format text|json` for listings.
  public static var listFormat: Self {
    .choice("--format", ["text", "json"], vocabulary: "format here", help: "text (default) or JSON")
  }
  /// `--output FILE` for reports.
  public static var output: Self {
    .text("--output", "FILE", help: "write to FILE instead of standard output")
  }
}

extension OptionDeclaration where Self == TypedOption<CalendarDay?> {
  /// `--as-of DAY`: the day derived state is for.
  public static var asOf: Self { .day("--as-of", help: "the day the state is for (default today)") }
}

extension OptionDeclaration where Self == TypedOption<OutputFormat?> {
  /// `--format FORMAT` for reports.
  public static var reportFormat: Self {
    TypedOption(
      Option(
        "--format",
        .word(placeholder: "FORMAT", vocabulary: "format", words: OutputFormat.allCases.map(\.rawValue)),
        help: "the format (default text, or from the --output extension)")
    ) { $0.first?.text.flatMap(OutputFormat.init(rawValue:)) }
  }
}
