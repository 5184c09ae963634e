import LearningModel

extension RowReader {
  /// The next recommendation ID after the review's own and those added: `R` and the next number.
  func nextRecommendationID() -> String {
    let taken = Set(review.recommendations.map(\.id) + changes.recommendations.map(\.recommendation.id))
    var number =
      (review.recommendations.map(\.id) + changes.recommendations.map(\.recommendation.id)).compactMap {
        $0.hasPrefix("R") ? Int($0.dropFirst()) : nil
      }.max() ?? 0
    repeat { number += 1 } while taken.contains("R\(number)")
    return "R\(number)"
  }

  /// Adds a recommendation given by text the first time a row names it, with the response, note,
  /// agencies and day its own columns give; without an "Addressed to" column, later rows add their
  /// owners to the agencies it is addressed to, and an action makes it accepted.
  mutating func addRecommendationIfNew(
    _ id: String, text: String, row: Int, owners: [String], own: RecommendationCells = RecommendationCells()
  ) {
    if review.recommendations.contains(where: { $0.id == id }) { return }
    if let index = changes.recommendations.firstIndex(where: { $0.recommendation.id == id }) {
      if own.agencies == nil {
        for owner in owners where !changes.recommendations[index].recommendation.agencies.contains(owner) {
          changes.recommendations[index].recommendation.agencies.append(owner)
        }
      }
      if !owners.isEmpty && own.response == nil {
        changes.recommendations[index].recommendation.response = .accepted
      }
      // The recommendation's own columns, when this row gives them.
      if let agencies = own.agencies { changes.recommendations[index].recommendation.agencies = agencies }
      if let response = own.response { changes.recommendations[index].recommendation.response = response }
      if let note = own.note { changes.recommendations[index].recommendation.responseNote = note }
      if let responded = own.responded { changes.recommendations[index].recommendation.responded = responded }
      return
    }
    newRecommendations[Self.key(text)] = changes.recommendations.count
    changes.recommendations.append(
      PlannedRecommendation(
        recommendation: Recommendation(
          id: id, text: text, agencies: own.agencies ?? owners,
          response: own.response ?? (owners.isEmpty ? .pending : .accepted), responseNote: own.note,
          responded: own.responded),
        row: row))
  }

  /// A recommendation the review holds whose own columns say otherwise: corrected once, as
  /// 'recommendation update' would; an empty cell leaves its field as it is.
  mutating func correctRecommendationIfChanged(_ id: String, own: RecommendationCells, row: Int) {
    guard let stored = review.recommendations.first(where: { $0.id == id }),
      !changes.recommendationEdits.contains(where: { $0.recommendation.id == id })
    else { return }
    var corrected = stored
    if let response = own.response { corrected.response = response }
    if let note = own.note { corrected.responseNote = note }
    if let agencies = own.agencies { corrected.agencies = agencies }
    if let responded = own.responded { corrected.responded = responded }
    if corrected != stored {
      changes.recommendationEdits.append(PlannedRecommendation(recommendation: corrected, row: row))
    }
  }

  /// The recommendation's own cells on a row, read; a problem for each that cannot be read.
  func recommendationCells(cell: (PlanColumn) -> String, problem: (PlanColumn, String) -> Void)
    -> RecommendationCells
  {
    var own = RecommendationCells()
    let responseText = cell(.response)
    if !responseText.isEmpty {
      own.response = PlanImport.response(responseText)
      if own.response == nil {
        problem(
          .response,
          "not a response; write " + RecommendationResponse.allCases.map(\.title).joined(separator: ", "))
      }
    }
    if !cell(.responseNote).isEmpty { own.note = cell(.responseNote) }
    if !cell(.addressedTo).isEmpty {
      switch PlanImport.owners(cell(.addressedTo), in: tracker) {
      case .success(let ids): own.agencies = ids
      case .failure(let missing):
        let hint = missing.suggestion.map { "; did you mean \($0)?" } ?? ""
        problem(.addressedTo, "no agency \"\(missing.name)\"\(hint)")
      }
    }
    if !cell(.responded).isEmpty {
      own.responded = AgencyReturnImport.day(cell(.responded))
      if own.responded == nil {
        problem(.responded, "not a day; write it as 31/12/2026 (day first) or 2026-12-31")
      }
    }
    return own
  }
}
