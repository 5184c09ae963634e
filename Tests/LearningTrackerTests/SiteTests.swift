import Foundation
import Testing

/// `report site` through the built binary: every link of the site resolves to a file in it, every
/// review, agency and theme has its page, the search index finds a finding's review, the public
/// site leaves out what is not published and refuses personal data, and IDs that cannot be file
/// names stop the site before anything is written.
@Suite struct SiteTests {
  static var seeds: URL { packageRoot.appendingPathComponent("Seeds/tracker.json") }

  /// Every `href` and `src` of a page.
  static func links(_ html: String) -> [String] {
    var found: [String] = []
    var rest = Substring(html)
    while let range = rest.range(of: #"(href|src)="[^"]*""#, options: .regularExpression) {
      let attribute = rest[range]
      let start = attribute.index(after: attribute.firstIndex(of: "\"") ?? attribute.startIndex)
      found.append(String(attribute[start..<attribute.index(before: attribute.endIndex)]))
      rest = rest[range.upperBound...]
    }
    return found
  }

  /// The links of every page that do not lead to a file in the folder (or to an id on its page).
  static func brokenLinks(in folder: URL) throws -> [String] {
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    var pages: [String: String] = [:]
    for name in names where name.hasSuffix(".html") {
      pages[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    var broken: [String] = []
    for (name, html) in pages {
      for link in links(html) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts[0].isEmpty ? name : String(parts[0]).removingPercentEncoding ?? ""
        guard !file.contains("/"), !file.contains(":"), names.contains(file) else {
          broken.append("\(name): \(link)")
          continue
        }
        if parts.count == 2, let target = pages[file] {
          let anchor = String(parts[1]).removingPercentEncoding ?? ""
          if !target.contains("id=\"\(anchor)\"") { broken.append("\(name): \(link) (no such place)") }
        }
      }
    }
    return broken.sorted()
  }

  static func store(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  static func ids(_ store: [String: Any], _ key: String) -> [String] {
    (store[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }

  /// Writes the site of a store and checks its links, its pages and its search index.
  func checkSite(of storeURL: URL, in folder: URL) throws {
    let site = folder.appendingPathComponent("site")
    let written = try runBinary(
      ["report", "site", site.path, "--as-of", "2026-11-20", "--data", storeURL.path], in: folder)
    #expect(written.status == 0, "\(written.err)")
    #expect(written.out.isEmpty)
    #expect(written.err.contains("wrote the intranet site to"))
    #expect(try Self.brokenLinks(in: site) == [])
    let store = try Self.store(storeURL)
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: site.path))
    for review in Self.ids(store, "reviews") { #expect(names.contains("review-\(review).html"), "\(review)") }
    for agency in Self.ids(store, "agencies") {
      #expect(names.contains("agency-\(agency).html"), "\(agency)")
    }
    for theme in Self.ids(store, "themes") { #expect(names.contains("theme-\(theme).html"), "\(theme)") }
    for name in names {
      let size = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(name).path)[
        .size]
      // Every file: pages, reports (long ones written as parts) and scripts.
      #expect((size as? Int ?? 0) < 1_048_576, "\(name)")
    }
    // Every page says it is for internal use, and the day.
    let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains("For internal use only") && home.contains("2026-11-20"))
    // A word of a finding is in the search index's entry for its review's page.
    let index = try String(contentsOf: site.appendingPathComponent("search-index.js"), encoding: .utf8)
    #expect(index.hasPrefix("window.LEARNING_SITE_INDEX = ["))
    let reviews = store["reviews"] as? [[String: Any]] ?? []
    let review = try #require(reviews.first { !($0["findings"] as? [Any] ?? []).isEmpty })
    let finding = try #require((review["findings"] as? [[String: Any]])?.first?["text"] as? String)
    let word = try #require(
      finding.lowercased().split { !($0.isLetter || $0.isNumber) }.max { $0.count < $1.count })
    let id = try #require(review["id"] as? String)
    let line = try #require(index.split(separator: "\n").first { $0.hasPrefix("[\"review-\(id).html\"") })
    let entry = try #require(
      try JSONSerialization.jsonObject(with: Data(line.trimmingCharacters(in: [","]).utf8)) as? [String])
    #expect(
      Set(entry[3].split(separator: " ").map(String.init)).contains(String(word)), "\(word): \(entry[3])")
  }

  @Test func theDemoSiteLinksEveryPageAndFindsAFindingsReview() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try checkSite(of: Self.seeds, in: folder)
  }

  @Test func theSiteOfA200ReviewStoreLinksEveryPage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("tracker-200.json")
    let generated = try runBinary(
      ["generate", "--reviews", "200", "--as-of", "2026-11-20", "--output", store.path], in: folder)
    #expect(generated.status == 0, "\(generated.err)")
    try checkSite(of: store, in: folder)
  }

  @Test func thePublicSiteLeavesOutUnpublishedAndEmbargoedReviewsAndRefusesPersonalData() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: Self.seeds, to: store)
    let env = ["LEARNING_TRACKER_DATA": store.path]
    let site = folder.appendingPathComponent("public")
    // A published review is put under embargo; LCSPR-2026-01 is in progress on the day.
    #expect(
      try runBinary(
        ["review", "update", "TR-2025-03", "--embargo", "criminal proceedings"], in: folder, environment: env
      ).status == 0)
    #expect(
      try runBinary(
        [
          "action", "update", "LCSPR-2025-02/1.2", "--note", "Keira Holt seen at home", "--date",
          "2026-11-01",
        ],
        in: folder, environment: env
      ).status == 0)
    #expect(try runBinary(["privacy", "add-name", "Keira Holt"], in: folder, environment: env).status == 0)
    let refused = try runBinary(["report", "site", site.path, "--public"], in: folder, environment: env)
    #expect(refused.status == 1)
    #expect(refused.err.contains("no public site was written"), "\(refused.err)")
    #expect(refused.err.contains("reviews[") && refused.err.contains(".note: listed name"), "\(refused.err)")
    #expect(!FileManager.default.fileExists(atPath: site.path))
    // With the name redacted, the public site is written, without the unpublished or the
    // embargoed review and without action logs.
    #expect(
      try runBinary(["redact", "Keira Holt", "--by", "Business unit"], in: folder, environment: env).status
        == 0)
    let written = try runBinary(["report", "site", site.path, "--public"], in: folder, environment: env)
    #expect(written.status == 0, "\(written.err)")
    #expect(try Self.brokenLinks(in: site) == [])
    let names = try FileManager.default.contentsOfDirectory(atPath: site.path)
    let reviews = try Self.store(store)["reviews"] as? [[String: Any]] ?? []
    var withheld: [String] = []
    for review in reviews where ["LCSPR-2026-01", "TR-2025-03"].contains(review["id"] as? String ?? "") {
      withheld.append(try #require(review["id"] as? String))
      for finding in review["findings"] as? [[String: Any]] ?? [] {
        withheld.append(finding["text"] as? String ?? "")
      }
    }
    #expect(names.contains("review-LCSPR-2025-02.html"))
    for name in names {
      let text = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
      for secret in withheld + ["Keira", "Revised: training contract delayed", "For internal use"] {
        #expect(!text.contains(secret.replacingOccurrences(of: "'", with: "&#39;")), "\(name): \(secret)")
      }
    }
    let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains("Published learning from case reviews, as at 2026-11-22"))
  }

  @Test func anIDThatCannotBeAFileNameStopsTheSiteBeforeAnythingIsWritten() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for hostile in [
      "../../etc/passwd", "a/b", ".hidden", "x\u{7}y", String(repeating: "R", count: 300), "CON",
    ] {
      var root = try Self.store(Self.seeds)
      var agencies = root["agencies"] as? [[String: Any]] ?? []
      agencies[0]["id"] = hostile
      root["agencies"] = agencies
      let store = folder.appendingPathComponent("hostile.json")
      try? FileManager.default.removeItem(at: store)
      try JSONSerialization.data(withJSONObject: root).write(to: store)
      let site = folder.appendingPathComponent("site")
      let outcome = try runBinary(["report", "site", site.path, "--data", store.path], in: folder)
      #expect(outcome.status != 0, "\(hostile)")
      #expect(!FileManager.default.fileExists(atPath: site.path), "\(hostile)")
      #expect(!outcome.err.contains("\u{7}"))
    }
  }

  @Test func reportAllWritesTheSiteBesideThePack() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pack = folder.appendingPathComponent("pack")
    let outcome = try runBinary(
      [
        "report", "all", "--output-dir", pack.path, "--as-of", "2026-11-20", "--site", "--data",
        Self.seeds.path,
      ],
      in: folder)
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent("progress.html").path))
    #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent("site/index.html").path))
    #expect(try Self.brokenLinks(in: pack.appendingPathComponent("site")) == [])
  }

  @Test func theSiteIsNeverWrittenIntoTheStoresOwnFolder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("tracker.json")
    try FileManager.default.copyItem(at: Self.seeds, to: store)
    for target in [folder.path, folder.path + "/", "."] {
      let outcome = try runBinary(["report", "site", target, "--data", store.path], in: folder)
      #expect(outcome.status == 73, "\(target): \(outcome.err)")
      #expect(outcome.err.contains("it is the folder the store"), "\(outcome.err)")
      #expect(outcome.err.contains("write it to a new or empty folder"), "\(outcome.err)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tracker.json"])
  }

  @Test func theSiteIsNeverWrittenOverTheStore() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("index.html")
    try FileManager.default.copyItem(at: Self.seeds, to: store)
    let before = try Data(contentsOf: store)
    let outcome = try runBinary(["report", "site", folder.path, "--data", store.path], in: folder)
    #expect(outcome.status == 73, "\(outcome.err)")
    #expect(outcome.err.contains("it is the store"), "\(outcome.err)")
    #expect(try Data(contentsOf: store) == before)
  }
}
