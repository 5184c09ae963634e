import Foundation

/// Work on a large store shared out among the machine's cores: a list of jobs cut into as many
/// runs as there are cores, each run done in order on its own core and the results put back in
/// the list's order, so the outcome is what doing the jobs one by one gives.
public enum Cores {
  /// The cores work is shared among: the machine's, at most eight.
  public static var available: Int {
    Swift.max(1, Swift.min(8, ProcessInfo.processInfo.activeProcessorCount))
  }

  /// How many runs `count` jobs are cut into: one when there are fewer than `minimum` (sharing
  /// out costs more than it saves), else one per core.
  public static func runs(for count: Int, minimum: Int) -> Int {
    count < minimum ? 1 : available
  }

  /// `work` done for each of `runs` consecutive runs of `0..<count`, the results in order.
  public static func map<Result: Sendable>(_ count: Int, runs: Int, _ work: @Sendable (Range<Int>) -> Result)
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

  /// Makes each of `count` values and does `uses(index)` jobs with each, on every core. Each core
  /// takes the first job, in the order make 0, the jobs of 0, make 1, the jobs of 1, and so on,
  /// that can start: a value's jobs once it is made, and a value to make while fewer than `held`
  /// values are held (made or being made, and not all their jobs done). So while one value is made
  /// the others' jobs go on, and at most `held` values are in memory at once. `finished` runs once a
  /// value's last job is done and the value let go. After a failure no further job is started; the
  /// failure of the earliest job in that order is thrown.
  public static func pipeline<Value: Sendable>(
    _ count: Int, uses: (Int) -> Int, held: Int = 3, make: @Sendable (Int) throws -> Value,
    use: @Sendable (Value, _ index: Int, _ job: Int) throws -> Void, finished: @Sendable (Int) -> Void
  ) throws {
    var jobs: [PipelineJob] = []
    for index in 0..<count {
      jobs.append(.make(index))
      jobs += (0..<uses(index)).map { .use(index, $0) }
    }
    let line = Pipeline<Value>(jobs: jobs, uses: (0..<count).map(uses), held: Swift.max(1, held))
    DispatchQueue.concurrentPerform(iterations: available) { _ in
      while let (position, job) = line.next() {
        switch job {
        case .make(let index):
          line.made(index, Result { try make(index) }, position: position)
        case .use(let index, let number):
          if let value = line.value(index) {
            do { try use(value, index, number) } catch { line.failed(error, position: position) }
          }
          if line.used(index) { finished(index) }
        }
      }
    }
    if let failure = line.failure { throw failure }
  }

  private enum PipelineJob: Sendable {
    case make(Int)
    case use(Int, Int)
  }

  /// The jobs of a pipeline and the values made, under one lock; a core with no job that can
  /// start waits on the lock's condition until a value is made or let go.
  private final class Pipeline<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let jobs: [PipelineJob]
    private var taken: [Bool]
    private var firstUntaken = 0
    private var values: [Int: Result<Value, any Error>] = [:]
    private var usesLeft: [Int]
    private let held: Int
    private var holding = 0
    private var earliestFailure: (position: Int, error: any Error)?

    init(jobs: [PipelineJob], uses: [Int], held: Int) {
      self.jobs = jobs
      taken = Array(repeating: false, count: jobs.count)
      usesLeft = uses
      self.held = held
    }

    /// The first job that can start and its place in the order, waiting until one can; nil when
    /// all are taken or one has failed.
    func next() -> (Int, PipelineJob)? {
      condition.lock()
      defer { condition.unlock() }
      while true {
        guard earliestFailure == nil else { return nil }
        while firstUntaken < jobs.count && taken[firstUntaken] { firstUntaken += 1 }
        guard firstUntaken < jobs.count else { return nil }
        for position in firstUntaken..<jobs.count where !taken[position] {
          let canStart: Bool
          switch jobs[position] {
          case .make: canStart = holding < held
          case .use(let index, _): canStart = values[index] != nil
          }
          guard canStart else { continue }
          taken[position] = true
          if case .make = jobs[position] { holding += 1 }
          return (position, jobs[position])
        }
        condition.wait()
      }
    }

    func made(_ index: Int, _ value: Result<Value, any Error>, position: Int) {
      if case .failure(let error) = value { failed(error, position: position) }
      condition.lock()
      if usesLeft[index] == 0 {
        holding -= 1
      } else {
        values[index] = value
      }
      condition.broadcast()
      condition.unlock()
    }

    /// The value, made; nil when making it failed.
    func value(_ index: Int) -> Value? {
      condition.lock()
      defer { condition.unlock() }
      return try? values[index]?.get()
    }

    /// Notes one job of the value done; true when it was the last, and the value is let go.
    func used(_ index: Int) -> Bool {
      condition.lock()
      usesLeft[index] -= 1
      let last = usesLeft[index] == 0
      // Let go outside the lock: freeing a large report takes a while.
      let released = last ? values.removeValue(forKey: index) : nil
      if last {
        holding -= 1
        condition.broadcast()
      }
      condition.unlock()
      withExtendedLifetime(released) {}
      return last
    }

    func failed(_ error: any Error, position: Int) {
      condition.lock()
      defer { condition.unlock() }
      if earliestFailure.map({ position < $0.position }) ?? true { earliestFailure = (position, error) }
      condition.broadcast()
    }

    var failure: (any Error)? {
      condition.lock()
      defer { condition.unlock() }
      return earliestFailure?.error
    }
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
  public static func ranges(_ count: Int, runs: Int) -> [Range<Int>] {
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
