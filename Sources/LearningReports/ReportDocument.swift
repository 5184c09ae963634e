import LearningModel

/// A report laid out for reading: a title, then sections of paragraphs, key figures, lists,
/// tables and charts. Every human-readable format (text, Markdown, HTML) is drawn from it.
public struct ReportDocument: Equatable, Sendable {
  /// The report's name, shown as its first heading.
  public var title: String
  /// The partnership, the as-of day and any filters.
  public var subtitle: String
  /// The report's sections, in reading order.
  public var sections: [Section]
  /// What every printed page carries at its foot beside "Page N of M": the report and the
  /// subtitle (the partnership and the as-of day).
  public var footer: String

  /// A print layout of its own for one kind of report (the briefing's seven boxes), if any.
  public var pageStyle: PageStyle?

  /// A report's own layout: a class on the page's body and the style rules that use it.
  public struct PageStyle: Equatable, Sendable {
    /// The class given to the HTML body.
    public var bodyClass: String
    /// Style rules added after the common stylesheet (trusted: written by the report, never data).
    public var css: String
    /// A layout giving the body `bodyClass`, styled by `css`.
    public init(bodyClass: String, css: String) {
      self.bodyClass = bodyClass
      self.css = css
    }
  }

  /// A document with a title and subtitle; the footer is the two joined when not given.
  public init(title: String, subtitle: String, sections: [Section] = [], footer: String? = nil) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
    self.footer = footer ?? (title + " · " + subtitle)
  }

  /// A headed part of a report.
  public struct Section: Equatable, Sendable {
    /// The section's heading.
    public var heading: String
    /// The section's paragraphs, figures, lists, tables and charts, in reading order.
    public var blocks: [Block]
    /// Printed from the top of a new page (an appendix).
    public var startsOnNewPage: Bool
    /// A section headed `heading` holding `blocks`.
    public init(_ heading: String, _ blocks: [Block], startsOnNewPage: Bool = false) {
      self.heading = heading
      self.blocks = blocks
      self.startsOnNewPage = startsOnNewPage
    }
  }

  /// One piece of a section.
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

  /// One key figure: a label and its value.
  public struct Figure: Equatable, Sendable {
    /// What the figure counts, such as "Open actions".
    public var label: String
    /// The figure, as shown.
    public var value: String
    /// A BRAG rating shown beside the value (with its name, never colour alone).
    public var rating: BRAG?
    /// The figure `label`: `value`, with a BRAG rating beside it if given.
    public init(_ label: String, _ value: String, rating: BRAG? = nil) {
      self.label = label
      self.value = value
      self.rating = rating
    }
  }
}

/// A chart: a title, a description for screen readers, and its data, which is also given as a table.
public struct Chart: Equatable, Sendable {
  /// How a chart draws its bars.
  public enum Kind: Equatable, Sendable {
    /// One horizontal bar per category, split into BRAG segments.
    case stackedBRAG
    /// One column per point, values as percentages.
    case percentColumns
  }

  /// One category of a chart, with a value per segment.
  public struct Bar: Equatable, Sendable {
    /// The category's name.
    public var label: String
    /// Segment values in the order of `segmentNames`.
    public var values: [Int]
    /// A bar for `label` with `values` in the order of the segments.
    public init(label: String, values: [Int]) {
      self.label = label
      self.values = values
    }
  }

  /// How the chart draws its bars.
  public var kind: Kind
  /// The chart's title.
  public var title: String
  /// What the chart shows, in words, for screen readers.
  public var description: String
  /// The names of each bar's segments (such as the BRAG ratings), in order.
  public var segmentNames: [String]
  /// The chart's categories, in order.
  public var bars: [Bar]

  /// A chart of `bars` with its title and a description for screen readers.
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

/// A signed day count in words: "26 days after publication", "3 days before publication",
/// "on the day of publication".
func daysRelative(_ days: Int, to event: String) -> String {
  if days == 0 { return "on the day of " + event }
  return plural(abs(days), "day") + (days > 0 ? " after " : " before ") + event
}
