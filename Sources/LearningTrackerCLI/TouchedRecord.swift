import Foundation
import LearningModel
import LearningStore

/// A record a command touched, named so that the history can show it before and after.
enum TouchedRecord {
  /// An entry of a catalogue: a theme, category, dissemination method or Section 11 standard.
  case catalogueEntry(CatalogueKind, String)
  case agency(String)
  case review(String)
  case finding(review: String, finding: String)
  case recommendation(RecommendationReference)
  case action(ActionReference)
  case dissemination(String)
  case section11(agency: String, cycle: String)
  /// The partnership's own record: its name, settings and privacy names.
  case partnership
  /// The partnership's timetable and publication checklist.
  case timetable

  var reference: String {
    switch self {
    case .catalogueEntry(let kind, let id): "\(kind.rawValue):\(id)"
    case .agency(let id): "agency:\(id)"
    case .review(let id): id
    case .finding(let review, let finding): "\(review)/\(finding)"
    case .recommendation(let reference): reference.description
    case .action(let reference): reference.description
    case .dissemination(let id): "dissemination:\(id)"
    case .section11(let agency, let cycle): "section11:\(agency):\(cycle)"
    case .partnership: "partnership"
    case .timetable: "timetable"
    }
  }

  /// The record in the change path's terms.
  var recordReference: RecordReference {
    switch self {
    case .catalogueEntry(let kind, let id): .catalogue(kind, id)
    case .agency(let id): .agency(id)
    case .review(let id): .review(id)
    case .finding(let review, let finding): .finding(review: review, finding: finding)
    case .recommendation(let reference): .recommendation(reference)
    case .action(let reference): .action(reference)
    case .dissemination(let id): .dissemination(id)
    case .section11(let agency, let cycle): .section11(agency: agency, cycle: cycle)
    case .partnership: .partnership
    case .timetable: .timetable
    }
  }
}
