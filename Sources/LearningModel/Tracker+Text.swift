extension Tracker {
  /// The store with every control character removed from its texts (see `ControlCharacters`),
  /// and the paths of the texts that changed. Identifiers are left as they are: `validate`
  /// reports those as errors to be corrected by hand.
  public func removingControlCharacters() -> (tracker: Tracker, paths: [String]) {
    var copy = self
    var paths: [String] = []
    copy.visitTexts { text, path in
      guard text.unicodeScalars.contains(where: { ControlCharacters.contains($0) }) else { return nil }
      paths.append(path())
      return ControlCharacters.removed(from: text)
    }
    return (copy, paths)
  }

  /// Visits every identifier the store defines with what it names ("review", "agency") and a way
  /// to spell its JSON path (`reviews[3].id`).
  public func visitIdentifiers(_ visit: (_ id: String, _ what: String, _ path: () -> String) -> Void) {
    func each(_ ids: [String], _ path: String, _ what: String) {
      for (index, id) in ids.enumerated() { visit(id, what, { "\(path)[\(index)].id" }) }
    }
    for (index, agency) in agencies.enumerated() { visit(agency.id, "agency", { "agencies[\(index)].id" }) }
    each(themes.map(\.id), "themes", "theme")
    each(categories.map(\.id), "categories", "category")
    each(disseminationMethods.map(\.id), "disseminationMethods", "dissemination method")
    each(section11Standards.map(\.id), "section11Standards", "Section 11 standard")
    for (r, review) in reviews.enumerated() {
      visit(review.id, "review", { "reviews[\(r)].id" })
      for (f, finding) in review.findings.enumerated() {
        visit(finding.id, "finding", { "reviews[\(r)].findings[\(f)].id" })
      }
      for (m, recommendation) in review.recommendations.enumerated() {
        visit(recommendation.id, "recommendation", { "reviews[\(r)].recommendations[\(m)].id" })
        for (a, action) in recommendation.actions.enumerated() {
          visit(action.id, "action", { "reviews[\(r)].recommendations[\(m)].actions[\(a)].id" })
        }
      }
    }
    for (index, activity) in disseminations.enumerated() {
      visit(activity.id, "dissemination", { "disseminations[\(index)].id" })
    }
  }
}
