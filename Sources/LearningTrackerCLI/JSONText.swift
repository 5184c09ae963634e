import LearningJSON

/// Encodes a value as pretty JSON with sorted keys and a final newline, by the one JSON writer.
func jsonText(_ value: some Encodable) throws -> String {
  String(decoding: try JSONWriter.pretty(value), as: UTF8.self)
}
