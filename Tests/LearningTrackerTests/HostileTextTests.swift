import Foundation
import LearningJSON
import LearningModel
import LearningReports
import LearningStore
import LearningTrackerCLI
import Testing

/// Text from agencies' spreadsheets, pasted emails and Word documents must never drive the
/// business unit's terminal, and data must never choose where a file is written.
@Suite struct HostileTextTests {
  /// Clear screen, window title, a hidden link, a right-to-left override, bell, backspace, DEL, a
  /// C1 control sequence introducer, and NUL.
  static let hostile =
    "Child \u{1B}[2JBOGUS\u{1B}]0;pwned\u{07} \u{1B}]8;;http://x.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ "
    + "\u{202E}fdp.exe \u{2066}iso\u{2069} bell\u{07} bs\u{08} del\u{7F} csi\u{9B}31m nul\u{0}"

  /// The control characters in a text, spelled for a failure message.
  static func raw(_ text: String) -> [String] {
    text.unicodeScalars.filter { ControlCharacters.contains($0) }.map(ControlCharacters.spelled)
  }

  /// A store whose every kind of text holds the hostile string, built through the command line.
  static func hostileStore() throws -> String {
    let h = hostile
    let store = try temporaryFolder().appendingPathComponent("tracker.json").path
    let steps: [[String]] = [
      ["init", "--name", "Partnership " + h],
      ["agency", "add", "--id", "vol", "--name", "Agency " + h, "--kind", "voluntary"],
      [
        "review", "add", "--id", "LCSPR-2025-09", "--title", h, "--kind", "lcspr", "--summary", h,
        "--decision", "2025-02-03", "--published", "2025-09-01", "--by", "By " + h,
      ],
      [
        "recommendation", "add", "LCSPR-2025-09/R1", "--text", h, "--agency", "la", "--agency", "vol",
        "--response", "partiallyAccepted", "--response-note", h,
      ],
      [
        "action", "add", "LCSPR-2025-09/1.1", "--recommendation", "R1", "--description", h, "--owner", "vol",
        "--lead", h, "--measure", h, "--agreed", "2025-09-15", "--due", "2026-03-31",
      ],
      [
        "action", "update", "LCSPR-2025-09/1.1", "--status", "inProgress", "--note", h, "--evidence", h,
        "--date", "2025-10-01", "--by", h,
      ],
      [
        "dissemination", "add", "--id", "D-1", "--method", "seven-minute-briefing", "--title", h, "--date",
        "2025-10-05", "--review", "LCSPR-2025-09", "--status", "delivered", "--reach", "40", "--note", h,
      ],
      ["section11", "add", "--agency", "vol", "--cycle", "2025-26", "--due", "2025-11-30"],
      [
        "section11", "update", "--agency", "vol", "--cycle", "2025-26", "--rate", "s11-1=met",
        "--evidence-for", "s11-1=" + h, "--learning", "LCSPR-2025-09", "--disseminated", h, "--implemented",
        h,
        "--evidence", h,
      ],
    ]
    for step in steps {
      let outcome = runTracker(step, data: store)
      #expect(outcome.status == 0, "\(step.prefix(2)): \(outcome.err)")
      #expect(raw(outcome.out + outcome.err).isEmpty, "\(step.prefix(2)): \(raw(outcome.out + outcome.err))")
    }
    return store
  }

  /// Every command that shows data, in every format it has.
  static let showingCommands: [[String]] = {
    var commands: [[String]] = [
      ["validate"], ["validate", "--format", "json"], ["history"], ["history", "--format", "json"],
      ["history", "LCSPR-2025-09/1.1"],
    ]
    for listing in [
      ["review", "list"], ["review", "show", "LCSPR-2025-09"], ["action", "list"],
      ["action", "show", "LCSPR-2025-09/1.1"], ["agency", "list"], ["dissemination", "list"],
      ["section11", "list"],
    ] {
      commands += [listing, listing + ["--format", "json"]]
    }
    let reports: [[String]] = [
      ["report", "progress", "--since", "2025-01-01"], ["report", "overdue"],
      ["report", "digest", "--year", "2025"],
      ["report", "timeliness"], ["report", "dissemination"], ["report", "section11"], ["report", "themes"],
      ["report", "briefing", "--review", "LCSPR-2025-09", "--allow-personal-data"],
      ["report", "plan", "--review", "LCSPR-2025-09", "--allow-personal-data"],
      ["report", "repeats"], ["report", "impact"], ["check", "smart"], ["check", "privacy"],
    ]
    for report in reports {
      for format in OutputFormat.allCases { commands.append(report + ["--format", format.rawValue]) }
    }
    return commands
  }()

