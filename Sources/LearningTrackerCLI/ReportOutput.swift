import Foundation
import LearningReports
import LearningStore

/// Where a report goes and in which format: `--format` and `--output`, checked before anything is
/// read.
struct ReportOutput {
  var format: OutputFormat?
  var file: String?

  /// The options as given; the format is checked against the output file's extension at once.
  init(_ args: ParsedArguments) throws {
    format = try args.value("--format").flatMap(OutputFormat.init(rawValue:))
    file = try args.value("--output")
    _ = try resolvedFormat()
  }

  /// The format: as given, else from the output file's extension, else text.
  func resolvedFormat() throws(CommandError) -> OutputFormat {
    if let format { return format }
    guard let file else { return .text }
    guard let format = OutputFormat(fileExtension: URL(fileURLWithPath: file).pathExtension) else {
      throw .usage("--output: cannot tell the format from \"\(file)\"; give --format")
    }
    return format
  }

  /// Writes the rendered report to the output file or standard output.
  func emit(_ report: any Report, _ context: Context) throws {
    let format = try resolvedFormat()
    let text = report.rendered(as: format)
    if let file {
      try AtomicFile.write(Array(text.utf8), to: file, mode: 0o600)
      context.console.note("wrote \(file)")
    } else {
      context.console.out(format == .json ? Escape.terminalJSON(text) : text, exact: format != .text)
    }
  }
}
