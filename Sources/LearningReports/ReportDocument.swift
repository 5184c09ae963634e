import LearningModel

/// A report laid out for reading: a title, then sections of paragraphs, key figures, lists,
/// tables and charts. Every human-readable format (text, Markdown, HTML) is drawn from it.
public struct ReportDocument: Equatable, Sendable {
  public var title: String
  /// The partnership, the as-of day and any filters.
  public var subtitle: String
  public var sections: [Section]
  /// What every printed page carries at its foot beside "Page N of M": the report and the
  /// subtitle (the partnership and the as-of day).
  public var footer: String

  public init(title: String, subtitle: String, sections: [Section] = [], footer: String? = nil) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
    self.footer = footer ?? (title + " · " + subtitle)
  }

  public struct Section: Equatable, Sendable {
    public var heading: String
    public var blocks: [Block]
    /// Printed from the top of a new page (an appendix).
    public var startsOnNewPage: Bool
    public init(_ heading: String, _ blocks: [Block], startsOnNewPage: Bool = false) {
      self.heading = heading
      self.blocks = blocks
      self.startsOnNewPage = startsOnNewPage
    }
  }

  public enum Block: Equatable, Sendable {
    case paragraph(String)
    /// A pointer to more, such as "and 12 more: see the overdue report".
    case note(String)
    /// Label and value pairs, such as "Open actions: 34".
    case figures([Figure])
    case bullets([String])
    case table(Table)
    case chart(Chart)
  }

  public struct Figure: Equatable, Sendable {
    public var label: String
    public var value: String
    /// A BRAG rating shown beside the value (with its name, never colour alone).
    public var rating: BRAG?
    public init(_ label: String, _ value: String, rating: BRAG? = nil) {
      self.label = label
      self.value = value
      self.rating = rating
    }
  }
}

/// A chart: a title, a description for screen readers, and its data, which is also given as a table.
public struct Chart: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// One horizontal bar per category, split into BRAG segments.
    case stackedBRAG
    /// One column per point, values as percentages.
    case percentColumns
  }

  public struct Bar: Equatable, Sendable {
    public var label: String
    /// Segment values in the order of `segmentNames`.
    public var values: [Int]
    public init(label: String, values: [Int]) {
      self.label = label
      self.values = values
    }
  }

  public var kind: Kind
  public var title: String
  public var description: String
  public var segmentNames: [String]
  public var bars: [Bar]

  public init(kind: Kind, title: String, description: String, segmentNames: [String], bars: [Bar]) {
    self.kind = kind
    self.title = title
    self.description = description
    self.segmentNames = segmentNames
    self.bars = bars
  }

  /// The chart's data as a table, shown beside the chart.
  public var dataTable: Table {
    var table = Table(
      caption: title + " (data)",
      columns: [Table.Column("Category")] + segmentNames.map { Table.Column($0, .right) })
    for bar in bars {
      table.append([Table.Cell(bar.label)] + bar.values.map { Table.Cell(String($0)) })
    }
    return table
  }
}

/// A count with its noun, singular for one: "1 open action", "2 open actions", "0 days".
func plural(_ count: Int, _ noun: String, _ pluralNoun: String? = nil) -> String {
  "\(count) " + (count == 1 ? noun : pluralNoun ?? noun + "s")
}

/// A signed day count in words: "26 days after publication", "3 days before publication",
/// "on the day of publication".
func daysRelative(_ days: Int, to event: String) -> String {
  if days == 0 { return "on the day of " + event }
  return plural(abs(days), "day") + (days > 0 ? " after " : " before ") + event
}
