import Foundation
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static var historyCommands: [Command] {
    [
      Command(
        words: ["history"], summary: "show the change history",
        help: """
          Usage: learning-tracker history [REF] [--since DAY] [--format text|json]

          Every change made through the command line, oldest first: when, who, the command, and the
          records it touched. REF narrows to one record (an action LCSPR-2025-02/1.1, a review, ...).
          The history lives beside the store in STORE.history.jsonl and is only ever appended to.
          """
      ) { args, context in
        let format = try listFormat(&args)
        let since = try args.day("--since")
        let reference = try args.positionals(count: 0...1, names: "").first
        var entries = try History.read(store: context.dataPath)
        if let since {
          entries = entries.filter { (CalendarDay(String($0.at.prefix(10))) ?? since) >= since }
        }
        if let reference {
          entries = entries.filter {
            $0.changes.contains { $0.reference == reference || $0.reference.hasPrefix(reference + "/") }
          }
        }
        if format == "json" {
          context.console.out(try jsonText(entries))
          return ExitCode.ok
        }
        var text = ""
        for entry in entries {
          text += "\(entry.at)  \(entry.by)  learning-tracker \(entry.command.joined(separator: " "))\n"
          for change in entry.changes {
            let kind = change.before == nil ? "added" : (change.after == nil ? "removed" : "changed")
            text += "    \(kind) \(change.reference)\n"
          }
        }
        context.console.out(text.isEmpty ? "(no changes recorded)\n" : text)
        return ExitCode.ok
      },
      Command(
        words: ["undo"], summary: "revert the last command's changes",
        help: """
          Usage: learning-tracker undo [--by WHO]

          Puts back the records the last recorded command changed, as they were before it, if the store
          has not changed since in any other way (exit 75 otherwise). The undo is itself recorded in the
          history, which is never rewritten.
          """
      ) { args, context in
        let by = try args.value("--by")
        try args.finish()
        guard let last = try History.read(store: context.dataPath).last else {
          throw CommandFailure(
            message: "\(context.dataPath): there is no recorded change to undo", code: ExitCode.usage)
        }
        let current = FileManager.default.contents(atPath: context.dataPath).map { [UInt8]($0) } ?? []
        guard let digest = last.storeDigest, digest == StoreWriter.digest(current) else {
          throw CommandFailure(
            message:
              "\(context.dataPath): the store has changed since 'learning-tracker \(last.command.joined(separator: " "))' "
              + "(\(last.at)); undo only reverts the last change when nothing else has changed since",
            code: ExitCode.busy)
        }
        var touched: [TouchedRecord] = []
        try context.change(by: context.who(by)) { tracker in
          for change in last.changes.reversed() {
            guard let record = TouchedRecord(reference: change.reference) else {
              throw CommandFailure(
                message: "cannot undo a change to \(change.reference)", code: ExitCode.badData)
            }
            try record.restore(change.before, in: &tracker)
            touched.append(record)
          }
          return touched
        }
        context.console.note(
          "undid 'learning-tracker \(last.command.joined(separator: " "))' (\(last.at), \(last.changes.count) record(s))"
        )
        return ExitCode.ok
      },
    ]
  }
}

extension TouchedRecord {
  /// The record a history reference names.
  init?(reference: String) {
    let catalogue = reference.split(separator: ":", maxSplits: 1).map(String.init)
    if reference == TouchedRecord.partnership.reference {
      self = .partnership
    } else if catalogue.count == 2, Tracker.catalogueKeys[catalogue[0]] != nil {
      self = .catalogueEntry(catalogue: catalogue[0], id: catalogue[1])
    } else if reference.hasPrefix("agency:") {
      self = .agency(String(reference.dropFirst(7)))
    } else if reference.hasPrefix("dissemination:") {
      self = .dissemination(String(reference.dropFirst(14)))
    } else if reference.hasPrefix("section11:") {
      let parts = reference.dropFirst(10).split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      self = .section11(agency: parts[0], cycle: parts[1])
    } else if let split = ActionReference(reference) {
      // REVIEW/R1 is a recommendation when the review has such a recommendation; otherwise an action.
      self = .action(split)
    } else {
      self = .review(reference)
    }
  }

  /// Puts the record back as `snapshot` (or removes it when `snapshot` is absent).
  func restore(_ snapshot: JSONValue?, in tracker: inout Tracker) throws {
    func decode<T: Decodable>(_ type: T.Type) throws -> T? {
      guard let snapshot else { return nil }
      let data = try JSONEncoder().encode(snapshot)
      return try JSONDecoder().decode(T.self, from: data)
    }
    switch self {
    case .partnership:
      guard let partnership = try decode(Partnership.self) else { throw undoFailure }
      tracker.partnership = partnership
    case .catalogueEntry(let catalogue, let id):
      guard let key = Tracker.catalogueKeys[catalogue] else { throw undoFailure }
      let index = tracker[keyPath: key].firstIndex { $0.id == id }
      try replace(&tracker[keyPath: key], at: index, with: decode(CatalogueEntry.self))
    case .agency(let id):
      let index = tracker.agencies.firstIndex { $0.id == id }
      try replace(&tracker.agencies, at: index, with: decode(Agency.self))
    case .dissemination(let id):
      let index = tracker.disseminations.firstIndex { $0.id == id }
      try replace(&tracker.disseminations, at: index, with: decode(Dissemination.self))
    case .section11(let agency, let cycle):
      let index = tracker.section11.firstIndex { $0.agency == agency && $0.cycle == cycle }
      try replace(&tracker.section11, at: index, with: decode(Section11Return.self))
    case .review(let id):
      try replace(&tracker.reviews, at: tracker.reviewIndex(id), with: decode(Review.self))
    case .recommendation(let reference):
      guard let r = tracker.reviewIndex(reference.review) else { throw undoFailure }
      let index = tracker.reviews[r].recommendations.firstIndex { $0.id == reference.recommendation }
      var restored = try decode(Recommendation.self)
      if let index, restored != nil { restored?.actions = tracker.reviews[r].recommendations[index].actions }
      try replace(&tracker.reviews[r].recommendations, at: index, with: restored)
    case .action(let reference):
      if let (r, m, a) = tracker.actionIndex(reference) {
        if let action = try decode(Action.self) {
          tracker.reviews[r].recommendations[m].actions[a] = action
        } else {
          tracker.reviews[r].recommendations[m].actions.remove(at: a)
        }
      } else if let r = tracker.reviewIndex(reference.review),
        let m = tracker.reviews[r].recommendations.firstIndex(where: { $0.id == reference.action })
      {
        // The reference names a recommendation.
        try TouchedRecord.recommendation(
          RecommendationReference(
            review: reference.review, recommendation: tracker.reviews[r].recommendations[m].id)
        )
        .restore(snapshot, in: &tracker)
      } else {
        throw undoFailure
      }
    }
  }

  private var undoFailure: CommandFailure {
    CommandFailure(message: "cannot undo: \(reference) is no longer in the store", code: ExitCode.busy)
  }

  private func replace<T>(_ list: inout [T], at index: Int?, with value: T?) throws {
    switch (index, value) {
    case (let index?, let value?): list[index] = value
    case (let index?, nil): list.remove(at: index)
    case (nil, let value?): list.append(value)
    case (nil, nil): break
    }
  }
}
