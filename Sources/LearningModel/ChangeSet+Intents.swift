extension Tracker {
  /// Applies one change stated as an intent on one record (`StoreChange.updateReview`,
  /// `.reviseTimetable`, ...) and returns the record it touched; refused when there is no such
  /// record, or for a governed change that cannot be made. The rules the changed record must keep
  /// are checked afterwards by `ChangeSet.apply`, through `DomainRules`, for every command alike.
  /// The other changes (add, update, remove, an action's update or correction, restore) are
  /// applied by `ChangeSet.apply` itself; for them this changes nothing and names their record.
  mutating func applyIntent(_ change: StoreChange) throws(ChangeRefusal) -> RecordReference {
    func missing(_ reference: RecordReference) -> ChangeRefusal {
      .notFound(reference, suggestion: nearest(to: reference))
    }
    switch change {
    case .updateReview(let id, let changes):
      let reference = RecordReference.review(id)
      guard let r = reviewIndex(id) else { throw missing(reference) }
      var review = reviews[r]
      do {
        for change in changes { try change.apply(to: &review) }
      } catch {
        throw .governed(reference, error)
      }
      reviews[r] = review
      return reference
    case .updateFinding(let review, let id, let changes):
      let reference = RecordReference.finding(review: review, finding: id)
      guard let r = reviewIndex(review), let f = reviews[r].findings.firstIndex(where: { $0.id == id }) else {
        throw missing(reference)
      }
      for change in changes { change.apply(to: &reviews[r].findings[f]) }
      return reference
    case .updateRecommendation(let placed, let changes):
      let reference = RecordReference.recommendation(placed)
      guard let r = reviewIndex(placed.review),
        let m = reviews[r].recommendations.firstIndex(where: { $0.id == placed.recommendation })
      else { throw missing(reference) }
      for change in changes { change.apply(to: &reviews[r].recommendations[m]) }
      return reference
    case .updateAgency(let id, let changes):
      let reference = RecordReference.agency(id)
      guard let index = agencies.firstIndex(where: { $0.id == id }) else { throw missing(reference) }
      for change in changes { change.apply(to: &agencies[index]) }
      return reference
    case .updateCatalogueEntry(let kind, let id, let changes):
      let reference = RecordReference.catalogue(kind, id)
      guard let index = self[keyPath: kind.entries].firstIndex(where: { $0.id == id }) else {
        throw missing(reference)
      }
      for change in changes { change.apply(to: &self[keyPath: kind.entries][index]) }
      return reference
    case .updateDissemination(let id, let changes):
      let reference = RecordReference.dissemination(id)
      guard let index = disseminations.firstIndex(where: { $0.id == id }) else { throw missing(reference) }
      for change in changes { change.apply(to: &disseminations[index]) }
      return reference
    case .updateSection11(let agency, let cycle, let changes):
      let reference = RecordReference.section11(agency: agency, cycle: cycle)
      guard let index = section11.firstIndex(where: { $0.agency == agency && $0.cycle == cycle }) else {
        throw missing(reference)
      }
      for change in changes {
        if let standard = change.unratedStandard(in: section11[index]) {
          throw .breaksRule(
            reference,
            RuleViolation(
              check: .references, field: "ratings", value: standard,
              message: "standard \"\(standard)\" has no self rating to moderate or attach evidence to",
              hint: "rate it first"))
        }
        change.apply(to: &section11[index])
      }
      return reference
    case .changeEscalations(let placed, let change):
      let reference = RecordReference.action(placed)
      guard let (r, m, a) = actionIndex(placed) else { throw missing(reference) }
      change.apply(to: &reviews[r].recommendations[m].actions[a])
      return reference
    case .reviseTimetable(let revisions):
      var revised = timetable
      for revision in revisions {
        let referrers = DomainRules.referrers(of: revision, in: self, timetable: revised)
        if !referrers.isEmpty { throw .stillReferenced(.timetable, by: referrers) }
        revision.apply(to: &revised)
      }
      partnership.timetable = revised
      return .timetable
    case .changePrivacy(let change):
      change.apply(to: &partnership)
      return .partnership
    case .add(let record), .update(let record):
      return record.reference
    case .remove(let reference), .restore(let reference, _, _):
      return reference
    case .addActionUpdate(let placed, _), .correctAction(let placed, _):
      return .action(placed)
    }
  }
}
