import LearningModel

/// The board paper's opening pieces, each a section of its own so the paper can gain others (a
/// review pipeline, decisions since the last meeting) without reshaping these: the header block,
/// the purpose, the summary in sentences, what the board is asked to do, and the escalations.
extension ProgressReport {
  /// At most this many escalations are named on the paper; the rest are counted.
  static let escalationCap = 4

  /// The header block: partnership, meeting, date, author and protective marking.
  var headerSection: ReportDocument.Section {
    var figures: [ReportDocument.Figure] = []
    if let marking = header.marking { figures.append(.init("Protective marking", marking)) }
    figures.append(.init("Partnership", partnership))
    if let meeting = header.meeting { figures.append(.init("Meeting", meeting)) }
    figures.append(.init("Date", asOf.ukLong))
    if let author = header.author { figures.append(.init("Author", author)) }
    return .init("Paper", [.figures(figures)])
  }

  /// Why the paper is before the board.
  var purposeSection: ReportDocument.Section {
    .init(
      "Purpose",
      [
        .paragraph(
          "To tell the board how far the partners have carried out the actions agreed in response to "
            + "case reviews, where actions are late, and where the board's help is needed.")
      ])
  }

  /// The headline figures in sentences a board member reads aloud.
  var summarySection: ReportDocument.Section {
    var sentences: [String] = []
    sentences.append(
      "There are \(plural(headline.actions, "action")) from \(plural(headline.reviews, "review")): "
        + "\(headline.open) open and \(headline.closed) completed or assured.")
    if headline.overdue == 0 {
      sentences.append("No action is overdue.")
    } else {
      sentences.append(
        "\(plural(headline.overdue, "action is", "actions are")) overdue, "
          + "in \(plural(reviewsBehind.count, "review")).")
    }
    if headline.slipped > 0 {
      sentences.append(
        "\(plural(headline.slipped, "action has", "actions have")) had the due day moved at least once.")
    }
    if !escalations.isEmpty {
      let late = escalations.filter { $0.escalationReplyOverdue == true }.count
      sentences.append(
        "\(plural(escalations.count, "escalation needs", "escalations need")) the board's attention"
          + (late > 0 ? ", \(late) with the reply late." : "."))
    }
    return .init("Summary", [.paragraph(sentences.joined(separator: " "))])
  }

  /// The reviews with at least one overdue action, most overdue first.
  var reviewsBehind: [GroupRow] {
    byReview.filter { $0.overdue > 0 }.sorted {
      ($1.overdue, $0.percentClosed, NaturalKey($1.id)) < ($0.overdue, $1.percentClosed, NaturalKey($0.id))
    }
  }

  /// What the board is asked to do: from the escalations awaiting it and the reviews in difficulty.
  var askedSection: ReportDocument.Section {
    var asks: [String] = ["note the progress made and the actions overdue"]
    let highest = escalations.filter { settings.isHighestEscalationLevel($0.escalation?.level ?? "") }
    for line in highest.prefix(Self.escalationCap) {
      asks.append(
        "decide what it asks of \(line.ownerName) on action \(line.reference) (\(shorten(line.description, 60))), "
          + "escalated to \(line.escalation?.to ?? "the executive")")
    }
    if highest.count > Self.escalationCap {
      asks.append(
        "consider \(highest.count - Self.escalationCap) more escalations at the highest level (see the overdue report)"
      )
    }
    let late = escalations.filter { $0.escalationReplyOverdue == true && !highest.contains($0) }
    if !late.isEmpty {
      asks.append(
        "support the chase of \(plural(late.count, "escalation")) whose reply is late: "
          + late.prefix(Self.escalationCap).map { "\($0.reference) (\($0.ownerName))" }.joined(
            separator: ", ")
          + (late.count > Self.escalationCap
            ? " and \(late.count - Self.escalationCap) more (see the overdue report)" : ""))
    }
    let inDifficulty = reviewsBehind.filter { $0.overdue >= 2 }
    if !inDifficulty.isEmpty {
      asks.append(
        "seek assurance from the owning agencies on "
          + inDifficulty.prefix(3).map { "\($0.name) (\(plural($0.overdue, "overdue action")))" }
          .joined(separator: ", ")
          + (inDifficulty.count > 3 ? " and \(inDifficulty.count - 3) more (see the overdue report)" : ""))
    }
    return .init("The board is asked to", [.bullets(asks)])
  }

  /// Escalations at the highest level and escalations whose reply is late, as of the paper's day.
  var escalationSection: ReportDocument.Section {
    var table = Table(
      caption: "Escalations at the highest level or with the reply late",
      columns: [.init("Action"), .init("Owner"), .init("Escalation"), .init("Reply")],
      emptyText: "No escalation is at the highest level or late.")
    for line in escalations.prefix(Self.escalationCap) {
      guard let escalation = line.escalation else { continue }
      let reply: String
      if let replied = escalation.replied {
        reply = "replied \(replied.ukLong)"
      } else {
        reply = "due \(escalation.replyBy.ukLong)" + (line.escalationReplyOverdue == true ? ", late" : "")
      }
      table.append([
        Table.Cell(line.reference), Table.Cell(line.ownerNamesText),
        Table.Cell(
          "\(line.escalationLevel ?? escalation.level) to \(escalation.to), \(escalation.date.ukLong)"),
        Table.Cell(reply),
      ])
    }
    var blocks: [ReportDocument.Block] = [.table(table)]
    if escalations.count > Self.escalationCap {
      blocks.append(.note("and \(escalations.count - Self.escalationCap) more (see the overdue report)"))
    }
    return .init("Escalations", blocks)
  }

  /// Whether an action's escalation belongs on the board paper: at the highest level, or the reply late.
  static func isForTheBoard(_ line: ActionLine, settings: Settings) -> Bool {
    guard let escalation = line.escalation else { return false }
    return settings.isHighestEscalationLevel(escalation.level) || line.escalationReplyOverdue == true
  }
}

/// The header block of one board paper: the partnership's settings, overridden for one paper.
public struct BoardPaperHeader: Encodable, Equatable, Sendable {
  /// The meeting the paper goes to.
  public var meeting: String?
  /// The paper's author.
  public var author: String?
  /// The protective marking ("OFFICIAL-SENSITIVE").
  public var marking: String?

  /// The partnership's settings with any of `options`' overrides.
  public init(_ settings: BoardPaperSettings?, _ options: ReportOptions) {
    meeting = options.meeting ?? settings?.meeting
    author = options.author ?? settings?.author
    marking = options.marking ?? settings?.marking
  }

  /// A header block with nothing set.
  public init() {}
}
