extension DomainRules {
  /// The partnership record's own rules: a name, and thresholds of 0 or more (a negative number of
  /// days would make every action due soon or none stale).
  public static func violations(of partnership: Partnership) -> [RuleViolation] {
    var found = [required(partnership.name, field: "name", what: "the partnership's name")].compactMap { $0 }
    let settings = partnership.settings
    if settings.dueSoonDays < 0 {
      found.append(
        RuleViolation(
          check: .settings, field: "settings.dueSoonDays", value: String(settings.dueSoonDays),
          message: "must be 0 or more, found \(settings.dueSoonDays)"))
    }
    if settings.staleAfterDays < 0 {
      found.append(
        RuleViolation(
          check: .settings, field: "settings.staleAfterDays", value: String(settings.staleAfterDays),
          message: "must be 0 or more, found \(settings.staleAfterDays)"))
    }
    return found
  }
}
