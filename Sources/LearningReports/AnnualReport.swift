import LearningModel

/// The chapter on learning from case reviews for the safeguarding partners' yearly report
/// (Working Together 2023 asks for what the partners did, including on case reviews, how effective
/// it was, and evidence of impact). Every figure stands beside the previous year's. The year's
/// figures are the digest's (reviews, themes, actions, dissemination, Section 11) and progress's as
/// at the year end, so the documents a board receives agree.
public struct AnnualReport: Report, Equatable {
  /// The figures of one reporting year.
  public struct Figures: Encodable, Equatable, Sendable {
    /// The reporting year, by the calendar year it starts in.
    public var year: Int
    /// The first day of the reporting year.
    public var start: CalendarDay
    /// The last day of the reporting year.
    public var end: CalendarDay
    /// The day the year is read on: its last day, or the as-of day if earlier.
    public var asOf: CalendarDay
    /// Reviews notified (or referred) in the year, as the digest counts them.
    public var notifications = 0
    /// Of the notifications, those where a child died.
    public var deaths = 0
    /// Of the notifications, those where a child was seriously harmed.
    public var seriousHarm = 0
    /// Of the notifications, those with no notification type recorded.
    public var notificationTypeNotRecorded = 0
    /// Rapid Reviews counted in the year (the digest's reporting day).
    public var rapidReviews = 0
    /// Rapid Reviews of the year that led to an LCSPR (recorded, or an LCSPR follows one).
    public var toLCSPR = 0
    /// Rapid Reviews of the year whose learning was taken forward another way.
    public var otherLearning = 0
    /// Rapid Reviews of the year that decided on no further review.
    public var noFurtherReview = 0
    /// Rapid Reviews of the year with no outcome recorded and no LCSPR following.
    public var outcomeNotRecorded = 0
    /// Rapid Reviews that led to an LCSPR, as a share of those with an outcome (whole per cent).
    public var conversionRate = 0
    /// Rapid Reviews of the year whose last Panel response by `asOf` agrees with the partnership's decision.
    public var panelAgreed = 0
    /// Rapid Reviews of the year whose last Panel response asks for more, disagrees or proposes a national review.
    public var panelQueried = 0
    /// LCSPRs decided on during the year, up to `asOf`.
    public var lcsprsCommissioned = 0
    /// LCSPRs published during the year, up to `asOf`.
    public var lcsprsPublished = 0
    /// LCSPRs past the six-month clock: published late in the year, or unpublished and past it at the year end.
    public var lcsprsLate = 0
    /// Themes carried by the year's reviews, as the digest finds them.
    public var themes = 0
    /// Of those themes, the ones not seen in a different case in an earlier year.
    public var newThemes = 0
    /// Of those themes, the ones seen in a different case in an earlier year.
    public var recurrentThemes = 0
    /// Actions agreed during the year, as the digest counts them.
    public var actionsAgreed = 0
    /// Actions closed during the year, as the digest counts them.
    public var actionsClosed = 0
    /// Actions assured during the year.
    public var actionsAssured = 0
    /// Of those, assured with impact evidence or a result.
    public var assuredWithImpact = 0
    /// Actions open on `asOf`.
    public var actionsOpenAtYearEnd = 0
    /// Actions overdue on `asOf`, as the digest lists them (those of withheld reviews left out).
    public var actionsOverdueAtYearEnd = 0
    /// Open at the year end with the due day moved later two or more times.
    public var actionsSlippedRepeatedly = 0
    /// Actions on `asOf` by BRAG rating.
    public var bragAtYearEnd = BRAGCounts()
    /// Findings (not good practice) of the year's reviews, as the digest lists them.
    public var findings = 0
    /// Of those findings, the ones that repeat an earlier finding (recorded or similar wording).
    public var findingsRepeated = 0
    /// Dissemination activities dated in the year and delivered.
    public var disseminationDelivered = 0
    /// Of those, the ones with an evaluation recorded.
    public var disseminationEvaluated = 0
    /// Reach of the year's dissemination: attendance and circulation apart, never added.
    public var reach = ReachSplit()
    /// Section 11 returns of the cycle that starts in the year.
    public var section11Returns = 0
    /// Of those returns, the ones submitted on or before their due day.
    public var section11OnTime = 0
    /// Ratings in those returns that carry a moderated rating.
    public var section11Moderated = 0
    /// Ratings where the agency rated itself above the moderated rating.
    public var section11Optimistic = 0
  }

