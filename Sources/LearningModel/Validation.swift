/// How serious a validation diagnostic is.
public enum Severity: String, Encodable, Sendable, Comparable {
  /// Blocks writing: the store is wrong.
  case error
  /// Worth a look, but the store can be written.
  case warning

  /// Errors come before warnings.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// A named validation rule. The name is what a user sees and can select.
public enum ValidationCheck: String, Encodable, CaseIterable, Sendable {
  /// IDs are unique in their scope.
  case uniqueIds
  /// Every reference (agency, theme, category, method, standard, review) resolves.
  case references
  /// Required text is present (names, titles, descriptions, IDs).
  case requiredText
  /// Partially and not accepted recommendations state why.
  case responseNote
  /// A withdrawn action's update gives a note.
  case withdrawnNote
  /// No update predates the action's agreed day.
  case updateBeforeAgreed
  /// The due day (and any revised due day) is not before the agreed day.
  case dueBeforeAgreed
  /// Settings are sensible (non-negative thresholds).
  case settings
  /// Delivered dissemination has a reach of zero or more; cancelled has a reason.
  case dissemination
  /// One Section 11 return per agency and cycle.
  case section11
  /// An action has a measure of success (warning).
  case measureOfSuccess
  /// An action names a lead (warning).
  case lead
  /// An update is dated after today (warning).
  case futureUpdate
  /// An accepted or partially accepted recommendation has an action that is not withdrawn (warning).
  case acceptedWithoutActions
  /// An action's update log is in date order (warning).
  case updateOrder
  /// An action marked assured has impact evidence or a result in its log by then, or a recorded
  /// reason for assuring without: assurance needs evidence that practice changed.
  case assuredWithoutEvidence
  /// A review's days are in a possible order (notified not before aware, and so on).
  case reviewDayOrder
  /// Every ID follows the one rule for identifiers (`Identifier`).
  case identifiers
  /// Text holds no control characters that could act on a terminal (warning; `ControlCharacters`).
  case controlCharacters
  /// A review has at least one of its days recorded (warning): a review with none falls in no
  /// reporting year and starts no statutory clock, so reports list it as undated.
  case undatedReview
  /// An action's escalation uses a level the partnership has, names who it went to, and its
  /// reply-by and reply days are not before it.
  case escalation
  /// An action once begun does not go back to Not started (`DomainRules.transitionViolations`).
  case statusTransition
}

/// Checks a store and returns every diagnostic in one pass; it never stops at the first.
public struct Validator: Sendable {
  /// The day "today" is for warnings about future updates.
  public var today: CalendarDay

  /// A validator that judges future updates against `today`.
  public init(today: CalendarDay) {
    self.today = today
  }

  /// All diagnostics for the store, errors and warnings, in store order.
  public func validate(_ tracker: Tracker) -> [Diagnostic] {
    var run = Run(today: today)
    run.check(tracker)
    run.diagnostics += Self.identifierDiagnostics(tracker)
    run.diagnostics += Self.controlCharacterDiagnostics(tracker)
    return run.diagnostics
  }
}

private struct Run {
  let today: CalendarDay
  var diagnostics: [Diagnostic] = []

  init(today: CalendarDay) {
    self.today = today
  }

  mutating func error(_ check: ValidationCheck, _ path: String, _ message: String, hint: String? = nil) {
    diagnostics.append(Diagnostic(severity: .error, check: check, path: path, message: message, hint: hint))
  }

  mutating func warning(_ check: ValidationCheck, _ path: String, _ message: String, hint: String? = nil) {
    diagnostics.append(Diagnostic(severity: .warning, check: check, path: path, message: message, hint: hint))
  }

  /// Adds a record's rule violations, located under `path`.
  mutating func add(_ violations: [RuleViolation], at path: String) {
    for violation in violations {
      diagnostics.append(
        Diagnostic(
          severity: violation.severity, check: violation.check,
          path: path.isEmpty ? violation.field : "\(path).\(violation.field)", message: violation.message,
          hint: violation.hint))
    }
  }

