extension DomainRules {
  /// The reviews that record `step` (done, planned, not needed or noted): while any does, the step
  /// stays in the timetable, so that every review's steps stay ones the timetable knows.
  public static func reviewsRecording(step: String, in tracker: Tracker) -> [String] {
    tracker.reviews.filter { $0.doneDay(step) != nil || $0.stepRecord(step) != nil }.map(\.id)
  }

  /// The steps whose deadline runs from `step`: while any does, the step stays in the timetable.
  public static func stepsRunning(from step: String, in timetable: Timetable) -> [String] {
    timetable.steps.filter { $0.deadline?.anchor == step }.map(\.id)
  }

  /// The reviews that record the publication checklist item `item` done: while any does, the item
  /// stays in the checklist.
  public static func reviewsTicking(item: String, in tracker: Tracker) -> [String] {
    tracker.reviews.filter { $0.publication?.checklist?.contains { $0.item == item } ?? false }.map(\.id)
  }

  /// What still refers to a step or checklist item a timetable revision takes away: the reviews
  /// that record it and the steps whose deadline runs from it. `ChangeSet.apply` refuses the
  /// revision while any is left; `timetable remove` and `checklist remove` name them first.
  /// `timetable` is the timetable as revised so far.
  static func referrers(of revision: TimetableRevision, in tracker: Tracker, timetable: Timetable)
    -> [RecordReferrer]
  {
    switch revision {
    case .removeStep(let step):
      return reviewsRecording(step: step, in: tracker).map {
        RecordReferrer(record: .review($0), field: "steps")
      }
        + stepsRunning(from: step, in: timetable).map {
          RecordReferrer(record: .timetable, field: "steps.\($0).deadline")
        }
    case .removeChecklistItem(let item):
      return reviewsTicking(item: item, in: tracker).map {
        RecordReferrer(record: .review($0), field: "publication.checklist")
      }
    default:
      return []
    }
  }
}
