/// One text field of the store format: its place, as docs/FORMAT.md names it
/// (`reviews[].recommendations[].actions[].updates[].note`), what kind of text it is, and how to
/// read and replace it in every record that has it.
///
/// `StoreTextField.all` is the one list of the store's text fields; a test holds it to the text
/// fields of the store format's table of fields (LearningStore's `StoreFormat`). `validate` warns of control
/// characters in every one; `format --fix-text` removes them from every one; `check privacy`,
/// the refusal to publish personal data and `redact` work on the free-text ones.
public struct StoreTextField {
  /// What a text field holds.
  public enum Kind: Equatable, Sendable {
    /// Text people write (names, titles, notes, evidence): checked for personal data, redacted.
    case freeText
    /// The names to look for in the free text (`partnership.privacy.names`): never scanned for
    /// themselves, never redacted.
    case privacyName
    /// A label that names a record with its agency (a Section 11 return's `cycle`): checked for
    /// control characters only, never rewritten by `redact`.
    case label
  }

  /// The field's place in the format, as docs/FORMAT.md names it.
  public let pattern: String
  /// What the field holds.
  public let kind: Kind
  /// Visits the field in every record that has it (those of one review only, when given one):
  /// `visit` gets the text and its JSON path and returns a replacement or `nil`.
  let visit: (inout Tracker, String?, (String, () -> String) -> String?) -> Void

  /// The field's last JSON name (`note`, `reason`).
  public var jsonName: String {
    let last = pattern.split(separator: ".").last ?? Substring(pattern)
    return String(last.hasSuffix("[]") ? last.dropLast(2) : last)
  }
}

extension StoreTextField {
  /// Every text field of the store format. Adding a field is one line here.
  public static var all: [StoreTextField] {
    let partnership = TextScope<Partnership>.partnership
    let agencies = TextScope<Agency>.top("agencies", \.agencies)
    let reviews = TextScope<Review>.reviews
    let findings = reviews.within("findings", \.findings)
    let recommendations = reviews.within("recommendations", \.recommendations)
    let actions = recommendations.within("actions", \.actions)
    let updates = actions.within("updates", \.updates)
    let disseminations = TextScope<Dissemination>.top("disseminations", \.disseminations)
    let section11 = TextScope<Section11Return>.top("section11", \.section11)
    let ratings = section11.within("ratings", \.ratings)
    let learning = section11.within("learning", \.learning)
    let timetable = partnership.part("timetable", \.timetable)
    let settings = partnership.part("settings", \.settings)
    let boardPaper = settings.part("boardPaper", \.boardPaper)
    let steps = reviews.within("steps", \.steps)
    let decision = reviews.part("decisionRecord", \.decisionRecord)
    let correspondence = reviews.within("correspondence", \.correspondence)
    let publication = reviews.part("publication", \.publication)
    let escalations = actions.within("escalations", \.escalations)
    var fields: [StoreTextField] = [
      partnership.text("name", \.name),
      partnership.list("privacy.names", in: \.privacy, \.names, kind: .privacyName),
      timetable.within("steps", \.steps).text("name", \.name),
      timetable.within("publicationChecklist", \.publicationChecklist).text("name", \.name),
      settings.within("escalationLevels", \.escalationLevels).text("name", \.name),
      boardPaper.text("meeting", \.meeting),
      boardPaper.text("author", \.author),
      boardPaper.text("marking", \.marking),
      agencies.text("name", \.name),
      agencies.list("aliases", \.aliases),
    ]
    for (name, catalogue) in Self.catalogues {
      fields.append(TextScope<CatalogueEntry>.top(name, catalogue).text("name", \.name))
    }
    fields += [
      reviews.text("title", \.title),
      reviews.text("summary", \.summary),
      reviews.text("delayReason", \.delayReason),
      reviews.text("commissionedBy", \.commissionedBy),
      reviews.text("embargo.reason", in: \.embargo, \.reason),
      steps.text("notNeeded", \.notNeeded),
      steps.text("note", \.note),
      steps.text("by", \.by),
      decision.text("reasons", \.reasons),
      decision.text("disagreement", \.disagreement),
      decision.text("scrutineerAdvice", \.scrutineerAdvice),
      decision.within("ratifications", \.ratifications).text("by", \.by),
      correspondence.text("text", \.text),
      publication.text("justification", \.justification),
      publication.text("reviewer", \.reviewer),
      publication.within("checklist", \.checklist).text("by", \.by),
      findings.text("text", \.text),
      recommendations.text("text", \.text),
      recommendations.text("responseNote", \.responseNote),
      actions.text("description", \.description),
      actions.text("measureOfSuccess", \.measureOfSuccess),
      actions.text("lead", \.lead),
      actions.text("evidencePlanned", \.evidencePlanned),
      actions.text("baseline", \.baseline),
      actions.text("target", \.target),
      updates.text("note", \.note),
      updates.list("evidence", \.evidence),
      updates.list("impactEvidence", \.impactEvidence),
      updates.text("result", \.result),
      updates.text("assuredWithoutImpact", \.assuredWithoutImpact),
      updates.text("by", \.by),
      updates.text("requestReason", \.requestReason),
      escalations.text("to", \.to),
      escalations.text("note", \.note),
      escalations.text("by", \.by),
      escalations.text("reply", \.reply),
      disseminations.text("title", \.title),
      disseminations.text("note", \.note),
      disseminations.text("followUp.note", in: \.followUp, \.note),
      section11.text("cycle", \.cycle, kind: .label),
      ratings.text("evidence", \.evidence),
      learning.text("disseminated", \.disseminated),
      learning.text("implemented", \.implemented),
      learning.list("evidence", \.evidence),
    ]
    return fields
  }

