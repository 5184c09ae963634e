/// What the local authority notified the National Panel of: a child's death or serious harm
/// (Working Together 2023: a serious incident is one where abuse or neglect is known or suspected
/// and the child has died or been seriously harmed).
public enum NotificationType: String, ClosedVocabulary {
  case death, seriousHarm
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "notification type"

  /// The type as reports show it: "Death" or "Serious harm".
  public var title: String {
    switch self {
    case .death: "Death"
    case .seriousHarm: "Serious harm"
    }
  }
}

/// What a Rapid Review decided: to commission a Local Child Safeguarding Practice Review, to take
/// the learning forward another way, or that no further review is needed.
public enum RapidReviewOutcome: String, ClosedVocabulary {
  case lcspr, otherLearning, noFurtherReview
  /// What the vocabulary is called in messages.
  public static let vocabularyName = "Rapid Review outcome"

  /// The outcome as reports show it, such as "LCSPR commissioned".
  public var title: String {
    switch self {
    case .lcspr: "LCSPR commissioned"
    case .otherLearning: "Other learning taken forward"
    case .noFurtherReview: "No further review"
    }
  }
}
