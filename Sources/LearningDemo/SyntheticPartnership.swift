import LearningModel

/// A small deterministic random number generator (SplitMix64), so a seed always gives the same store.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose numbers follow from `seed` alone.
  public init(seed: UInt64) { state = seed }

  /// The next number of the sequence.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Builds realistic synthetic stores for demonstrations and load tests: reviews of every kind over
/// several years, about eight recommendations per LCSPR and three per Rapid Review, about four
/// actions per recommendation and four updates per action, with slips, blocks, withdrawals and
/// assurance, plus dissemination and Section 11 returns. The same arguments give the same store.
public enum SyntheticPartnership {
  static let subjects = [
    "children's social workers", "health visitors", "school designated safeguarding leads",
    "police response officers",
    "emergency department staff", "GP practices", "midwives", "family support workers", "housing officers",
    "probation officers",
    "youth workers", "school nurses", "early help practitioners", "independent reviewing officers",
    "MASH staff",
  ]
  static let topics = [
    "the neglect assessment tool", "the escalation policy", "safe sleep advice",
    "the child's lived experience",
    "coercive control", "the bruising protocol", "information sharing with schools",
    "fathers and male carers",
    "contextual safeguarding", "the transition to adult services", "professional curiosity",
    "cumulative harm",
    "cultural competence", "children with communication needs", "parental mental health",
  ]
  static let verbs = [
    "Train", "Audit", "Brief", "Revise the guidance for", "Introduce a checklist for", "Set up a panel with",
    "Report to the QA subgroup on",
  ]
  static let notes = [
    "Task and finish group set up; scope agreed.", "Draft circulated to partners for comment.",
    "Pilot running in two localities.",
    "Training dates booked; first cohort complete.", "Awaiting sign-off by the senior leadership team.",
    "Audit tool agreed; auditors identified.",
  ]
  static let delays = [
    "Lead post vacant for three months.", "Training provider's start slipped.",
    "Waiting for a system change.", "Dependent on the regional protocol.",
  ]

  /// How recommendation texts are written.
  public enum RecommendationTexts: String, CaseIterable, Sendable {
    /// One sentence from a few templates: many recommendations share most of their words.
    case templated
    /// Texts that vary as prose does: a few words in most texts, most words rare (see `ProseWriter`).
    case prose
  }

  /// A store with `reviews` reviews whose history ends on `asOf`.
  public static func generate(
    reviews count: Int, seed: UInt64 = 1, asOf: CalendarDay, texts: RecommendationTexts = .templated,
    plantedRepeats: Int = 0
  ) -> Tracker {
    generateRecordingRepeats(
      reviews: count, seed: seed, asOf: asOf, texts: texts, plantedRepeats: plantedRepeats
    ).tracker
  }