  /// The four catalogues, each a list of `{ id, name }`.
  static var catalogues: [(String, WritableKeyPath<Tracker, [CatalogueEntry]>)] {
    [
      ("themes", \.themes), ("categories", \.categories), ("disseminationMethods", \.disseminationMethods),
      ("section11Standards", \.section11Standards),
    ]
  }
}

extension Tracker {
  /// Visits every text field (`StoreTextField.all`) of the given kinds, in the table's order:
  /// `visit` gets the text and a way to spell its JSON path, and returns a replacement or `nil` to
  /// keep it; only replaced texts are written back.
  public mutating func visitTexts(
    kinds: Set<StoreTextField.Kind> = [.freeText, .privacyName, .label], review only: String? = nil,
    _ visit: (String, () -> String) -> String?
  ) {
    for field in StoreTextField.all where kinds.contains(field.kind) {
      field.visit(&self, only, visit)
    }
  }

  /// Every free-text field in the store with its JSON path, optionally for one review only.
  public func freeTextFields(review only: String? = nil) -> [(path: String, text: String)] {
    var fields: [(path: String, text: String)] = []
    var copy = self
    copy.visitTexts(kinds: [.freeText], review: only) { text, path in
      fields.append((path(), text))
      return nil
    }
    return fields
  }
}

extension StoreTextField.Kind: Hashable {}

/// The records of one kind with their JSON paths, to declare text fields on.
struct TextScope<Record> {
  /// The records' place in the format (`reviews[].findings[]`).
  let pattern: String
  /// Calls `body` on each record (of one review only, when given one) with its JSON path.
  let each: (inout Tracker, String?, (inout Record, @escaping () -> String) -> Void) -> Void

  /// A list at the top of the store; none of it belongs to one review.
  static func top(_ name: String, _ list: WritableKeyPath<Tracker, [Record]>) -> TextScope {
    TextScope(pattern: name + "[]") { tracker, only, body in
      guard only == nil else { return }
      for index in tracker[keyPath: list].indices {
        body(&tracker[keyPath: list][index], { "\(name)[\(index)]" })
      }
    }
  }

  /// A list inside each of these records.
  func within<Child>(_ name: String, _ list: WritableKeyPath<Record, [Child]>) -> TextScope<Child> {
    let outer = each
    return TextScope<Child>(pattern: pattern + "." + name + "[]") { tracker, only, body in
      outer(&tracker, only) { record, path in
        for index in record[keyPath: list].indices {
          body(&record[keyPath: list][index], { path() + ".\(name)[\(index)]" })
        }
      }
    }
  }

  /// A list inside each of these records, left out of the store when empty.
  func within<Child>(_ name: String, _ list: WritableKeyPath<Record, [Child]?>) -> TextScope<Child> {
    let outer = each
    return TextScope<Child>(pattern: pattern + "." + name + "[]") { tracker, only, body in
      outer(&tracker, only) { record, path in
        guard var children = record[keyPath: list] else { return }
        for index in children.indices {
          body(&children[index], { path() + ".\(name)[\(index)]" })
        }
        record[keyPath: list] = children
      }
    }
  }

