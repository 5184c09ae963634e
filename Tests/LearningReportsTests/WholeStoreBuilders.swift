import LearningModel

@testable import LearningReports

// The tests build reports from a whole store, as `ReportKind.build` does: the store is cut at the
// options' day, then handed to the builder, which never cuts again.

extension TrackerAsOf {
  init(_ whole: Tracker, _ options: ReportOptions) { self.init(whole, asOf: options.asOf) }
}

extension OverdueReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> OverdueReport {
    build(TrackerAsOf(whole, options), options)
  }
  static func agenciesToChase(_ whole: Tracker, _ options: ReportOptions) -> [String] {
    agenciesToChase(TrackerAsOf(whole, options), options)
  }
}

extension ProgressReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> ProgressReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension DigestReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> DigestReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension TimelinessReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> TimelinessReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension PipelineReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> PipelineReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension DisseminationReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> DisseminationReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension Section11Report {
  static func build(_ whole: Tracker, _ options: ReportOptions, cycle: String?) -> Section11Report {
    build(TrackerAsOf(whole, options), options, cycle: cycle)
  }
}

extension ThemesReport {
  static func build(_ whole: Tracker, _ options: ReportOptions, theme: String?) -> ThemesReport {
    build(TrackerAsOf(whole, options), options, theme: theme)
  }
}

extension BriefingReport {
  static func build(
    _ whole: Tracker, _ options: ReportOptions, review: String, includeUnpublished: Bool = false
  ) -> BriefingReport? {
    build(TrackerAsOf(whole, options), options, review: review, includeUnpublished: includeUnpublished)
  }
}

extension PlanReport {
  static func build(_ whole: Tracker, _ options: ReportOptions, review: String) -> PlanReport? {
    build(TrackerAsOf(whole, options), options, review: review)
  }
}

extension RepeatsReport {
  static func build(
    _ whole: Tracker, _ options: ReportOptions, threshold: Double = defaultThreshold,
    matches: Int = defaultMatches, theme: String? = nil
  ) -> RepeatsReport {
    build(TrackerAsOf(whole, options), options, threshold: threshold, matches: matches, theme: theme)
  }
}

extension ImpactReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> ImpactReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension AssuranceReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> AssuranceReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension AnnualReport {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> AnnualReport {
    build(TrackerAsOf(whole, options), options)
  }
}

extension BoardReviewProcess {
  static func build(_ whole: Tracker, _ options: ReportOptions) -> BoardReviewProcess {
    build(TrackerAsOf(whole, options), options)
  }
}
