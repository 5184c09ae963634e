/// The edits one command makes to a store, applied together or not at all.
///
/// `apply` is the one change path: every command, import, undo and redo goes through it, and it
/// enforces each domain rule by calling the same `DomainRules` the validator calls.
public struct ChangeSet: Equatable, Sendable {
  /// The edits, in the order they are applied.
  public var changes: [StoreChange]

  /// A set of `changes`, applied in order.
  public init(_ changes: [StoreChange]) { self.changes = changes }

  /// Applies every edit to `tracker` and returns the records touched, in the order a history
  /// should record them (undo puts them back in reverse). On a refusal `tracker` is unchanged.
  @discardableResult
  public func apply(to tracker: inout Tracker, today: CalendarDay) throws(ChangeRefusal) -> [RecordReference]
  {
    var result = tracker
    var touched: [RecordReference] = []
    func touch(_ reference: RecordReference) {
      if !touched.contains(reference) { touched.append(reference) }
    }
    for change in changes {
      switch change {
      case .add(let record):
        let reference = record.reference
        if case .section11 = reference {
        } else if let problem = Identifier.problem(reference.newIdentifier) {
          throw .invalidIdentifier(reference, id: reference.newIdentifier, problem: problem)
        }
        if result.record(at: reference) != nil || result.hasAction(reference) {
          throw .alreadyExists(reference)
        }
        try result.put(record, position: nil, keepingContents: false)
        touch(reference)
      case .update(let record):
        let reference = record.reference
        guard result.record(at: reference) != nil else {
          throw .notFound(reference, suggestion: result.nearest(to: reference))
        }
        try result.put(record, position: nil, keepingContents: true)
        touch(reference)
      case .remove(let reference):
        guard result.record(at: reference) != nil else {
          throw .notFound(reference, suggestion: result.nearest(to: reference))
        }
        if reference == .partnership {
          throw .breaksRule(
            reference,
            RuleViolation(
              check: .settings, field: "partnership",
              message: "the partnership record holds the store's name and settings and cannot be removed"))
        }
        let referrers = result.referrers(of: reference)
        if !referrers.isEmpty { throw .stillReferenced(reference, by: referrers) }
        if case .recommendation(let recommendation) = reference,
          let placed = result.reviews.first(where: { $0.id == recommendation.review })?.recommendations.first(
            where: { $0.id == recommendation.recommendation })
        {
          // Its actions are records of their own: recorded first, so that undo restores them last.
          for action in placed.actions {
            touch(.action(ActionReference(review: recommendation.review, action: action.id)))
          }
        }
        result.delete(reference)
        touch(reference)
      case .addActionUpdate(let reference, let update):
        guard let (r, m, a) = result.actionIndex(reference) else {
          throw .notFound(.action(reference), suggestion: result.nearest(to: .action(reference)))
        }
        result.reviews[r].recommendations[m].actions[a].updates.append(update)
        touch(.action(reference))
      case .correctAction(let reference, let corrections):
        try result.correct(reference, corrections)
        touch(.action(reference))
      case .restore(let reference, let record, let position):
        let existing = result.record(at: reference)
        let keptActions: [Action]?
        if case .recommendation(let recommendation) = reference {
          keptActions =
            result.reviews.first { $0.id == recommendation.review }?.recommendations.first {
              $0.id == recommendation.recommendation
            }?.actions
        } else {
          keptActions = nil
        }
        if existing != nil { result.delete(reference) }
        if var record {
          if case .recommendation(let review, var recommendation) = record, let keptActions {
            recommendation.actions = keptActions
            record = .recommendation(review: review, recommendation)
          }
          try result.put(record, position: position, keepingContents: false)
        }
        touch(reference)
      case .updateReview, .updateFinding, .updateRecommendation, .updateAgency, .updateCatalogueEntry,
        .updateDissemination, .updateSection11, .changeEscalations, .reviseTimetable, .changePrivacy:
        touch(try result.applyIntent(change))
      }
    }
    let known = KnownIdentifiers(result)
    for reference in touched {
      for violation in result.violations(of: reference, known: known, today: today)
      where violation.severity == .error {
        throw .breaksRule(reference, violation)
      }
    }
    tracker = result
    return touched
  }
}

