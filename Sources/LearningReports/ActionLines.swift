import LearningModel

/// A list of action lines, in its own order, whose lines are kept once for every list that shares
/// them: the overdue list's five lists (overdue, due soon, stale, not yet time-bound, rated better)
/// each hold only where their lines lie, so an action that is both overdue and stale is made and
/// kept once. On a national store the lists hold hundreds of thousands of lines.
public struct ActionLines: RandomAccessCollection, Equatable, Encodable, Sendable {
  /// Where a listed line lies: its run and its place in the run.
  struct Place: Sendable {
    var run: UInt32
    var line: UInt32
  }

  /// The lines, in runs as they were made (one per core); shared, not copied, by every list made
  /// from them.
  let runs: [[ActionLine]]
  /// The places of this list's lines, in the list's order.
  let places: [Place]

  init(runs: [[ActionLine]], places: [Place]) {
    self.runs = runs
    self.places = places
  }

  /// An empty list.
  init() {
    runs = []
    places = []
  }

  /// The first line's position: 0.
  public var startIndex: Int { 0 }
  /// The position after the last line: the number of lines.
  public var endIndex: Int { places.count }

  /// The line at `position`.
  public subscript(position: Int) -> ActionLine {
    runs[Int(places[position].run)][Int(places[position].line)]
  }

  /// What `body` gives for the line at `position`, read where it lies (not copied out).
  func withLine<Result>(at position: Int, _ body: (borrowing ActionLine) throws -> Result) rethrows -> Result
  {
    try Self.withLine(at: places[position], in: runs, body)
  }

  /// What `body` gives for the line at `place` of `runs`, read where it lies.
  static func withLine<Result>(
    at place: Place, in runs: [[ActionLine]], _ body: (borrowing ActionLine) throws -> Result
  ) rethrows -> Result {
    try runs[Int(place.run)].withUnsafeBufferPointer { try body($0[Int(place.line)]) }
  }

  /// Each line in the list's order, read where it lies.
  func forEachLine(_ body: (borrowing ActionLine) throws -> Void) rethrows {
    for place in places { try Self.withLine(at: place, in: runs, body) }
  }

  /// Whether the two lists hold the same lines in the same order.
  public static func == (lhs: ActionLines, rhs: ActionLines) -> Bool {
    lhs.elementsEqual(rhs)
  }

  /// Encoded as the array of its lines.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try forEachLine { line in try container.encode(copy line) }
  }
}
