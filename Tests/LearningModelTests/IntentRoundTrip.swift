import Testing

@testable import LearningModel

/// Applies intent `changes` to the sample store of `ChangeSetTests` on `today`, checks `check` on
/// the result, undoes them as the history does (each touched record put back as it was, in
/// reverse) and checks the store is back as it was.
func intentRoundTrip(_ changes: [StoreChange], today: CalendarDay, _ check: (Tracker) -> Void) throws {
  let original = ChangeSetTests().sample()
  var tracker = original
  let touched = try ChangeSet(changes).apply(to: &tracker, today: today)
  #expect(!touched.isEmpty)
  check(tracker)
  let undo = touched.reversed().map { reference in
    StoreChange.restore(reference, original.record(at: reference), position: original.position(of: reference))
  }
  try ChangeSet(undo).apply(to: &tracker, today: today)
  #expect(tracker == original)
}
