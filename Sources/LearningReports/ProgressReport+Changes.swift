import LearningModel

/// What changed since the board last met, and the share closed month by month.
extension ProgressReport {
  static func changes(_ scope: ReportScope, since: CalendarDay) -> Changes {
    var changes = Changes(since: since)
    let settings = scope.tracker.partnership.settings
    for entry in scope.actions {
      let then = entry.placed.state(asOf: since, settings: settings)
      let now = entry.state
      if then.exists { changes.bragThen.add(then.brag) }
      let line = scope.line(entry)
      if !then.exists { changes.newlyAgreed.append(line) }
      if now.isClosed && !(then.exists && then.isClosed) { changes.closed.append(line) }
      if now.isOverdue && !(then.exists && then.isOverdue) { changes.newlyOverdue.append(line) }
      if now.slips > then.slips { changes.newlySlipped.append(line) }
    }
    return changes
  }

  /// The share of actions closed (completed or assured, withdrawn left out) at each of the last
  /// 12 month ends on or before the as-of day, found by replaying the update logs.
  static func closedByMonth(_ scope: ReportScope) -> [MonthPoint] {
    let asOf = scope.options.asOf
    var monthEnd = asOf == asOf.endOfMonth ? asOf : asOf.adding(months: -1).endOfMonth
    var ends: [CalendarDay] = []
    for _ in 0..<12 {
      ends.append(monthEnd)
      monthEnd = monthEnd.adding(months: -1).endOfMonth
    }
    let days = Array(ends.reversed())
    var actions = Array(repeating: 0, count: days.count)
    var closed = Array(repeating: 0, count: days.count)
    var withdrawn = Array(repeating: 0, count: days.count)
    for review in scope.tracker.reviews where scope.options.review == nil || review.id == scope.options.review
    {
      for recommendation in review.recommendations {
        for action in recommendation.actions
        where scope.options.agency.map({ action.isOwned(by: $0) }) ?? true {
          for (index, status) in action.statuses(on: days).enumerated() {
            guard let status else { continue }
            if status == .withdrawn {
              withdrawn[index] += 1
              continue
            }
            actions[index] += 1
            if status.isClosed { closed[index] += 1 }
          }
        }
      }
    }
    return days.indices.map { index in
      MonthPoint(
        monthEnd: days[index], actions: actions[index], closed: closed[index],
        percentClosed: percent(closed[index], of: actions[index]), withdrawn: withdrawn[index])
    }
  }
}