extension Tracker {
  /// The record a reference names, as the history keeps it (a recommendation without its actions).
  public func record(at reference: RecordReference) -> Record? {
    switch reference {
    case .agency(let id):
      return agency(id).map(Record.agency)
    case .catalogue(let kind, let id):
      return self[keyPath: kind.entries].first { $0.id == id }.map { .catalogue(kind, $0) }
    case .review(let id):
      return reviews.first { $0.id == id }.map(Record.review)
    case .finding(let review, let id):
      return reviews.first { $0.id == review }?.findings.first { $0.id == id }.map {
        .finding(review: review, $0)
      }
    case .recommendation(let reference):
      guard
        var recommendation = reviews.first(where: { $0.id == reference.review })?.recommendations.first(
          where: {
            $0.id == reference.recommendation
          })
      else { return nil }
      recommendation.actions = []
      return .recommendation(review: reference.review, recommendation)
    case .action(let reference):
      guard let (r, m, a) = actionIndex(reference) else { return nil }
      return .action(
        review: reference.review, recommendation: reviews[r].recommendations[m].id,
        reviews[r].recommendations[m].actions[a])
    case .dissemination(let id):
      return disseminations.first { $0.id == id }.map(Record.dissemination)
    case .section11(let agency, let cycle):
      return section11.first { $0.agency == agency && $0.cycle == cycle }.map(Record.section11)
    case .partnership:
      return .partnership(partnership)
    case .timetable:
      return .timetable(timetable)
    }
  }

  /// Where the record stands in its list (for undo to put it back in place).
  public func position(of reference: RecordReference) -> Int? {
    switch reference {
    case .agency(let id): return agencies.firstIndex { $0.id == id }
    case .catalogue(let kind, let id): return self[keyPath: kind.entries].firstIndex { $0.id == id }
    case .review(let id): return reviewIndex(id)
    case .finding(let review, let id):
      return reviews.first { $0.id == review }?.findings.firstIndex { $0.id == id }
    case .recommendation(let reference):
      return reviews.first { $0.id == reference.review }?.recommendations.firstIndex {
        $0.id == reference.recommendation
      }
    case .action(let reference): return actionIndex(reference)?.action
    case .dissemination(let id): return disseminations.firstIndex { $0.id == id }
    case .section11(let agency, let cycle):
      return section11.firstIndex { $0.agency == agency && $0.cycle == cycle }
    case .partnership: return nil
    case .timetable: return 0
    }
  }

  /// Every other record that refers to the one named.
  public func referrers(of reference: RecordReference) -> [RecordReferrer] {
    var found: [RecordReferrer] = []
    func add(_ record: RecordReference, _ field: String) {
      found.append(RecordReferrer(record: record, field: field))
    }
    switch reference {
    case .agency(let id):
      for review in reviews {
        for recommendation in review.recommendations {
          let recommendationReference = RecommendationReference(
            review: review.id, recommendation: recommendation.id)
          if recommendation.agencies.contains(id) {
            add(.recommendation(recommendationReference), "agencies")
          }
          for action in recommendation.actions {
            let reference = RecordReference.action(ActionReference(review: review.id, action: action.id))
            if action.owner == id { add(reference, "owner") }
            if action.jointOwners?.contains(id) == true { add(reference, "jointOwners") }
          }
        }
      }
      for dissemination in disseminations where dissemination.audience.contains(id) {
        add(.dissemination(dissemination.id), "audience")
      }
      for section11Return in section11 where section11Return.agency == id {
        add(.section11(agency: id, cycle: section11Return.cycle), "agency")
      }
    case .catalogue(.theme, let id):
      for review in reviews {
        if review.themes.contains(id) { add(.review(review.id), "themes") }
        for finding in review.findings where finding.themes.contains(id) {
          add(.finding(review: review.id, finding: finding.id), "themes")
        }
        for recommendation in review.recommendations where recommendation.themes.contains(id) {
          add(
            .recommendation(RecommendationReference(review: review.id, recommendation: recommendation.id)),
            "themes")
        }
      }
      for dissemination in disseminations where dissemination.themes.contains(id) {
        add(.dissemination(dissemination.id), "themes")
      }
    case .catalogue(.category, let id):
      for review in reviews where review.categories.contains(id) { add(.review(review.id), "categories") }
    case .catalogue(.method, let id):
      for dissemination in disseminations where dissemination.method == id {
        add(.dissemination(dissemination.id), "method")
      }
    case .catalogue(.standard, let id):
      for section11Return in section11 where section11Return.ratings.contains(where: { $0.standard == id }) {
        add(.section11(agency: section11Return.agency, cycle: section11Return.cycle), "ratings")
      }
    case .review(let id):
      for review in reviews where review.follows == id && review.id != id {
        add(.review(review.id), "follows")
      }
      for dissemination in disseminations where dissemination.reviews.contains(id) {
        add(.dissemination(dissemination.id), "reviews")
      }
      for section11Return in section11 where section11Return.learning.contains(where: { $0.review == id }) {
        add(.section11(agency: section11Return.agency, cycle: section11Return.cycle), "learning")
      }
    case .finding, .recommendation, .action, .dissemination, .section11, .partnership, .timetable:
      break
    }
    return found
  }

