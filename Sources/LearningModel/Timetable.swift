/// The steps of a case review the partnership keeps, each with the review kinds it applies to and
/// an optional deadline rule, and the publication checklist every published review works through.
///
/// The default follows Working Together 2023 (chapter 5: notification within 5 working days of
/// becoming aware, the Rapid Review within 15 working days, an LCSPR published within 6 months of
/// the decision, the final report to the Panel at least 7 working days before publication) and the
/// North Somerset practice guidance's daily timetable (4.3.3 information request within 2 working
/// days, 4.3.4 agency returns within 5, 4.4.2 the meeting by the 13th working day, 4.7.1 the
/// template within 2 working days of the meeting). A partnership changes it with `timetable` and
/// `checklist` commands; `init` writes the default.
public struct Timetable: Encodable, Equatable, Sendable {
  /// The steps, in the order a review passes through them.
  public var steps: [TimetableStep]
  /// What is done when a review is published (family told, website, NSPCC repository...).
  public var publicationChecklist: [CatalogueEntry]

  /// A timetable of the given steps and checklist.
  public init(steps: [TimetableStep], publicationChecklist: [CatalogueEntry]) {
    self.steps = steps
    self.publicationChecklist = publicationChecklist
  }

  /// The step with this ID.
  public func step(_ id: String) -> TimetableStep? { steps.first { $0.id == id } }

  /// The steps whose day a review records in its `dates`: rules can hang off them, and recording
  /// one of them sets that day.
  nonisolated(unsafe) public static let builtInSteps:
    [(id: String, path: WritableKeyPath<ReviewDates, CalendarDay?>)] = [
      ("aware", \.aware), ("notified", \.notified), ("referred", \.referred), ("discussed", \.discussed),
      ("rapidReview", \.rapidReview), ("decision", \.decision), ("sentToPanel", \.sentToPanel),
      ("published", \.published),
    ]

  /// The day member of `ReviewDates` a built-in step sets; `nil` for a step of the partnership's own.
  public static func builtInDay(_ step: String) -> WritableKeyPath<ReviewDates, CalendarDay?>? {
    builtInSteps.first { $0.id == step }?.path
  }

  /// The default timetable; the Rapid Review's 15 working days run from `rapidReviewClockFrom`.
  public static func standard(rapidReviewClockFrom: RapidReviewClockStart = .aware) -> Timetable {
    let notifiable: [ReviewKind] = [.rapidReview, .lcspr]
    func step(
      _ id: String, _ name: String, _ kinds: [ReviewKind]?, _ deadline: StepDeadline? = nil
    ) -> TimetableStep {
      TimetableStep(id: id, name: name, kinds: kinds, deadline: deadline)
    }
    return Timetable(
      steps: [
        // A referral without a notification (Leicester, Leicestershire and Rutland): discussed within
        // 1 month, decided within 2. First, so that a notified review's next step follows its notification.
        step("referred", "Referral received from a partner", nil),
        step("discussed", "Referral discussed", nil, .after("referred", months: 1)),
        step("aware", "Local authority aware of the serious incident", notifiable),
        step("notified", "National Panel notified", notifiable, .after("aware", workingDays: 5)),
        step(
          "informationRequested", "Information requested from agencies", [.rapidReview],
          .after("notified", workingDays: 2)),
        step(
          "agencyReturns", "Agency returns received", [.rapidReview],
          .after("informationRequested", workingDays: 5)),
        step("meeting", "Rapid Review meeting", [.rapidReview], .after("notified", workingDays: 13)),
        step(
          "rapidReview", "Rapid Review template sent to the Panel", notifiable,
          .after(rapidReviewClockFrom.rawValue, workingDays: 15)),
        step("panelResponse", "Panel's response received", [.rapidReview]),
        step("decision", "Decision on a further review", nil, .after("referred", months: 2)),
        step("commissioned", "LCSPR commissioned", [.lcspr]),
        step("reviewerAppointed", "Reviewer appointed", [.lcspr]),
        step("termsOfReference", "Terms of reference agreed", [.lcspr]),
        step("practitionerEvents", "Practitioner learning events held", [.lcspr]),
        step("draft", "Draft report received", [.lcspr]),
        step("signOff", "Report signed off by the safeguarding partners", [.lcspr]),
        step(
          "sentToPanel", "Final report sent to the Panel, Ofsted and the DfE", [.lcspr],
          .before("published", workingDays: 7)),
        step("published", "Report published", [.lcspr], .after("decision", months: 6)),
        step("repository", "Report sent to the NSPCC national case review repository", [.lcspr]),
      ],
      publicationChecklist: [
        CatalogueEntry(id: "family", name: "Family told"),
        CatalogueEntry(id: "practitioners", name: "Practitioners told"),
        CatalogueEntry(id: "lead-member", name: "Lead Member briefed"),
        CatalogueEntry(id: "communications", name: "Communications teams briefed"),
        CatalogueEntry(id: "website", name: "Published on the website"),
        CatalogueEntry(id: "other-partnerships", name: "Other partnerships told"),
        CatalogueEntry(id: "cdop", name: "Child Death Overview Panel told"),
        CatalogueEntry(id: "trainers", name: "Trainers given the learning"),
        CatalogueEntry(id: "nspcc-repository", name: "Sent to the NSPCC repository"),
        CatalogueEntry(id: "online-12-months", name: "Kept online for at least 12 months"),
      ])
  }

