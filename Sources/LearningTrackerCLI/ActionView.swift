import LearningModel

/// An action and its derived state, as `action show` and `action list` print them in JSON.
struct ActionView: Encodable {
  var reference, description, owner: String
  var jointOwners: [String]?
  var evidencePlanned: String?
  var reported: String?
  var lead, measureOfSuccess: String?
  var baseline, target, remeasure: String?
  var agreed: String?
  var asOf, status, due, originalDue: String
  var open, overdue, dueSoon, stale, exists: Bool
  var daysOverdue, slips, slipDays: Int
  var brag: String?
  var completedOn, lastHeard: String?
  var updates: [ActionUpdate]

  init(reference: ActionReference, action: Action, state: ActionState) {
    self.reference = reference.description
    description = action.description
    owner = action.owner
    jointOwners = action.jointOwners
    evidencePlanned = action.evidencePlanned
    reported = state.reported?.rawValue
    lead = action.lead
    measureOfSuccess = action.measureOfSuccess
    baseline = action.baseline
    target = action.target
    remeasure = action.remeasure?.description
    agreed = action.agreed?.description
    asOf = state.asOf.description
    status = state.status.rawValue
    due = state.due.storeText
    originalDue = state.originalDue.storeText
    open = state.isOpen
    overdue = state.isOverdue
    dueSoon = state.isDueSoon
    stale = state.isStale
    exists = state.exists
    daysOverdue = state.daysOverdue
    slips = state.slips
    slipDays = state.slipDays
    brag = state.brag?.rawValue
    completedOn = state.completedOn?.description
    lastHeard = state.lastHeard?.description
    updates = action.updates
  }
}