  /// A store as `generate` makes it, with the repeats it planted: pairs of recommendation
  /// references, the earlier (from a review at least 400 days before) and the later, which is the
  /// earlier text with a word replaced and perhaps one added. With prose texts, about
  /// `plantedRepeats` percent of recommendations repeat an earlier one.
  public static func generateRecordingRepeats(
    reviews count: Int, seed: UInt64 = 1, asOf: CalendarDay, texts: RecommendationTexts = .templated,
    plantedRepeats: Int = 0
  ) -> (tracker: Tracker, planted: [(earlier: String, later: String)]) {
    var random = SeededGenerator(seed: seed)
    var prose = ProseWriter(seed: seed)
    var written: [(reference: String, text: String, day: CalendarDay)] = []
    var oldEnough = 0
    var planted: [(earlier: String, later: String)] = []
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Synthetic Safeguarding Children Partnership")
    let agencyList: [(String, String, AgencyKind, Bool)] = [
      ("la", "Council Children's Services", .localAuthority, true), ("police", "Police", .police, true),
      ("icb", "Integrated Care Board", .health, true), ("acute", "Hospitals Trust", .health, false),
      ("community-health", "Community Health Trust", .health, false),
      ("education", "Schools and colleges", .education, false),
      ("probation", "Probation Service", .probation, false), ("housing", "Housing services", .other, false),
      ("adult-care", "Adult Social Care", .localAuthority, false),
      ("family-support", "Family support charity", .voluntary, false),
    ]
    tracker.agencies = agencyList.map { Agency(id: $0.0, name: $0.1, kind: $0.2, statutoryPartner: $0.3) }
    let agencyIDs = agencyList.map(\.0)
    let themeIDs = tracker.themes.map(\.id).filter { $0 != "good-practice" }
    let categoryIDs = tracker.categories.map(\.id)
    let methodIDs = tracker.disseminationMethods.map(\.id)
    // Reviews start over the ten years before the as-of day.
    let span = 3650
    func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    let kinds: [(ReviewKind, Int)] = [
      (.rapidReview, 45), (.lcspr, 25), (.thematicReview, 8), (.multiAgencyAudit, 8), (.nationalReview, 5),
      (.safeguardingAdultReview, 4), (.domesticHomicideReview, 3), (.childDeathReview, 2),
    ]
    for number in 0..<count {
      let start = asOf.adding(
        days: -span + (span * number) / max(1, count) + Int.random(in: 0..<20, using: &random))
      var roll = Int.random(in: 0..<100, using: &random)
      var kind = ReviewKind.other
      for (candidate, weight) in kinds {
        if roll < weight {
          kind = candidate
          break
        }
        roll -= weight
      }
      let prefix: String =
        switch kind {
        case .rapidReview: "RR"
        case .lcspr: "LCSPR"
        case .thematicReview: "TR"
        case .multiAgencyAudit: "MAA"
        case .nationalReview: "NR"
        case .safeguardingAdultReview: "SAR"
        case .domesticHomicideReview: "DHR"
        default: "CDR"
        }
      let id = "\(prefix)-\(start.year)-\(number + 1)"
      var dates = ReviewDates()
      if kind == .rapidReview || kind == .lcspr {
        dates.aware = start
        dates.notified = start.adding(days: Int.random(in: 2...9, using: &random))
        dates.rapidReview = dates.notified?.adding(days: Int.random(in: 14...26, using: &random))
        dates.decision = dates.rapidReview
      } else {
        dates.decision = start
      }
      let published = (dates.decision ?? start).adding(days: Int.random(in: 120...330, using: &random))
      if kind != .rapidReview && published <= asOf {
        dates.published = published
        dates.sentToPanel =
          kind == .lcspr ? published.adding(days: -Int.random(in: 9...20, using: &random)) : nil
      }
      let reviewThemes = Array(Set((0..<3).map { _ in pick(themeIDs) })).sorted()
      var review = Review(
        id: id, title: "Child \(number + 1)", kind: kind, dates: dates, categories: [pick(categoryIDs)],
        themes: reviewThemes,
        summary: "A synthetic case for load tests.")
      review.findings = (0..<Int.random(in: 2...5, using: &random)).map { index in
        Finding(
          id: "F\(index + 1)",
          text: "Practitioners did not consistently apply \(pick(topics)) when working with the family.",
          themes: [pick(reviewThemes)], goodPractice: index == 0 && chance(40))
      }
      let recommendationCount =
        kind == .lcspr
        ? Int.random(in: 6...10, using: &random)
        : kind == .rapidReview ? Int.random(in: 1...4, using: &random) : Int.random(in: 3...6, using: &random)
      let agreedBase = (dates.published ?? dates.decision ?? start).adding(
        days: Int.random(in: 7...30, using: &random))
      for r in 0..<recommendationCount {
        let addressed = Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in pick(agencyIDs) }))
          .sorted()
        var roll = Int.random(in: 0..<100, using: &random)
        let response: RecommendationResponse =
          roll < 85 ? .accepted : (roll < 93 ? .partiallyAccepted : .notAccepted)
        var text = "All agencies should make sure \(pick(subjects)) apply \(pick(topics)) in every case."
        if texts == .prose {
          while oldEnough < written.count && written[oldEnough].day.days(since: start) <= -400 {
            oldEnough += 1
          }
          if oldEnough > 0 && prose.chance(percent: plantedRepeats) {
            let earlier = written[prose.index(below: oldEnough)]
            text = prose.rewrite(earlier.text)
            planted.append((earlier.reference, "\(id)/R\(r + 1)"))
          } else {
            text = prose.recommendation()
          }
          written.append(("\(id)/R\(r + 1)", text, start))
        }
        var recommendation = Recommendation(
          id: "R\(r + 1)",
          text: text,
          agencies: addressed,
          response: response,
          responseNote: response.needsReason
            ? "Covered in part by the partnership's existing strategy." : nil,
          themes: [pick(reviewThemes)])
        guard response != .notAccepted, agreedBase <= asOf else {
          review.recommendations.append(recommendation)
          continue
        }
        for a in 0..<Int.random(in: 2...6, using: &random) {
          let agreed = agreedBase.adding(days: Int.random(in: 0...20, using: &random))
          guard agreed <= asOf else { continue }
          let due = agreed.adding(days: Int.random(in: 90...400, using: &random))
          var action = Action(
            id: "\(r + 1).\(a + 1)",
            description: "\(pick(verbs)) \(pick(subjects)) on \(pick(topics)), across the partnership.",
            owner: pick(addressed), lead: "Safeguarding lead",
            measureOfSuccess:
              "Audit of \(Int.random(in: 10...50, using: &random)) cases shows it applied in \(Int.random(in: 60...95, using: &random))%.",
            agreed: agreed, due: due)
          // A log of about four updates, none after the as-of day.
          var day = agreed
          var currentDue = due
          roll = Int.random(in: 0..<100, using: &random)
          let steps = Int.random(in: 2...6, using: &random)
          for step in 0..<steps {
            day = day.adding(days: Int.random(in: 20...90, using: &random))
            guard day <= asOf else { break }
            var update = ActionUpdate(date: day, note: pick(notes), by: "Agency safeguarding lead")
            if step == 0 { update.status = .inProgress }
            if step == 1 && chance(20) {
              currentDue = currentDue.adding(days: Int.random(in: 30...120, using: &random))
              update.due = .onDay(currentDue)
              update.note = "Due revised: " + pick(delays)
            }
            if step == steps - 1 {
              if roll < 40 {
                update.status = .completed
                update.evidence = ["Completion report to the QA subgroup"]
              } else if roll < 45 {
                update.status = .blocked
              } else if roll < 48 {
                update.status = .withdrawn
                update.note = "Withdrawn: superseded by a partnership-wide action."
              }
            }
            action.updates.append(update)
          }
          if roll < 25, let last = action.updates.last, last.status == .completed {
            let assured = last.date.adding(days: Int.random(in: 30...90, using: &random))
            if assured <= asOf {
              // A re-audit shows practice changed: impact evidence, which assurance needs.
              var assurance = ActionUpdate(
                date: assured, status: .assured, note: "Impact evidenced by re-audit.", by: "QA subgroup")
              assurance.impactEvidence = ["Re-audit report"]
              action.updates.append(assurance)
            }
          }
          recommendation.actions.append(action)
        }
        review.recommendations.append(recommendation)
      }
      tracker.reviews.append(review)
      if let published = dates.published, chance(80) {
        let delivered = published.adding(days: Int.random(in: 7...90, using: &random))
        tracker.disseminations.append(
          Dissemination(
            id: "D-\(number + 1)", date: delivered, status: delivered <= asOf ? .delivered : .planned,
            method: pick(methodIDs),
            title: "Learning from \(review.title)", reviews: [id], themes: reviewThemes,
            audience: Array(Set([pick(agencyIDs), pick(agencyIDs)])).sorted(),
            reach: delivered <= asOf ? Int.random(in: 20...400, using: &random) : nil))
      }
    }
    // Section 11 returns for every cycle the reviews span.
    let standards = tracker.section11Standards.map(\.id)
    let firstYear = tracker.partnership.reportingYear(containing: asOf.adding(days: -span))
    let lastYear = tracker.partnership.reportingYear(containing: asOf)
    for year in firstYear...lastYear {
      guard let due = CalendarDay(year: year, month: 11, day: 28), due <= asOf else { continue }
      let cycle = "\(year)-\(String(year + 1).suffix(2))"
      let recent = tracker.reviews.filter { ($0.dates.published ?? CalendarDay(dayNumber: Int.max)) < due }
        .suffix(20).map(\.id)
      for agency in agencyIDs.prefix(7) where chance(90) {
        let ratings = standards.map { standard -> Section11StandardRating in
          let selfRating: Section11Rating = chance(85) ? .met : .partiallyMet
          let moderated: Section11Rating =
            chance(70) ? selfRating : (selfRating == .met ? .partiallyMet : .notMet)
          return Section11StandardRating(
            standard: standard, self: selfRating, moderated: moderated, evidence: "Policy and audit evidence."
          )
        }
        let learning = recent.filter { _ in chance(40) }.map {
          Section11Learning(
            review: $0, disseminated: "Team briefings.", implemented: "Practice guidance revised.",
            evidence: ["Audit"])
        }
        tracker.section11.append(
          Section11Return(
            agency: agency, cycle: cycle, due: due,
            submitted: chance(85) ? due.adding(days: Int.random(in: -10...20, using: &random)) : nil,
            ratings: ratings, learning: learning))
      }
    }
    return (tracker, planted)
  }
}