  mutating func unique(_ ids: [String], path: String, scope: String) {
    add(DomainRules.unique(ids, path: path, scope: scope), at: "")
  }

  mutating func required(_ text: String, _ path: String, _ what: String) {
    if let violation = DomainRules.required(text, field: path, what: what) { add([violation], at: "") }
  }

  mutating func check(_ tracker: Tracker) {
    add(DomainRules.violations(of: tracker.partnership), at: "partnership")
    for problem in tracker.partnership.timetable?.problems ?? [] {
      error(
        .settings, problem.path, problem.message, hint: "correct it with the timetable and checklist commands"
      )
    }

    unique(tracker.agencies.map(\.id), path: "agencies", scope: "agency")
    unique(tracker.themes.map(\.id), path: "themes", scope: "theme")
    unique(tracker.categories.map(\.id), path: "categories", scope: "category")
    unique(
      tracker.disseminationMethods.map(\.id), path: "disseminationMethods", scope: "dissemination method")
    unique(tracker.section11Standards.map(\.id), path: "section11Standards", scope: "Section 11 standard")
    unique(tracker.reviews.map(\.id), path: "reviews", scope: "review")
    unique(tracker.disseminations.map(\.id), path: "disseminations", scope: "dissemination")
    for (index, agency) in tracker.agencies.enumerated() {
      add(DomainRules.violations(of: agency), at: "agencies[\(index)]")
    }

    let known = KnownIdentifiers(tracker)

    for (r, review) in tracker.reviews.enumerated() {
      let path = "reviews[\(r)]"
      add(DomainRules.violations(of: review, known: known), at: path)
      unique(review.findings.map(\.id), path: "\(path).findings", scope: "finding")
      for (f, finding) in review.findings.enumerated() {
        add(
          DomainRules.violations(of: finding, known: known)
            + DomainRules.repeatsViolations(of: finding, review: review.id, known: known),
          at: "\(path).findings[\(f)]")
      }
      unique(review.recommendations.map(\.id), path: "\(path).recommendations", scope: "recommendation")
      // Action IDs are unique within the review, across its recommendations.
      var actionSeen: [String: String] = [:]
      for (m, recommendation) in review.recommendations.enumerated() {
        let recPath = "\(path).recommendations[\(m)]"
        add(DomainRules.violations(of: recommendation, review: review.id, known: known), at: recPath)
        for (a, action) in recommendation.actions.enumerated() {
          let actionPath = "\(recPath).actions[\(a)]"
          if action.id.trimmingSpaces.isEmpty {
            error(.requiredText, "\(actionPath).id", "action ID is empty")
          } else if let first = actionSeen[action.id] {
            error(
              .uniqueIds, "\(actionPath).id",
              "duplicate action ID \"\(action.id)\" in review \(review.id) (first used at \(first))",
              hint: "action IDs are unique within a review, across its recommendations")
          } else {
            actionSeen[action.id] = actionPath
          }
          add(
            DomainRules.violations(
              of: action, reference: "\(review.id)/\(action.id)", known: known, today: today),
            at: actionPath)
        }
      }
    }

    for (d, dissemination) in tracker.disseminations.enumerated() {
      add(DomainRules.violations(of: dissemination, known: known), at: "disseminations[\(d)]")
    }

    var returns: [String: Int] = [:]
    for (s, section11Return) in tracker.section11.enumerated() {
      let path = "section11[\(s)]"
      let violations = DomainRules.violations(of: section11Return, known: known)
      add(violations.filter { $0.field == "agency" }, at: path)
      let key = section11Return.agency + "\u{0}" + section11Return.cycle
      if let first = returns[key] {
        error(
          .section11, path,
          "a second Section 11 return for \(section11Return.agency) in cycle \(section11Return.cycle) (first at section11[\(first)])"
        )
      } else {
        returns[key] = s
      }
      add(violations.filter { $0.field != "agency" }, at: path)
    }
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line breaks.
  public var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return self[start...end]
  }
}