  /// Every problem of the timetable: unknown or repeated steps, rules that hang off a step the
  /// timetable does not have or off the step itself, and rules that are not one day count. Paths
  /// are under `partnership.timetable`.
  public var problems: [(path: String, message: String)] {
    var found: [(String, String)] = []
    var seen = Set<String>()
    for (index, step) in steps.enumerated() {
      let path = "partnership.timetable.steps[\(index)]"
      if let problem = Identifier.problem(step.id) {
        found.append(("\(path).id", "\"\(step.id)\" \(problem)"))
      }
      if !seen.insert(step.id).inserted { found.append(("\(path).id", "step \"\(step.id)\" is given twice")) }
      if step.name.trimmingSpaces.isEmpty { found.append(("\(path).name", "the step's name is empty")) }
      if let deadline = step.deadline {
        for problem in deadline.problems(step: step.id, in: self) {
          found.append(("\(path).deadline", problem))
        }
      }
    }
    var items = Set<String>()
    for (index, item) in publicationChecklist.enumerated() {
      let path = "partnership.timetable.publicationChecklist[\(index)]"
      if let problem = Identifier.problem(item.id) {
        found.append(("\(path).id", "\"\(item.id)\" \(problem)"))
      }
      if !items.insert(item.id).inserted {
        found.append(("\(path).id", "item \"\(item.id)\" is given twice"))
      }
      if item.name.trimmingSpaces.isEmpty { found.append(("\(path).name", "the item's name is empty")) }
    }
    return found
  }
}

/// One step of the timetable.
public struct TimetableStep: Encodable, Equatable, Sendable {
  /// Unique in the timetable, such as `meeting`; the built-in steps carry the names of review days.
  public var id: String
  /// What the step is, as the business unit says it.
  public var name: String
  /// The review kinds the step applies to; absent for every kind.
  public var kinds: [ReviewKind]?
  /// When the step is due; absent when nothing times it.
  public var deadline: StepDeadline?

  /// A step with the given fields.
  public init(id: String, name: String, kinds: [ReviewKind]? = nil, deadline: StepDeadline? = nil) {
    self.id = id
    self.name = name
    self.kinds = kinds
    self.deadline = deadline
  }

  /// Whether the step applies to a review of this kind.
  public func applies(to kind: ReviewKind) -> Bool { kinds.map { $0.contains(kind) } ?? true }
}

/// When a step is due: N working days or N calendar months after another step, or N working days
/// before one. Working days are counted by `WorkingDayCalendar` (the other step's day is day 0).
public struct StepDeadline: Encodable, Equatable, Sendable {
  /// The step the deadline runs from.
  public var after: String?
  /// The step the deadline runs back from.
  public var before: String?
  /// The number of working days.
  public var workingDays: Int?
  /// The number of calendar months (only after a step).
  public var months: Int?

  /// A deadline with the given members (checked by `problems`).
  public init(after: String? = nil, before: String? = nil, workingDays: Int? = nil, months: Int? = nil) {
    self.after = after
    self.before = before
    self.workingDays = workingDays
    self.months = months
  }

  /// N working days after `step`.
  public static func after(_ step: String, workingDays: Int) -> StepDeadline {
    StepDeadline(after: step, workingDays: workingDays)
  }

  /// N calendar months after `step`.
  public static func after(_ step: String, months: Int) -> StepDeadline {
    StepDeadline(after: step, months: months)
  }

  /// N working days before `step`.
  public static func before(_ step: String, workingDays: Int) -> StepDeadline {
    StepDeadline(before: step, workingDays: workingDays)
  }

  /// The step the rule hangs off.
  public var anchor: String { after ?? before ?? "" }

  /// The last day on which the step is on time, given the day of the step it hangs off.
  public func deadline(from anchorDay: CalendarDay, calendar: WorkingDayCalendar) -> CalendarDay {
    if let months { return anchorDay.adding(months: months) }
    let count = workingDays ?? 0
    return calendar.adding(workingDays: before != nil ? -count : count, to: anchorDay)
  }

  /// The rule as a person reads it: "5 working days after aware".
  public var phrase: String {
    let amount: String
    if let months {
      amount = months == 1 ? "1 month" : "\(months) months"
    } else {
      let count = workingDays ?? 0
      amount = count == 1 ? "1 working day" : "\(count) working days"
    }
    return before != nil ? "\(amount) before \(anchor)" : "\(amount) after \(anchor)"
  }

  /// What is wrong with the rule of `step` in `timetable`.
  public func problems(step: String, in timetable: Timetable) -> [String] {
    var found: [String] = []
    if (after == nil) == (before == nil) { found.append("give exactly one of after and before") }
    if (workingDays == nil) == (months == nil) { found.append("give exactly one of workingDays and months") }
    if before != nil && months != nil { found.append("a deadline before a step is counted in working days") }
    if let count = workingDays ?? months, count < 0 || count > 9999 {
      found.append("\(count) is not a number of days or months from 0 to 9999")
    }
    let anchor = anchor
    if !anchor.isEmpty {
      if anchor == step {
        found.append("a step's deadline cannot hang off the step itself")
      } else if timetable.step(anchor) == nil {
        let hint = nearest(anchor, in: timetable.steps.map(\.id)).map { "; did you mean \"\($0)\"?" } ?? ""
        found.append("no step \"\(anchor)\" in the timetable\(hint)")
      }
    }
    return found
  }
}

extension Tracker {
  /// The partnership's timetable: the one it keeps, else the default.
  public var timetable: Timetable {
    partnership.timetable
      ?? Timetable.standard(rapidReviewClockFrom: partnership.settings.rapidReviewClockFrom ?? .aware)
  }
}
