import LearningModel

/// A 7-minute briefing draft for one review, in the seven sections trainers use, built from the
/// review's findings, recommendations and themes. Anonymised: the review's pseudonym only.
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
    _ tracker: Tracker, _ options: ReportOptions, review id: String, includeUnpublished: Bool = false
  ) -> BriefingReport? {
    let tracker = tracker.asOf(options.asOf)
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
    var when = ""
    if let published = review.dates.published { when = ", published on \(published)" }
    background.append(
      "\(review.title) is a \(review.kind.title.lowercased()) carried out by \(review.commissioningBody(partnership: tracker.partnership.name))\(when)."
    )
    if let summary = review.summary { background.append(summary) }
    let categories = review.categories.map { categoryNames[$0] ?? $0 }
    if !categories.isEmpty {
      background.append("Categories of harm: " + categories.joined(separator: ", ") + ".")
    }
    report.parts.append(Part(heading: "1. Background", paragraphs: background, points: []))

    // Why it matters: the themes, and in how many earlier cases they came up (never this case's own
    // Rapid Review or the other reviews of its case).
    let cases = CaseIndex(tracker)
    let thisCase = cases.caseID(of: review.id)
    var earlier: [String: Set<String>] = [:]
    let thisDay = DigestReport.reportingDay(review)
    for other in tracker.reviews {
      let otherCase = cases.caseID(of: other.id)
      guard otherCase != thisCase, let day = DigestReport.reportingDay(other), let thisDay, day < thisDay
      else {
        continue
      }
      for theme in Set(other.themes) { earlier[theme, default: []].insert(otherCase) }
    }
    let whyPoints = review.themes.filter { $0 != "good-practice" }.map { theme -> String in
      let name = themeNames[theme] ?? theme
      let count = earlier[theme]?.count ?? 0
      return count > 0
        ? "\(name): found in \(count) earlier case(s) here; this learning keeps coming back." : "\(name)."
    }
    report.parts.append(
      Part(heading: "2. Why it matters", paragraphs: ["The review's learning is about:"], points: whyPoints))
    let notYet = "Left out until the review's learning can be shared."
    let findings = leaveOut ? [] : review.findings.filter { !$0.goodPractice }.map(\.text)
    report.parts.append(
      Part(
        heading: "3. What the review found",
        paragraphs: leaveOut ? [notYet] : findings.isEmpty ? ["No findings recorded yet."] : [],
        points: findings))
    let changes =
      leaveOut
      ? []
      : review.recommendations.filter {
        $0.response == .accepted || $0.response == .partiallyAccepted
      }.map(\.text)
    report.parts.append(
      Part(
        heading: "4. What must change",
        paragraphs: leaveOut ? [notYet] : changes.isEmpty ? ["Recommendations are not yet agreed."] : [],
        points: changes))
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
    var next: [String] = (leaveOut ? [] : review.recommendations.flatMap(\.actions)).prefix(5).map { action in
      "\(tracker.agencyName(action.owner)): \(action.description)"
    }
    let related = tracker.disseminations.filter { $0.reviews.contains(review.id) && $0.status != .cancelled }
      .map {
        "\($0.status == .planned ? "Coming up" : "Delivered") \($0.date): \($0.title)"
      }
    next += related
    next.append(
      "Read the full report on the \(tracker.partnership.name) website and discuss it in your next team meeting."
    )
    report.parts.append(
      Part(heading: "7. What to do next and where to learn more", paragraphs: [], points: next))
    return report
  }

  /// The briefing laid out as one section per part, for the renderers.
  public var document: ReportDocument {
    ReportDocument(
      title: "7-minute briefing: \(title)", subtitle: "\(partnership) · \(review) · draft for trainers",
      sections: parts.map { part in
        var blocks: [ReportDocument.Block] = part.paragraphs.map { .paragraph($0) }
        if !part.points.isEmpty { blocks.append(.bullets(part.points)) }
        return .init(part.heading, blocks)
      })
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
