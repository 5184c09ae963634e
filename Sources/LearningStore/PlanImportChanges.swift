import LearningModel

/// A recommendation an imported plan adds, given by its text.
public struct PlannedRecommendation: Equatable, Sendable {
  /// The recommendation it adds, numbered after the review's existing ones.
  public var recommendation: Recommendation
  /// The spreadsheet row that first names it.
  public var row: Int
}

/// An action an imported plan adds.
public struct PlannedAction: Equatable, Sendable {
  /// The action's reference.
  public var reference: ActionReference
  /// The recommendation it answers.
  public var recommendation: String
  /// The action as it will be added, with its first update when the row gives a status or a note.
  public var action: Action
  /// The spreadsheet row it comes from.
  public var row: Int
}

/// A correction an imported plan makes to an existing action, like `action edit`.
public struct PlannedActionEdit: Equatable, Sendable {
  /// The action's reference.
  public var reference: ActionReference
  /// The recommendation it answers.
  public var recommendation: String
  /// The names of the fields that change ("description", "owner", "lead", "measure", "due", "agreed").
  public var fields: [String]
  /// The action as it will stand, its log unchanged.
  public var action: Action
  /// The corrections that make it so, field by field, as the change path applies them.
  public var corrections: [ActionCorrection]
  /// The spreadsheet row it comes from.
  public var row: Int
}

/// Everything importing a plan will change, and the one change set that does it.
public struct PlanImportChanges: Equatable, Sendable {
  /// Recommendations given by text that the review does not hold yet.
  public var recommendations: [PlannedRecommendation] = []
  /// Corrections to recommendations the review holds: their response, its note, agencies or day.
  public var recommendationEdits: [PlannedRecommendation] = []
  /// Actions the review does not hold yet.
  public var actions: [PlannedAction] = []
  /// Corrections to existing actions.
  public var edits: [PlannedActionEdit] = []
  /// Dated updates to existing actions: a changed status, note, reported rating or due day.
  public var updates: [PlannedUpdate] = []
  /// What each row does, row by row, for the dry run.
  public var rows: [PlanRowOutcome] = []

  /// No changes.
  public init() {}

  /// Whether the file changes nothing.
  public var isEmpty: Bool {
    recommendations.isEmpty && recommendationEdits.isEmpty && actions.isEmpty && edits.isEmpty
      && updates.isEmpty
  }

  /// The changes as one change set, for the one change path: recommendations, then actions, then
  /// corrections, then updates.
  public func changeSet(review: String) -> ChangeSet {
    ChangeSet(
      recommendations.map { .add(.recommendation(review: review, $0.recommendation)) }
        + recommendationEdits.map { .update(.recommendation(review: review, $0.recommendation)) }
        + actions.map { .add(.action(review: review, recommendation: $0.recommendation, $0.action)) }
        + edits.map { .correctAction($0.reference, $0.corrections) }
        + updates.map { .addActionUpdate($0.reference, $0.update) })
  }
}

/// What one row of a plan does, for the dry run.
public struct PlanRowOutcome: Equatable, Sendable {
  /// The spreadsheet row.
  public var row: Int
  /// What the row does: "new", "revision", "update", "correction", "heading" or "unchanged".
  public var kinds: [String]
  /// The action or heading the row is about.
  public var subject: String
}