  @Test func noCommandLetsAControlCharacterReachTheTerminal() throws {
    let store = try Self.hostileStore()
    for command in Self.showingCommands {
      let outcome = runTracker(command, data: store)
      #expect([0, 1].contains(outcome.status), "\(command): \(outcome.err)")
      #expect(Self.raw(outcome.err).isEmpty, "\(command) stderr: \(Self.raw(outcome.err))")
      let format = command.firstIndex(of: "--format").map { command[$0 + 1] } ?? "text"
      switch format {
      case "html", "csv":
        // Documents for a browser or a spreadsheet keep the text exactly when not on a terminal
        // (`documentsOnATerminalShowControlsVisibly` covers a terminal).
        #expect(!outcome.out.isEmpty, "\(command)")
      case "json":
        #expect(Self.raw(outcome.out).isEmpty, "\(command) stdout: \(Self.raw(outcome.out))")
        let data = Data(outcome.out.utf8)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(command): not JSON")
        if !command.contains("validate") {
          #expect(outcome.out.contains("\\u001b[2JBOGUS"), "\(command) lost the text")
        }
      default:
        #expect(Self.raw(outcome.out).isEmpty, "\(command) stdout: \(Self.raw(outcome.out))")
        // Markdown escapes the brackets too; the Section 11 listing shows no free text.
        if command != ["validate"] && command != ["section11", "list"] {
          #expect(outcome.out.contains("u{1B}"), "\(command): the text is not shown visibly")
        }
      }
    }
  }

  @Test func jsonOutputCarriesTheTextExactly() throws {
    let store = try Self.hostileStore()
    let shown = runTracker(["review", "show", "LCSPR-2025-09", "--format", "json"], data: store)
    let review = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
    #expect(review?["title"] as? String == Self.hostile)
    let report = runTracker(["report", "progress", "--format", "json"], data: store)
    let parsed = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
    #expect(parsed?["partnership"] as? String == "Partnership " + Self.hostile)
  }

  @Test func theStoreKeepsTheTextExactly() throws {
    let store = try Self.hostileStore()
    let tracker = try StoreReader.read(path: store).tracker
    #expect(tracker.partnership.name == "Partnership " + Self.hostile)
    #expect(tracker.reviews[0].title == Self.hostile)
    #expect(tracker.reviews[0].recommendations[0].actions[0].updates[0].note == Self.hostile)
    #expect(tracker.section11[0].learning[0].evidence == [Self.hostile])
  }

  @Test func documentsOnATerminalShowControlsVisibly() {
    var out = ""
    let console = Console(out: { out += $0 }, err: { _ in }, outputIsTerminal: true)
    console.out("a,\u{1B}[2J\r\nb\r\n", exact: true)
    #expect(out == "a,\\u{1B}[2J\nb\n")
    out = ""
    Console(out: { out += $0 }, err: { _ in }).out("a,\u{1B}\r\n", exact: true)
    #expect(out == "a,\u{1B}\r\n")
  }

