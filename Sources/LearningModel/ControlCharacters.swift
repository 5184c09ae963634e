/// The one rule for characters that must never reach a terminal as they are: C0 controls (tab and
/// line feed allowed in multi-line text), DEL, C1 controls, and the bidirectional embedding,
/// override and isolate controls (U+202A to U+202E, U+2066 to U+2069).
///
/// Such characters let text from the store clear a screen, set a window title, hide a link or show
/// "exe.pdf" as "fdp.exe". The store keeps them exactly; every terminal output shows them visibly,
/// `validate` warns about them and `format --fix-text` removes them.
public enum ControlCharacters {
  /// Whether `scalar` may not reach a terminal as it is. Tab and line feed are allowed unless
  /// `singleLine`.
  public static func contains(_ scalar: Unicode.Scalar, singleLine: Bool = false) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return singleLine
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// The control characters in a multi-line text, in order.
  public static func found(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { contains($0) }
  }

  /// The text without its control characters (tab and line feed kept).
  public static func removed(from text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !contains($0) })
    return String(scalars)
  }

  /// A scalar as people write it in messages: `U+1B`.
  public static func spelled(_ scalar: Unicode.Scalar) -> String {
    "U+" + String(scalar.value, radix: 16, uppercase: true)
  }
}
