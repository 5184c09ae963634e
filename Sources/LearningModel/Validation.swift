/// How serious a validation diagnostic is.
public enum Severity: String, Codable, Sendable, Comparable {
  /// Blocks writing: the store is wrong.
  case error
  /// Worth a look, but the store can be written.
  case warning

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// A named validation rule. The name is what a user sees and can select.
public enum ValidationCheck: String, Codable, CaseIterable, Sendable {
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
  /// An accepted recommendation has actions (warning).
  case acceptedWithoutActions
  /// An action's update log is in date order (warning).
  case updateOrder
  /// An action marked assured has evidence in its log (warning): assurance needs evidence of impact.
  case assuredWithoutEvidence
  /// Every ID follows the one rule for identifiers (`Identifier`).
  case identifiers
  /// Text holds no control characters that could act on a terminal (warning; `ControlCharacters`).
  case controlCharacters
}

/// One thing validation found, at a JSON path, with a hint on what to do.
public struct Diagnostic: Equatable, Codable, Sendable, CustomStringConvertible {
  public var severity: Severity
  public var check: ValidationCheck
  /// Where in the store: `reviews[3].recommendations[0].actions[1].due`.
  public var path: String
  public var message: String
  public var hint: String?

  public init(severity: Severity, check: ValidationCheck, path: String, message: String, hint: String? = nil)
  {
    self.severity = severity
    self.check = check
    self.path = path
    self.message = message
    self.hint = hint
  }

  /// `path: error: message [check]`, then the hint.
  public var description: String {
    var text = "\(path): \(severity.rawValue): \(message) [\(check.rawValue)]"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}

/// Checks a store and returns every diagnostic in one pass; it never stops at the first.
public struct Validator: Sendable {
  /// The day "today" is for warnings about future updates.
  public var today: CalendarDay

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

  mutating func unique(_ ids: [String], path: String, scope: String) {
    var seen: [String: Int] = [:]
    for (index, id) in ids.enumerated() {
      if id.trimmingSpaces.isEmpty {
        error(
          .requiredText, "\(path)[\(index)].id", "\(scope) ID is empty", hint: "give every \(scope) an ID")
      } else if let first = seen[id] {
        error(
          .uniqueIds, "\(path)[\(index)].id",
          "duplicate \(scope) ID \"\(id)\" (first used at \(path)[\(first)])",
          hint: "give each \(scope) its own ID")
      } else {
        seen[id] = index
      }
    }
  }

  mutating func resolve(
    _ ids: [String], in known: Set<String>, path: String, what: String, catalogue: String
  ) {
    for (index, id) in ids.enumerated() where !known.contains(id) {
      error(
        .references, "\(path)[\(index)]", "unknown \(what) \"\(id)\"",
        hint: (nearest(id, in: known).map { "did you mean \"\($0)\"? " } ?? "")
          + "it must be one of \(catalogue)")
    }
  }

  mutating func resolveOne(_ id: String, in known: Set<String>, path: String, what: String, catalogue: String)
  {
    if !known.contains(id) {
      error(
        .references, path, "unknown \(what) \"\(id)\"",
        hint: (nearest(id, in: known).map { "did you mean \"\($0)\"? " } ?? "")
          + "it must be one of \(catalogue)")
    }
  }

  mutating func required(_ text: String, _ path: String, _ what: String) {
    if text.trimmingSpaces.isEmpty { error(.requiredText, path, "\(what) is empty") }
  }

