/// The catalogues a new store starts with, taken from partnership guidance.
public enum DefaultCatalogues {
  /// Categories of abuse and harm from the Rapid Review referral template used to help the
  /// National Panel collate data (Norfolk), grouped as there: abuse, exploitation, criminal acts,
  /// health and medical issues.
  public static let categories: [CatalogueEntry] = [
    ("domestic-abuse", "Domestic abuse"), ("alcohol", "Alcohol"), ("drugs-solvents", "Drugs or solvents"),
    ("neglect-long-standing", "Neglect: long standing"), ("neglect-recent", "Neglect: recent"),
    ("physical", "Physical abuse"), ("physical-self-harm", "Physical: self-harm"),
    ("physical-fgm", "Physical: FGM"),
    ("sexual-intra-familial", "Sexual abuse: intra-familial"), ("peer-on-peer", "Peer-on-peer abuse"),
    ("hsb-extra-familial", "Harmful sexual behaviour: extra-familial"),
    ("hsb-intra-familial", "Harmful sexual behaviour: intra-familial"), ("faith-based", "Faith-based abuse"),
    ("online", "Online harm"), ("bullying", "Bullying"), ("county-lines", "County lines"),
    ("trafficking", "Trafficking"), ("sexual-exploitation", "Sexual exploitation"),
    ("modern-slavery", "Modern slavery"), ("extremism", "Extremism"), ("forced-marriage", "Forced marriage"),
    ("gang-violence", "Gang violence"), ("filicide", "Filicide"),
    ("road-traffic-accident", "Road traffic accident"),
    ("knife-crime", "Knife crime"), ("child-perpetrator", "Child perpetrator"), ("injury", "Injury"),
    ("self-harm", "Self-harm"), ("shaken-baby", "Non-accidental head injury (shaken baby)"),
    ("life-limiting-illness", "Life-limiting illness"), ("suicide", "Suicide"),
    ("sudden-infant-death", "Sudden unexpected death in infancy"), ("serious-illness", "Serious illness"),
    ("fabricated-illness", "Fabricated or induced illness"), ("other", "Other"),
  ].map { CatalogueEntry(id: $0.0, name: $0.1) }

  /// Practice themes: the Rapid Review analysis headings (Norfolk) and themes that recur in
  /// national reviews.
  public static let themes: [CatalogueEntry] = [
    ("voice-of-the-child", "Child's lived experience and voice"),
    ("cultural-competence", "Cultural awareness and competence"),
    ("disability-and-health", "Impact of disability and physical or mental health"),
    ("multi-agency-working", "Multi-agency working"), ("gaps-in-provision", "Gaps in provision"),
    ("cross-boundary-working", "Cross-boundary working"),
    ("institutional-settings", "Institutional settings"),
    ("information-sharing", "Information sharing"), ("professional-curiosity", "Professional curiosity"),
    ("risk-assessment", "Risk assessment and decision making"),
    ("invisible-men", "Fathers and men in the household"),
    ("neglect-recognition", "Recognising cumulative neglect"), ("safe-sleep", "Safe sleep for infants"),
    ("domestic-abuse-impact", "Impact of domestic abuse on children"),
    ("parental-mental-health", "Parental mental health and substance use"),
    ("escalation", "Professional challenge and escalation"),
    ("extra-familial-harm", "Extra-familial harm and exploitation"),
    ("transition-to-adulthood", "Transition to adulthood"),
    ("supervision", "Supervision and reflective practice"),
    ("good-practice", "Good practice identified"),
  ].map { CatalogueEntry(id: $0.0, name: $0.1) }

  /// Dissemination of learning options (Norfolk), plus 7-minute briefings, learning briefs and newsletters.
  /// Briefings, presentations, events and training count people who attended; learning briefs,
  /// films, the business plan and newsletters count copies circulated.
  public static let disseminationMethods: [CatalogueEntry] = [
    ("seven-minute-briefing", "7-minute briefing", DisseminationReach.attendance),
    ("learning-brief", "Learning brief", .circulation),
    ("summary-presentation", "Summary learning presentation", .attendance),
    ("roadshow", "Review roadshow", .attendance),
    ("best-practice-event", "Best practice event", .attendance), ("conference", "Conference", .attendance),
    ("training", "Use in training", .attendance),
    ("film", "Film", .circulation), ("webinar", "Webinar with the lead reviewer", .attendance),
    ("leadership-event", "Leadership learning event", .attendance),
    ("business-plan", "Partnership business plan and strategies", .circulation),
    ("newsletter", "Newsletter", .circulation),
  ].map { CatalogueEntry(id: $0.0, name: $0.1, reach: $0.2) }

  /// The eight Section 11 standards (Children Act 2004, s11, as set out in Working Together).
  public static let section11Standards: [CatalogueEntry] = [
    (
      "s11-1",
      "Senior management commitment to the importance of safeguarding and promoting children's welfare"
    ),
    ("s11-2", "A clear statement of the agency's responsibilities towards children, available to all staff"),
    ("s11-3", "A clear line of accountability for the provision of services designed to safeguard children"),
    (
      "s11-4",
      "Service development that takes account of the need to safeguard children and is informed by their views"
    ),
    ("s11-5", "Staff training on safeguarding and promoting the welfare of children"),
    ("s11-6", "Safer recruitment, vetting procedures and managing allegations"),
    ("s11-7", "Effective inter-agency working to safeguard and promote the welfare of children"),
    ("s11-8", "Information sharing"),
  ].map { CatalogueEntry(id: $0.0, name: $0.1) }

  /// A new store for the named partnership, with the default catalogues and no agencies.
  public static func newTracker(partnershipName: String) -> Tracker {
    Tracker(
      partnership: Partnership(name: partnershipName), themes: themes, categories: categories,
      disseminationMethods: disseminationMethods, section11Standards: section11Standards)
  }
}
