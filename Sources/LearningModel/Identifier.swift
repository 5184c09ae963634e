/// The one rule for identifiers of reviews, recommendations, actions, findings, agencies and
/// catalogue entries (themes, categories, dissemination methods, Section 11 standards).
///
/// Identifiers become references on the command line (`LCSPR-2025-02/1.1`) and parts of file
/// names (`briefing-LCSPR-2025-02.md`, `police.csv`), so they are kept to letters, digits, `-`,
/// `_` and `.`, start with a letter or digit, and have at most 64 characters. Names Windows
/// reserves for devices (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, in any letter
/// case, with or without an extension) and names ending in a dot are refused too, since an
/// agency's Windows computer cannot hold a file of that name (Microsoft, "Naming Files, Paths,
/// and Namespaces"). A space is never part of an identifier.
public enum Identifier {
  /// The longest identifier accepted.
  public static let maximumLength = 64

  /// Why `text` is not a valid identifier, or `nil` when it is one.
  public static func problem(_ text: String) -> String? {
    let scalars = text.unicodeScalars
    guard let first = scalars.first else { return "is empty" }
    if scalars.count > maximumLength {
      return "has \(scalars.count) characters (at most \(maximumLength))"
    }
    if !isLetterOrDigit(first) { return "must start with a letter or digit" }
    if let bad = scalars.first(where: { !(isLetterOrDigit($0) || $0 == "-" || $0 == "_" || $0 == ".") }) {
      let shown =
        bad.value < 0x21 || (0x7F...0x9F).contains(bad.value) || bad.value > 0x7E
        ? "U+" + String(bad.value, radix: 16, uppercase: true) : "'\(Character(bad))'"
      return "holds \(shown); use only letters, digits, '-', '_' and '.'"
    }
    if text.hasSuffix(".") { return "ends in '.', which Windows drops from file names" }
    let stem = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0].uppercased()
    if reservedNames.contains(String(stem)) {
      return "is \"\(stem)\", a name Windows reserves for a device, so no file can be named from it"
    }
    return nil
  }

  /// The names Windows reserves for devices, whatever follows them after a dot.
  public static let reservedNames: Set<String> =
    Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

  /// Whether `text` is a valid identifier.
  public static func isValid(_ text: String) -> Bool { problem(text) == nil }

  private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    default: false
    }
  }
}
