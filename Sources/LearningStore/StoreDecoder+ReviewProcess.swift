import LearningJSON
import LearningModel

/// The store format of the review as it happens: the partnership's timetable and each review's
/// steps, decision record, correspondence and publication (`docs/FORMAT.md`).
extension StoreDecoder {
  static let timetableFields = Fields(["steps", "publicationChecklist"], required: ["steps"])
  static let timetableStepFields = Fields(["id", "name", "kinds", "deadline"], required: ["id", "name"])
  static let stepDeadlineFields = Fields(["after", "before", "workingDays", "months"])
  static let stepRecordFields = Fields(
    ["step", "done", "planned", "notNeeded", "note", "by"], required: ["step"])
  static let decisionRecordFields = Fields([
    "criteriaMet", "reasons", "nationalReviewRecommended", "disagreement", "scrutineerAdvice",
    "ratifications",
  ])
  static let ratificationFields = Fields(["partner", "by", "day"], required: ["partner", "day"])
  static let correspondenceFields = Fields(
    ["id", "day", "received", "with", "kind", "response", "text"],
    required: ["id", "day", "received", "with", "kind", "text"])
  static let publicationFields = Fields(["decision", "justification", "reviewer", "checklist"])
  static let checklistTickFields = Fields(["item", "day", "by"], required: ["item", "day"])

  /// The partnership's timetable; `nil` for `null` (the default).
  mutating func timetable() throws(Syntax) -> Timetable? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    var timetable = Timetable(steps: [], publicationChecklist: [])
    let isObject = try object(Self.timetableFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: timetable.steps = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.timetableStep() }
      default: timetable.publicationChecklist = try d.catalogue()
      }
    }
    return isObject ? timetable : nil
  }

  /// One step of the timetable.
  mutating func timetableStep() throws(Syntax) -> TimetableStep? {
    var step = TimetableStep(id: "", name: "")
    let isObject = try object(Self.timetableStepFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: step.id = try d.string() ?? ""
      case 1: step.name = try d.string() ?? ""
      case 2:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
        } else {
          step.kinds = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.word(ReviewKind.self) }
        }
      default:
        if try d.reader.peek() == .null {
          try d.reader.readNull()
          return
        }
        var deadline = StepDeadline()
        if try d.object(
          Self.stepDeadlineFields,
          { (d: inout StoreDecoder, field) throws(Syntax) in
            switch field {
            case 0: deadline.after = try d.optionalString()
            case 1: deadline.before = try d.optionalString()
            case 2: deadline.workingDays = try d.integer()
            default: deadline.months = try d.integer()
            }
          })
        {
          step.deadline = deadline
        }
      }
    }
    return isObject ? step : nil
  }

  /// A review's process fields, by their index in `reviewFields` (15 and on).
  mutating func reviewProcess(_ field: Int, into review: inout Review) throws(Syntax) {
    func absentIfEmpty<T>(_ list: [T]) -> [T]? { list.isEmpty ? nil : list }
    switch field {
    case 15:
      review.steps = absentIfEmpty(try list { (d: inout StoreDecoder) throws(Syntax) in try d.stepRecord() })
    case 16: review.decisionRecord = try decisionRecord()
    case 17:
      review.correspondence = absentIfEmpty(
        try list { (d: inout StoreDecoder) throws(Syntax) in try d.correspondenceEntry() })
    default: review.publication = try publicationRecord()
    }
  }

  mutating func stepRecord() throws(Syntax) -> StepRecord? {
    var record = StepRecord(step: "")
    let isObject = try object(Self.stepRecordFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: record.step = try d.string() ?? ""
      case 1: record.done = try d.optionalDay()
      case 2: record.planned = try d.optionalDay()
      case 3: record.notNeeded = try d.optionalString()
      case 4: record.note = try d.optionalString()
      default: record.by = try d.optionalString()
      }
    }
    return isObject ? record : nil
  }

  mutating func decisionRecord() throws(Syntax) -> DecisionRecord? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    var record = DecisionRecord()
    let isObject = try object(Self.decisionRecordFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: record.criteriaMet = try d.optionalBool()
      case 1: record.reasons = try d.optionalString()
      case 2: record.nationalReviewRecommended = try d.optionalBool()
      case 3: record.disagreement = try d.optionalString()
      case 4: record.scrutineerAdvice = try d.optionalString()
      default:
        let ratifications = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.ratification() }
        record.ratifications = ratifications.isEmpty ? nil : ratifications
      }
    }
    return isObject ? record : nil
  }

  mutating func optionalBool() throws(Syntax) -> Bool? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    return try bool()
  }

  mutating func ratification() throws(Syntax) -> Ratification? {
    var ratification = Ratification(partner: "", day: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.ratificationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: ratification.partner = try d.string() ?? ""
      case 1: ratification.by = try d.optionalString()
      default: ratification.day = try d.day() ?? ratification.day
      }
    }
    return isObject ? ratification : nil
  }

  mutating func correspondenceEntry() throws(Syntax) -> CorrespondenceEntry? {
    var entry = CorrespondenceEntry(
      id: "", day: CalendarDay(dayNumber: 0), received: false, with: .panel, kind: .other, text: "")
    let isObject = try object(Self.correspondenceFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: entry.id = try d.string() ?? ""
      case 1: entry.day = try d.day() ?? entry.day
      case 2: entry.received = try d.bool() ?? false
      case 3: entry.with = try d.word(Correspondent.self) ?? .panel
      case 4: entry.kind = try d.word(CorrespondenceKind.self) ?? .other
      case 5: entry.response = try d.optionalWord(PanelResponse.self)
      default: entry.text = try d.string() ?? ""
      }
    }
    return isObject ? entry : nil
  }

  mutating func publicationRecord() throws(Syntax) -> PublicationRecord? {
    if try reader.peek() == .null {
      try reader.readNull()
      return nil
    }
    var record = PublicationRecord()
    let isObject = try object(Self.publicationFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: record.decision = try d.optionalWord(PublicationDecision.self)
      case 1: record.justification = try d.optionalString()
      case 2: record.reviewer = try d.optionalString()
      default:
        let ticks = try d.list { (d: inout StoreDecoder) throws(Syntax) in try d.checklistTick() }
        record.checklist = ticks.isEmpty ? nil : ticks
      }
    }
    return isObject ? record : nil
  }

  mutating func checklistTick() throws(Syntax) -> ChecklistTick? {
    var tick = ChecklistTick(item: "", day: CalendarDay(dayNumber: 0))
    let isObject = try object(Self.checklistTickFields) { (d: inout StoreDecoder, field) throws(Syntax) in
      switch field {
      case 0: tick.item = try d.string() ?? ""
      case 1: tick.day = try d.day() ?? tick.day
      default: tick.by = try d.optionalString()
      }
    }
    return isObject ? tick : nil
  }
}
