import Foundation
import LearningJSON
import LearningModel
import LearningStore

extension LearningTrackerCommand {
  static let editCommand = Command(
    words: ["edit"], summary: "correct one record as JSON in an editor",
    discussion: """
      Opens the record as JSON in $VISUAL, else $EDITOR, and applies the saved text as a \
      correction, checked like every other change. A review is shown with its own fields (its \
      findings and recommendations are records of their own), a recommendation without its \
      actions, an action with its whole log of updates. The ID, and where the record stands (its \
      review and recommendation), cannot change. Text saved unchanged changes nothing. When the \
      text cannot be used, a terminal asks whether to edit it again; otherwise the text is kept \
      in a new file beside the store (else in a new private folder), named in the message, \
      nothing is changed and the exit code is 65. When the record changed in the store while the \
      editor was open (a colleague's update), the saved text is not applied, so that nothing is \
      lost: the message names the fields that changed, the text is kept and the exit code is 76. \
      Actions are corrected field by field with 'action edit' too.
      """,
    positionals: [
      Positional(
        "REF",
        help:
          "the record: \(editReferences)"
      )
    ],
    options: [.by]
  ) { args, context in
    let text = try args.positional(0)
    let by = try args[.by]
    let editor = ["VISUAL", "EDITOR"].compactMap { context.environment[$0] }.first {
      !$0.trimmingSpaces.isEmpty
    }
    guard let editor else {
      throw CommandError.usage("edit needs an editor: set $VISUAL or $EDITOR (such as EDITOR=nano)")
    }
    let tracker = try context.load().tracker
    guard let reference = RecordReference(reference: text, in: tracker) else {
      throw CommandError.usage("\"\(text)\" is not a reference to a record (expected \(editReferences))")
    }
    guard let existing = tracker.record(at: reference) else {
      let hint =
        nearest(text, in: references(like: reference, in: tracker)).map { "; did you mean \($0)?" } ?? ""
      throw CommandError.usage("no record \"\(text)\"\(hint) (expected \(editReferences))")
    }
    let shown = ownFields(existing)
    let opened = OpenedRecord(title: reference.title, value: shown, text: editableText)
    let original = try editableText(shown)
    let name = fileName(reference)
    let folder = try EditFiles.privateFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let editing = folder + "/" + name
    var edited = original
    while true {
      try write(edited, to: editing)
      try runEditor(editor, on: editing, context: context)
      guard let saved = FileManager.default.contents(atPath: editing) else {
        throw CommandError.missingInput("\(editing): the edited text cannot be read; nothing was changed")
      }
      edited = [UInt8](saved)
      if edited == original {
        context.console.note("\(reference.title) is unchanged; nothing was written")
        return ExitCode.ok
      }
      let kept = context.console.inputIsTerminal ? editing : keptPath(name, context: context)
      do {
        let record = try StoreDecoder.record(Data(edited), like: existing, file: kept)
        if record.reference != reference {
          throw CommandError.badData("\(kept): \(identityChange(from: existing, to: record))")
        }
        if record == shown {
          context.console.note("\(reference.title) is unchanged; nothing was written")
          return ExitCode.ok
        }
        do {
          try context.apply(by: context.who(by)) { before in
            try opened.checkUnchanged(before.record(at: reference).map(ownFields))
            return ChangeSet([.update(record)])
          }
        } catch CommandError.usage(let message, _) {
          throw CommandError.badData("\(kept): \(message)")
        }
        context.console.note("corrected \(reference.title)")
        return ExitCode.ok
      } catch {
        let failure = CommandError.from(error, command: "edit")
        guard case .badData = failure else {
          throw keep(edited, in: keptPath(name, context: context), failure: failure)
        }
        if context.console.inputIsTerminal {
          context.console.error(failure.message)
          let answer = context.console.ask("edit again? [Y/n]")?.trimmingSpaces.lowercased()
          if let answer, answer.isEmpty || answer.hasPrefix("y") { continue }
          throw keep(
            edited, in: keptPath(name, context: context), failure: .badData("the correction was not applied"))
        }
        throw keep(edited, in: kept, failure: failure)
      }
    }
  }

  /// The references `edit` takes, for messages.
  static let editReferences =
    "REVIEW, REVIEW/F1, REVIEW/R1, REVIEW/ACTION, agency:ID, dissemination:ID, section11:AGENCY:CYCLE or partnership"

  /// Every record of the kind a reference names, for "did you mean"; a `REVIEW/X` reference that
  /// names nothing could mean any finding, recommendation or action.
  static func references(like reference: RecordReference, in tracker: Tracker) -> [String] {
    switch reference {
    case .agency: return tracker.agencies.map { "agency:\($0.id)" }
    case .catalogue(let kind, _): return tracker[keyPath: kind.entries].map { "\(kind.rawValue):\($0.id)" }
    case .review: return tracker.reviews.map(\.id)
    case .finding, .recommendation, .action:
      return tracker.reviews.flatMap { review in
        review.findings.map { "\(review.id)/\($0.id)" }
          + review.recommendations.map { "\(review.id)/\($0.id)" }
          + review.recommendations.flatMap { $0.actions.map { "\(review.id)/\($0.id)" } }
      }
    case .dissemination: return tracker.disseminations.map { "dissemination:\($0.id)" }
    case .section11: return tracker.section11.map { "section11:\($0.agency):\($0.cycle)" }
    case .partnership: return ["partnership"]
    case .timetable: return ["timetable"]
    }
  }

