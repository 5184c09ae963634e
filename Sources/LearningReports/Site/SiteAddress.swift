/// Where a page of the partnership's learning site lives: every page is one HTML file directly in
/// the site's folder, named from its parts joined by `-`, the join `OutputFileName` makes, which
/// the writer checks for every page before anything is written.
///
/// Names never meet: a record's page is its kind, `-`, then its ID (`review-LCSPR-2025-02.html`);
/// a further page of a long list puts `_N` after the kind (`agency_2-police.html`), which no first
/// page can be, since `-` follows the kind there; reports start with `report-`, and the further
/// parts of a long report with `report_N-` (`report_2-overdue.html`).
public enum SiteAddress: Hashable, Sendable {
  /// The home page, `index.html`, which a web server or document library opens first.
  case home
  /// The index of everything (page 1, 2, ...): every review, agency, theme and report, for
  /// finding a page with scripts off.
  case everything(page: Int)
  /// The search page: the results of the search box, read from the prebuilt index by the script.
  case search
  /// A review's page.
  case review(String)
  /// An agency's page (page 1, 2, ... of its actions).
  case agency(String, page: Int)
  /// A theme's page (page 1, 2, ... of its findings and recommendations).
  case theme(String, page: Int)
  /// A report written as HTML, named from the parts of its name (`["digest", "2025"]`).
  case report([String])
  /// A further part (2, 3, ...) of a long report written as several pages: `report_2-overdue.html`.
  case reportPart([String], part: Int)

  /// The parts of the file name, before `.html`.
  public var parts: [String] {
    switch self {
    case .home: ["index"]
    case .everything(let page): [Self.paged("all", page)]
    case .search: ["search"]
    case .review(let id): ["review", id]
    case .agency(let id, let page): [Self.paged("agency", page), id]
    case .theme(let id, let page): [Self.paged("theme", page), id]
    case .report(let parts): ["report"] + parts
    case .reportPart(let parts, let part): [Self.paged("report", part)] + parts
    }
  }

  private static func paged(_ kind: String, _ page: Int) -> String { page <= 1 ? kind : "\(kind)_\(page)" }

  /// The file's name, and the relative link to it from any page of the site.
  public var href: String { parts.joined(separator: "-") + ".html" }

  /// What the page holds, for messages ("review LCSPR-2025-02").
  public var record: String {
    switch self {
    case .home: "the home page"
    case .everything(let page): "page \(page) of the index"
    case .search: "the search page"
    case .review(let id): "review \(id)"
    case .agency(let id, let page): page <= 1 ? "agency \(id)" : "agency \(id) (page \(page))"
    case .theme(let id, let page): page <= 1 ? "theme \(id)" : "theme \(id) (page \(page))"
    case .report(let parts): "report \(parts.joined(separator: "-"))"
    case .reportPart(let parts, let part): "report \(parts.joined(separator: "-")) (part \(part))"
    }
  }

  /// The link to an action: its review's page, at the action.
  static func action(review: String, action: String) -> String {
    SiteAddress.review(review).href + "#" + fragment(actionAnchor(action))
  }

  /// The `id` of an action's place on its review's page.
  static func actionAnchor(_ action: String) -> String { "action-" + action }

  /// The `id` of a recommendation's place on its review's page.
  static func recommendationAnchor(_ recommendation: String) -> String { "recommendation-" + recommendation }

  /// A fragment written so that any character of an ID stays inside it (percent-encoded UTF-8).
  static func fragment(_ anchor: String) -> String {
    var out = ""
    for byte in anchor.utf8 {
      let plain =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == 0x2D || byte == 0x5F || byte == 0x2E
      out +=
        plain
        ? String(UnicodeScalar(byte))
        : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
    return out
  }
}

/// The files of the site other than its pages: the stylesheet, the search script and its index.
public enum SiteAsset: CaseIterable, Sendable {
  case stylesheet, script, searchIndex

  /// The parts of the file name and its extension.
  public var name: (parts: [String], fileExtension: String) {
    switch self {
    case .stylesheet: (["site"], "css")
    case .script: (["search"], "js")
    case .searchIndex: (["search-index"], "js")
    }
  }

  /// The relative link to it.
  public var href: String { name.parts.joined(separator: "-") + "." + name.fileExtension }
}
