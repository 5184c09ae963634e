import LearningJSON
import LearningReports

/// Encodes a value as pretty JSON with sorted keys and a final newline, by the one JSON writer,
/// every control character in its strings written as a `\\u` escape (the same JSON value, safe on
/// a terminal).
func jsonText(_ value: some Encodable) throws -> String {
  Escape.terminalJSON(String(decoding: try JSONWriter.pretty(value), as: UTF8.self))
}