  /// The record as `edit` shows it: a review without its findings and recommendations, a
  /// recommendation without its actions.
  static func ownFields(_ record: Record) -> Record {
    switch record {
    case .review(var review):
      review.findings = []
      review.recommendations = []
      return .review(review)
    case .recommendation(let review, var recommendation):
      recommendation.actions = []
      return .recommendation(review: review, recommendation)
    default:
      return record
    }
  }

  /// The record as JSON, by the one JSON writer in the store's layout, leaving out the fields that
  /// hold records of their own.
  static func editableText(_ record: Record) throws -> [UInt8] {
    func text(_ value: some Encodable, without hidden: [String]) throws -> [UInt8] {
      let bytes = try JSONWriter.pretty(value)
      guard !hidden.isEmpty, case .object(let members) = try JSONValue.parse(bytes) else { return bytes }
      return try JSONWriter.pretty(JSONValue.object(members.filter { !hidden.contains($0.key) }))
    }
    switch record {
    case .agency(let agency): return try text(agency, without: [])
    case .catalogue(_, let entry): return try text(entry, without: [])
    case .review(let review): return try text(review, without: ["findings", "recommendations"])
    case .finding(_, let finding): return try text(finding, without: [])
    case .recommendation(_, let recommendation): return try text(recommendation, without: ["actions"])
    case .action(_, _, let action): return try text(action, without: [])
    case .dissemination(let dissemination): return try text(dissemination, without: [])
    case .section11(let section11Return): return try text(section11Return, without: [])
    case .partnership(let partnership): return try text(partnership, without: [])
    case .timetable(let timetable): return try text(timetable, without: [])
    }
  }

  /// Why an edited record is refused when its ID (or a Section 11 return's agency and cycle) changed.
  static func identityChange(from existing: Record, to edited: Record) -> String {
    let field: String
    if case .section11 = existing { field = "agency and cycle" } else { field = "id" }
    return
      "\(field): the ID cannot change through edit (\(existing.reference.title) became \"\(edited.reference.description)\"); "
      + "edit corrects a record where it stands, under its ID"
  }

  /// The edited file's name: the reference with every character that cannot be in a file name
  /// made a `-` (`LCSPR-2025-02-1.1.json`).
  static func fileName(_ reference: RecordReference) -> String {
    let safe = reference.description.map { character -> Character in
      character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
        ? character : "-"
    }
    return String(safe).trimmingCharacters(in: CharacterSet(charactersIn: ".")) + ".json"
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    do {
      try AtomicFile.write(bytes, to: path, mode: 0o600)
    } catch {
      throw CommandError(error)
    }
  }

  /// Where rejected text is to be kept: beside the store (`tracker.json.edit-LCSPR-2025-02-1.1.json`),
  /// numbered when that file exists. The file is made by `keep`, which names the one it wrote.
  static func keptPath(_ name: String, context: Context) -> String {
    context.dataPath + ".edit-" + String(name.dropLast(".json".count)) + ".json"
  }

  /// Keeps the rejected text in a new file at `path` (numbered when taken, else in a new private
  /// folder) and returns the error to exit with, naming the file actually written.
  static func keep(_ bytes: [UInt8], in path: String, failure: CommandError) -> CommandError {
    guard let kept = EditFiles.keep(bytes, besideStore: String(path.dropLast(".json".count))) else {
      return failure
    }
    let message =
      failure.message.replacingOccurrences(of: path, with: kept)
      + "\nthe edited text is kept in \(kept); nothing was changed"
    switch failure {
    case .badData: return .badData(message)
    case .busy: return .busy(message)
    case .cannotWrite: return .cannotWrite(message)
    case .inputOutput: return .inputOutput(message)
    case .changedSince: return .changedSince(message)
    case .missingInput: return .missingInput(message)
    case .findings: return .findings(message)
    case .usage(_, let command): return .usage(message, command: command)
    }
  }

  /// Runs the editor on the file through `/bin/sh -c`, so that an editor given with its own
  /// arguments (`code --wait`) works; its input and output are the terminal's.
  static func runEditor(_ editor: String, on file: String, context: Context) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", editor + " \"$1\"", "sh", file]
    process.environment = ProcessInfo.processInfo.environment.merging(context.environment) { $1 }
    do {
      try process.run()
    } catch {
      throw CommandError.usage("$VISUAL or $EDITOR: \"\(editor)\" cannot be run; nothing was changed")
    }
    process.waitUntilExit()
    if process.terminationReason != .exit || process.terminationStatus != 0 {
      let how =
        process.terminationReason == .exit
        ? "exited with status \(process.terminationStatus)"
        : "was stopped by signal \(process.terminationStatus)"
      throw CommandError.usage("the editor \"\(editor)\" ($VISUAL or $EDITOR) \(how); nothing was changed")
    }
  }
}