/// Writes recommendation texts that vary as prose does, deterministic by seed: a vocabulary of
/// 40,000 made-up words built from syllables, drawn by Zipf's law (the word of rank r about as
/// often as 1/r), so a few words are in many texts and most words are rare; plus the words real
/// partnership documents share ("review", "safeguarding", "child", "practice"), each in a fifth to
/// a half of the texts; and short words that carry no meaning ("of", "to", "the").
public struct ProseWriter: Sendable {
  static let syllables = [
    "ba", "be", "bi", "bo", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fi", "ga", "ge", "go",
    "ha",
    "he", "hi", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe",
    "pi",
    "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve", "vi", "wa",
    "we",
    "ya", "za", "ton", "ran", "ler", "mer", "ist", "ent", "ard", "ous",
  ]
  static let shared: [(word: String, percent: Int)] = [
    ("review", 30), ("safeguarding", 45), ("child", 35), ("practice", 25), ("practitioners", 20),
    ("family", 20), ("assessment", 15), ("multi-agency", 15), ("risk", 15), ("training", 10),
  ]
  static let glue = ["of", "to", "the", "and", "in", "is", "by", "on", "at", "a", "should", "with"]

  var random: SeededGenerator
  let vocabulary: [String]
  /// Cumulative Zipf weights of the vocabulary's ranks.
  let cumulative: [Double]