  /// The nearest existing record of the same kind, for "did you mean".
  func nearest(to reference: RecordReference) -> String? {
    let candidates: [RecordReference]
    switch reference {
    case .agency: candidates = agencies.map { .agency($0.id) }
    case .catalogue(let kind, _): candidates = self[keyPath: kind.entries].map { .catalogue(kind, $0.id) }
    case .review: candidates = reviews.map { .review($0.id) }
    case .finding(let review, _):
      candidates = (reviews.first { $0.id == review }?.findings ?? []).map {
        .finding(review: review, finding: $0.id)
      }
    case .recommendation(let reference):
      candidates = (reviews.first { $0.id == reference.review }?.recommendations ?? []).map {
        .recommendation(RecommendationReference(review: reference.review, recommendation: $0.id))
      }
    case .action: candidates = placedActions.map { .action($0.reference) }
    case .dissemination: candidates = disseminations.map { .dissemination($0.id) }
    case .section11: candidates = section11.map { .section11(agency: $0.agency, cycle: $0.cycle) }
    case .partnership: candidates = [.partnership]
    case .timetable: candidates = [.timetable]
    }
    return LearningModel.nearest(reference.description, in: candidates.map(\.description))
  }

  /// Whether an action with the reference's ID exists anywhere in its review (action IDs are
  /// unique within a review, across its recommendations).
  func hasAction(_ reference: RecordReference) -> Bool {
    if case .action(let action) = reference { return actionIndex(action) != nil }
    return false
  }

  /// The errors and warnings of one record, from `DomainRules`; a review or recommendation
  /// includes the records inside it.
  func violations(of reference: RecordReference, known: KnownIdentifiers, today: CalendarDay)
    -> [RuleViolation]
  {
    guard let record = record(at: reference) else { return [] }
    switch record {
    case .agency(let agency):
      return DomainRules.violations(of: agency)
    case .catalogue(let kind, let entry):
      return [DomainRules.required(entry.name, field: "name", what: "the \(kind.title)'s name")].compactMap {
        $0
      }
    case .review(let review):
      var found = DomainRules.violations(of: review, known: known)
      for finding in review.findings {
        found += DomainRules.violations(of: finding, known: known)
        found += DomainRules.repeatsViolations(of: finding, review: review.id, known: known)
      }
      for recommendation in review.recommendations {
        found += DomainRules.violations(of: recommendation, review: review.id, known: known)
        for action in recommendation.actions {
          found += DomainRules.violations(
            of: action, reference: "\(review.id)/\(action.id)", known: known, today: today)
        }
      }
      return found
    case .finding(let review, let finding):
      return DomainRules.violations(of: finding, known: known)
        + DomainRules.repeatsViolations(of: finding, review: review, known: known)
    case .recommendation(let review, _):
      guard case .recommendation(let placed) = reference,
        let recommendation = reviews.first(where: { $0.id == review })?.recommendations.first(where: {
          $0.id == placed.recommendation
        })
      else { return [] }
      var found = DomainRules.violations(of: recommendation, review: review, known: known)
      for action in recommendation.actions {
        found += DomainRules.violations(
          of: action, reference: "\(review)/\(action.id)", known: known, today: today)
      }
      return found
    case .action(let review, _, let action):
      return DomainRules.violations(
        of: action, reference: "\(review)/\(action.id)", known: known, today: today)
    case .dissemination(let dissemination):
      return DomainRules.violations(of: dissemination, known: known)
    case .section11(let section11Return):
      return DomainRules.violations(of: section11Return, known: known)
    case .partnership(let partnership):
      return DomainRules.violations(of: partnership)
    case .timetable(let timetable):
      return timetable.problems.map { problem in
        RuleViolation(check: .settings, field: problem.path, message: problem.message)
      }
    }
  }

