import Foundation
import LearningModel
import LearningStore
import Testing

@testable import LearningReports

/// Hostile text in every free-text field must come out inert in every format.
@Suite struct EscapingTests {
  static let hostile =
    "<script>alert(1)</script> \"quoted\" 'single' </table> a|b =HYPERLINK(\"http://x\") line\nbreak & *bold* [link](x)"
    + " \u{1B}[2J\u{1B}]0;title\u{07} \u{202E}fdp.exe \u{08}\u{7F}\u{9B}\u{0}"

  func hostileTracker() throws -> Tracker {
    var tracker = try Fixture.tracker()
    let h = Self.hostile
    tracker.partnership.name = h
    for index in tracker.agencies.indices { tracker.agencies[index].name = "=" + h }
    for index in tracker.themes.indices { tracker.themes[index].name = "@" + h }
    for index in tracker.disseminationMethods.indices { tracker.disseminationMethods[index].name = "+" + h }
    for index in tracker.section11Standards.indices { tracker.section11Standards[index].name = "=" + h }
    for index in tracker.disseminations.indices {
      tracker.disseminations[index].title = "=" + h
      tracker.disseminations[index].note = h
    }
    for r in tracker.reviews.indices {
      tracker.reviews[r].title = "-" + h
      tracker.reviews[r].summary = h
      for f in tracker.reviews[r].findings.indices { tracker.reviews[r].findings[f].text = h }
      for m in tracker.reviews[r].recommendations.indices {
        tracker.reviews[r].recommendations[m].text = "=" + h
        tracker.reviews[r].recommendations[m].responseNote = h
        for a in tracker.reviews[r].recommendations[m].actions.indices {
          tracker.reviews[r].recommendations[m].actions[a].description = "=" + h
          tracker.reviews[r].recommendations[m].actions[a].lead = "\t" + h
          for u in tracker.reviews[r].recommendations[m].actions[a].updates.indices {
            tracker.reviews[r].recommendations[m].actions[a].updates[u].note = "\r" + h
          }
        }
      }
    }
    return tracker
  }

  var reports: [any Report] {
    get throws {
      let tracker = try hostileTracker()
      let options = ReportOptions(asOf: Fixture.asOf, since: Fixture.since, year: 2025)
      var all: [any Report] = [
        ProgressReport.build(tracker, options), OverdueReport.build(tracker, options),
        DigestReport.build(tracker, options),
        TimelinessReport.build(tracker, options), DisseminationReport.build(tracker, options),
        Section11Report.build(tracker, options, cycle: "2025-26"),
        ThemesReport.build(tracker, options, theme: nil),
        RepeatsReport.build(tracker, options, threshold: 0.01), SmartReport.build(tracker, options),
        ImpactReport.build(tracker, options),
      ]
      if let briefing = BriefingReport.build(tracker, options, review: tracker.reviews[0].id) {
        all.append(briefing)
      }
      if let plan = PlanReport.build(tracker, options, review: tracker.reviews[1].id) { all.append(plan) }
      return all
    }
  }

  @Test func htmlEscapesEverything() throws {
    for report in try reports {
      let html = report.rendered(as: .html)
      #expect(!html.contains("<script"))
      #expect(html.contains("&lt;script&gt;"))
      #expect(html.components(separatedBy: "</table>").count == html.components(separatedBy: "<table").count)
      #expect(!html.contains("'single'"))
    }
  }

  @Test func markdownTablesKeepTheirColumns() throws {
    for report in try reports {
      let markdown = report.rendered(as: .markdown)
      #expect(!markdown.contains("<script"))
      var columns: Int?
      for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasPrefix("|") else {
          columns = nil
          continue
        }
        // Count pipes that are not escaped.
        var count = 0
        var previous: Character = " "
        for character in line {
          if character == "|" && previous != "\\" { count += 1 }
          previous = character
        }
        if let columns { #expect(count == columns, "\(line)") } else { columns = count }
      }
    }
  }

