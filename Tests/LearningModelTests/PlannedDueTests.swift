import LearningModel
import Testing

/// Plans as partnerships publish them: due days given as a month or "TBC", joint owners, and the
/// owning agency's own rating beside the derived one.
@Suite struct PlannedDueTests {
  let settings = Settings()

  func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? CalendarDay(dayNumber: 0) }

  func action(due: PlannedDue, updates: [ActionUpdate] = [], joint: [String]? = nil) -> Action {
    Action(
      id: "1.1", description: "Joint audit of strategy discussions", owner: "la", jointOwners: joint,
      lead: "Head of service", measureOfSuccess: "Audit of 20 strategy discussions",
      agreed: day("2025-09-01"), due: due, updates: updates)
  }

  @Test func aMonthIsDueOnItsLastDay() {
    #expect(PlannedDue("2026-06")?.day == day("2026-06-30"))
    #expect(PlannedDue("2026-06")?.description == "June 2026")
    #expect(PlannedDue("2026-06")?.storeText == "2026-06")
    #expect(PlannedDue("2026-12")?.day == day("2026-12-31"))
    // February: 29 days in a leap year, 28 otherwise, none of the century rule's exceptions missed.
    #expect(PlannedDue("2028-02")?.day == day("2028-02-29"))
    #expect(PlannedDue("2026-02")?.day == day("2026-02-28"))
    #expect(PlannedDue("2000-02")?.day == day("2000-02-29"))
    #expect(PlannedDue("2100-02")?.day == day("2100-02-28"))
  }

  @Test func theThreeFormsAreReadAndOthersRefused() {
    #expect(PlannedDue("2026-06-15") == .onDay(day("2026-06-15")))
    #expect(PlannedDue("tbc") == .notYetSet)
    #expect(PlannedDue("TBC") == .notYetSet)
    #expect(PlannedDue("TBC")?.storeText == "tbc")
    #expect(PlannedDue("TBC")?.description == "TBC")
    for wrong in ["2026-13", "2026-6", "June 2026", "2026-06-31", "", "soon", "2026-0a"] {
      #expect(PlannedDue(wrong) == nil, "\(wrong)")
    }
  }

  @Test func anActionDueByAMonthIsOverdueOnlyAfterItsLastDay() {
    let byJune = action(due: PlannedDue("2026-06") ?? .notYetSet)
    #expect(!byJune.state(asOf: day("2026-06-30"), settings: settings, heardFrom: nil).isOverdue)
    let after = byJune.state(asOf: day("2026-07-01"), settings: settings, heardFrom: nil)
    #expect(after.isOverdue)
    #expect(after.daysOverdue == 1)
    #expect(after.brag == .red)
  }

  @Test func anActionDueTBCIsNeverOverdueAndIsAmber() {
    let tbc = action(due: .notYetSet)
    for asOf in ["2025-09-01", "2026-06-30", "2030-01-01"] {
      let state = tbc.state(asOf: day(asOf), settings: settings, heardFrom: nil)
      #expect(!state.isOverdue, "\(asOf)")
      #expect(!state.isDueSoon, "\(asOf)")
      #expect(state.daysOverdue == 0)
      #expect(state.isNotYetTimeBound)
      #expect(state.brag == .amber, "\(asOf)")
    }
    // Closed, it is rated as any closed action is, and no longer waits for a due day.
    let done = action(due: .notYetSet, updates: [ActionUpdate(date: day("2026-01-10"), status: .completed)])
    let closed = done.state(asOf: day("2026-02-01"), settings: settings, heardFrom: nil)
    #expect(closed.brag == .green)
    #expect(!closed.isNotYetTimeBound)
  }

  @Test func settingAFirstDueDayIsNotASlipButMovingItLaterIs() {
    let logged = action(
      due: .notYetSet,
      updates: [
        ActionUpdate(date: day("2025-10-01"), due: .onDay(day("2026-03-31")), note: "Due agreed"),
        ActionUpdate(date: day("2026-01-10"), due: PlannedDue("2026-05"), note: "Due revised: audit delayed"),
      ])
    let first = logged.state(asOf: day("2025-11-01"), settings: settings, heardFrom: nil)
    #expect(first.slips == 0)
    #expect(first.due.day == day("2026-03-31"))
    #expect(first.firstDueDay == day("2026-03-31"))
    #expect(first.brag == .green)
    let later = logged.state(asOf: day("2026-02-01"), settings: settings, heardFrom: nil)
    #expect(later.slips == 1)
    #expect(later.slipDays == 61)
    #expect(later.due.description == "May 2026")
    #expect(later.originalDue == .notYetSet)
  }

  @Test func theLatestReportedRatingIsKeptAndComparedWithTheDerivedOne() {
    let logged = action(
      due: .onDay(day("2026-03-31")),
      updates: [
        ActionUpdate(date: day("2026-01-10"), status: .inProgress, reported: .amber),
        ActionUpdate(date: day("2026-05-01"), note: "On track", reported: .green),
      ])
    let january = logged.state(asOf: day("2026-02-01"), settings: settings, heardFrom: nil)
    #expect(january.reported == .amber)
    #expect(january.brag == .green)
    #expect(!january.reportedIsBetter)
    // The agency says Green; the rules say Red (overdue).
    let may = logged.state(asOf: day("2026-05-02"), settings: settings, heardFrom: nil)
    #expect(may.reported == .green)
    #expect(may.brag == .red)
    #expect(may.reportedIsBetter)
  }

  @Test func ownersListTheAccountableAgencyFirst() {
    let joint = action(due: .notYetSet, joint: ["police", "icb"])
    #expect(joint.owners == ["la", "police", "icb"])
    #expect(joint.isOwned(by: "police"))
    #expect(joint.isOwned(by: "la"))
    #expect(!joint.isOwned(by: "education"))
    #expect(action(due: .notYetSet).owners == ["la"])
  }

  @Test func anOpenActionDueTBCFailsTimeBound() {
    let recommendation = Recommendation(id: "R1", text: "Audit", agencies: ["la"], response: .accepted)
    let tbc = SMARTCheck.rate(action(due: .notYetSet), in: recommendation)
    #expect(!tbc.timeBound)
    #expect(tbc.reasons.contains("T: no due day yet (TBC)"))
    let dated = action(
      due: .notYetSet,
      updates: [ActionUpdate(date: day("2025-10-01"), due: PlannedDue("2026-06"), note: "Set")])
    #expect(SMARTCheck.rate(dated, in: recommendation).timeBound)
  }

  func tracker(joint: [String]?) -> Tracker {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.agencies = ["la", "police", "icb"].map {
      Agency(id: $0, name: $0.uppercased(), kind: .other, statutoryPartner: true)
    }
    var review = Review(id: "RR-1", title: "Child A", kind: .rapidReview)
    review.recommendations = [
      Recommendation(
        id: "R1", text: "Audit", agencies: ["la", "police"], response: .accepted,
        actions: [action(due: .notYetSet, joint: joint)])
    ]
    tracker.reviews = [review]
    return tracker
  }

  func errors(_ tracker: Tracker) -> [Diagnostic] {
    Validator(today: day("2026-01-01")).validate(tracker).filter { $0.severity == .error }
  }

  @Test func jointOwnersMustBeKnownOnceAndNotTheOwner() {
    #expect(errors(tracker(joint: ["police", "icb"])).isEmpty)
    let unknown = errors(tracker(joint: ["polise"]))
    #expect(unknown.count == 1)
    #expect(unknown.first?.path == "reviews[0].recommendations[0].actions[0].jointOwners[0]")
    #expect(unknown.first?.hint?.contains("did you mean \"police\"") == true)
    let twice = errors(tracker(joint: ["police", "police"]))
    #expect(twice.map(\.path) == ["reviews[0].recommendations[0].actions[0].jointOwners[1]"])
    #expect(twice.first?.message.contains("listed twice") == true)
    let owner = errors(tracker(joint: ["la"]))
    #expect(owner.first?.message.contains("already its owner") == true)
  }

  @Test func aJointOwnerIsAReferenceOfItsAgency() {
    let tracker = tracker(joint: ["police"])
    #expect(
      tracker.referrers(of: .agency("police")).map(\.description) == [
        "recommendation RR-1/R1 (agencies)", "action RR-1/1.1 (jointOwners)",
      ])
    #expect(tracker.referrers(of: .agency("icb")).isEmpty)
    #expect(tracker.referrers(of: .agency("la")).map(\.description).contains("action RR-1/1.1 (owner)"))
  }
}

/// Planned evidence is text the plan publishes: checked for personal data and control characters.
@Suite struct PlannedEvidenceTextTests {
  @Test func plannedEvidenceIsCheckedLikeTheRestOfTheAction() {
    var tracker = DefaultCatalogues.newTracker(partnershipName: "Northshire")
    tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
    var action = Action(id: "1.1", description: "Audit", owner: "la", due: .notYetSet)
    action.evidencePlanned = "Audit report\u{1B}[2J"
    var review = Review(id: "RR-1", title: "Child A", kind: .rapidReview)
    review.recommendations = [Recommendation(id: "R1", text: "Audit", response: .accepted, actions: [action])]
    tracker.reviews = [review]
    let today = CalendarDay(dayNumber: 20_000)
    let found = Validator(today: today).validate(tracker).filter { $0.check == .controlCharacters }
    #expect(found.map(\.path) == ["reviews[0].recommendations[0].actions[0].evidencePlanned"])
  }
}