  /// A review in a list of the chapter.
  public struct ReviewLine: Encodable, Equatable, Sendable {
    /// The review's ID; for a case, its first review's.
    public var id: String
    /// The review's title.
    public var title: String
    /// What kind of review it is.
    public var kind: ReviewKind
    /// The day it counts on in its list (notified, its reporting day, or published); absent if unpublished.
    public var day: CalendarDay?
    /// The notification type, Rapid Review outcome or reason for delay, as the list needs.
    public var detail: String
  }

  /// An action in a list of the chapter.
  public struct ActionEntry: Encodable, Equatable, Sendable {
    /// The action's reference, such as `LCSPR-2025-02/1.1`.
    public var reference: String
    /// The agency that owns the action.
    public var owner: String
    /// The owning agency's name, as a yearly report shows it (its ID when the store has no name).
    public var ownerName: String
    /// What the action is to do.
    public var description: String
    /// The action's derived status on `asOf`.
    public var status: ActionStatus
    /// The action's due day on `asOf` (the latest revised one): a day, a month or not yet set.
    public var due: PlannedDue
    /// Days past the due day on `asOf`; 0 when not overdue (and for improvements).
    public var daysOverdue: Int
    /// How many times the due day has been moved later.
    public var slips: Int
    /// For improvements: the result and impact evidence; for little progress: why, from the notes.
    public var detail: String
  }

  /// A theme carried by the year's reviews.
  public struct ThemeEntry: Encodable, Equatable, Sendable {
    /// The theme's ID.
    public var id: String
    /// The theme's name, or its ID when the catalogue has none.
    public var name: String
    /// How many of the year's reviews carry the theme.
    public var reviews: Int
    /// Whether the theme was seen in a different case in an earlier reporting year.
    public var recurrent: Bool
  }

  /// The partnership's name.
  public var partnership: String
  /// The figures of the reporting year reported on.
  public var current: Figures
  /// The figures of the year before, for comparison.
  public var previous: Figures
  /// Notifications and referrals of the year, with their type.
  public var notifications: [ReviewLine] = []
  /// Rapid Reviews of the year, with their outcome.
  public var rapidReviews: [ReviewLine] = []
  /// LCSPRs past the six-month clock, with their state and the reason for delay.
  public var lcsprsLate: [ReviewLine] = []
  /// Themes of the year's reviews, the theme in most cases first.
  public var themes: [ThemeEntry] = []
  /// Findings of the year that repeat an earlier finding, as the digest finds them.
  public var repeatedFindings: [DigestReport.RepeatedFindingLine] = []
  /// Actions assured during the year, with their result and impact evidence.
  public var improvements: [ActionEntry] = []
  /// Actions overdue on `asOf`, or open with the due day moved later twice or more; longest overdue first.
  public var littleProgress: [ActionEntry] = []

  /// The yearly report for `options.year` (default: the reporting year before the one containing
  /// the as-of day), with the previous year beside it.
  public static func build(_ cut: TrackerAsOf, _ options: ReportOptions, sharing basis: ReportBasis? = nil)
    -> AnnualReport
  {
    let tracker = cut.tracker
    let partnership = tracker.partnership
    let year = options.year ?? partnership.reportingYear(containing: options.asOf) - 1
    let (figures, lists) = figures(cut, options, year: year, sharing: basis)
    var report = AnnualReport(
      partnership: partnership.name, current: figures,
      previous: Self.figures(cut, options, year: year - 1, sharing: basis).figures)
    report.notifications = lists.notifications
    report.rapidReviews = lists.rapidReviews
    report.lcsprsLate = lists.lcsprsLate
    report.themes = lists.themes
    report.repeatedFindings = lists.repeatedFindings
    report.improvements = lists.improvements
    report.littleProgress = lists.littleProgress
    return report
  }

  struct Lists {
    var notifications: [ReviewLine] = []
    var rapidReviews: [ReviewLine] = []
    var lcsprsLate: [ReviewLine] = []
    var themes: [ThemeEntry] = []
    var repeatedFindings: [DigestReport.RepeatedFindingLine] = []
    var improvements: [ActionEntry] = []
    var littleProgress: [ActionEntry] = []
  }