  /// A writer whose texts follow from `seed`, drawing on a vocabulary of `words` made-up words.
  public init(seed: UInt64, words: Int = 40_000) {
    var random = SeededGenerator(seed: seed ^ 0x7072_6F73_6521)
    var seen = Set<String>()
    var list: [String] = []
    while list.count < words {
      let length = Int.random(in: 2...4, using: &random)
      let word = (0..<length).map { _ in
        Self.syllables[Int.random(in: 0..<Self.syllables.count, using: &random)]
      }
      .joined()
      if seen.insert(word).inserted { list.append(word) }
    }
    vocabulary = list
    self.random = random
    var total = 0.0
    cumulative = (0..<words).map { rank in
      total += 1 / Double(rank + 1)
      return total
    }
  }

  mutating func chance(percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

  mutating func index(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }

  /// A vocabulary word drawn by Zipf's law.
  mutating func word() -> String {
    guard let last = cumulative.last else { return "" }
    let target = Double.random(in: 0..<last, using: &random)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
    }
    return vocabulary[low]
  }

  /// One recommendation: 4 to 12 vocabulary words, some shared words, and short words between.
  public mutating func recommendation() -> String {
    var words: [String] = []
    for (word, percent) in Self.shared where chance(percent: percent) { words.append(word) }
    for _ in 0..<Int.random(in: 4...12, using: &random) { words.append(word()) }
    words.shuffle(using: &random)
    var sentence: [String] = []
    for word in words {
      if chance(percent: 40) { sentence.append(Self.glue[index(below: Self.glue.count)]) }
      sentence.append(word)
    }
    return Self.sentence(sentence)
  }

  /// An earlier recommendation written again: one word replaced or one added.
  public mutating func rewrite(_ text: String) -> String {
    var words = text.dropLast().split(separator: " ").map { $0.lowercased() }
    guard !words.isEmpty else { return recommendation() }
    if chance(percent: 50) {
      words[index(below: words.count)] = word()
    } else {
      words.insert(word(), at: index(below: words.count + 1))
    }
    return Self.sentence(words)
  }

  static func sentence(_ words: [String]) -> String {
    guard let first = words.first else { return "" }
    return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
      + "."
  }
}
