import LearningModel

extension Site {
  /// A page as a whole HTML file: the language, a skip link, header (the site's name, its notice
  /// of internal use or publication and the day, the site's navigation and a labelled search box),
  /// main and footer landmarks; the reports' stylesheet (with its A4 print rules) and the site's
  /// own rules in `site.css`.
  public func html(_ page: SitePage) -> String { html(page, searchIndexScripts: 1) }

  /// The page as a whole HTML file; the search page loads the search index's
  /// `searchIndexScripts` scripts (`SiteSearchIndex.scripts`), then the search script.
  public func html(_ page: SitePage, searchIndexScripts: Int) -> String {
    let navigation: [(SiteAddress, String)] = [
      (.home, "Home"), (.everything(page: 1), "Index of everything"), (.search, "Search"),
    ]
    let document = HTMLNode.el(
      "html", [("lang", "en-GB")],
      [
        .el(
          "head", [],
          [
            .el("meta", [("charset", "utf-8")]),
            .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .el("title", text: page.title + " · " + partnership),
            .el("link", [("rel", "stylesheet"), ("href", SiteAsset.stylesheet.href)]),
          ]
            + (page.address == .search
              ? (1...max(1, searchIndexScripts)).map { part in
                .el(
                  "script",
                  [
                    ("src", SiteAsset.searchIndexParts(part).joined(separator: "-") + ".js"),
                    ("defer", "defer"),
                  ], [])
              } + [.el("script", [("src", SiteAsset.script.href), ("defer", "defer")], [])] : [])),
        .el(
          "body", [],
          [
            .el("a", [("class", "skip-link"), ("href", "#main")], text: "Skip to main content"),
            .el(
              "header", [],
              [
                .el(
                  "p", [("class", "site-name")], [link(.home, partnership + ": learning from case reviews")]),
                .el("p", [("class", isPublic ? "notice" : "notice internal")], text: notice),
                .el(
                  "nav", [("aria-label", "Site")],
                  [
                    .el(
                      "ul", [],
                      navigation.map { address, text in
                        .el(
                          "li", [],
                          [
                            .el(
                              "a",
                              [("href", address.href)]
                                + (address == page.address ? [("aria-current", "page")] : []),
                              text: text)
                          ])
                      })
                  ]),
                .el(
                  "form", [("role", "search"), ("action", SiteAddress.search.href), ("method", "get")],
                  [
                    .el("label", [("for", "site-search")], text: "Search the site"),
                    .el("input", [("id", "site-search"), ("name", "q"), ("type", "search")], []),
                    .el("button", [("type", "submit")], text: "Search"),
                  ]),
              ]),
            .el("main", [("id", "main"), ("tabindex", "-1")], [.el("h1", text: page.title)] + page.content),
            .el("footer", [], [.el("p", text: "\(partnership) · \(notice)")]),
          ]),
      ])
    var out = "<!DOCTYPE html>\n"
    document.write(into: &out)
    return out
  }

  /// The site's stylesheet: the reports' own (screen and A4 print rules), then the site's rules
  /// for its header, navigation, search box and the keyboard's focus.
  public static var stylesheet: String {
    ReportDocument.stylesheet + "\n" + siteRules
  }

  static let siteRules = """
    a { color: #1f4f8a; }
    a:visited { color: #5a2a82; }
    a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; background: #fff3b0; color: #1a1a1a; }
    .skip-link { position: absolute; left: -999rem; top: 0; padding: 0.5rem 1rem; background: #ffffff; }
    .skip-link:focus { left: 1rem; top: 1rem; z-index: 1; }
    body > header { border-bottom: 2px solid #1f5fa8; padding-bottom: 0.5rem; }
    .site-name { font-weight: 600; font-size: 1.1rem; margin: 0.2rem 0; }
    .notice { margin: 0.2rem 0; padding: 0.3rem 0.5rem; background: #e8eef6; }
    .notice.internal { background: #fff3b0; border-left: 4px solid #7a1712; }
    nav ul, ul.pager { list-style: none; padding: 0; margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
    form[role=search] { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.4rem 0; }
    form[role=search] input { font: inherit; padding: 0.2rem 0.4rem; border: 1px solid #595959; min-width: 14rem; }
    form[role=search] button { font: inherit; padding: 0.2rem 0.8rem; border: 1px solid #1f5fa8; background: #1f5fa8; color: #ffffff; }
    main:focus { outline: none; }
    li { margin: 0.3rem 0; }
    li > a { display: inline-block; min-height: 24px; line-height: 24px; }
    h3 { font-size: 1.1rem; margin-top: 1.2rem; }
    h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    .search-kind { color: #404040; }
    @media print {
      .skip-link, body > header nav, form[role=search], nav[aria-label="Pages of this list"] { display: none; }
      .notice { background: none; border: 1px solid #404040; }
      a { color: inherit; text-decoration: none; }
      section.recommendation { break-inside: auto; }
    }
    """

