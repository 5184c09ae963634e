import LearningModel
import LearningReports
import LearningStore

extension LearningTrackerCommand {
  /// The options of `review add`.
  enum ReviewAddOptions {
    static let id: TypedOption<String> = .identifier(
      "--id", of: "review", help: "the review's ID, such as LCSPR-2025-02")
    static let title: TypedOption<String> = .text("--title", "TITLE", help: "the published pseudonym")
    static let kind: TypedOption<ReviewKind?> = .word(
      "--kind", ReviewKind.self, placeholder: "KIND", required: true, help: "the kind of review")
    static let follows: TypedOption<String?> = .text(
      "--follows", "ID", help: "the review this one grew out of (an LCSPR following a Rapid Review)")
    static let theme: TypedOption<[String]> = .text("--theme", "ID", help: "a theme")
    static let category: TypedOption<[String]> = .text("--category", "ID", help: "a category of abuse")
    static let summary: TypedOption<String?> = .text(
      "--summary", "TEXT", help: "a short anonymised summary of the case")
  }

  static var reviewCommands: [Command] {
    [
      Command(
        words: ["review", "add"], summary: "add a review",
        discussion: """
          Adds a review. TITLE is the published pseudonym ("Child M"), never a real name. The days \
          drive the statutory clocks.
          """,
        options: [
          ReviewAddOptions.id, ReviewAddOptions.title, ReviewAddOptions.kind, ReviewAddOptions.follows,
        ] + reviewDayOptions + [
          ReviewAddOptions.theme, ReviewAddOptions.category, ReviewAddOptions.summary, .by,
        ]
      ) { args, context in
        let id = try args[ReviewAddOptions.id]
        let title = try args[ReviewAddOptions.title]
        guard let kind = try args[ReviewAddOptions.kind] else {
          throw CommandError.usage("review add needs --kind KIND")
        }
        let dates = try reviewDays(args)
        let review = Review(
          id: id, title: title, kind: kind, follows: try args[ReviewAddOptions.follows], dates: dates,
          categories: try args[ReviewAddOptions.category], themes: try args[ReviewAddOptions.theme],
          summary: try args[ReviewAddOptions.summary])
        let by = try args[.by]
        try context.apply(by: context.who(by)) { _ in ChangeSet([.add(.review(review))]) }
        context.console.note("added review \(id)")
        return ExitCode.ok
      },
      Command(
        words: ["review", "list"], summary: "list the reviews with their action counts",
        discussion: """
          One line per review: kind, title, key days, recommendations, actions and open actions as of
          the day (default today).
          """,
        options: [.asOf, .listFormat]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let asOf = try args[.asOf] ?? context.today
        let tracker = try context.load().tracker
        let settings = tracker.partnership.settings
        struct Line: Encodable {
          var id, kind, title: String
          var notified, published: String?
          var recommendations, actions, open, overdue: Int
        }
        let lines = tracker.reviews.map { review -> Line in
          let states = review.recommendations.flatMap(\.actions).map {
            $0.state(asOf: asOf, settings: settings, heardFrom: review.planDay)
          }
          .filter(\.exists)
          return Line(
            id: review.id, kind: review.kind.rawValue, title: review.title,
            notified: review.dates.notified?.description, published: review.dates.published?.description,
            recommendations: review.recommendations.count, actions: states.count,
            open: states.filter(\.isOpen).count, overdue: states.filter(\.isOverdue).count)
        }
        if format == "json" {
          context.console.out(try jsonText(lines), exact: true)
        } else {
          context.console.out(
            listing(
              ["ID", "Kind", "Title", "Notified", "Published", "Recs", "Actions", "Open", "Overdue"],
              lines.map {
                [
                  $0.id, ReviewKind(rawValue: $0.kind)?.title ?? $0.kind, $0.title, $0.notified ?? "",
                  $0.published ?? "", String($0.recommendations),
                  String($0.actions), String($0.open), String($0.overdue),
                ]
              }))
        }
        return ExitCode.ok
      },
      Command(
        words: ["review", "show"], summary: "show a review, its recommendations and actions",
        discussion: """
          The review's details, findings, and each recommendation with its response, rating and
          actions (status, due day and BRAG as of the day, default today). JSON gives the stored review.
          """,
        positionals: [Positional("ID", help: "the review's ID")],
        options: [.asOf, .listFormat]
      ) { args, context in
        let format = try args[.listFormat] ?? "text"
        let asOf = try args[.asOf] ?? context.today
        let id = try args.positional(0)
        let tracker = try context.load().tracker
        guard let index = tracker.reviewIndex(id) else {
          let hint = nearest(id, in: tracker.reviews.map(\.id)).map { "; did you mean \($0)?" } ?? ""
          throw CommandError.usage("no review \"\(id)\"\(hint)")
        }
        let review = tracker.reviews[index]
        if format == "json" {
          context.console.out(try jsonText(review), exact: true)
          return ExitCode.ok
        }
        let settings = tracker.partnership.settings
        var text = "\(review.id): \(review.title) (\(review.kind.title))\n"
        if let follows = review.follows { text += "Follows: \(follows)\n" }
        let dates: [(String, CalendarDay?)] = [
          ("Incident", review.dates.incident), ("Aware", review.dates.aware),
          ("Notified", review.dates.notified),
          ("Referred", review.dates.referred), ("Discussed", review.dates.discussed),
          ("Rapid Review sent", review.dates.rapidReview),
          ("Decision", review.dates.decision), ("Sent to Panel", review.dates.sentToPanel),
          ("Published", review.dates.published),
        ]
        for (label, day) in dates { if let day { text += "\(label): \(day)\n" } }
        if !review.themes.isEmpty { text += "Themes: \(review.themes.joined(separator: ", "))\n" }
        if !review.categories.isEmpty { text += "Categories: \(review.categories.joined(separator: ", "))\n" }
        if let summary = review.summary { text += "Summary: \(summary)\n" }
        if !review.findings.isEmpty {
          text += "\nFindings:\n"
          for finding in review.findings {
            text += "  \(finding.id)\(finding.goodPractice ? " (good practice)" : ""): \(finding.text)\n"
          }
        }
        for recommendation in review.recommendations {
          let rating = recommendation.rating(asOf: asOf, settings: settings)?.title ?? "no rating"
          text += "\n\(review.id)/\(recommendation.id) [\(recommendation.response.title); \(rating)]\n"
          text += "  \(recommendation.text)\n"
          if let note = recommendation.responseNote, !note.isEmpty { text += "  Response: \(note)\n" }
          if let responded = recommendation.responded { text += "  Responded: \(responded)\n" }
          let rows = recommendation.actions.compactMap { action -> [String]? in
            let state = action.state(asOf: asOf, settings: settings, heardFrom: review.planDay)
            guard state.exists else { return nil }
            return [
              "\(review.id)/\(action.id)", tracker.agencyName(action.owner), state.status.title,
              state.due.description,
              state.brag?.title ?? "withdrawn", shortened(action.description, 50),
            ]
          }
          if !rows.isEmpty {
            text +=
              listing(["Action", "Owner", "Status", "Due", "BRAG", "Description"], rows)
              .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
          }
        }
        context.console.out(text)
        return ExitCode.ok
      },
    ]
  }

