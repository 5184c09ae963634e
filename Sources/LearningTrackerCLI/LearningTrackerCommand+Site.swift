import Foundation
import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// The options of `report site`.
  enum ReportSiteOptions {
    /// `report all --site`.
    static let site: TypedOption<Bool> = .flag(
      "--site", help: "write the intranet site ('report site') into DIR/site too")
    static let isPublic: TypedOption<Bool> = .flag(
      "--public",
      help:
        "only what is safe to publish: published reviews not under embargo, no action logs; refused when the store holds personal data"
    )
  }

  static let reportSite = Command(
    words: ["report", "site"],
    summary: "write every report and a page per review, agency and theme as one searchable site",
    discussion: """
      Writes into DIR a static site for the intranet: a home page, a page per review (its days and \
      statutory clocks, findings, recommendations with their responses, actions with their state and \
      log, dissemination, its briefing and published plan), a page per agency (its overdue and open \
      actions, those awaiting assurance, its chase list, its Section 11 returns), a page per theme \
      (its findings, recommendations, repeated learning and briefings), the meeting pack's reports \
      as HTML, an index of everything and a search box. Plain HTML files, one stylesheet and one \
      small script: no network access, nothing to install; it opens from a shared drive, a document \
      library or a web server. Every page says it is for internal use. With --public, only reviews \
      published on the as-of day and not under embargo, without action logs, leads, Section 11 \
      returns or reports drawn on the whole store; refused (exit 1) when 'check privacy' finds \
      personal data anywhere in the store. See docs/site.md.
      """,
    positionals: [Positional("DIR", help: "the folder to write the site into (created if needed)")],
    options: [.asOf, ReportSiteOptions.isPublic]
  ) { args, context in
    let folder = try args.positional(0)
    let asOf = try args[.asOf] ?? context.today
    let isPublic = args[ReportSiteOptions.isPublic]
    let tracker = try context.load().tracker
    let year = tracker.partnership.reportingYear(containing: asOf) - 1
    try writeSite(
      tracker, into: folder, asOf: asOf, since: asOf.adding(days: -56), year: year, isPublic: isPublic,
      context)
    return ExitCode.ok
  }

  /// Writes the learning site of `tracker` into `folder`: every name is made through
  /// `OutputFileName` and checked against the store (`OutputTarget`), and the folder is refused
  /// when it is the store's own, before anything is written;
  /// then each page and report is built, written and let go, one at a time; the search index last.
  static func writeSite(
    _ tracker: Tracker, into folder: String, asOf: CalendarDay, since: CalendarDay, year: Int, isPublic: Bool,
    _ context: Context
  ) throws {
    if isPublic { try refusePersonalDataInSite(tracker) }
    // One basis for the whole site: the store cut once, the findings compared once.
    let basis = ReportBasis(tracker)
    let reports = SiteReport.reports(
      tracker, asOf: asOf, since: since, year: year, isPublic: isPublic, sharing: basis)
    let site = Site(tracker, asOf: asOf, isPublic: isPublic, reports: reports, sharing: basis)
    let addresses = site.addresses + reports.map(\.address)
    let pages = try addresses.map { address in
      let file = try OutputFileName(
        folder: folder, parts: address.parts, fileExtension: "html", record: address.record)
      // The link every page makes is the name the file is written under.
      guard file.name == address.href else {
        throw CommandError.usage(
          "\(address.record): its file name \(file.name) differs from its link \(address.href)")
      }
      return file
    }
    let assets = try SiteAsset.allCases.map { asset in
      try OutputFileName(
        folder: folder, parts: asset.name.parts, fileExtension: asset.name.fileExtension,
        record: "the site's \(asset)")
    }
    try OutputFileName.checkDistinct(pages + assets)
    for file in pages + assets { try OutputTarget.check(file.path, store: context.dataPath) }
    try OutputTarget.checkFolder(folder, store: context.dataPath)
    try OutputFolder.create(folder)
    let store = context.dataPath
    try OutputTarget.write(text: Site.stylesheet, to: assets[0].path, store: store, flushing: false)
    try OutputTarget.write(text: Site.script, to: assets[1].path, store: store, flushing: false)
    var entries: [SiteSearchIndex.Entry] = []
    var written = 0
    let pageCount = site.addresses.count
    var searchFile: OutputFileName?
    for (address, file) in zip(addresses.prefix(pageCount), pages.prefix(pageCount)) {
      // The search page is written last, when it knows how many scripts the index takes.
      if address == .search {
        searchFile = file
        continue
      }
      guard let page = site.page(address) else { continue }
      try OutputTarget.write(text: site.html(page), to: file.path, store: store, flushing: false)
      if address != .home { entries.append(page.searchEntry) }
      written += 1
    }
    for (report, file) in zip(reports, pages.dropFirst(pageCount)) {
      let built = try report.build(basis, cut: site.cut)
      // A long report is written as parts (`report_2-NAME.html`...), so no file passes a megabyte.
      for part in report.pages(of: built) {
        let path =
          part.address == report.address
          ? file.path
          : try OutputFileName(
            folder: folder, parts: part.address.parts, fileExtension: "html", record: part.address.record
          ).path
        try OutputTarget.write(text: part.html, to: path, store: store, flushing: false)
        written += 1
      }
      entries.append(
        SiteSearchIndex.Entry(
          href: report.address.href, title: report.title, kind: "Report",
          words: SiteSearchIndex.words(of: [report.title, report.kind.name])))
      // A pack report's memory is handed back at once; one review's small briefing or plan
      // only every so often (handing memory back costs more than the page).
      if report.review == nil || written % 200 == 0 { StoreMemory.returnFreedMemory() }
    }
    // The index as scripts of under a megabyte each, then the search page that loads them.
    let scripts = SiteSearchIndex.scripts(entries)
    for (number, script) in scripts.enumerated() {
      let file = try OutputFileName(
        folder: folder, parts: SiteAsset.searchIndexParts(number + 1), fileExtension: "js",
        record: "the site's search index")
      try OutputTarget.write(text: script, to: file.path, store: store, flushing: false)
    }
    if let searchFile, let page = site.page(.search) {
      try OutputTarget.write(
        text: site.html(page, searchIndexScripts: scripts.count), to: searchFile.path, store: store,
        flushing: false)
      written += 1
    }
    // Each page replaced whole by a rename, the folder flushed to disk once at the end.
    AtomicFile.flush(folder: folder)
    context.console.note(
      "wrote the \(isPublic ? "public" : "intranet") site to \(folder): \(written) pages "
        + "(\(site.reviews.count) reviews, \(tracker.agencies.count) agencies, \(tracker.themes.count) themes, "
        + "\(reports.count) reports) as at \(asOf); open \(pages[0].path)")
  }

  /// Refuses (exit 1) the public site when `check privacy` finds personal data anywhere in the
  /// store's free text, naming each place.
  static func refusePersonalDataInSite(_ tracker: Tracker) throws {
    try refusePublishing(
      tracker.personalData(),
      "the store holds personal data that must not be published, so no public site was written",
      remedy:
        "Remove it ('learning-tracker redact TEXT --by WHO'); 'learning-tracker check privacy' lists it.")
  }
}

extension OutputFolder {
  /// The path of a folder named `name` inside `folder`.
  static func inside(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
