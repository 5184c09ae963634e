import Foundation
import LearningModel
import LearningStore

/// A record a command touched, named so that the history can show it before and after.
enum TouchedRecord {
  case agency(String)
  case review(String)
  case recommendation(RecommendationReference)
  case action(ActionReference)
  case dissemination(String)
  case section11(agency: String, cycle: String)

  var reference: String {
    switch self {
    case .agency(let id): "agency:\(id)"
    case .review(let id): id
    case .recommendation(let reference): reference.description
    case .action(let reference): reference.description
    case .dissemination(let id): "dissemination:\(id)"
    case .section11(let agency, let cycle): "section11:\(agency):\(cycle)"
    }
  }

  func snapshot(in tracker: Tracker) -> JSONValue? {
    switch self {
    case .agency(let id):
      return tracker.agency(id).flatMap { History.snapshot($0) }
    case .review(let id):
      return tracker.reviews.first { $0.id == id }.flatMap { History.snapshot($0) }
    case .recommendation(let reference):
      guard let review = tracker.reviews.first(where: { $0.id == reference.review }),
        let recommendation = review.recommendations.first(where: { $0.id == reference.recommendation })
      else { return nil }
      var copy = recommendation
      copy.actions = []
      return History.snapshot(copy)
    case .action(let reference):
      guard let (r, m, a) = tracker.actionIndex(reference) else { return nil }
      return History.snapshot(tracker.reviews[r].recommendations[m].actions[a])
    case .dissemination(let id):
      return tracker.disseminations.first { $0.id == id }.flatMap { History.snapshot($0) }
    case .section11(let agency, let cycle):
      return tracker.section11.first { $0.agency == agency && $0.cycle == cycle }.flatMap {
        History.snapshot($0)
      }
    }
  }
}
