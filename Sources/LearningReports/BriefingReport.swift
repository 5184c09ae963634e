import LearningModel

/// A 7-minute briefing for one review, on one page of seven numbered boxes (background, why it
/// matters, what happened, what we learned, good practice, questions for reflection, what to do),
/// written for practitioners from the review's summary, findings, good practice and the changes in
/// practice of its action plan. Anonymised: the review's pseudonym only.
public struct BriefingReport: Report, Equatable {
  /// One of the seven sections of the briefing.
  public struct Part: Encodable, Equatable, Sendable {
    /// The section's numbered heading, such as "1. Background".
    public var heading: String
    /// The section's paragraphs, in order.
    public var paragraphs: [String]
    /// The section's bullet points, in order.
    public var points: [String]
  }

  /// The partnership's name.
  public var partnership: String
  /// The review's ID.
  public var review: String
  /// The review's title (its pseudonym).
  public var title: String
  /// Why the review's learning is not yet for circulation (in progress, under embargo), if so.
  public var withheld: String?
  /// The findings, recommendations and actions were left out because of `withheld`.
  public var leftOut = false
  /// The seven sections, in order.
  public var parts: [Part] = []

  /// Questions for reflection, by theme; a theme without its own questions gets general ones.
  static let questions: [String: [String]] = [
    "voice-of-the-child": [
      "When did you last speak with a child alone, and how did what they said change your plan?",
      "How do you record a child's own words, not an adult's account of them?",
    ],
    "professional-curiosity": [
      "What explanation have you accepted recently without checking it?",
      "Who else might know something about this family that you do not?",
    ],
    "neglect-recognition": [
      "Are you judging today's visit against the last one, or against what the child needs?",
      "What does the whole chronology tell you that a single episode does not?",
    ],
    "escalation": [
      "Do you know how to escalate a concern when you disagree with a decision?",
      "When did you last use the escalation policy, and what happened?",
    ],
    "invisible-men": [
      "Who are the adults in this child's household, and what do you know about each of them?",
      "How have you involved the father or male carer in your assessment?",
    ],
    "information-sharing": [
      "What information do you hold that would change another agency's view of the risk?",
      "Do you know what you can share without consent to protect a child?",
    ],
    "domestic-abuse-impact": [
      "How have you understood the child's experience of the abuse, not just the adults'?",
      "Are you looking at the pattern of behaviour or at single incidents?",
    ],
    "safe-sleep": ["When circumstances change, do you revisit safe sleep advice with both parents?"],
    "risk-assessment": ["Does your assessment look at patterns over time?"],
    "extra-familial-harm": ["What do you know about where this young person spends time and with whom?"],
    "transition-to-adulthood": ["What happens to this young person's support when they turn 18?"],
    "cultural-competence": ["How have the family's culture, faith and identity shaped the help you offer?"],
    "disability-and-health": ["How does this child communicate, and how have you made sure you heard them?"],
    "supervision": ["Does your supervision ask what life is like for the child?"],
    "parental-mental-health": ["How does the parent's mental health affect the child's day-to-day safety?"],
  ]

  static let generalQuestions = [
    "What in this review feels familiar from your own practice?",
    "What will you do differently next week as a result of this learning?",
  ]

