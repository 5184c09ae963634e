import LearningTestSupport
import Testing

@Suite struct LineDiffTests {
  @Test func equalTextsHaveNoDiff() {
    #expect(LineDiff.render(expected: "a\nb\n", actual: "a\nb\n") == nil)
  }

  /// An inserted line shows as one insertion, not as every later line changed.
  @Test func anInsertedLineIsOneInsertion() throws {
    let expected = (1...20).map { "line \($0)" }.joined(separator: "\n")
    var lines = (1...20).map { "line \($0)" }
    lines.insert("new", at: 5)
    let diff = try #require(LineDiff.render(expected: expected, actual: lines.joined(separator: "\n")))
    let changed = diff.split(separator: "\n").filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
    #expect(changed == ["+ new"])
    #expect(diff.contains("@@ expected line 4, actual line 4 @@"))
  }

  @Test func aChangedLineShowsBothSidesOldFirst() throws {
    let diff = try #require(LineDiff.render(expected: "a\nb\nc", actual: "a\nB\nc"))
    #expect(diff.split(separator: "\n").filter { $0.hasPrefix("+") || $0.hasPrefix("-") } == ["- b", "+ B"])
  }
}