  /// Removes the record a reference names, with everything in it.
  mutating func delete(_ reference: RecordReference) {
    switch reference {
    case .agency(let id): agencies.removeAll { $0.id == id }
    case .catalogue(let kind, let id): self[keyPath: kind.entries].removeAll { $0.id == id }
    case .review(let id): reviews.removeAll { $0.id == id }
    case .finding(let review, let id):
      if let r = reviewIndex(review) { reviews[r].findings.removeAll { $0.id == id } }
    case .recommendation(let reference):
      if let r = reviewIndex(reference.review) {
        reviews[r].recommendations.removeAll { $0.id == reference.recommendation }
      }
    case .action(let reference):
      if let (r, m, a) = actionIndex(reference) { reviews[r].recommendations[m].actions.remove(at: a) }
    case .dissemination(let id): disseminations.removeAll { $0.id == id }
    case .section11(let agency, let cycle): section11.removeAll { $0.agency == agency && $0.cycle == cycle }
    case .partnership: break
    case .timetable: partnership.timetable = nil
    }
  }

  /// Puts a record in place: replaces the one with its reference, else inserts it at `position`
  /// (or at the end). With `keepingContents`, a replaced review keeps its findings and
  /// recommendations and a replaced recommendation keeps its actions.
  mutating func put(_ record: Record, position: Int?, keepingContents: Bool) throws(ChangeRefusal) {
    func place<T>(_ value: T, in list: inout [T], matching: (T) -> Bool) {
      if let index = list.firstIndex(where: matching) {
        list[index] = value
      } else {
        list.insert(value, at: Swift.min(Swift.max(position ?? list.count, 0), list.count))
      }
    }
    func reviewIndex(_ id: String) throws(ChangeRefusal) -> Int {
      guard let index = self.reviewIndex(id) else {
        throw .notFound(.review(id), suggestion: nearest(to: .review(id)))
      }
      return index
    }
    switch record {
    case .agency(let agency):
      place(agency, in: &agencies) { $0.id == agency.id }
    case .catalogue(let kind, let entry):
      place(entry, in: &self[keyPath: kind.entries]) { $0.id == entry.id }
    case .review(var review):
      if keepingContents, let existing = reviews.first(where: { $0.id == review.id }) {
        review.findings = existing.findings
        review.recommendations = existing.recommendations
      }
      place(review, in: &reviews) { $0.id == review.id }
    case .finding(let review, let finding):
      let r = try reviewIndex(review)
      place(finding, in: &reviews[r].findings) { $0.id == finding.id }
    case .recommendation(let review, var recommendation):
      let r = try reviewIndex(review)
      if keepingContents,
        let existing = reviews[r].recommendations.first(where: { $0.id == recommendation.id })
      {
        recommendation.actions = existing.actions
      }
      place(recommendation, in: &reviews[r].recommendations) { $0.id == recommendation.id }
    case .action(let review, let recommendation, let action):
      if let (r, m, a) = actionIndex(ActionReference(review: review, action: action.id)) {
        reviews[r].recommendations[m].actions[a] = action
        return
      }
      let r = try reviewIndex(review)
      guard let m = reviews[r].recommendations.firstIndex(where: { $0.id == recommendation }) else {
        let missing = RecordReference.recommendation(
          RecommendationReference(review: review, recommendation: recommendation))
        throw .notFound(missing, suggestion: nearest(to: missing))
      }
      place(action, in: &reviews[r].recommendations[m].actions) { $0.id == action.id }
    case .dissemination(let dissemination):
      place(dissemination, in: &disseminations) { $0.id == dissemination.id }
    case .section11(let section11Return):
      place(section11Return, in: &section11) {
        $0.agency == section11Return.agency && $0.cycle == section11Return.cycle
      }
    case .partnership(let partnership):
      self.partnership = partnership
    case .timetable(let timetable):
      partnership.timetable = timetable
    }
  }
}
