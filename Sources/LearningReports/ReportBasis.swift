import Foundation
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
/// Reports may be built from one basis on several cores at once: a part asked for while another
/// core makes it is waited for, never made twice.
public final class ReportBasis: Sendable {
  /// The whole store, as read.
  public let tracker: Tracker
  private let cuts = Parts<CalendarDay, TrackerAsOf>()
  private let findingRepeats = Parts<FindingRepeatsKey, FindingRepeats>()
  private let caseIndexes = Parts<CalendarDay, CaseIndex>()
  private let digests = Parts<DigestKey, DigestReport>()

  private struct DigestKey: Hashable, Sendable {
    var cut: CalendarDay
    var options: ReportOptions
  }

  private struct FindingRepeatsKey: Hashable, Sendable {
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
    cuts.value(for: day) { TrackerAsOf(tracker, asOf: day) }
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
    return findingRepeats.value(for: key) {
      FindingRepeats(cut.tracker, asOf: asOf, threshold: threshold, limit: limit)
    }
  }
}

extension ReportBasis {
  /// The reviews of `cut` grouped by case, found once for each cut.
  func cases(_ cut: TrackerAsOf) -> CaseIndex {
    caseIndexes.value(for: cut.day) { CaseIndex(cut.tracker) }
  }
}

extension ReportBasis {
  /// The digest of `cut` for `options`, built once: the annual report's figures for the year are
  /// the digest's, and `report all` writes the same digest beside it.
  func digest(_ cut: TrackerAsOf, _ options: ReportOptions, build: () -> DigestReport) -> DigestReport {
    digests.value(for: DigestKey(cut: cut.day, options: options), make: build)
  }
}

/// One kind of part of a basis, by its key: each made once, by the first core to ask; a core that
/// asks while it is being made waits for it. Parts of different keys are made side by side.
private final class Parts<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [Key: Part] = [:]

  /// One part: its own lock is held while it is made, so whoever asks next waits for it.
  private final class Part: @unchecked Sendable {
    let lock = NSLock()
    var value: Value?
  }

  func value(for key: Key, make: () -> Value) -> Value {
    lock.lock()
    let part: Part
    if let existing = parts[key] {
      part = existing
    } else {
      part = Part()
      parts[key] = part
    }
    lock.unlock()
    part.lock.lock()
    defer { part.lock.unlock() }
    if let value = part.value { return value }
    let value = make()
    part.value = value
    return value
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