  mutating func check(_ tracker: Tracker) {
    required(tracker.partnership.name, "partnership.name", "the partnership's name")
    let settings = tracker.partnership.settings
    if settings.dueSoonDays < 0 {
      error(.settings, "partnership.settings.dueSoonDays", "must be 0 or more, found \(settings.dueSoonDays)")
    }
    if settings.staleAfterDays < 0 {
      error(
        .settings, "partnership.settings.staleAfterDays",
        "must be 0 or more, found \(settings.staleAfterDays)")
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
      required(agency.name, "agencies[\(index)].name", "the agency's name")
    }

    let agencies = Set(tracker.agencies.map(\.id))
    let themes = Set(tracker.themes.map(\.id))
    let categories = Set(tracker.categories.map(\.id))
    let methods = Set(tracker.disseminationMethods.map(\.id))
    let standards = Set(tracker.section11Standards.map(\.id))
    let reviews = Set(tracker.reviews.map(\.id))

    for (r, review) in tracker.reviews.enumerated() {
      let path = "reviews[\(r)]"
      required(review.title, "\(path).title", "the review's title")
      if let follows = review.follows {
        resolveOne(
          follows, in: reviews, path: "\(path).follows", what: "review", catalogue: "the store's reviews")
        if follows == review.id { error(.references, "\(path).follows", "a review cannot follow itself") }
      }
      resolve(
        review.categories, in: categories, path: "\(path).categories", what: "category",
        catalogue: "categories")
      resolve(review.themes, in: themes, path: "\(path).themes", what: "theme", catalogue: "themes")
      unique(review.findings.map(\.id), path: "\(path).findings", scope: "finding")
      for (f, finding) in review.findings.enumerated() {
        required(finding.text, "\(path).findings[\(f)].text", "the finding's text")
        resolve(
          finding.themes, in: themes, path: "\(path).findings[\(f)].themes", what: "theme",
          catalogue: "themes")
      }
      unique(review.recommendations.map(\.id), path: "\(path).recommendations", scope: "recommendation")
      // Action IDs are unique within the review, across its recommendations.
      var actionSeen: [String: String] = [:]
      for (m, recommendation) in review.recommendations.enumerated() {
        let recPath = "\(path).recommendations[\(m)]"
        required(recommendation.text, "\(recPath).text", "the recommendation's text")
        resolve(
          recommendation.agencies, in: agencies, path: "\(recPath).agencies", what: "agency",
          catalogue: "agencies")
        resolve(
          recommendation.themes, in: themes, path: "\(recPath).themes", what: "theme", catalogue: "themes")
        if recommendation.response.needsReason, (recommendation.responseNote ?? "").trimmingSpaces.isEmpty {
          error(
            .responseNote, "\(recPath).responseNote",
            "a recommendation that is \(recommendation.response.title.lowercased()) needs a responseNote",
            hint: "say why: the partnership publishes the reason with its action plan")
        }
        if recommendation.response == .accepted && recommendation.actions.isEmpty {
          warning(
            .acceptedWithoutActions, "\(recPath).actions",
            "accepted recommendation \(review.id)/\(recommendation.id) has no actions",
            hint: "add the SMART actions that answer it")
        }
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
          check(action, path: actionPath, reference: "\(review.id)/\(action.id)", agencies: agencies)
        }
      }
    }

    for (d, dissemination) in tracker.disseminations.enumerated() {
      let path = "disseminations[\(d)]"
      required(dissemination.title, "\(path).title", "the dissemination's title")
      resolveOne(
        dissemination.method, in: methods, path: "\(path).method", what: "dissemination method",
        catalogue: "disseminationMethods")
      resolve(
        dissemination.reviews, in: reviews, path: "\(path).reviews", what: "review", catalogue: "reviews")
      resolve(dissemination.themes, in: themes, path: "\(path).themes", what: "theme", catalogue: "themes")
      resolve(
        dissemination.audience, in: agencies, path: "\(path).audience", what: "agency", catalogue: "agencies")
      if let reach = dissemination.reach, reach < 0 {
        error(.dissemination, "\(path).reach", "reach must be 0 or more, found \(reach)")
      }
      if dissemination.status == .delivered && dissemination.reach == nil {
        error(
          .dissemination, "\(path).reach", "a delivered activity needs its reach",
          hint: "record how many practitioners it reached (0 or more)")
      }
      if dissemination.status == .cancelled, (dissemination.note ?? "").trimmingSpaces.isEmpty {
        error(.dissemination, "\(path).note", "a cancelled activity needs a note giving the reason")
      }
    }

