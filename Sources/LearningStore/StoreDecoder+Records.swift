import LearningJSON
import LearningModel

/// The records a store, or a record read on its own (`edit`, the history), begins with, each read
/// by its table in `StoreFormat`.
extension StoreDecoder {
  /// The whole store; `nil` when its top level is not an object.
  mutating func tracker() throws(Syntax) -> Tracker? { try record(StoreFormat.tracker) }

  mutating func partnership() throws(Syntax) -> Partnership? { try record(StoreFormat.partnership) }

  /// The partnership's timetable; `nil` for `null` (the default).
  mutating func timetable() throws(Syntax) -> Timetable? { try optionalRecord(StoreFormat.timetable) }

  mutating func agency() throws(Syntax) -> Agency? { try record(StoreFormat.agency) }

  /// One entry of a catalogue; a dissemination method also says what its reach counts.
  mutating func catalogueEntry(methods: Bool) throws(Syntax) -> CatalogueEntry? {
    try record(methods ? StoreFormat.method : StoreFormat.catalogueEntry)
  }

  mutating func review() throws(Syntax) -> Review? { try record(StoreFormat.review) }

  mutating func finding() throws(Syntax) -> Finding? { try record(StoreFormat.finding) }

  mutating func recommendation() throws(Syntax) -> Recommendation? { try record(StoreFormat.recommendation) }

  mutating func action() throws(Syntax) -> Action? { try record(StoreFormat.action) }

  mutating func dissemination() throws(Syntax) -> Dissemination? { try record(StoreFormat.dissemination) }

  mutating func section11Return() throws(Syntax) -> Section11Return? {
    try record(StoreFormat.section11Return)
  }
}
