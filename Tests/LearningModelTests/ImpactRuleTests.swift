import Testing

@testable import LearningModel

@Suite struct ImpactRuleTests {
  static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  static func action(_ updates: [ActionUpdate]) -> Action {
    Action(
      id: "1.1", description: "Deliver direct-work training to all social workers", owner: "la",
      measureOfSuccess: "Audit of 30 cases: child's words recorded in 75%", due: day("2026-03-31"),
      updates: updates)
  }

  static let completed = ActionUpdate(
    date: day("2026-02-01"), status: .completed, evidence: ["Training records: 45 of 45"])

  @Test func assuranceOnOutputsAloneIsRefusedNamingWhatIsMissing() {
    let action = Self.action([Self.completed])
    let assure = ActionUpdate(date: Self.day("2026-03-01"), status: .assured)
    let missing = ImpactRule.missingForAssurance(assure, of: action)
    #expect(missing == [ImpactRule.missingImpact])
    #expect(missing[0].contains("impact evidence") && missing[0].contains("result"))
  }

  @Test func impactEvidenceOrAResultOrAnExceptionAllowsAssurance() {
    var withImpact = Self.completed
    withImpact.impactEvidence = ["Audit of 30 cases, February 2026: 24 of 30"]
    let assure = ActionUpdate(date: Self.day("2026-03-01"), status: .assured)
    #expect(ImpactRule.missingForAssurance(assure, of: Self.action([withImpact])).isEmpty)

    var withResult = assure
    withResult.result = "80% against a target of 75%"
    #expect(ImpactRule.missingForAssurance(withResult, of: Self.action([Self.completed])).isEmpty)

    var exception = assure
    exception.assuredWithoutImpact = "The measure agreed was the report itself"
    #expect(ImpactRule.missingForAssurance(exception, of: Self.action([Self.completed])).isEmpty)

    var blankException = assure
    blankException.assuredWithoutImpact = "  "
    #expect(!ImpactRule.missingForAssurance(blankException, of: Self.action([Self.completed])).isEmpty)
  }

  @Test func evidenceLoggedAfterTheAssuranceDoesNotCount() {
    var later = ActionUpdate(date: Self.day("2026-05-01"))
    later.impactEvidence = ["Re-audit, May 2026"]
    let assure = ActionUpdate(date: Self.day("2026-03-01"), status: .assured)
    let action = Self.action([Self.completed, assure, later])
    #expect(ImpactRule.missingForAssurance(assure, of: action) == [ImpactRule.missingImpact])
  }

  @Test func otherStatusesAreNeverRefused() {
    for status in ActionStatus.allCases where status != .assured {
      let update = ActionUpdate(date: Self.day("2026-03-01"), status: status)
      #expect(ImpactRule.missingForAssurance(update, of: Self.action([])).isEmpty)
    }
  }

  @Test func impactIsFoldedAsOfTheDay() {
    var audit = ActionUpdate(date: Self.day("2026-04-01"))
    audit.impactEvidence = ["Audit, March 2026"]
    audit.result = "72%"
    let action = Self.action([Self.completed, audit])
    let before = action.impact(asOf: Self.day("2026-03-31"))
    #expect(before.outputs == ["Training records: 45 of 45"])
    #expect(before.impactEvidence.isEmpty && before.result == nil && !before.showsImpact)
    let after = action.impact(asOf: Self.day("2026-04-01"))
    #expect(after.impactEvidence == ["Audit, March 2026"] && after.result == "72%" && after.showsImpact)
  }

  @Test func gapsNameMeasureBaselineTargetImpactAndAnOverdueRemeasure() {
    var action = Self.action([Self.completed])
    action.remeasure = Self.day("2026-06-30")
    let gaps = ImpactRule.gaps(action, asOf: Self.day("2026-07-01"))
    #expect(gaps.contains("a baseline") && gaps.contains("a target"))
    #expect(gaps.contains(ImpactRule.missingImpact))
    #expect(gaps.contains { $0.contains("2026-06-30") })
    #expect(!ImpactRule.gaps(action, asOf: Self.day("2026-06-30")).contains { $0.contains("2026-06-30") })
    action.baseline = "40%"
    action.target = "75%"
    var result = ActionUpdate(date: Self.day("2026-06-15"))
    result.result = "78% at the re-audit"
    action.updates.append(result)
    #expect(ImpactRule.gaps(action, asOf: Self.day("2026-07-01")).isEmpty)
  }

  @Test func reachIsSplitByTheMethodsKind() {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Test")
    tracker.disseminationMethods.append(CatalogueEntry(id: "podcast", name: "Podcast"))
    tracker.disseminationMethods.append(CatalogueEntry(id: "email", name: "Email", reach: .circulation))
    func activity(_ method: String, _ reach: Int, _ status: DisseminationStatus = .delivered) -> Dissemination
    {
      Dissemination(
        id: method + String(reach), date: Self.day("2026-01-01"), status: status, method: method, title: "T",
        reach: reach)
    }
    let split = tracker.reach(of: [
      activity("training", 40), activity("seven-minute-briefing", 25), activity("newsletter", 900),
      activity("email", 300), activity("podcast", 12), activity("training", 99, .planned),
    ])
    #expect(split == ReachSplit(attended: 65, circulated: 1200, unclassified: 12))
  }

  @Test func everyDefaultMethodSaysWhatItsReachCounts() {
    #expect(DefaultCatalogues.disseminationMethods.allSatisfy { $0.reach != nil })
    #expect(DefaultCatalogues.disseminationMethods.first { $0.id == "newsletter" }?.reach == .circulation)
    #expect(DefaultCatalogues.disseminationMethods.first { $0.id == "training" }?.reach == .attendance)
  }
}
