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
    format = try args[.reportFormat]
    file = try args[.output]
    _ = try resolvedFormat()
  }

  /// The format: as given, else from the output file's extension, else text.
  func resolvedFormat() throws(CommandError) -> OutputFormat {
    if let format { return format }
    guard let file else { return .text }
    let fileExtension = URL(fileURLWithPath: file).pathExtension
    if fileExtension.lowercased() == "pdf" { throw .usage(Self.printToPDF(file)) }
    guard let format = OutputFormat(fileExtension: fileExtension) else {
      throw .usage("--output: cannot tell the format from \"\(file)\"; give --format")
    }
    return format
  }

  /// Writes the rendered report to the output file or standard output.
  func emit(_ report: any Report, _ context: Context) throws {
    let format = try resolvedFormat()
    if let file {
      // A report with several tables: each other table beside the main one, as NAME-TABLE.csv.
      let extras =
        format == .csv
        ? Array(report.csvFiles(named: (file as NSString).deletingPathExtension).dropFirst()) : []
      for path in [file] + extras.map(\.fileName) { try OutputTarget.check(path, store: context.dataPath) }
      try LearningTrackerCommand.write(report, as: format, to: file, store: context.dataPath)
      context.console.note("wrote \(file)")
      if format == .csv {
        for extra in extras {
          try OutputTarget.write(Array(extra.text.utf8), to: extra.fileName, store: context.dataPath)
          context.console.note("wrote \(extra.fileName)")
        }
      }
    } else if format == .text {
      context.console.out(report.rendered(as: format))
    } else if format == .json {
      // Written as it is made, a piece at a time, so a list of hundreds of thousands of lines never
      // sits whole in memory. The pieces break between values, never inside a character.
      try report.writeJSON { piece in
        if Escape.mayHoldTerminalControls(piece) {
          // Controls the writer keeps as they are (DEL, C1, bidirectional) as `\u` escapes.
          context.console.out(Escape.terminalJSON(String(decoding: piece, as: UTF8.self)), exact: true)
        } else {
          context.console.out(bytes: piece)
        }
      }
    } else {
      context.console.out(document: report.rendered(as: format))
      if format == .csv && report.csvTables.count > 1 {
        context.console.note(
          "the report has \(report.csvTables.count) tables; give --output FILE.csv to write each to its own file"
        )
      }
    }
  }
}

extension ReportOutput {
  /// What to do instead of writing a PDF: learning-tracker writes HTML laid out for A4, and a
  /// browser prints it to PDF.
  static func printToPDF(_ file: String) -> String {
    let pdf = shellWord(file)
    let html = shellWord((file as NSString).deletingPathExtension + ".html")
    return """
      --output: learning-tracker does not write PDF; it writes HTML laid out for printing on A4. \
      Write the HTML with --format html --output \(html), then open it in a browser and print it to PDF \
      (Print, then Save as PDF), or run: chromium --headless --no-pdf-header-footer --print-to-pdf=\(pdf) \(html)
      """
  }

  /// A file name as one word for a POSIX shell: as it is when it holds only plain characters,
  /// else in single quotes.
  static func shellWord(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "-_./+,:@%".unicodeScalars.contains($0)
    }
    return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