  /// The options of `recommendation add`.
  enum RecommendationAddOptions {
    static let text: TypedOption<String> = .text(
      "--text", "TEXT", help: "the recommendation as the review words it")
    static let agency: TypedOption<[String]> = .text("--agency", "ID", help: "an agency it is addressed to")
    static let response: TypedOption<RecommendationResponse?> = .word(
      "--response", RecommendationResponse.self, help: "the partnership's response (default pending)")
    static let responseNote: TypedOption<String?> = .text(
      "--response-note", "TEXT", help: "why it is partially or not accepted (required for those)")
    static let responded: TypedOption<CalendarDay?> = .day(
      "--responded", help: "the day the partnership responded")
    static let theme: TypedOption<[String]> = .text("--theme", "ID", help: "a theme")
  }

  static var recommendationCommands: [Command] {
    [
      Command(
        words: ["recommendation", "add"], summary: "add a recommendation to a review",
        discussion: "Adds a recommendation (such as LCSPR-2025-02/R1) to a review.",
        positionals: [Positional("REVIEW/REC", help: "the recommendation, such as LCSPR-2025-02/R1")],
        options: [
          RecommendationAddOptions.text, RecommendationAddOptions.agency, RecommendationAddOptions.response,
          RecommendationAddOptions.responseNote, RecommendationAddOptions.responded,
          RecommendationAddOptions.theme, .by,
        ]
      ) { args, context in
        let text = try args[RecommendationAddOptions.text]
        let agencies = try args[RecommendationAddOptions.agency]
        let response = try args[RecommendationAddOptions.response] ?? .pending
        let note = try args[RecommendationAddOptions.responseNote]
        let responded = try args[RecommendationAddOptions.responded]
        let themes = try args[RecommendationAddOptions.theme]
        let by = try args[.by]
        let target = try args.positional(0)
        guard let reference = ActionReference(target) else {
          throw CommandError.usage(
            "\"\(target)\" is not a recommendation reference (expected REVIEW/REC, such as LCSPR-2025-02/R1)"
          )
        }
        try checkIdentifier(reference.action, of: "recommendation", given: target)
        if response.needsReason && (note ?? "").trimmingSpaces.isEmpty {
          throw CommandError.usage(responseNoteRefusal(response, given: true, reference: target))
        }
        let recReference = RecommendationReference(review: reference.review, recommendation: reference.action)
        try context.apply(by: context.who(by)) { tracker in
          guard tracker.reviewIndex(reference.review) != nil else {
            throw CommandError.usage("no review \"\(reference.review)\"")
          }
          return ChangeSet([
            .add(
              .recommendation(
                review: reference.review,
                Recommendation(
                  id: reference.action, text: text, agencies: agencies, response: response,
                  responseNote: note,
                  themes: themes, responded: responded)))
          ])
        }
        context.console.note("added recommendation \(recReference)")
        return ExitCode.ok
      }
    ]
  }
}