  @Test func csvCellsAreQuotedAndNeutralised() throws {
    for report in try reports {
      let csv = report.rendered(as: .csv)
      #expect(csv.hasPrefix("\u{FEFF}"))
      let rows = try CSVReader.read(csv)
      let width = try #require(rows.first?.count)
      for row in rows {
        #expect(row.count == width)
        for cell in row {
          if let first = cell.text.first {
            #expect(!["=", "+", "@", "\t", "\r"].contains(first), "\(cell.text)")
          }
          if cell.text.hasPrefix("-") { #expect(Double(cell.text) != nil) }
        }
      }
    }
  }

  @Test func jsonCarriesTheTextExactly() throws {
    for report in try reports {
      let json = report.rendered(as: .json)
      let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      #expect(parsed?["partnership"] as? String == Self.hostile, "\(type(of: report))")
    }
  }

  @Test func textKeepsOneRowPerLine() throws {
    let report = OverdueReport.build(try hostileTracker(), ReportOptions(asOf: Fixture.asOf))
    let text = report.rendered(as: .text)
    #expect(!text.contains("line\nbreak"))
  }

  @Test func textAndMarkdownShowControlsVisibly() throws {
    for report in try reports {
      for format in [OutputFormat.text, .markdown] {
        let shown = report.rendered(as: format)
        let raw = shown.unicodeScalars.filter { Escape.isUnsafeForTerminal($0) }
        #expect(raw.isEmpty, "\(type(of: report)) \(format): \(raw.map(\.value))")
        #expect(shown.contains("u{1B}"), "\(type(of: report)) \(format)")
      }
    }
  }

  @Test func markdownTextsCannotOpenABlock() {
    #expect(Escape.markdown("---") == "\\---")
    #expect(Escape.markdown("- - -") == "\\- - -")
    #expect(Escape.markdown("***") == "\\*\\*\\*")
    #expect(Escape.markdown("___") == "\\_\\_\\_")
    #expect(Escape.markdown("    code") == "code")
    #expect(Escape.markdown("\tcode") == "code")
    #expect(Escape.markdown("1. first") == "1\\. first")
    #expect(Escape.markdown("12) twelfth") == "12\\) twelfth")
    #expect(Escape.markdown("- item") == "\\- item")
    #expect(Escape.markdown("+ item") == "\\+ item")
    #expect(Escape.markdown("# heading") == "\\# heading")
    #expect(Escape.markdown("> quote") == "&gt; quote")
    #expect(Escape.markdown("```swift") == "\\`\\`\\`swift")
    #expect(Escape.markdown("~~~ fence") == "\\~~~ fence")
    // Numbers and ordinary text are left as they are.
    #expect(Escape.markdown("+2") == "+2")
    #expect(Escape.markdown("-3") == "-3")
    #expect(Escape.markdown("2025.") == "2025\\.")
    #expect(Escape.markdown("12.5%") == "12.5%")
    #expect(Escape.markdown("Child M - review") == "Child M - review")
  }

  @Test func terminalJSONKeepsTheValue() throws {
    let json = Escape.terminalJSON("{\n  \"a\" : \"x\u{202E}y\u{7F}\u{9B}\"\n}\n")
    #expect(json == "{\n  \"a\" : \"x\\u202ey\\u007f\\u009b\"\n}\n")
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    #expect(parsed?["a"] == "x\u{202E}y\u{7F}\u{9B}")
  }

  @Test func escapeRules() {
    #expect(Escape.csv("=SUM(A1)") == "'=SUM(A1)")
    #expect(Escape.csv("-12") == "-12")
    #expect(Escape.csv("-x") == "'-x")
    #expect(Escape.csv("a,b") == "\"a,b\"")
    #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(Escape.markdown("a|b\nc <x>") == "a\\|b c &lt;x&gt;")
    #expect(Escape.html("<a href=\"x\">") == "&lt;a href=&quot;x&quot;&gt;")
  }
}