  /// One year's figures, and the lists behind them.
  static func figures(_ cut: TrackerAsOf, _ options: ReportOptions, year: Int, sharing basis: ReportBasis?)
    -> (figures: Figures, lists: Lists)
  {
    let tracker = cut.tracker
    var lists = Lists()
    var yearOptions = options
    yearOptions.year = year
    let digest = DigestReport.build(cut, yearOptions, sharing: basis)
    let period = digest.start...digest.end
    let asOf = digest.asOf
    var figures = Figures(year: year, start: digest.start, end: digest.end, asOf: asOf)
    let reviews = tracker.reviews.filter { options.review == nil || $0.id == options.review }
    let byID = Dictionary(tracker.reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    // Notifications, as the digest counts them, by type.
    figures.notifications = digest.reviewsNotified.count
    for line in digest.reviewsNotified {
      let type = byID[line.id]?.notificationType
      switch type {
      case .death: figures.deaths += 1
      case .seriousHarm: figures.seriousHarm += 1
      case nil: figures.notificationTypeNotRecorded += 1
      }
      lists.notifications.append(
        ReviewLine(
          id: line.id, title: line.title, kind: line.kind, day: line.day,
          detail: type?.title ?? "not recorded"))
    }

    // Rapid Reviews and their outcomes, counted as the digest and the timeliness report count them:
    // the reviews whose Rapid Review clock falls in the year, a Rapid Review held inside an LCSPR
    // record among them. An LCSPR that follows a Rapid Review, or holds it, stands for its outcome
    // when none is recorded.
    let followedByLCSPR = Set(tracker.reviews.filter { $0.kind == .lcspr }.compactMap(\.follows))
    var rapidReviewDays: [String: CalendarDay] = [:]
    let timeliness = TimelinessReport.build(
      basis.narrowed(cut, to: asOf), ReportOptions(asOf: asOf, review: options.review, year: year))
    for row in timeliness.rows where row.result.clock == .rapidReview && rapidReviewDays[row.review] == nil {
      rapidReviewDays[row.review] = row.result.countingDay(asOf: asOf)
    }
    for review in reviews {
      guard let clockDay = rapidReviewDays[review.id] else { continue }
      let day = review.dates.rapidReview ?? clockDay
      figures.rapidReviews += 1
      let outcome =
        review.rapidReviewOutcome
        ?? (review.kind == .lcspr || followedByLCSPR.contains(review.id) ? .lcspr : nil)
      switch outcome {
      case .lcspr: figures.toLCSPR += 1
      case .otherLearning: figures.otherLearning += 1
      case .noFurtherReview: figures.noFurtherReview += 1
      case nil: figures.outcomeNotRecorded += 1
      }
      // The Panel's response, from the review's correspondence (the record `report pipeline` reads).
      if let response = (review.correspondence ?? []).last(where: {
        $0.kind == .panelResponse && $0.day <= asOf
      })?
      .response {
        if response == .agrees { figures.panelAgreed += 1 } else { figures.panelQueried += 1 }
      }
      lists.rapidReviews.append(
        ReviewLine(
          id: review.id, title: review.title, kind: review.kind, day: day,
          detail: outcome?.title ?? "not recorded"))
    }
    figures.conversionRate = percent(figures.toLCSPR, of: figures.rapidReviews - figures.outcomeNotRecorded)

    // LCSPRs commissioned, published and late.
    let calendar = tracker.workingDayCalendar
    let timetable = tracker.timetable
    for review in reviews where review.kind == .lcspr {
      if let decision = review.dates.decision, period.contains(decision), decision <= asOf {
        figures.lcsprsCommissioned += 1
      }
      if let published = review.dates.published, period.contains(published), published <= asOf {
        figures.lcsprsPublished += 1
      }
      guard
        let clock = review.clocks(asOf: asOf, calendar: calendar, timetable: timetable).first(where: {
          $0.clock == .publication
        }),
        clock.verdict == .missed, let deadline = clock.deadline
      else { continue }
      let publishedInYear = review.dates.published.map { period.contains($0) && $0 <= asOf } ?? false
      let outstanding = (review.dates.published.map { $0 > asOf } ?? true) && deadline < asOf
      guard publishedInYear || outstanding else { continue }
      figures.lcsprsLate += 1
      let state =
        publishedInYear
        ? "published \(review.dates.published.map(\.description) ?? ""), due by \(deadline)"
        : "not published at \(asOf), due by \(deadline)"
      lists.lcsprsLate.append(
        ReviewLine(
          id: review.id, title: review.title, kind: review.kind, day: review.dates.published,
          detail: state + "; reason: " + (review.delayReason ?? "not recorded")))
    }

    // Themes, as the digest finds them.
    figures.themes = digest.themes.count
    figures.recurrentThemes = digest.themes.filter(\.recurrent).count
    figures.newThemes = figures.themes - figures.recurrentThemes
    lists.themes = digest.themes.map {
      ThemeEntry(id: $0.id, name: $0.name, reviews: $0.reviews.count, recurrent: $0.recurrent)
    }

    // Actions: the digest's counts; improvements achieved and little or no progress from the logs.
    figures.actionsAgreed = digest.actions.agreed
    figures.actionsClosed = digest.actions.closed
    figures.actionsOpenAtYearEnd = digest.actions.openAtYearEnd
    figures.actionsOverdueAtYearEnd = digest.actions.overdueAtYearEnd.count
    figures.bragAtYearEnd = digest.actions.bragAtYearEnd
    let dayBefore = period.lowerBound.adding(days: -1)
    // The store's reviews shared out among the cores; each share's counts and lines are added in
    // turn, and the lists are put in order below.
    struct Part: Sendable {
      var assured = 0
      var assuredWithImpact = 0
      var slippedRepeatedly = 0
      var improvements: [ActionEntry] = []
      var littleProgress: [ActionEntry] = []
    }
    let parts = tracker.sharedByReview { range -> Part in
      var part = Part()
      DigestReport.forEachActionOfTheYear(tracker, ofReviews: range, options, asOf: asOf, before: dayBefore) {
        placed, now, then in
        let reference = placed.reference.description
        if now.status == .assured && !(then.exists && then.status == .assured) {
          part.assured += 1
          let impact = placed.action.impact(asOf: asOf)
          if impact.showsImpact { part.assuredWithImpact += 1 }
          var detail: [String] = []
          if let result = impact.result { detail.append("Result: " + result) }
          if !impact.impactEvidence.isEmpty {
            detail.append("Impact evidence: " + impact.impactEvidence.joined(separator: "; ") + ".")
          }
          if detail.isEmpty {
            detail.append(
              "No impact evidence or result"
                + (impact.exception.map { " (assured as an exception: \($0))" } ?? ""))
          }
          part.improvements.append(
            ActionEntry(
              reference: reference, owner: placed.action.owner,
              ownerName: tracker.agencyName(placed.action.owner), description: placed.action.description,
              status: now.status, due: now.due, daysOverdue: 0, slips: now.slips,
              detail: detail.joined(separator: " ")))
        }
        let repeatedlySlipped = now.isOpen && now.slips >= 2
        if repeatedlySlipped { part.slippedRepeatedly += 1 }
        if now.isOverdue || repeatedlySlipped {
          // Why: the reasons given for revised due days, else the last note.
          let reasons = placed.action.fold(through: asOf).revisionNotes
          let why =
            reasons.isEmpty
            ? (now.lastUpdate?.note.map { "Last note: " + $0 } ?? "No update recorded.")
            : reasons.joined(separator: " / ")
          part.littleProgress.append(
            ActionEntry(
              reference: reference, owner: placed.action.owner,
              ownerName: tracker.agencyName(placed.action.owner), description: placed.action.description,
              status: now.status, due: now.due, daysOverdue: now.daysOverdue, slips: now.slips, detail: why))
        }
      }
      return part
    }
    for part in parts {
      figures.actionsAssured += part.assured
      figures.assuredWithImpact += part.assuredWithImpact
      figures.actionsSlippedRepeatedly += part.slippedRepeatedly
      lists.improvements += part.improvements
      lists.littleProgress += part.littleProgress
    }
    // Each line's natural-order key computed once, not on every comparison (a sort comparing
    // references afresh outgrew the store). Most days overdue first, then most slips: ranked as
    // one number, slips (never near a million) below the days.
    sortLines(&lists.improvements, reference: { $0.reference }, rank: { _ in 0 })
    sortLines(
      &lists.littleProgress, reference: { $0.reference },
      rank: {
        -($0.daysOverdue * 1_000_000 + min($0.slips, 999_999))
      })

    // Dissemination and Section 11, as the digest counts them.
    figures.disseminationDelivered = digest.dissemination.delivered
    figures.disseminationEvaluated = digest.landing.evaluations.evaluated
    figures.findings = digest.keyFindings.count
    figures.findingsRepeated = digest.repeatedFindings.count
    lists.repeatedFindings = digest.repeatedFindings
    figures.reach = digest.dissemination.totalReach
    figures.section11Returns = digest.section11.count
    figures.section11OnTime = digest.section11.filter(\.onTime).count
    let cyclePrefix = "\(year)-"
    for entry in tracker.section11 where entry.cycle.hasPrefix(cyclePrefix) {
      if let agency = options.agency, entry.agency != agency { continue }
      for rating in entry.ratings {
        guard let moderated = rating.moderated else { continue }
        figures.section11Moderated += 1
        if rating.`self`.score > moderated.score { figures.section11Optimistic += 1 }
      }
    }
    return (figures, lists)
  }

  static func label(_ year: Int) -> String { "\(year)-\(String(year + 1).suffix(2))" }

  /// Each figure of the year beside the previous year's: label, this year, previous year.
  public var comparison: [(label: String, current: String, previous: String)] {
    func row(_ label: String, _ value: (Figures) -> Int) -> (String, String, String) {
      (label, String(value(current)), String(value(previous)))
    }
    return [
      row("Notifications and referrals") { $0.notifications },
      row("  of which a child died") { $0.deaths },
      row("  of which a child was seriously harmed") { $0.seriousHarm },
      row("  of which the type is not recorded") { $0.notificationTypeNotRecorded },
      row("Rapid Reviews") { $0.rapidReviews },
      row("  leading to an LCSPR") { $0.toLCSPR },
      row("  learning taken forward another way") { $0.otherLearning },
      row("  no further review") { $0.noFurtherReview },
      row("  outcome not recorded") { $0.outcomeNotRecorded },
      ("Conversion of Rapid Reviews to LCSPRs", "\(current.conversionRate)%", "\(previous.conversionRate)%"),
      row("  the Panel agreed with the decision") { $0.panelAgreed },
      row("  the Panel asked for more or disagreed") { $0.panelQueried },
      row("LCSPRs commissioned") { $0.lcsprsCommissioned },
      row("LCSPRs published") { $0.lcsprsPublished },
      row("LCSPRs past the six-month timescale") { $0.lcsprsLate },
      row("Themes in the year's reviews") { $0.themes },
      row("  new") { $0.newThemes },
      row("  recurrent (seen in earlier years)") { $0.recurrentThemes },
      row("Findings in the year's reviews") { $0.findings },
      row("  repeating an earlier finding") { $0.findingsRepeated },
      row("Actions agreed") { $0.actionsAgreed },
      row("Actions closed") { $0.actionsClosed },
      row("Actions assured by the QA subgroup") { $0.actionsAssured },
      row("  with impact evidence or a result") { $0.assuredWithImpact },
      row("Actions open at the year end") { $0.actionsOpenAtYearEnd },
      row("Actions overdue at the year end") { $0.actionsOverdueAtYearEnd },
      row("Open actions whose due day slipped twice or more") { $0.actionsSlippedRepeatedly },
      row("Dissemination activities delivered") { $0.disseminationDelivered },
      row("  evaluated by the practitioners who took part") { $0.disseminationEvaluated },
      row("Practitioners who attended (briefings, training, events)") { $0.reach.attended },
      row("Circulation (newsletters, learning briefs, emails)") { $0.reach.circulated },
      row("Section 11 returns") { $0.section11Returns },
      row("  submitted on time") { $0.section11OnTime },
      row("Section 11 ratings moderated") { $0.section11Moderated },
      row("  rated by the agency above the moderated rating") { $0.section11Optimistic },
    ]
  }

  /// The chapter laid out as sections, paragraphs and tables for the renderers.
  public var document: ReportDocument {
    let this = Self.label(current.year)
    let last = Self.label(previous.year)
    func compare(_ caption: String, _ labels: Set<String>?) -> Table {
      var table = Table(
        caption: caption, columns: [.init("Figure"), .init(this, .right), .init(last, .right)])
      for row in comparison where labels == nil || labels?.contains(row.label) == true {
        table.append([Table.Cell(row.label), Table.Cell(row.current), Table.Cell(row.previous)])
      }
      return table
    }
    func reviewTable(_ caption: String, _ lines: [ReviewLine], _ detail: String, empty: String) -> Table {
      var table = Table(
        caption: caption, columns: [.init("Review"), .init("Title"), .init("Day"), .init(detail)],
        emptyText: empty)
      for line in lines {
        table.append([
          Table.Cell(line.id), Table.Cell(line.title), Table.Cell(line.day?.description ?? ""),
          Table.Cell(line.detail),
        ])
      }
      return table
    }
    func actionTable(
      _ caption: String, _ entries: [ActionEntry], _ detail: String, empty: String, timing: Bool
    ) -> Table {
      let timingColumns: [Table.Column] =
        timing ? [.init("Due"), .init("Days overdue", .right), .init("Slips", .right)] : []
      var table = Table(
        caption: caption,
        columns: [.init("Action"), .init("Owner"), .init("Description")] + timingColumns + [.init(detail)],
        emptyText: empty)
      for entry in entries {
        let timingCells: [Table.Cell] =
          timing ? [Table.Cell(entry.due.description), .number(entry.daysOverdue), .number(entry.slips)] : []
        table.append(
          [
            Table.Cell(entry.reference), Table.Cell(entry.ownerName),
            Table.Cell(shorten(entry.description, 90)),
          ]
            + timingCells + [Table.Cell(entry.detail)])
      }
      return table
    }
    var themeTable = Table(
      caption: "Themes of the year's reviews",
      columns: [.init("Theme"), .init("Reviews", .right), .init("New or recurrent")],
      emptyText: "No themes recorded.")
    for theme in themes {
      themeTable.append([
        Table.Cell(theme.name), .number(theme.reviews), Table.Cell(theme.recurrent ? "Recurrent" : "New"),
      ])
    }
    let newNames = themes.filter { !$0.recurrent }.map(\.name)
    let recurrentNames = themes.filter(\.recurrent).map(\.name)
    return ReportDocument(
      title: "Learning from case reviews \(this)",
      subtitle:
        "\(partnership) · yearly report chapter · reporting year \(current.start) to \(current.end)"
        + (current.asOf < current.end ? " · as at \(current.asOf)" : "") + " · compared with \(last)",
      sections: [
        .init(
          "The year at a glance",
          [
            .paragraph(
              "This chapter sets out what the partnership learned from case reviews in \(this), what it did "
                + "with that learning, and the evidence that practice changed. Each figure stands beside \(last)'s."
            ),
            .table(compare("The year beside the previous year", nil)),
          ]),
        .init(
          "Notifications to the National Panel",
          [
            .paragraph(
              "Serious incidents notified or referred: \(current.notifications) (\(last): \(previous.notifications)); "
                + "a child died in \(current.deaths) and was seriously harmed in \(current.seriousHarm)"
                + (current.notificationTypeNotRecorded > 0
                  ? "; \(current.notificationTypeNotRecorded) with the type not recorded." : ".")),
            .table(
              reviewTable("Notifications and referrals", notifications, "Type", empty: "None in the year.")),
          ]),
        .init(
          "Rapid Reviews and their outcomes",
          [
            .paragraph(
              "Rapid Reviews: \(current.rapidReviews) (\(last): \(previous.rapidReviews)); \(current.toLCSPR) led to a "
                + "Local Child Safeguarding Practice Review, \(current.otherLearning) took learning forward another way "
                + "and \(current.noFurtherReview) needed no further review. Conversion to LCSPR: "
                + "\(current.conversionRate)% of Rapid Reviews with an outcome (\(last): \(previous.conversionRate)%)."
            ),
            .table(
              reviewTable("Rapid Reviews", rapidReviews, "Outcome", empty: "No Rapid Review in the year.")),
          ]),
        .init(
          "Local Child Safeguarding Practice Reviews",
          [
            .figures([
              .init(
                "Commissioned", "\(current.lcsprsCommissioned) (\(last): \(previous.lcsprsCommissioned))"),
              .init("Published", "\(current.lcsprsPublished) (\(last): \(previous.lcsprsPublished))"),
              .init(
                "Past the six-month timescale", "\(current.lcsprsLate) (\(last): \(previous.lcsprsLate))",
                rating: current.lcsprsLate > 0 ? .amber : nil),
            ]),
            .table(
              reviewTable(
                "LCSPRs past the six-month timescale, with reasons", lcsprsLate, "State and reason",
                empty: "No LCSPR was late.")),
          ]),
        .init(
          "Themes",
          [
            .paragraph(
              "New this year: " + (newNames.isEmpty ? "none" : newNames.joined(separator: ", "))
                + ". Recurrent: "
                + (recurrentNames.isEmpty ? "none" : recurrentNames.joined(separator: ", ")) + "."),
            .table(themeTable),
            .paragraph(
              "Findings that repeat an earlier finding: \(current.findingsRepeated) of \(current.findings) "
                + "(\(last): \(previous.findingsRepeated) of \(previous.findings))"
                + (repeatedFindings.isEmpty
                  ? "."
                  : ": "
                    + repeatedFindings.map { "\($0.reference) repeats \($0.repeats) (\($0.link))" }.joined(
                      separator: "; ") + ".")),
          ]),
        .init(
          "Improvements achieved",
          [
            .paragraph(
              "Actions the QA subgroup assured in the year: \(current.actionsAssured) (\(last): \(previous.actionsAssured)), "
                + "\(current.assuredWithImpact) of them with impact evidence or a result against their measure."
            ),
            .table(
              actionTable(
                "Assured in the year, with their result", improvements, "Result and impact evidence",
                empty: "No action was assured in the year.", timing: false)),
          ]),
        .init(
          "Where little or no progress was made",
          [
            .paragraph(
              "Actions overdue at the year end (\(current.actionsOverdueAtYearEnd); \(last): \(previous.actionsOverdueAtYearEnd)) "
                + "and open actions whose due day slipped twice or more (\(current.actionsSlippedRepeatedly); "
                + "\(last): \(previous.actionsSlippedRepeatedly)), with the reasons recorded."),
            .table(
              actionTable(
                "Overdue or repeatedly slipped at \(current.asOf)", littleProgress, "Why (from the notes)",
                empty: "No action was overdue or repeatedly slipped.", timing: true)),
          ]),
        .init(
          "Dissemination of learning",
          [
            .paragraph(
              "People who attended briefings, training and events are counted apart from copies of newsletters, "
                + "learning briefs and emails circulated; the two are never added."),
            .table(
              compare(
                "Dissemination",
                [
                  "Dissemination activities delivered",
                  "  evaluated by the practitioners who took part",
                  "Practitioners who attended (briefings, training, events)",
                  "Circulation (newsletters, learning briefs, emails)",
                ])),
          ]),
        .init(
          "Section 11: how agencies embed learning",
          [
            .paragraph(
              "Of \(current.section11Moderated) ratings moderated in the \(this) cycle, "
                + "\(current.section11Optimistic) were rated higher by the agency than after moderation "
                + "(the optimism gap: \(percent(current.section11Optimistic, of: current.section11Moderated))%; "
                + "\(last): \(percent(previous.section11Optimistic, of: previous.section11Moderated))%)."),
            .table(
              compare(
                "Section 11",
                [
                  "Section 11 returns", "  submitted on time", "Section 11 ratings moderated",
                  "  rated by the agency above the moderated rating",
                ])),
          ]),
      ])
  }

  /// Every figure of the year beside the previous year's.
  public var csvTable: Table {
    var table = Table(
      caption: "Learning from case reviews",
      columns: [
        Table.Column("Figure"), Table.Column(Self.label(current.year)),
        Table.Column(Self.label(previous.year)),
      ])
    for row in comparison {
      table.append([
        Table.Cell(String(row.label.trimmingSpaces)), Table.Cell(row.current), Table.Cell(row.previous),
      ])
    }
    return table
  }
}
