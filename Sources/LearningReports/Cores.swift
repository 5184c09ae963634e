import Foundation

/// Work on a large store shared out among the machine's cores: a list of jobs cut into as many
/// runs as there are cores, each run done in order on its own core and the results put back in
/// the list's order, so the outcome is what doing the jobs one by one gives.
public enum Cores {
  /// How many runs `count` jobs are cut into: one when there are fewer than `minimum` (sharing
  /// out costs more than it saves), else one per core, at most eight.
  static func runs(for count: Int, minimum: Int) -> Int {
    count < minimum ? 1 : Swift.max(1, Swift.min(8, ProcessInfo.processInfo.activeProcessorCount))
  }

  /// `work` done for each of `runs` consecutive runs of `0..<count`, the results in order.
  static func map<Result: Sendable>(_ count: Int, runs: Int, _ work: @Sendable (Range<Int>) -> Result)
    -> [Result]
  {
    let ranges = ranges(count, runs: runs)
    if ranges.count == 1 { return [work(ranges[0])] }
    let results = Results<Result>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
      results.put(work(ranges[part]), at: part)
    }
    return results.taken
  }

  /// Does `work` for each of `0..<count`, one per core at a time, and throws the error of the
  /// first that failed, in index order, once all are done: for making the formats of one report.
  public static func forEach(_ count: Int, _ work: @Sendable (Int) throws -> Void) throws {
    let outcomes = map(count, runs: count) { range -> [Result<Void, any Error>] in
      range.map { index in Result { try work(index) } }
    }
    for outcome in outcomes.joined() { try outcome.get() }
  }

  /// Lets go of `value` on another core: freeing a store of hundreds of thousands of records
  /// takes a noticeable time, and nothing need wait for it. Whoever hands a value over keeps no
  /// other reference to it, or the last one let go frees it where it is.
  /// `then` runs on that core once the value is freed (handing the freed memory back, say).
  public static func letGo<Value>(_ value: consuming Value, then: @escaping @Sendable () -> Void = {}) {
    let held = Held(value)
    DispatchQueue.global(qos: .utility).async {
      held.value = nil
      then()
    }
  }

  /// A value on its way to being let go: only the thread that frees it touches it.
  private final class Held<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: consuming Value) { self.value = value }
  }

  /// `0..<count` cut into `runs` consecutive runs of nearly equal length (one run at least).
  static func ranges(_ count: Int, runs: Int) -> [Range<Int>] {
    let runs = Swift.max(1, runs)
    return (0..<runs).map { part in (count * part / runs)..<(count * (part + 1) / runs) }
  }

  /// Each run's result, kept under a lock until every run is done.
  private final class Results<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func put(_ result: Result, at part: Int) {
      lock.lock()
      defer { lock.unlock() }
      results[part] = result
    }

    /// Every result, once all are put.
    var taken: [Result] {
      lock.lock()
      defer { lock.unlock() }
      return results.compactMap { $0 }
    }
  }
}