  /// The briefing as of `options.asOf`. The findings, recommendations and actions of a review in
  /// progress or under embargo are left out (and the briefing says so) unless `includeUnpublished`,
  /// for an internal draft that then says it is not for circulation.
  public static func build(
    _ cut: TrackerAsOf, _ options: ReportOptions, review id: String, includeUnpublished: Bool = false,
    sharing basis: ReportBasis? = nil
  ) -> BriefingReport? {
    let tracker = cut.tracker
    guard let review = tracker.reviews.first(where: { $0.id == id }) else { return nil }
    let withheld = review.withheld(on: options.asOf)
    let leaveOut = withheld != nil && !includeUnpublished
    let themeNames = Dictionary(
      tracker.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let categoryNames = Dictionary(
      tracker.categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    var report = BriefingReport(
      partnership: tracker.partnership.name, review: review.id, title: review.title,
      withheld: withheld?.description, leftOut: leaveOut)

    var background: [String] = []
    if let withheld {
      background.append(
        leaveOut
          ? "This review is \(withheld). Its findings, recommendations and actions are left out of this briefing until they can be shared."
          : "Not for circulation: this review is \(withheld). This internal draft includes its findings and recommendations."
      )
    }
    let published = review.dates.published.flatMap { $0 <= options.asOf ? $0 : nil }
    background.append(
      "\(review.title) is a \(review.kind.title.lowercased()) carried out by \(review.commissioningBody(partnership: tracker.partnership.name))"
        + (published.map { ", published on \($0)." } ?? ", not yet published."))
    let categories = review.categories.map { categoryNames[$0] ?? $0 }
    if !categories.isEmpty {
      background.append("Categories of harm: " + categories.joined(separator: ", ") + ".")
    }
    report.parts.append(Part(heading: "1. Background", paragraphs: background, points: []))

    // Why it matters: findings the partnership has made before, then the themes and the earlier
    // cases they came up in (never this case's own Rapid Review or the other reviews of its case).
    let cases = basis.cases(cut)
    let thisCase = cases.caseID(of: review.id)
    var earlier: [String: Set<String>] = [:]
    let thisDay = review.learningDay
    for other in tracker.reviews {
      let otherCase = cases.caseID(of: other.id)
      guard otherCase != thisCase, let day = other.learningDay, let thisDay, day < thisDay else { continue }
      for theme in Set(other.themes) { earlier[theme, default: []].insert(otherCase) }
    }
    var why: [String] = []
    if !leaveOut {
      let repeats = basis.findingRepeats(
        cut, asOf: options.asOf, threshold: RepeatsReport.defaultThreshold, limit: 1)
      for finding in review.findings where !finding.goodPractice {
        guard let position = repeats.position["\(review.id)/\(finding.id)"],
          let parent = repeats.parent(of: position)
        else { continue }
        let entry = repeats.entries[parent.earlier]
        let earlierReview = tracker.reviews[entry.review]
        let year =
          entry.day.map { " (\(RepeatsReport.yearName(tracker.partnership.reportingYear(containing: $0))))" }
          ?? ""
        why.append(
          "Found before: \(earlierReview.title)\(year) found \"\(earlierReview.findings[entry.finding].text)\""
            + (parent.confirmed ? "" : " (a similar finding)"))
      }
    }
    var recurring: [String] = []
    var fresh: [String] = []
    for theme in review.themes where theme != "good-practice" {
      let name = themeNames[theme] ?? theme
      let count = earlier[theme]?.count ?? 0
      if count > 0 {
        recurring.append("\(name) (\(count) earlier \(count == 1 ? "case" : "cases"))")
      } else {
        fresh.append(name)
      }
    }
    var whyParagraphs: [String] = []
    if !recurring.isEmpty {
      whyParagraphs.append("This learning keeps coming back here: " + recurring.joined(separator: ", ") + ".")
    }
    if !fresh.isEmpty {
      whyParagraphs.append("New learning for the partnership: " + fresh.joined(separator: ", ") + ".")
    }
    if whyParagraphs.isEmpty && why.isEmpty { whyParagraphs.append("No themes recorded yet.") }
    report.parts.append(Part(heading: "2. Why it matters", paragraphs: whyParagraphs, points: why))

    report.parts.append(
      Part(
        heading: "3. What happened",
        paragraphs: [review.summary ?? "The review's summary of the case is not recorded yet."], points: []))
    let notYet = "Left out until the review's learning can be shared."
    let findings = leaveOut ? [] : review.findings.filter { !$0.goodPractice }.map(\.text)
    report.parts.append(
      Part(
        heading: "4. What we learned",
        paragraphs: leaveOut ? [notYet] : findings.isEmpty ? ["No findings recorded yet."] : [],
        points: findings))
    let good = leaveOut ? [] : review.findings.filter(\.goodPractice).map(\.text)
    report.parts.append(
      Part(
        heading: "5. Good practice",
        paragraphs: leaveOut ? [notYet] : good.isEmpty ? ["No good practice recorded."] : [],
        points: good))
    var reflection: [String] = []
    for theme in review.themes { reflection += questions[theme] ?? [] }
    reflection = Array(reflection.prefix(4)) + generalQuestions
    report.parts.append(Part(heading: "6. Questions for reflection", paragraphs: [], points: reflection))

    // What to do: the changes in practice the action plan asks of practitioners, then where to
    // learn more.
    let actions =
      leaveOut
      ? []
      : review.recommendations.filter { $0.response == .accepted || $0.response == .partiallyAccepted }
        .flatMap(\.actions)
    var next: [String] = actions.prefix(Self.actionsShown).map { action in
      "\(action.description) (\(tracker.agencyName(action.owner)))"
    }
    var doParagraphs: [String] = []
    if !actions.isEmpty {
      doParagraphs.append("What is changing in practice, and where to learn more:")
    } else if !leaveOut {
      doParagraphs.append("The action plan is not yet agreed.")
    }
    if actions.count > Self.actionsShown {
      let more = actions.count - Self.actionsShown
      next.append("and \(more) more \(more == 1 ? "change" : "changes") in the action plan.")
    }
    next += tracker.disseminations.filter { $0.reviews.contains(review.id) && $0.status != .cancelled }
      .map { "\($0.status == .planned ? "Coming up" : "Delivered") \($0.date): \($0.title)" }
    next.append(
      published != nil && withheld == nil
        ? "Read the full report on the \(tracker.partnership.name) website and discuss it in your next team meeting."
        : "Discuss this learning in your next team meeting or supervision.")
    report.parts.append(Part(heading: "7. What to do", paragraphs: doParagraphs, points: next))
    return report
  }

  /// Changes in practice shown in box 7 before "and N more".
  static let actionsShown = 5

  /// The print layout of the briefing: the seven parts as numbered boxes, two to a row, on one
  /// A4 page; a longer briefing runs on to a second page rather than being cut.
  static let boxStyle = """
    body.briefing main { display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem; }
    body.briefing main > section { border: 2px solid #1f5fa8; border-radius: 6px; padding: 0 0.6rem 0.3rem; }
    body.briefing main > section:last-child { grid-column: 1 / -1; }
    body.briefing main > section h2 { border-bottom: none; margin-top: 0.4rem; color: #1f5fa8; }
    body.briefing main > section ul { padding-left: 1.1rem; }
    @media print {
      body.briefing { font-size: 9pt; line-height: 1.25; }
      body.briefing main { gap: 2.5mm; }
      body.briefing main > section { padding: 0 2mm 1mm; }
      body.briefing main > section h2 { font-size: 11pt; margin: 1.5mm 0 1mm; }
      body.briefing p, body.briefing ul { margin: 0.8mm 0; }
    }
    """

  /// The briefing laid out as one section per part, for the renderers.
  public var document: ReportDocument {
    var document = ReportDocument(
      title: "7-minute briefing: \(title)", subtitle: "\(partnership) · \(review) · draft for trainers",
      sections: parts.map { part in
        var blocks: [ReportDocument.Block] = part.paragraphs.map { .paragraph($0) }
        if !part.points.isEmpty { blocks.append(.bullets(part.points)) }
        return .init(part.heading, blocks)
      })
    document.pageStyle = .init(bodyClass: "briefing", css: Self.boxStyle)
    return document
  }

  /// One row per paragraph and point, with its section's heading.
  public var csvTable: Table {
    var table = Table(caption: "Briefing", columns: [.init("Section"), .init("Text")])
    for part in parts {
      for text in part.paragraphs + part.points {
        table.append([Table.Cell(part.heading), Table.Cell(text)])
      }
    }
    return table
  }
}