  /// An object inside each of these records (`settings`).
  func part<Part>(_ name: String, _ part: WritableKeyPath<Record, Part>) -> TextScope<Part> {
    let outer = each
    return TextScope<Part>(pattern: pattern + "." + name) { tracker, only, body in
      outer(&tracker, only) { record, path in
        body(&record[keyPath: part], { path() + "." + name })
      }
    }
  }

  /// An optional object inside each of these records (`decisionRecord`).
  func part<Part>(_ name: String, _ part: WritableKeyPath<Record, Part?>) -> TextScope<Part> {
    let outer = each
    return TextScope<Part>(pattern: pattern + "." + name) { tracker, only, body in
      outer(&tracker, only) { record, path in
        guard var value = record[keyPath: part] else { return }
        body(&value, { path() + "." + name })
        record[keyPath: part] = value
      }
    }
  }

  /// A required text field.
  func text(_ name: String, _ field: WritableKeyPath<Record, String>, kind: StoreTextField.Kind = .freeText)
    -> StoreTextField
  {
    let each = each
    return StoreTextField(pattern: pattern + "." + name, kind: kind) { tracker, only, visit in
      each(&tracker, only) { record, path in
        if let new = visit(record[keyPath: field], { path() + "." + name }) { record[keyPath: field] = new }
      }
    }
  }

  /// An optional text field.
  func text(_ name: String, _ field: WritableKeyPath<Record, String?>, kind: StoreTextField.Kind = .freeText)
    -> StoreTextField
  {
    let each = each
    return StoreTextField(pattern: pattern + "." + name, kind: kind) { tracker, only, visit in
      each(&tracker, only) { record, path in
        if let text = record[keyPath: field], let new = visit(text, { path() + "." + name }) {
          record[keyPath: field] = new
        }
      }
    }
  }

  /// A required text field of an optional object (`embargo.reason`).
  func text<Part>(
    _ name: String, in part: WritableKeyPath<Record, Part?>, _ field: WritableKeyPath<Part, String>,
    kind: StoreTextField.Kind = .freeText
  ) -> StoreTextField {
    let each = each
    return StoreTextField(pattern: pattern + "." + name, kind: kind) { tracker, only, visit in
      each(&tracker, only) { record, path in
        guard let text = record[keyPath: part]?[keyPath: field] else { return }
        if let new = visit(text, { path() + "." + name }) { record[keyPath: part]?[keyPath: field] = new }
      }
    }
  }

  /// A list of texts of an optional object (`privacy.names`).
  func list<Part>(
    _ name: String, in part: WritableKeyPath<Record, Part?>, _ field: WritableKeyPath<Part, [String]>,
    kind: StoreTextField.Kind = .freeText
  ) -> StoreTextField {
    let each = each
    return StoreTextField(pattern: pattern + "." + name + "[]", kind: kind) { tracker, only, visit in
      each(&tracker, only) { record, path in
        for (index, text) in (record[keyPath: part]?[keyPath: field] ?? []).enumerated() {
          if let new = visit(text, { path() + ".\(name)[\(index)]" }) {
            record[keyPath: part]?[keyPath: field][index] = new
          }
        }
      }
    }
  }

  /// An optional list of texts.
  func list(
    _ name: String, _ field: WritableKeyPath<Record, [String]?>, kind: StoreTextField.Kind = .freeText
  ) -> StoreTextField {
    let each = each
    return StoreTextField(pattern: pattern + "." + name + "[]", kind: kind) { tracker, only, visit in
      each(&tracker, only) { record, path in
        for (index, text) in (record[keyPath: field] ?? []).enumerated() {
          if let new = visit(text, { path() + ".\(name)[\(index)]" }) { record[keyPath: field]?[index] = new }
        }
      }
    }
  }
}

extension TextScope where Record == Partnership {
  /// The partnership's own record.
  static var partnership: TextScope {
    TextScope(pattern: "partnership") { tracker, only, body in
      guard only == nil else { return }
      body(&tracker.partnership, { "partnership" })
    }
  }
}

extension TextScope where Record == Review {
  /// The reviews, or the one review asked for.
  static var reviews: TextScope {
    TextScope(pattern: "reviews[]") { tracker, only, body in
      for index in tracker.reviews.indices where only == nil || tracker.reviews[index].id == only {
        body(&tracker.reviews[index], { "reviews[\(index)]" })
      }
    }
  }
}
