import Testing

@testable import LearningStore

/// The buffer a list is read into: its elements handed over in order in an array of exactly their
/// number, and every element it still holds freed when a read stops part way.
@Suite struct ExactListTests {
  /// An element that counts how many of its kind are alive.
  final class Counted {
    nonisolated(unsafe) static var alive = 0
    let value: Int
    init(_ value: Int) {
      self.value = value
      Counted.alive += 1
    }
    deinit { Counted.alive -= 1 }
  }

  @Test func handsOverEveryElementInOrderAtExactlyItsLength() {
    for count in [0, 1, 7, 8, 9, 100] {
      var list = ExactList<Int>()
      for value in 0..<count { list.append(value) }
      let array = list.finish()
      #expect(array == Array(0..<count))
      #expect(array.capacity < count + 4)
    }
  }

  @Test func freesWhatItHoldsWhenTheReadStops() {
    let before = Counted.alive
    do {
      var list = ExactList<Counted>()
      for value in 0..<20 { list.append(Counted(value)) }
      #expect(Counted.alive == before + 20)
    }
    #expect(Counted.alive == before)
    do {
      var list = ExactList<Counted>()
      for value in 0..<20 { list.append(Counted(value)) }
      let array = list.finish()
      #expect(array.map(\.value) == Array(0..<20))
      #expect(Counted.alive == before + 20)
    }
    #expect(Counted.alive == before)
  }
}
