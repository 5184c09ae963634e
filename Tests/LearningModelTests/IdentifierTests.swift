import Testing

@testable import LearningModel

/// The one rule for identifiers refuses names no agency's Windows computer can hold as a file.
@Suite struct IdentifierTests {
  @Test(arguments: [
    "CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9", "aux.csv", "CON.x.y", "la.",
  ])
  func namesWindowsCannotHoldAreRefused(_ id: String) {
    #expect(Identifier.problem(id) != nil, "\(id)")
  }

  @Test(arguments: ["CONSULT", "console", "AUX1", "COM10", "COM0", "LPT", "nul-2", "la.1", "police"])
  func namesThatOnlyLookAlikeAreAccepted(_ id: String) {
    #expect(Identifier.problem(id) == nil, "\(id)")
  }

  @Test func theProblemSaysWhy() {
    #expect(Identifier.problem("aux.csv")?.contains("a name Windows reserves for a device") == true)
    #expect(Identifier.problem("la.")?.contains("ends in '.'") == true)
  }
}
