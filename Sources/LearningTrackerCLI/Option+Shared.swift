import LearningReports

extension Option {
  /// `--by WHO`: who is making the change, for the history.
  static let by = Option.text(
    "--by", "WHO", help: "who is making the change (default $LEARNING_TRACKER_USER, else $USER)")
  /// `--as-of DAY`: the day derived state is for.
  static let asOf = Option.day("--as-of", help: "the day the state is for (default today)")
  /// `--format text|json` for listings.
  static let listFormat = Option.choice(
    "--format", ["text", "json"], vocabulary: "format here", help: "text (default) or JSON")
  /// `--format FORMAT` for reports.
  static let reportFormat = Option(
    "--format",
    .word(placeholder: "FORMAT", vocabulary: "format", words: OutputFormat.allCases.map(\.rawValue)),
    help: "the format (default text, or from the --output extension)")
  /// `--output FILE` for reports.
  static let output = Option.text("--output", "FILE", help: "write to FILE instead of standard output")
}
