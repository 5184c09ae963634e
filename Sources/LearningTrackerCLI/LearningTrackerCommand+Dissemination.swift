import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// The options of `dissemination add`.
  enum DisseminationAddOptions {
    static let id: TypedOption<String> = .identifier("--id", of: "dissemination", help: "the activity's ID")
    static let method: TypedOption<String> = .text(
      "--method", "ID",
      help: "from the store's disseminationMethods (seven-minute-briefing, roadshow, ...)")
    static let title: TypedOption<String> = .text("--title", "TITLE", help: "the activity's title")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", required: true, help: "the day it is planned for (or was delivered)")
    static let review: TypedOption<[String]> = .text("--review", "ID", help: "a review it covers")
    static let theme: TypedOption<[String]> = .text("--theme", "ID", help: "a theme it covers")
    static let audience: TypedOption<[String]> = .text(
      "--audience", "ID", help: "an agency whose practitioners it is for")
    static let status: TypedOption<DisseminationStatus?> = .word(
      "--status", DisseminationStatus.self, help: "planned (default) or delivered")
    static let reach: TypedOption<Int?> = .number(
      "--reach", range: 0...Int.max, help: "practitioners reached, when delivered")
    static let note: TypedOption<String?> = .text("--note", "TEXT", help: "evaluation or other note")
  }

  /// The options of `dissemination update`.
  enum DisseminationUpdateOptions {
    static let status: TypedOption<DisseminationStatus?> = .word(
      "--status", DisseminationStatus.self,
      help: "delivered (needs --reach) or cancelled (needs --note with the reason), or planned")
    static let date: TypedOption<CalendarDay?> = .day(
      "--date", help: "the day delivered, or the new planned day")
    static let reach: TypedOption<Int?> = .number(
      "--reach", range: 0...Int.max, help: "practitioners reached")
    static let note: TypedOption<String?> = .text(
      "--note", "TEXT", help: "evaluation, or the reason for cancelling")
    static let audience: TypedOption<[String]> = .text("--audience", "ID", help: "replace the audience")
    static let reachBy: TypedOption<[String]> = .text(
      "--reach-by", "AGENCY=N",
      help: "practitioners of an agency reached (replaces that agency's number)")
    static let responses: TypedOption<Int?> = .number(
      "--responses", range: 1...Int.max, help: "practitioners who answered the evaluation")
    static let rating: TypedOption<Double?> = .decimal(
      "--rating", "X", above: 0, atMost: 5, help: "their average rating, 1 (poor) to 5 (excellent)")
    static let willChange: TypedOption<Int?> = .number(
      "--will-change", range: 0...Int.max, help: "how many said they would change their practice")
    static let followUp: TypedOption<CalendarDay?> = .day(
      "--follow-up", help: "the day of a follow-up on practice")
    static let followUpNote: TypedOption<String?> = .text(
      "--follow-up-note", "TEXT", help: "what the follow-up found")
    static let clear: TypedOption<[String]> = .text(
      "--clear", "FIELD",
      help: "unset an optional field: " + clearableDisseminationFields.joined(separator: ", "))
  }

  /// The options of `dissemination list`.
  enum DisseminationListOptions {
    static let review: TypedOption<String?> = .text(
      "--review", "ID", help: "only activities covering this review")
    static let status: TypedOption<DisseminationStatus?> = .word(
      "--status", DisseminationStatus.self, help: "only activities with this status")
  }

  static var disseminationCommands: [Command] {
    [
      Command(
        words: ["dissemination", "add"], summary: "record a planned (or delivered) dissemination activity",
        discussion: "Records an activity that spreads a review's learning, planned for DAY.",
        options: [
          DisseminationAddOptions.id, DisseminationAddOptions.method, DisseminationAddOptions.title,
          DisseminationAddOptions.date, DisseminationAddOptions.review, DisseminationAddOptions.theme,
          DisseminationAddOptions.audience, DisseminationAddOptions.status, DisseminationAddOptions.reach,
          DisseminationAddOptions.note, .by,
        ]
      ) { args, context in
        let id = try args[DisseminationAddOptions.id]
        let method = try args[DisseminationAddOptions.method]
        let title = try args[DisseminationAddOptions.title]
        guard let date = try args[DisseminationAddOptions.date] else {
          throw CommandError.usage("dissemination add needs --date DAY")
        }
        let status = try args[DisseminationAddOptions.status] ?? .planned
        let reach = try args[DisseminationAddOptions.reach]
        let activity = Dissemination(
          id: id, date: date, status: status, method: method, title: title,
          reviews: try args[DisseminationAddOptions.review],
          themes: try args[DisseminationAddOptions.theme],
          audience: try args[DisseminationAddOptions.audience], reach: reach,
          note: try args[DisseminationAddOptions.note])
        let by = try args[.by]
        if status == .cancelled {
          throw CommandError.usage(
            "record the activity first, then cancel it with 'dissemination update --status cancelled --note REASON'"
          )
        }
        if let reach, reach < 0 { throw CommandError.usage("--reach must be 0 or more") }
        try context.apply(by: context.who(by)) { _ in ChangeSet([.add(.dissemination(activity))]) }
        context.console.note("added dissemination \(id)")
        return ExitCode.ok
      },
      Command(
        words: ["dissemination", "update"],
        summary: "mark an activity delivered or cancelled, re-plan it, or record its reach and evaluation",
        discussion: """
          Marks an activity delivered or cancelled, or plans it for another day. Once delivered: \
          --reach-by AGENCY=N records the practitioners of each agency it reached (the total reach is \
          their sum unless --reach is given); --responses, --rating and --will-change record its \
          evaluation; --follow-up DAY with --follow-up-note records evidence, weeks later, that \
          practice changed. --clear removes reach-by, evaluation or follow-up.
          """,
        positionals: [Positional("ID", help: "the activity's ID")],
        options: [
          DisseminationUpdateOptions.status, DisseminationUpdateOptions.date,
          DisseminationUpdateOptions.reach, DisseminationUpdateOptions.note,
          DisseminationUpdateOptions.audience, DisseminationUpdateOptions.reachBy,
          DisseminationUpdateOptions.responses, DisseminationUpdateOptions.rating,
          DisseminationUpdateOptions.willChange, DisseminationUpdateOptions.followUp,
          DisseminationUpdateOptions.followUpNote, DisseminationUpdateOptions.clear, .by,
        ]
      ) { args, context in
        let status = try args[DisseminationUpdateOptions.status]
        let date = try args[DisseminationUpdateOptions.date]
        let reach = try args[DisseminationUpdateOptions.reach]
        let landing = try landingChange(args)
        let note = try args[DisseminationUpdateOptions.note]
        let audience = try args[DisseminationUpdateOptions.audience]
        let by = try args[.by]
        let id = try args.positional(0)
        if status == .cancelled && (note ?? "").trimmingSpaces.isEmpty {
          throw CommandError.usage("cancelling needs --note giving the reason")
        }
        if let reach, reach < 0 { throw CommandError.usage("--reach must be 0 or more") }
        if status == nil && date == nil && reach == nil && note == nil && audience.isEmpty && landing.isEmpty
        {
          throw CommandError.usage("give at least one thing to change; see 'dissemination update --help'")
        }
        try context.apply(by: context.who(by)) { before in
          guard let activity = before.disseminations.first(where: { $0.id == id }) else {
            let hint = nearest(id, in: before.disseminations.map(\.id)).map { "; did you mean \($0)?" } ?? ""
            throw CommandError.usage("no dissemination \"\(id)\"\(hint)")
          }
          try landing.check(against: activity, agencies: before.agencies)
          // The rule is the change path's (a delivered activity needs its reach); said here in the
          // command's words only when neither the command nor the stored activity gives one.
          if status == .delivered && reach == nil && landing.reachBy.isEmpty && activity.reach == nil {
            throw CommandError.usage("marking an activity delivered needs --reach (practitioners reached)")
          }
          var changes: [DisseminationChange] = []
          if let status { changes.append(.status(status)) }
          if let date { changes.append(.date(date)) }
          if let reach { changes.append(.reach(reach)) }
          if let note { changes.append(.note(note)) }
          if !audience.isEmpty { changes.append(.audience(audience)) }
          changes.append(.landing(landing.landing, reach: reach))
          return ChangeSet([.updateDissemination(id, changes)])
        }
        context.console.note("updated dissemination \(id)")
        return ExitCode.ok
      },
      Command(
        words: ["dissemination", "list"], summary: "list dissemination activities",
        options: [DisseminationListOptions.review, DisseminationListOptions.status, .listFormat]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let review = try args[DisseminationListOptions.review]
        let status = try args[DisseminationListOptions.status]
        let tracker = try context.load().tracker
        let activities = tracker.disseminations.filter {
          (review == nil || $0.reviews.contains(review ?? "")) && (status == nil || $0.status == status)
        }
        if format == "json" {
          context.console.out(try jsonText(activities), exact: true)
        } else {
          context.console.out(
            listing(
              ["ID", "Date", "Status", "Method", "Reviews", "Reach", "Title"],
              activities.map {
                [
                  $0.id, $0.date.description, $0.status.rawValue, $0.method,
                  $0.reviews.joined(separator: " "), $0.reach.map(String.init) ?? "", shortened($0.title, 50),
                ]
              }))
        }
        return ExitCode.ok
      },
    ]
  }

  /// The options of `section11 add`.
  enum Section11AddOptions {
    static let agency: TypedOption<String> = .text("--agency", "ID", help: "the agency making the return")
    static let cycle: TypedOption<String> = .text("--cycle", "CYCLE", help: "the cycle, such as 2025-26")
    static let due: TypedOption<CalendarDay?> = .day(
      "--due", required: true, help: "the day the return is due")
    static let submitted: TypedOption<CalendarDay?> = .day("--submitted", help: "the day it was submitted")
  }

  /// The options of `section11 update`.
  enum Section11UpdateOptions {
    static let agency: TypedOption<String> = .text("--agency", "ID", help: "the agency making the return")
    static let cycle: TypedOption<String> = .text("--cycle", "CYCLE", help: "the cycle, such as 2025-26")
    static let submitted: TypedOption<CalendarDay?> = .day(
      "--submitted", help: "the day the return was submitted")
    static let rate: TypedOption<[String]> = .text(
      "--rate", "STANDARD=RATING",
      help: "the agency's self rating (\(Section11Rating.allowedWords))")
    static let evidenceFor: TypedOption<[String]> = .text(
      "--evidence-for", "STANDARD=TEXT", help: "the evidence for a standard's rating")
    static let moderate: TypedOption<[String]> = .text(
      "--moderate", "STANDARD=RATING", help: "the rating after challenge")
    static let learning: TypedOption<String?> = .text(
      "--learning", "REVIEW", help: "learning evidence for a review, with the next three options")
    static let disseminated: TypedOption<String?> = .text(
      "--disseminated", "TEXT", help: "what was disseminated")
    static let implemented: TypedOption<String?> = .text(
      "--implemented", "TEXT", help: "what was implemented")
    static let evidence: TypedOption<[String]> = .text("--evidence", "TEXT", help: "an evidence title")
  }

  /// The options of `section11 list`.
  enum Section11ListOptions {
    static let cycle: TypedOption<String?> = .text("--cycle", "CYCLE", help: "only returns of this cycle")
  }

  static var section11Commands: [Command] {
    [
      Command(
        words: ["section11", "add"], summary: "record an agency's Section 11 return for a cycle",
        discussion: """
          Records that an agency's Section 11 self-assessment is due for a cycle (such as 2025-26). \
          Add ratings and learning evidence with 'section11 update'.
          """,
        options: [
          Section11AddOptions.agency, Section11AddOptions.cycle, Section11AddOptions.due,
          Section11AddOptions.submitted, .by,
        ]
      ) { args, context in
        let agency = try args[Section11AddOptions.agency]
        let cycle = try args[Section11AddOptions.cycle]
        guard let due = try args[Section11AddOptions.due] else {
          throw CommandError.usage("section11 add needs --due DAY")
        }
        let submitted = try args[Section11AddOptions.submitted]
        let by = try args[.by]
        try context.apply(by: context.who(by)) { before in
          if before.section11.contains(where: { $0.agency == agency && $0.cycle == cycle }) {
            throw CommandError.usage(
              "\(agency) already has a return for cycle \(cycle); use 'section11 update'")
          }
          return ChangeSet([
            .add(.section11(Section11Return(agency: agency, cycle: cycle, due: due, submitted: submitted)))
          ])
        }
        context.console.note("added the \(cycle) return for \(agency)")
        return ExitCode.ok
      },
      Command(
        words: ["section11", "update"],
        summary: "record ratings, moderation and learning evidence in a return",
        discussion: """
          Records ratings, moderation and learning evidence in an agency's return. --disseminated, \
          --implemented and --evidence describe the learning from the review named by --learning.
          """,
        options: [
          Section11UpdateOptions.agency, Section11UpdateOptions.cycle, Section11UpdateOptions.submitted,
          Section11UpdateOptions.rate, Section11UpdateOptions.evidenceFor, Section11UpdateOptions.moderate,
          Section11UpdateOptions.learning, Section11UpdateOptions.disseminated,
          Section11UpdateOptions.implemented, Section11UpdateOptions.evidence, .by,
        ]
      ) { args, context in
        let agency = try args[Section11UpdateOptions.agency]
        let cycle = try args[Section11UpdateOptions.cycle]
        let submitted = try args[Section11UpdateOptions.submitted]
        func pairs(_ option: TypedOption<[String]>) throws -> [(String, String)] {
          let name = option.name
          return try args[option].map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
              throw CommandError.usage("\(name) takes STANDARD=VALUE, found \"\(text)\"")
            }
            return (parts[0], parts[1])
          }
        }
        func rating(_ text: String, _ option: String) throws -> Section11Rating {
          guard let rating = Section11Rating.reading(text) else {
            throw CommandError.usage(
              "\(option): \"\(text)\" is not a rating; expected one of: \(Section11Rating.allowedWords)")
          }
          return rating
        }
        let rates = try pairs(Section11UpdateOptions.rate).map { ($0.0, try rating($0.1, "--rate")) }
        let moderations = try pairs(Section11UpdateOptions.moderate).map {
          ($0.0, try rating($0.1, "--moderate"))
        }
        let evidenceFor = try pairs(Section11UpdateOptions.evidenceFor)
        let learningReview = try args[Section11UpdateOptions.learning]
        let disseminated = try args[Section11UpdateOptions.disseminated]
        let implemented = try args[Section11UpdateOptions.implemented]
        let evidence = try args[Section11UpdateOptions.evidence]
        let by = try args[.by]
        if learningReview == nil && (disseminated != nil || implemented != nil || !evidence.isEmpty) {
          throw CommandError.usage("--disseminated, --implemented and --evidence go with --learning REVIEW")
        }
        try context.apply(by: context.who(by)) { before in
          guard let entry = before.section11.first(where: { $0.agency == agency && $0.cycle == cycle }) else {
            throw CommandError.usage("no \(cycle) return for \(agency); add it with 'section11 add'")
          }
          var changes: [Section11Change] = []
          if let submitted { changes.append(.submitted(submitted)) }
          var rated = Set(entry.ratings.map(\.standard))
          for (standard, value) in rates {
            changes.append(.rate(standard: standard, value))
            rated.insert(standard)
          }
          for (standard, value) in moderations {
            guard rated.contains(standard) else {
              throw CommandError.usage(
                "\(standard) has no self rating to moderate; give --rate \(standard)=... first")
            }
            changes.append(.moderate(standard: standard, value))
          }
          for (standard, text) in evidenceFor {
            guard rated.contains(standard) else {
              throw CommandError.usage("\(standard) has no rating to attach evidence to")
            }
            changes.append(.evidence(standard: standard, text))
          }
          if let learningReview {
            changes.append(
              .learning(
                Section11Learning(
                  review: learningReview, disseminated: disseminated, implemented: implemented,
                  evidence: evidence.isEmpty ? nil : evidence)))
          }
          return ChangeSet([.updateSection11(agency: agency, cycle: cycle, changes)])
        }
        context.console.note("updated the \(cycle) return for \(agency)")
        return ExitCode.ok
      },
      Command(
        words: ["section11", "list"], summary: "list Section 11 returns",
        options: [Section11ListOptions.cycle, .listFormat]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let cycle = try args[Section11ListOptions.cycle]
        let tracker = try context.load().tracker
        let returns = tracker.section11.filter { cycle == nil || $0.cycle == cycle }
        if format == "json" {
          context.console.out(try jsonText(returns), exact: true)
        } else {
          context.console.out(
            listing(
              ["Agency", "Cycle", "Due", "Submitted", "Ratings", "Moderated", "Reviews evidenced"],
              returns.map {
                [
                  $0.agency, $0.cycle, $0.due.description, $0.submitted?.description ?? "",
                  String($0.ratings.count),
                  String($0.ratings.filter { $0.moderated != nil }.count),
                  $0.learning.map(\.review).joined(separator: " "),
                ]
              }))
        }
        return ExitCode.ok
      },
    ]
  }
}
