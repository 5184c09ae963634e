import Foundation
import LearningJSON

/// What the chain covers: an entry shows nothing its digest does not cover.
///
/// An entry's digest covers each text by the text's own digest, so a redaction marker (which
/// keeps that digest) is covered only as "some text was here". Its shown text is therefore fixed
/// by the tool (`Redaction.mask`), and a marker may stand only where text does: never where a
/// digest does (`storeAfter`, `previous`, ...), which is not text and must stay as written.
public enum HistoryCoverage {
  /// Why the entry shows something its digest does not cover, or `nil` when it shows nothing
  /// of the kind.
  public static func problem(in entry: JSONValue) -> String? {
    guard case .object(let members) = entry else { return nil }
    for member in members where Redaction.digestFields.contains(member.key) {
      if Redaction.contains(member.value) {
        return
          "\(member.key) holds a redaction marker where a digest belongs (the history was edited by hand)"
      }
    }
    return markerShowingText(entry, path: "")
  }

  /// The first marker whose shown text is not the tool's own mask, as a problem.
  static func markerShowingText(_ value: JSONValue, path: String) -> String? {
    if let marker = Redaction.marker(value) {
      guard marker.masked != Redaction.mask else { return nil }
      return "\(path.isEmpty ? "a text" : path) is a redaction marker showing text the digest does not cover "
        + "(a redaction shows only \(Redaction.mask))"
    }
    switch value {
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let found = markerShowingText(element, path: path + "[\(index)]") { return found }
      }
    case .object(let members):
      for member in members {
        if let found = markerShowingText(
          member.value, path: path.isEmpty ? member.key : path + "." + member.key)
        {
          return found
        }
      }
    default: break
    }
    return nil
  }

  /// Whether the store at `store` as it is now is the one the history's last entry left, said as
  /// a failure naming the store or the history when it is not: the store was changed outside
  /// learning-tracker, the history was cut short, or an older copy was put back
  /// (`StoreStanding`). `entries` is the whole history.
  public static func storeProblem(_ entries: [HistoryEntry], store: String) -> String? {
    StoreStanding.of(entries, store: store).problem(entries, store: store)
  }
}
