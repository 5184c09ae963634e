import Foundation
import Testing

@testable import LearningJSON

/// The one JSON writer: the layout, key order and escaping every JSON file of the tool has.
@Suite struct JSONWriterTests {
  struct Unsorted: Encodable {
    var zebra = 1
    var apple: [String] = ["a/b", "quote\" back\\ tab\t nul\u{0}"]
    var empty: [Int] = []
    var nested = Nested()
    var missing: String? = nil
  }

  struct Nested: Encodable {
    var b = true
    var a = 2.5
  }

  @Test func prettyLayoutSortsKeysAtEveryLevel() throws {
    let text = String(decoding: try JSONWriter.pretty(Unsorted()), as: UTF8.self)
    #expect(
      text == """
        {
          "apple" : [
            "a/b",
            "quote\\" back\\\\ tab\\t nul\\u0000"
          ],
          "empty" : [

          ],
          "nested" : {
            "a" : 2.5,
            "b" : true
          },
          "zebra" : 1
        }

        """)
  }

  @Test func compactLayoutHasNoSpaces() throws {
    let text = String(decoding: try JSONWriter.compact(Unsorted()), as: UTF8.self)
    #expect(
      text
        == #"{"apple":["a/b","quote\" back\\ tab\t nul\u0000"],"empty":[],"nested":{"a":2.5,"b":true},"zebra":1}"#
    )
  }

  @Test func sameBytesAsFoundationForSortedPrettyOutput() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let value = ["b": [1, -20, 300], "a": [], "c/d": [Int.max, Int.min + 1]]
    let expected = String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    #expect(String(decoding: try JSONWriter.pretty(value), as: UTF8.self) == expected)
  }
}

/// The JSON syntax layer: strict, and every error placed by line and column.
@Suite struct JSONReaderTests {
  func firstError(_ text: String) -> JSONSyntaxError? { firstError(bytes: Array(text.utf8)) }

  func firstError(bytes: [UInt8]) -> JSONSyntaxError? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = JSONReader(bytes: buffer)
      var duplicates: [JSONReader.DuplicateKey] = []
      do throws(JSONSyntaxError) {
        try reader.skipValue(duplicates: &duplicates)
        if !reader.atEnd() { throw reader.error("unexpected text after the end of the JSON document") }
        return nil
      } catch {
        return error
      }
    }
  }

  @Test func syntaxErrorsHaveLineAndColumn() {
    #expect(
      firstError("{\n \"a\": [\n    x]}")
        == JSONSyntaxError(line: 3, column: 5, message: "expected a value, found 'x'"))
    #expect(firstError("{\"a\": 01}")?.message == "a number may not start with 0")
    #expect(firstError("{\"a\": \"\\ud800\"}")?.message == "a lone surrogate \\u escape in a string")
    #expect(firstError("\"\u{C0}\u{80}\"") == nil)
    #expect(firstError(bytes: [0x22, 0xC0, 0x80, 0x22])?.message == "invalid UTF-8 in a string")
    #expect(
      firstError("\"a\u{0}b\"")?.message == "a control character (U+0000) inside a string must be escaped")
    #expect(
      firstError(String(repeating: "[", count: 201) + String(repeating: "]", count: 201))?.message
        == "nesting is deeper than 200 levels")
    #expect(firstError(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)) == nil)
    #expect(firstError("[1] 2")?.column == 5)
  }

  @Test func duplicateNamesInSkippedValuesAreNoted() {
    let text = #"{"a": [{"x": 1, "y": 2, "x": 3}]}"#
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      var reader = JSONReader(bytes: buffer)
      var duplicates: [JSONReader.DuplicateKey] = []
      #expect(throws: Never.self) { try reader.skipValue(duplicates: &duplicates) }
      #expect(duplicates.count == 1)
      #expect(duplicates.first?.path == ".a[0]")
      #expect(duplicates.first?.name == "x")
      #expect(duplicates.first?.firstOffset == 8)
    }
  }
}
