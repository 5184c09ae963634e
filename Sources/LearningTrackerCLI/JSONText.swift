import Foundation
import LearningReports

/// Encodes a value as pretty JSON with sorted keys and a final newline, every control character
/// in its strings written as a `\\u` escape (the same JSON value, safe on a terminal).
func jsonText(_ value: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return Escape.terminalJSON(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
}
