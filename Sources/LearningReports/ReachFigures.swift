import LearningModel

/// How reports show dissemination reach: people who attended and copies circulated side by side,
/// never added together; the reach of methods of unknown kind only when there is some.
extension ReachSplit {
  /// The figures for a summary.
  var figures: [ReportDocument.Figure] {
    var figures: [ReportDocument.Figure] = [
      .init("Practitioners who attended (briefings, training, events)", String(attended)),
      .init("Circulation (newsletters, learning briefs, emails)", String(circulated)),
    ]
    if unclassified > 0 {
      figures.append(.init("Reach of methods not marked attendance or circulation", String(unclassified)))
    }
    return figures
  }

  /// The columns for a table of reach; `unclassified` adds a column for methods of unknown kind.
  static func columns(unclassified: Bool) -> [Table.Column] {
    [.init("Attended", .right), .init("Circulated", .right)]
      + (unclassified ? [.init("Reach, kind not given", .right)] : [])
  }

  func cells(unclassified: Bool) -> [Table.Cell] {
    [.number(attended), .number(circulated)] + (unclassified ? [.number(self.unclassified)] : [])
  }

  static func + (lhs: ReachSplit, rhs: ReachSplit) -> ReachSplit {
    ReachSplit(
      attended: lhs.attended + rhs.attended, circulated: lhs.circulated + rhs.circulated,
      unclassified: lhs.unclassified + rhs.unclassified)
  }
}