  @Test func messagesQuotingArgumentsShowControlsVisibly() throws {
    let store = try Self.hostileStore()
    let h = Self.hostile
    let attempts: [[String]] = [
      ["review", "show", h], ["action", "show", "LCSPR-2025-09/" + h], ["action", "show", h],
      ["report", "progress", "--agency", h], ["report", "progress", "--format", h], ["review", "list", h],
      [h], ["review", h], ["action", "update", "LCSPR-2025-09/1.1", "--status", h],
      ["history", "--since", h], ["import", "returns", "/nonexistent/" + h, "--by", "Lead"],
    ]
    for arguments in attempts {
      let outcome = runTracker(arguments, data: store)
      #expect(outcome.status != 0, "\(arguments)")
      #expect(
        Self.raw(outcome.out + outcome.err).isEmpty, "\(arguments): \(Self.raw(outcome.out + outcome.err))")
      #expect(outcome.err.contains("\\u{1B}[2JBOGUS"), "\(arguments): \(outcome.err)")
    }
  }

  @Test func validateWarnsAndFormatFixTextRemovesThemWithHistory() throws {
    let store = try Self.hostileStore()
    let before = try StoreReader.read(path: store).tracker
    let warned = runTracker(["validate", "--format", "json"], data: store)
    #expect(warned.status == 0)
    guard case .array(let findings) = try JSONValue.parse(Array(warned.out.utf8)) else {
      Issue.record("validate --format json writes a list: \(warned.out)")
      return
    }
    let paths = Set(
      findings.filter { $0["check"] == .string("controlCharacters") }.compactMap { finding -> String? in
        if case .string(let path)? = finding["path"] { return path }
        return nil
      })
    for path in [
      "partnership.name", "agencies[3].name", "reviews[0].title", "reviews[0].summary",
      "reviews[0].recommendations[0].text", "reviews[0].recommendations[0].responseNote",
      "reviews[0].recommendations[0].actions[0].description", "reviews[0].recommendations[0].actions[0].lead",
      "reviews[0].recommendations[0].actions[0].measureOfSuccess",
      "reviews[0].recommendations[0].actions[0].updates[0].note",
      "reviews[0].recommendations[0].actions[0].updates[0].by",
      "reviews[0].recommendations[0].actions[0].updates[0].evidence[0]", "disseminations[0].title",
      "disseminations[0].note", "section11[0].ratings[0].evidence", "section11[0].learning[0].disseminated",
      "section11[0].learning[0].implemented", "section11[0].learning[0].evidence[0]",
    ] {
      #expect(paths.contains(path), "no warning at \(path): \(paths.sorted())")
    }
    #expect(findings.allSatisfy { $0["severity"] == .string("warning") })

    let fixed = runTracker(["format", "--fix-text", "--by", "QA subgroup"], data: store)
    #expect(fixed.status == 0, "\(fixed.err)")
    let after = try StoreReader.read(path: store).tracker
    #expect(after.reviews[0].title == ControlCharacters.removed(from: Self.hostile))
    #expect(after.partnership.name == "Partnership " + ControlCharacters.removed(from: Self.hostile))
    let clean = runTracker(["validate", "--format", "json"], data: store)
    #expect(!clean.out.contains("controlCharacters"))
    let history = runTracker(["history"], data: store)
    #expect(history.out.contains("format --fix-text"))
    #expect(history.out.contains("changed LCSPR-2025-09"))
    #expect(history.out.contains("changed agency:vol"))

    // The rewrite is a format entry: undo does not step back over it onto records it changed.
    let fixedStore = try Data(contentsOf: URL(fileURLWithPath: store))
    let undone = runTracker(["undo"], data: store)
    #expect(undone.status == 76, "\(undone.err)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == fixedStore)
    #expect(before != after)
  }

  @Test func hostileIdentifiersAreRefusedOnEveryAdd() throws {
    let store = try Self.hostileStore()
    let original = try Data(contentsOf: URL(fileURLWithPath: store))
    for bad in [
      "x/../../p5esc", "X\u{1B}[2J", "has space", "..", "-leading", String(repeating: "a", count: 65),
    ] {
      let attempts: [[String]] = [
        ["review", "add", "--id", bad, "--title", "T", "--kind", "lcspr"],
        ["recommendation", "add", "LCSPR-2025-09/" + bad, "--text", "T"],
        [
          "action", "add", "LCSPR-2025-09/" + bad, "--recommendation", "R1", "--description", "D", "--owner",
          "la", "--due", "2026-01-01",
        ],
        ["agency", "add", "--id", bad, "--name", "N"],
        ["dissemination", "add", "--id", bad, "--method", "webinar", "--title", "T", "--date", "2025-01-01"],
      ]
      for arguments in attempts {
        let outcome = runTracker(arguments, data: store)
        #expect(outcome.status == 64, "\(arguments): \(outcome.err)")
        #expect(outcome.err.contains("is not a"), "\(arguments): \(outcome.err)")
        #expect(Self.raw(outcome.err).isEmpty)
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == original)
  }

  @Test func anIdentifierWrittenIntoTheFileIsReportedWithItsPath() throws {
    let store = try Self.hostileStore()
    var text = try String(contentsOfFile: store, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"LCSPR-2025-09\"", with: "\"x/../../p5esc\"")
    try text.write(toFile: store, atomically: true, encoding: .utf8)
    let outcome = runTracker(["validate"], data: store)
    #expect(outcome.status == 65)
    #expect(
      outcome.out.contains("reviews[0].id: error: review ID \"x/../../p5esc\" holds '/'"), "\(outcome.out)")
    #expect(outcome.out.contains("[identifiers]"))
  }

  /// Every file below `folder`, as paths relative to it.
  static func files(below folder: URL) -> Set<String> {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var found = Set<String>()
    while let path = enumerator?.nextObject() as? String { found.insert(path) }
    return found
  }

  @Test func reportAllWritesNothingOutsideItsFolder() throws {
    let base = try temporaryFolder()
    let store = base.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
    // The review whose briefing `report all` writes, given an ID that climbs out of the folder.
    let seeds = try StoreReader.read(path: store.path).tracker
    let asOf = try #require(CalendarDay("2026-11-20"))
    let packReview = try #require(ReportRegistry.packReview(seeds, asOf: asOf))
    let chosen = seeds.reviews.first { $0.id == packReview }
    let published = try #require(chosen)
    var text = try String(contentsOf: store, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"\(published.id)\"", with: "\"x/../../p5esc\"")
    try text.write(to: store, atomically: true, encoding: .utf8)
    let output = base.appendingPathComponent("a/b/out")
    // The folders a climbing name would need are in place.
    try FileManager.default.createDirectory(
      at: output.appendingPathComponent("briefing-x"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: output.appendingPathComponent("plan-x"), withIntermediateDirectories: true)
    let before = Self.files(below: base)
    let outcome = runTracker(
      ["report", "all", "--output-dir", output.path, "--as-of", "2026-11-20"], data: store.path)
    #expect(outcome.status == 65, "\(outcome.err)")
    #expect(outcome.err.contains("x/../../p5esc"))
    #expect(outcome.err.contains("nothing was written"))
    #expect(Self.files(below: base) == before, "written: \(Self.files(below: base).subtracting(before))")

    // A clean store: every file lands directly inside the folder.
    let clean = try temporaryFolder()
    let cleanStore = clean.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: cleanStore)
    let written = runTracker(
      ["report", "all", "--output-dir", clean.appendingPathComponent("out").path, "--as-of", "2026-11-20"],
      data: cleanStore.path)
    #expect(written.status == 0, "\(written.err)")
    let all = Self.files(below: clean).subtracting(["tracker.json"])
    #expect(all.count == 27)
    #expect(all.allSatisfy { $0 == "out" || ($0.hasPrefix("out/") && !$0.dropFirst(4).contains("/")) })
  }

  @Test func twoAgenciesNeverShareASpreadsheet() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
    let tracker = try StoreReader.read(path: store.path).tracker
    let review = tracker.reviews[0]
    let recommendation = try #require(review.recommendations.first)
    for (index, agency) in ["x_y", "X_Y"].enumerated() {
      #expect(runTracker(["agency", "add", "--id", agency, "--name", agency], data: store.path).status == 0)
      let add = runTracker(
        [
          "action", "add", "\(review.id)/90.\(index)", "--recommendation", recommendation.id, "--description",
          "D", "--owner", agency, "--due", "2027-01-31", "--agreed", "2026-11-01",
        ], data: store.path)
      #expect(add.status == 0, "\(add.err)")
    }
    for arguments in [
      ["export", "returns", "--all", folder.appendingPathComponent("sheets").path],
      ["report", "overdue", "--by-agency", folder.appendingPathComponent("chase").path],
    ] {
      let outcome = runTracker(arguments, data: store.path)
      #expect(outcome.status == 65, "\(arguments): \(outcome.err)")
      #expect(outcome.err.contains("agency x_y and agency X_Y"), "\(outcome.err)")
      #expect(!FileManager.default.fileExists(atPath: arguments[arguments.count - 1]))
    }
  }

  @Test func aFolderThatCannotBeMadeIsExplainedInWords() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Seeds/tracker.json"), to: store)
    let file = folder.appendingPathComponent("afile")
    try Data("x".utf8).write(to: file)
    for arguments in [
      ["report", "all", "--output-dir", file.path + "/sub"],
      ["export", "returns", "--all", file.path + "/sub"],
      ["report", "overdue", "--by-agency", file.path + "/sub"],
    ] {
      let outcome = runTracker(arguments, data: store.path)
      #expect(outcome.status == 73, "\(arguments)")
      #expect(outcome.err.contains("\(file.path) is a file, not a folder"), "\(outcome.err)")
      #expect(!outcome.err.contains("Domain"), "\(outcome.err)")
      #expect(!outcome.err.contains("error 512"), "\(outcome.err)")
    }
  }

  @Test func aRecommendationThatLooksLikeMarkdownStaysText() throws {
    let folder = try temporaryFolder()
    let store = folder.appendingPathComponent("tracker.json").path
    #expect(runTracker(["init"], data: store).status == 0)
    #expect(
      runTracker(
        [
          "review", "add", "--id", "R-1", "--title", "Child Q", "--kind", "lcspr", "--published",
          "2025-09-01",
        ],
        data: store
      ).status == 0)
    let texts = [
      "---", "    indented code", "1. first", "2) second", "~~~ fence", "- item", "+ item", "# heading",
    ]
    for (index, text) in texts.enumerated() {
      let outcome = runTracker(
        ["recommendation", "add", "R-1/R\(index)", "--text", text, "--response", "accepted"], data: store)
      #expect(outcome.status == 0)
    }
    let plan = runTracker(["report", "plan", "--review", "R-1", "--format", "markdown"], data: store)
    #expect(plan.status == 0, "\(plan.err)")
    let lines = plan.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for forbidden in [
      "---", "    indented code", "1. first", "2) second", "~~~ fence", "- item", "+ item", "# heading",
    ] {
      #expect(!lines.contains(forbidden), "\(forbidden) became Markdown")
    }
    for shown in [
      "\\---", "indented code", "1\\. first", "2\\) second", "\\~~~ fence", "\\- item", "\\+ item",
      "\\# heading",
    ] {
      #expect(lines.contains(shown), "\(shown) not in \(lines)")
    }
  }

  @Test func theBuiltBinaryKeepsEscapesOffTheTerminal() throws {
    let folder = try temporaryFolder()
    let h = "\u{1B}[2JBOGUS\u{1B}]0;pwned\u{07} \u{202E}fdp.exe \u{08}\u{7F}\u{9B}"
    #expect(try runBinary(["init"], in: folder).status == 0)
    let added = try runBinary(["review", "add", "--id", "R-1", "--title", h, "--kind", "lcspr"], in: folder)
    #expect(added.status == 0)
    for arguments in [["review", "show", "R-1"], ["review", "list"], ["history"], ["review", "show", h]] {
      let outcome = try runBinary(arguments, in: folder)
      #expect(
        Self.raw(outcome.out + outcome.err).isEmpty, "\(arguments): \(Self.raw(outcome.out + outcome.err))")
      // A listing may wrap the title inside its column: each part is shown visibly.
      #expect((outcome.out + outcome.err).contains("\\u{1B}[2JBOGUS\\u{1B}]0;pwned\\u{7}"))
      #expect((outcome.out + outcome.err).contains("\\u{202E}fdp.exe"))
    }
    let refused = try runBinary(
      ["review", "add", "--id", "x/../../p5esc", "--title", "T", "--kind", "lcspr"], in: folder)
    #expect(refused.status == 64)
  }
}
