import Testing

@testable import LearningJSON

/// The hand-written pretty JSON is the one writer's layout byte for byte.
@Suite struct JSONPrettyWriterTests {
  struct Inner: Encodable {
    var b = true
    var a = "x\ny"
  }

  struct Value: Encodable {
    var empty: [String] = []
    var inner = Inner()
    var list = ["one", "two \"quoted\""]
    var missing: String? = nil
    var nested: [[Int]] = [[], [1, -20]]
    var number = 42
    var text = "tab\t and slash / and é"
  }

  @Test func theSameBytesAsTheEncodablePath() throws {
    let value = Value()
    var writer = JSONPrettyWriter()
    writer.openObject()
    writer.key("empty")
    writer.openList()
    writer.close()
    writer.key("inner")
    try writer.encoded(value.inner)
    writer.member("list", value.list)
    writer.member("missing", value.missing)
    writer.key("nested")
    writer.openList()
    for row in value.nested {
      writer.element()
      writer.openList()
      for number in row {
        writer.element()
        writer.integer(number)
      }
      writer.close()
    }
    writer.close()
    writer.member("number", value.number)
    writer.member("text", value.text)
    let written = writer.finish()
    let expected = try JSONWriter.pretty(value)
    #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
  }

  @Test func anEmptyObjectAtTheTop() throws {
    var writer = JSONPrettyWriter()
    writer.openObject()
    struct Empty: Encodable {}
    #expect(writer.finish() == (try JSONWriter.pretty(Empty())))
  }
}
