import LearningModel

/// What the reports of one reading of a store share, each part made the first time a report asks
/// for it and then kept: the store cut at each day a report is built for (`TrackerAsOf`), and the
/// findings compared by similarity (`FindingRepeats`) and the reviews grouped by case (`CaseIndex`)
/// for each cut. `report all` builds every
/// report of the meeting pack from one basis, so the store is cut and the findings compared once,
/// not once per report; a single report gets a basis of its own and makes each part once.
///
/// Each part depends only on the store and the day (and the threshold), never on a report's
/// filters, so whichever report asks first, every report gets the same value it would have made.
public final class ReportBasis {
  /// The whole store, as read.
  public let tracker: Tracker
  private var cuts: [CalendarDay: TrackerAsOf] = [:]
  private var findingRepeats: [FindingRepeatsKey: FindingRepeats] = [:]
  private var caseIndexes: [CalendarDay: CaseIndex] = [:]
  private var digests: [DigestKey: DigestReport] = [:]

  private struct DigestKey: Hashable {
    var cut: CalendarDay
    var options: ReportOptions
  }

  private struct FindingRepeatsKey: Hashable {
    var cut: CalendarDay
    var asOf: CalendarDay
    var threshold: Double
    var limit: Int
  }

  /// A basis for reports of `tracker`, with nothing made yet.
  public init(_ tracker: Tracker) {
    self.tracker = tracker
  }

  /// The store as it stood at the end of `day`, cut once.
  public func cut(_ day: CalendarDay) -> TrackerAsOf {
    if let cut = cuts[day] { return cut }
    let cut = TrackerAsOf(tracker, asOf: day)
    cuts[day] = cut
    return cut
  }

  /// `cut` as it stood at the end of an earlier day (a reporting year that ended before it): the
  /// basis's own cut at that day, which is what cutting the whole store there gives.
  func narrowed(_ cut: TrackerAsOf, to earlier: CalendarDay) -> TrackerAsOf {
    earlier < cut.day ? self.cut(earlier) : cut
  }

  /// The findings of `cut` dated on or before `asOf`, compared once for each threshold and limit.
  func findingRepeats(_ cut: TrackerAsOf, asOf: CalendarDay, threshold: Double, limit: Int) -> FindingRepeats
  {
    let key = FindingRepeatsKey(cut: cut.day, asOf: asOf, threshold: threshold, limit: limit)
    if let repeats = findingRepeats[key] { return repeats }
    let repeats = FindingRepeats(cut.tracker, asOf: asOf, threshold: threshold, limit: limit)
    findingRepeats[key] = repeats
    return repeats
  }
}

extension ReportBasis {
  /// The reviews of `cut` grouped by case, found once for each cut.
  func cases(_ cut: TrackerAsOf) -> CaseIndex {
    if let index = caseIndexes[cut.day] { return index }
    let index = CaseIndex(cut.tracker)
    caseIndexes[cut.day] = index
    return index
  }
}

extension ReportBasis {
  /// The digest of `cut` for `options`, built once: the annual report's figures for the year are
  /// the digest's, and `report all` writes the same digest beside it.
  func digest(_ cut: TrackerAsOf, _ options: ReportOptions, build: () -> DigestReport) -> DigestReport {
    let key = DigestKey(cut: cut.day, options: options)
    if let digest = digests[key] { return digest }
    let digest = build()
    digests[key] = digest
    return digest
  }
}

extension Optional where Wrapped == ReportBasis {
  /// The basis's grouping of the reviews of `cut` by case; without a basis, grouped afresh.
  func cases(_ cut: TrackerAsOf) -> CaseIndex {
    self?.cases(cut) ?? CaseIndex(cut.tracker)
  }

  /// The basis's cut of `cut` at an earlier day; without a basis, the cut narrowed afresh.
  func narrowed(_ cut: TrackerAsOf, to earlier: CalendarDay) -> TrackerAsOf {
    self?.narrowed(cut, to: earlier) ?? cut.narrowed(to: earlier)
  }

  /// The basis's comparison of the findings of `cut`; without a basis, compared afresh.
  func findingRepeats(_ cut: TrackerAsOf, asOf: CalendarDay, threshold: Double, limit: Int) -> FindingRepeats
  {
    self?.findingRepeats(cut, asOf: asOf, threshold: threshold, limit: limit)
      ?? FindingRepeats(cut.tracker, asOf: asOf, threshold: threshold, limit: limit)
  }
}
