import Foundation
import Testing

/// Asked for a PDF, the command line says that it writes HTML for print and how to make the PDF.
@Suite struct PrintToPDFTests {
  @Test func aPDFOutputFileIsAnsweredWithHowToPrintTheHTML() throws {
    let store = packageRoot.appendingPathComponent("Seeds/tracker.json").path
    let outcome = runTracker(
      ["report", "progress", "--as-of", "2026-11-20", "--output", "board.pdf"], data: store)
    #expect(outcome.status == 64)
    #expect(outcome.out.isEmpty)
    #expect(
      outcome.err.contains("learning-tracker does not write PDF; it writes HTML laid out for printing on A4"))
    #expect(outcome.err.contains("--format html --output board.html"))
    #expect(outcome.err.contains("print it to PDF"))
    #expect(
      outcome.err.contains("chromium --headless --no-pdf-header-footer --print-to-pdf=board.pdf board.html"))
    #expect(!outcome.err.contains("give --format"))
    #expect(!FileManager.default.fileExists(atPath: "board.pdf"))
  }

  @Test func theCommandToPrintQuotesAFileNameForTheShell() {
    let outcome = runTracker(["report", "overdue", "--output", "Board pack's.PDF"], data: absentStore)
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("--output 'Board pack'\\''s.html'"), "\(outcome.err)")
    #expect(outcome.err.contains("--print-to-pdf='Board pack'\\''s.PDF' 'Board pack'\\''s.html'"))
  }

  @Test func anUnknownExtensionStillAsksForTheFormat() {
    let outcome = runTracker(["report", "overdue", "--output", "board.docx"], data: absentStore)
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("cannot tell the format from \"board.docx\"; give --format"))
  }
}