  /// The search script: reads the words the visitor searched for from the page's address, finds
  /// the pages of the prebuilt index (`search-index.js`) that hold every one of them (as the start
  /// of a word), and lists them as links. No network access: the index is a script beside it, read
  /// from `file://` as from a web server.
  public static let script = """
    (function () {
      "use strict";
      var index = window.LEARNING_SITE_INDEX || [];
      var query = "";
      var match = /[?&]q=([^&#]*)/.exec(window.location.search);
      if (match) {
        try { query = decodeURIComponent(match[1].replace(/\\+/g, " ")); } catch (error) { query = ""; }
      }
      var box = document.getElementById("site-search");
      if (box) { box.value = query; }
      var out = document.getElementById("search-results");
      if (!out) { return; }
      var words = query.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(function (word) { return word.length > 0; });
      var heading = document.createElement("h2");
      out.appendChild(heading);
      if (words.length === 0) {
        heading.textContent = "Type a word in the search box";
        return;
      }
      var found = [];
      for (var i = 0; i < index.length; i++) {
        var text = " " + index[i][3] + " ";
        var all = true;
        for (var j = 0; j < words.length; j++) {
          if (text.indexOf(" " + words[j]) < 0) { all = false; break; }
        }
        if (all) { found.push(index[i]); }
      }
      heading.textContent = found.length + (found.length === 1 ? " page" : " pages") + " found for \\u201c" + query + "\\u201d";
      if (found.length === 0) { return; }
      var list = document.createElement("ul");
      list.className = "search-results";
      for (var k = 0; k < found.length; k++) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = found[k][0];
        link.textContent = found[k][1];
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = " (" + found[k][2] + ")";
        item.appendChild(link);
        item.appendChild(kind);
        list.appendChild(item);
      }
      out.appendChild(list);
    })();

    """
}

/// The prebuilt search index: for each page, its link, title, kind and the distinct words of its
/// text, written as one script that assigns one variable (`LEARNING_SITE_INDEX`), since a page
/// opened from `file://` cannot fetch a JSON file.
public enum SiteSearchIndex {
  /// One page of the index.
  public struct Entry: Equatable, Sendable {
    /// The link to the page.
    public var href: String
    /// The page's title.
    public var title: String
    /// What it is: "Review", "Agency", "Theme", "Report".
    public var kind: String
    /// Its distinct words, lower case, in the order they first appear, separated by spaces.
    public var words: String

    /// An entry for the page at `href`.
    public init(href: String, title: String, kind: String, words: String) {
      self.href = href
      self.title = title
      self.kind = kind
      self.words = words
    }
  }

  /// The distinct words of some text, lower case: runs of letters and digits, as the script splits
  /// what is searched for.
  public static func words(of texts: [String]) -> String {
    var seen: Set<Substring> = []
    var out: [Substring] = []
    for text in texts {
      let lower = text.lowercased()
      for word in lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
      where seen.insert(word).inserted {
        out.append(word)
      }
    }
    return out.joined(separator: " ")
  }

  /// The index as a script.
  public static func script(_ entries: [Entry]) -> String {
    var out = "window.LEARNING_SITE_INDEX = [\n"
    for (number, entry) in entries.enumerated() {
      out +=
        "[" + [entry.href, entry.title, entry.kind, entry.words].map(literal).joined(separator: ",") + "]"
      out += number + 1 < entries.count ? ",\n" : "\n"
    }
    return out + "];\n"
  }

  /// Text as a JavaScript string literal: quotes, backslashes, `<`, `>`, `&`, controls and the
  /// line and paragraph separators escaped, so no text can end the string or the script.
  public static func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out += "\\u" + hex4(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
