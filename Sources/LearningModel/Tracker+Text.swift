extension Tracker {
  /// Visits every text the store holds that is neither an identifier, a reference, a date nor a
  /// word of a closed vocabulary: names, titles, summaries, findings, recommendations, notes,
  /// evidence, privacy names. `visit` gets the text and a way to spell its JSON path, and returns
  /// a replacement or `nil` to keep it; only replaced texts are written back.
  public mutating func visitTexts(_ visit: (String, () -> String) -> String?) {
    if let new = visit(partnership.name, { "partnership.name" }) { partnership.name = new }
    for (n, name) in (partnership.privacy?.names ?? []).enumerated() {
      if let new = visit(name, { "partnership.privacy.names[\(n)]" }) { partnership.privacy?.names[n] = new }
    }
    for (i, agency) in agencies.enumerated() {
      if let new = visit(agency.name, { "agencies[\(i)].name" }) { agencies[i].name = new }
    }
    Self.visitNames(&themes, "themes", visit)
    Self.visitNames(&categories, "categories", visit)
    Self.visitNames(&disseminationMethods, "disseminationMethods", visit)
    Self.visitNames(&section11Standards, "section11Standards", visit)
    for (r, review) in reviews.enumerated() {
      let path = { "reviews[\(r)]" }
      if let new = visit(review.title, { path() + ".title" }) { reviews[r].title = new }
      if let summary = review.summary, let new = visit(summary, { path() + ".summary" }) {
        reviews[r].summary = new
      }
      for (f, finding) in review.findings.enumerated() {
        if let new = visit(finding.text, { path() + ".findings[\(f)].text" }) {
          reviews[r].findings[f].text = new
        }
      }
      for (m, recommendation) in review.recommendations.enumerated() {
        let recPath = { path() + ".recommendations[\(m)]" }
        if let new = visit(recommendation.text, { recPath() + ".text" }) {
          reviews[r].recommendations[m].text = new
        }
        if let note = recommendation.responseNote, let new = visit(note, { recPath() + ".responseNote" }) {
          reviews[r].recommendations[m].responseNote = new
        }
        for (a, action) in recommendation.actions.enumerated() {
          let actionPath = { recPath() + ".actions[\(a)]" }
          if let new = visit(action.description, { actionPath() + ".description" }) {
            reviews[r].recommendations[m].actions[a].description = new
          }
          if let lead = action.lead, let new = visit(lead, { actionPath() + ".lead" }) {
            reviews[r].recommendations[m].actions[a].lead = new
          }
          if let measure = action.measureOfSuccess,
            let new = visit(measure, { actionPath() + ".measureOfSuccess" })
          {
            reviews[r].recommendations[m].actions[a].measureOfSuccess = new
          }
          if let planned = action.evidencePlanned,
            let new = visit(planned, { actionPath() + ".evidencePlanned" })
          {
            reviews[r].recommendations[m].actions[a].evidencePlanned = new
          }
          for (u, update) in action.updates.enumerated() {
            let updatePath = { actionPath() + ".updates[\(u)]" }
            if let note = update.note, let new = visit(note, { updatePath() + ".note" }) {
              reviews[r].recommendations[m].actions[a].updates[u].note = new
            }
            if let by = update.by, let new = visit(by, { updatePath() + ".by" }) {
              reviews[r].recommendations[m].actions[a].updates[u].by = new
            }
            for (e, evidence) in (update.evidence ?? []).enumerated() {
              if let new = visit(evidence, { updatePath() + ".evidence[\(e)]" }) {
                reviews[r].recommendations[m].actions[a].updates[u].evidence?[e] = new
              }
            }
          }
        }
      }
    }
    for (d, activity) in disseminations.enumerated() {
      if let new = visit(activity.title, { "disseminations[\(d)].title" }) { disseminations[d].title = new }
      if let note = activity.note, let new = visit(note, { "disseminations[\(d)].note" }) {
        disseminations[d].note = new
      }
      if let note = activity.followUp?.note, let new = visit(note, { "disseminations[\(d)].followUp.note" }) {
        disseminations[d].followUp?.note = new
      }
    }
    for (s, entry) in section11.enumerated() {
      if let new = visit(entry.cycle, { "section11[\(s)].cycle" }) { section11[s].cycle = new }
      for (i, rating) in entry.ratings.enumerated() {
        if let evidence = rating.evidence,
          let new = visit(evidence, { "section11[\(s)].ratings[\(i)].evidence" })
        {
          section11[s].ratings[i].evidence = new
        }
      }
      for (i, learning) in entry.learning.enumerated() {
        let path = { "section11[\(s)].learning[\(i)]" }
        if let text = learning.disseminated, let new = visit(text, { path() + ".disseminated" }) {
          section11[s].learning[i].disseminated = new
        }
        if let text = learning.implemented, let new = visit(text, { path() + ".implemented" }) {
          section11[s].learning[i].implemented = new
        }
        for (e, evidence) in (learning.evidence ?? []).enumerated() {
          if let new = visit(evidence, { path() + ".evidence[\(e)]" }) {
            section11[s].learning[i].evidence?[e] = new
          }
        }
      }
    }
  }

  private static func visitNames(
    _ entries: inout [CatalogueEntry], _ name: String, _ visit: (String, () -> String) -> String?
  ) {
    for index in entries.indices {
      if let new = visit(entries[index].name, { "\(name)[\(index)].name" }) { entries[index].name = new }
    }
  }

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