    var returns: [String: Int] = [:]
    for (s, section11Return) in tracker.section11.enumerated() {
      let path = "section11[\(s)]"
      resolveOne(
        section11Return.agency, in: agencies, path: "\(path).agency", what: "agency", catalogue: "agencies")
      let key = section11Return.agency + "\u{0}" + section11Return.cycle
      if let first = returns[key] {
        error(
          .section11, path,
          "a second Section 11 return for \(section11Return.agency) in cycle \(section11Return.cycle) (first at section11[\(first)])"
        )
      } else {
        returns[key] = s
      }
      var seenStandards = Set<String>()
      for (i, rating) in section11Return.ratings.enumerated() {
        resolveOne(
          rating.standard, in: standards, path: "\(path).ratings[\(i)].standard", what: "Section 11 standard",
          catalogue: "section11Standards")
        if !seenStandards.insert(rating.standard).inserted {
          error(
            .uniqueIds, "\(path).ratings[\(i)].standard", "standard \"\(rating.standard)\" is rated twice")
        }
      }
      for (i, learning) in section11Return.learning.enumerated() {
        resolveOne(
          learning.review, in: reviews, path: "\(path).learning[\(i)].review", what: "review",
          catalogue: "reviews")
      }
    }
  }

  mutating func check(_ action: Action, path: String, reference: String, agencies: Set<String>) {
    required(action.description, "\(path).description", "the action's description")
    resolveOne(action.owner, in: agencies, path: "\(path).owner", what: "agency", catalogue: "agencies")
    if (action.measureOfSuccess ?? "").trimmingSpaces.isEmpty {
      warning(
        .measureOfSuccess, "\(path).measureOfSuccess", "action \(reference) has no measure of success",
        hint: "say how the change in practice will be assessed")
    }
    if (action.lead ?? "").trimmingSpaces.isEmpty {
      warning(.lead, "\(path).lead", "action \(reference) names no lead", hint: "name the role that leads it")
    }
    if let agreed = action.agreed, action.due < agreed {
      error(.dueBeforeAgreed, "\(path).due", "due \(action.due) is before the agreed day \(agreed)")
    }
    if let assured = action.updates.lastIndex(where: { $0.status == .assured }),
      !action.updates.contains(where: { !($0.evidence ?? []).isEmpty })
    {
      warning(
        .assuredWithoutEvidence, "\(path).updates[\(assured)]",
        "action \(reference) is assured with no evidence in its log",
        hint: "record the evidence of impact the QA subgroup relied on")
    }
    var previous: CalendarDay?
    for (u, update) in action.updates.enumerated() {
      let updatePath = "\(path).updates[\(u)]"
      if let agreed = action.agreed, update.date < agreed {
        error(
          .updateBeforeAgreed, "\(updatePath).date",
          "update dated \(update.date) is before the action was agreed (\(agreed))")
      }
      if let agreed = action.agreed, let due = update.due, due < agreed {
        error(.dueBeforeAgreed, "\(updatePath).due", "revised due \(due) is before the agreed day \(agreed)")
      }
      if update.status == .withdrawn, (update.note ?? "").trimmingSpaces.isEmpty {
        error(.withdrawnNote, "\(updatePath).note", "withdrawing action \(reference) needs a note saying why")
      }
      if update.date > today {
        warning(.futureUpdate, "\(updatePath).date", "update dated \(update.date) is after today (\(today))")
      }
      if let previous, update.date < previous {
        warning(
          .updateOrder, "\(updatePath).date",
          "update dated \(update.date) comes after one dated \(previous) in the log",
          hint: "keep the log in date order; the derived state sorts it by date")
      }
      previous = max(previous ?? update.date, update.date)
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
