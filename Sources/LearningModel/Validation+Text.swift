extension Validator {
  /// Every identifier that breaks the one rule for identifiers (`Identifier.problem`), as an error
  /// at its path. Empty identifiers are left to the `requiredText` check.
  static func identifierDiagnostics(_ tracker: Tracker) -> [Diagnostic] {
    var found: [Diagnostic] = []
    tracker.visitIdentifiers { id, what, path in
      guard !id.isEmpty, let problem = Identifier.problem(id) else { return }
      found.append(
        Diagnostic(
          severity: .error, check: .identifiers, path: path(), message: "\(what) ID \"\(id)\" \(problem)",
          hint: "IDs become references and parts of file names: letters, digits, '-', '_' and '.', "
            + "starting with a letter or digit, at most \(Identifier.maximumLength) characters"))
    }
    return found
  }

  /// Every text holding control characters (`ControlCharacters`), as a warning at its path.
  static func controlCharacterDiagnostics(_ tracker: Tracker) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var copy = tracker
    copy.visitTexts { text, path in
      guard text.unicodeScalars.contains(where: { ControlCharacters.contains($0) }) else { return nil }
      let scalars = ControlCharacters.found(in: text)
      var seen = Set<UInt32>()
      let named = scalars.filter { seen.insert($0.value).inserted }.prefix(8).map(ControlCharacters.spelled)
      found.append(
        Diagnostic(
          severity: .warning, check: .controlCharacters, path: path(),
          message: "the text holds \(plural(scalars.count, "control character")) "
            + "(\(named.joined(separator: ", "))) "
            + "that could act on a terminal or reverse how text is shown",
          hint:
            "'learning-tracker format --fix-text' removes them; until then every output shows them as \\u{…}")
      )
      return nil
    }
    return found
  }
}
