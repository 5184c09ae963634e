/// A revision of the partnership's timetable of review steps or of its publication checklist
/// (`timetable add|update|remove`, `checklist add|update|remove`): the intent, not the timetable
/// as it ends up. Whether the result keeps the rules is `Timetable.problems`' to say, checked by
/// the change path for the timetable record (Working Together 2023, chapter 5, sets the deadlines
/// of the built-in steps).
public enum TimetableRevision: Equatable, Sendable {
  /// Adds a step before the step `before` names, else after the others.
  case addStep(TimetableStep, before: String?)
  case renameStep(String, name: String)
  /// Sets the review kinds a step applies to; nil applies it to every kind.
  case stepKinds(String, [ReviewKind]?)
  /// Sets a step's deadline; nil removes it.
  case stepDeadline(String, StepDeadline?)
  case removeStep(String)
  case addChecklistItem(CatalogueEntry)
  case renameChecklistItem(String, name: String)
  case removeChecklistItem(String)

  /// The revision applied to `timetable`; a step or item it names that is not there is left alone.
  public func apply(to timetable: inout Timetable) {
    func step(_ id: String) -> Int? { timetable.steps.firstIndex { $0.id == id } }
    func item(_ id: String) -> Int? { timetable.publicationChecklist.firstIndex { $0.id == id } }
    switch self {
    case .addStep(let added, let before):
      timetable.steps.insert(added, at: before.flatMap(step) ?? timetable.steps.count)
    case .renameStep(let id, let name): if let index = step(id) { timetable.steps[index].name = name }
    case .stepKinds(let id, let kinds): if let index = step(id) { timetable.steps[index].kinds = kinds }
    case .stepDeadline(let id, let deadline):
      if let index = step(id) { timetable.steps[index].deadline = deadline }
    case .removeStep(let id): if let index = step(id) { timetable.steps.remove(at: index) }
    case .addChecklistItem(let entry): timetable.publicationChecklist.append(entry)
    case .renameChecklistItem(let id, let name):
      if let index = item(id) { timetable.publicationChecklist[index].name = name }
    case .removeChecklistItem(let id):
      if let index = item(id) { timetable.publicationChecklist.remove(at: index) }
    }
  }
}
