extension Tracker {
  /// The store as it stood at the end of `day`: what every report is built from.
  ///
  /// Taken away: review days after the day (and a review all of whose recorded days are after it);
  /// action updates after the day and actions agreed after it; an embargo begun after it, and the
  /// lifting of one lifted after it; Section 11 submissions after it (with their ratings and learning,
  /// which arrived with them). A dissemination activity dated after the day stands as planned, with no
  /// reach, evaluation or follow-up; a follow-up dated after the day is left out. The log up to the
  /// day is kept whole, so states on earlier days (a board's last meeting, month ends, the start of
  /// a reporting year) are still derived from it.
  ///
  /// Stores with nothing after the day are returned unchanged, without copying.
  public func asOf(_ day: CalendarDay) -> Tracker {
    var view = self
    var reviewsChanged = false
    var keptReviews: [Review] = []
    keptReviews.reserveCapacity(reviews.count)
    for review in reviews {
      guard let truncated = review.asOf(day) else {
        reviewsChanged = true
        continue
      }
      if truncated != review { reviewsChanged = true }
      keptReviews.append(truncated)
    }
    if reviewsChanged { view.reviews = keptReviews }
    if disseminations.contains(where: {
      ($0.date > day && ($0.status != .planned || $0.reach != nil))
        || ($0.followUp.map { $0.date > day } ?? false)
    }) {
      view.disseminations = disseminations.map { activity in
        guard activity.date > day else {
          var kept = activity
          if let followUp = activity.followUp, followUp.date > day { kept.followUp = nil }
          return kept
        }
        var planned = activity
        planned.status = .planned
        planned.reach = nil
        planned.reachByAgency = nil
        planned.evaluation = nil
        planned.followUp = nil
        return planned
      }
    }
    if section11.contains(where: { ($0.submitted.map { $0 > day }) ?? false }) {
      view.section11 = section11.map { entry in
        guard let submitted = entry.submitted, submitted > day else { return entry }
        var unsent = entry
        unsent.submitted = nil
        unsent.ratings = []
        unsent.learning = []
        return unsent
      }
    }
    return view
  }
}

extension Review {
  /// The review as it stood at the end of `day`; `nil` when every recorded day is after it (the
  /// review had not begun).
  public func asOf(_ day: CalendarDay) -> Review? {
    let recorded = dates.all
    if !recorded.isEmpty, recorded.allSatisfy({ $0 > day }) { return nil }
    var view = processAsOf(day)
    if recorded.contains(where: { $0 > day }) { view.dates = dates.asOf(day) }
    if let embargo, embargo.since > day {
      view.embargo = nil
    } else if let lifted = embargo?.lifted, lifted > day {
      view.embargo?.lifted = nil
    }
    let needsActions = recommendations.contains { recommendation in
      recommendation.actions.contains { action in
        (action.agreed.map { $0 > day } ?? false) || action.updates.contains { $0.date > day }
          || (action.escalations ?? []).contains { $0.date > day || ($0.replied.map { $0 > day } ?? false) }
      }
    }
    if needsActions {
      view.recommendations = recommendations.map { recommendation in
        var kept = recommendation
        kept.actions = recommendation.actions.compactMap { action in
          if let agreed = action.agreed, agreed > day { return nil }
          var trimmed = action
          trimmed.updates = action.updates.filter { $0.date <= day }
          if let escalations = action.escalations {
            let kept = escalations.compactMap { $0.asOf(day) }
            trimmed.escalations = kept.isEmpty ? nil : kept
          }
          return trimmed
        }
        return kept
      }
    }
    return view
  }
}

extension ReviewDates {
  /// Every recorded day.
  public var all: [CalendarDay] {
    [incident, aware, notified, referred, discussed, rapidReview, decision, sentToPanel, published]
      .compactMap { $0 }
  }

  /// The days on or before `day`; later ones are not yet known.
  public func asOf(_ day: CalendarDay) -> ReviewDates {
    func kept(_ value: CalendarDay?) -> CalendarDay? { value.flatMap { $0 <= day ? $0 : nil } }
    return ReviewDates(
      incident: kept(incident), aware: kept(aware), notified: kept(notified), referred: kept(referred),
      discussed: kept(discussed), rapidReview: kept(rapidReview), decision: kept(decision),
      sentToPanel: kept(sentToPanel), published: kept(published))
  }
}
