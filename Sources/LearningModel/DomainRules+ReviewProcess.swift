extension DomainRules {
  /// The rules of a review's process records: each step is one of the timetable's, recorded once,
  /// not both done and not needed, a built-in step's day kept in `dates`, and no step done before
  /// the step its deadline runs from (as `dayOrderProblems` orders the review's days); ratifying
  /// partners are agencies; correspondence IDs are identifiers, unique in the review; checklist items
  /// are the checklist's; a decision not to publish says why (Working Together 2023, chapter 5).
  static func processViolations(of review: Review, known: KnownIdentifiers) -> [RuleViolation] {
    var found: [RuleViolation] = []
    var seenSteps: [String: Int] = [:]
    for (index, record) in (review.steps ?? []).enumerated() {
      let field = "steps[\(index)]"
      if let problem = resolve(
        record.step, in: known.steps, field: "\(field).step", what: "step", catalogue: "the timetable's steps"
      ) {
        found.append(problem)
      }
      if let first = seenSteps[record.step] {
        found.append(
          RuleViolation(
            check: .uniqueIds, field: "\(field).step", value: record.step,
            message: "step \"\(record.step)\" is recorded twice (first at steps[\(first)])"))
      } else {
        seenSteps[record.step] = index
      }
      if record.done != nil, let path = Timetable.builtInDay(record.step) {
        let name = Timetable.builtInSteps.first { $0.path == path }?.id ?? record.step
        found.append(
          RuleViolation(
            check: .reviewDayOrder, field: "\(field).done", value: record.done?.description,
            message: "the day step \"\(record.step)\" was done is the review's dates.\(name)",
            hint: "record it with 'review step \(review.id) \(record.step) --done DAY'"))
      }
      if record.notNeeded != nil && (record.done != nil || review.doneDay(record.step) != nil) {
        found.append(
          RuleViolation(
            check: .reviewDayOrder, field: "\(field).notNeeded",
            message: "step \"\(record.step)\" is recorded both done and not needed"))
      }
      if let reason = record.notNeeded, isBlank(reason) {
        found.append(
          RuleViolation(
            check: .requiredText, field: "\(field).notNeeded",
            message: "the reason a step is not needed is empty"))
      }
    }
    // A step done before the step its deadline runs from, as `dayOrderProblems` orders the review's
    // own days (pairs of two built-in days are left to it).
    for step in known.timetable.steps {
      guard let rule = step.deadline, let after = rule.after,
        Timetable.builtInDay(step.id) == nil || Timetable.builtInDay(after) == nil,
        let done = review.doneDay(step.id), let anchor = review.doneDay(after), done < anchor
      else { continue }
      let field =
        Timetable.builtInDay(step.id) != nil
        ? "dates.\(step.id)"
        : "steps[\((review.steps ?? []).firstIndex { $0.step == step.id } ?? 0)].done"
      found.append(
        RuleViolation(
          check: .reviewDayOrder, field: field, value: done.description, relatedField: after,
          relatedValue: anchor.description, relation: "is before",
          message: "review \(review.id): step \(step.id) \(done) is before step \(after) \(anchor)",
          hint: "check both days against the case record; the step's deadline runs from \(after)"))
    }
    for (index, ratification) in (review.decisionRecord?.ratifications ?? []).enumerated() {
      if let problem = resolve(
        ratification.partner, in: known.agencies, field: "decisionRecord.ratifications[\(index)].partner",
        what: "agency", catalogue: "agencies")
      {
        found.append(problem)
      }
    }
    let entries = review.correspondence ?? []
    found += unique(entries.map(\.id), path: "correspondence", scope: "correspondence entry")
    for (index, entry) in entries.enumerated() {
      if let problem = Identifier.problem(entry.id), !entry.id.isEmpty {
        found.append(
          RuleViolation(
            check: .identifiers, field: "correspondence[\(index)].id", value: entry.id,
            message: "the correspondence ID \"\(entry.id)\" \(problem)"))
      }
      if let problem = required(entry.text, field: "correspondence[\(index)].text", what: "the entry's text")
      {
        found.append(problem)
      }
    }
    if let publication = review.publication {
      if publication.decision == .notPublish && isBlank(publication.justification) {
        found.append(
          RuleViolation(
            check: .requiredText, field: "publication.justification",
            message: "a decision not to publish needs its justification",
            hint: "the partnership tells the Panel and the Secretary of State why"))
      }
      for (index, tick) in (publication.checklist ?? []).enumerated() {
        if let problem = resolve(
          tick.item, in: known.checklistItems, field: "publication.checklist[\(index)].item",
          what: "checklist item", catalogue: "the publication checklist")
        {
          found.append(problem)
        }
      }
    }
    return found
  }
}
