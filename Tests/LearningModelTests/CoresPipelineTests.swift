import Foundation
import LearningModel
import Testing

/// `report all`'s pipeline: every value made once, every job done with its own value, each value let
/// go after its last job, and the earliest failure thrown.
@Suite struct CoresPipelineTests {
  /// What the jobs saw, under a lock.
  final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var made: [Int] = []
    private(set) var used: [String] = []
    private(set) var finished: [Int] = []

    func note(made index: Int) { lock.withLock { made.append(index) } }
    func note(used text: String) { lock.withLock { used.append(text) } }
    func note(finished index: Int) { lock.withLock { finished.append(index) } }
  }

  struct Failure: Error, Equatable {
    var job: String
  }

  @Test func everyValueIsMadeOnceAndEveryJobDoneWithIt() throws {
    let log = Log()
    let uses = [3, 0, 1, 2, 5, 1]
    try Cores.pipeline(
      uses.count, uses: { uses[$0] },
      make: { index in
        log.note(made: index)
        return "value \(index)"
      },
      use: { value, index, job in log.note(used: "\(value)/\(index)/\(job)") },
      finished: { log.note(finished: $0) })
    #expect(log.made.sorted() == Array(0..<uses.count))
    let expected = uses.indices.flatMap { index in (0..<uses[index]).map { "value \(index)/\(index)/\($0)" } }
    #expect(log.used.sorted() == expected.sorted())
    // A value with no jobs is never used, so never finished.
    #expect(log.finished.sorted() == uses.indices.filter { uses[$0] > 0 })
  }

  @Test func theEarliestFailureIsThrownAndNoLaterValueIsMade() {
    let log = Log()
    #expect(throws: Failure(job: "make 2")) {
      try Cores.pipeline(
        40, uses: { _ in 2 },
        make: { index in
          if index == 2 { throw Failure(job: "make 2") }
          log.note(made: index)
          return index
        },
        use: { value, index, job in
          if index == 3 { throw Failure(job: "use 3") }
          log.note(used: "\(index)/\(job)")
        },
        finished: { _ in })
    }
    // The jobs are taken in order, at most one value ahead of the jobs being done.
    #expect(log.made.allSatisfy { $0 < 2 + 8 })
    #expect(!log.used.contains { $0.hasPrefix("2/") })
  }

  @Test func noValuesIsNothingToDo() throws {
    try Cores.pipeline(0, uses: { _ in 1 }, make: { $0 }, use: { _, _, _ in }, finished: { _ in })
  }
}
