import Foundation
import Testing

/// Golden files: expected output kept beside the tests, compared with a line diff, and rewritten
/// instead when `RECORD_GOLDEN=1` is in the environment.
public enum GoldenFile {
  /// Whether this run records golden files instead of comparing with them.
  public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  /// Compares `actual` with the file `name` in `folder`, recording a test issue with the line
  /// diff when they differ; with `RECORD_GOLDEN=1` it writes the file instead.
  public static func assert(
    _ actual: String, _ name: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if isRecording {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        Comment(rawValue: "no golden file \(name); record it with RECORD_GOLDEN=1 swift test"),
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if let diff = LineDiff.render(expected: expected, actual: actual) {
      Issue.record(
        Comment(rawValue: "\(name) differs from its golden file (- golden, + actual):\n" + diff),
        sourceLocation: sourceLocation)
    }
  }
}
