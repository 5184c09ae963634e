/// Escaping for each output format, in one place.
public enum Escape {
  /// Text safe inside HTML element content and double-quoted attribute values.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// Text safe inside a Markdown table cell or paragraph: pipes, markup characters and line breaks
  /// are escaped so the text cannot break the table or become a link, heading or HTML.
  public static func markdown(_ text: String) -> String {
    var out = ""
    for character in Table.singleLine(text) {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "!": out += "\\" + String(character)
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(character)
      }
    }
    return out
  }

  /// One CSV cell (RFC 4180): quoted when needed, and neutralised against formula injection
  /// (a cell that begins with =, +, -, @, tab or carriage return gets a leading apostrophe).
  public static func csv(_ text: String) -> String {
    var cell = text
    if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      // Plain negative numbers stay numbers.
      if !(first == "-" && Double(cell) != nil) { cell = "'" + cell }
    }
    if cell.contains(where: {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";"
    }) {
      return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
    return cell
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}

extension Escape {
  /// Text safe to write to a terminal: every control character (C0 except tab and line feed,
  /// DEL, C1) and every bidirectional control (U+202A to U+202E, U+2066 to U+2069) is shown
  /// visibly as `\u{…}` and never emitted, so data cannot clear the screen, set the window title,
  /// hide a link or reverse a file name. Tab and line feed pass through unless `singleLine`.
  public static func terminal(_ text: String, singleLine: Bool = false) -> String {
    if !text.unicodeScalars.contains(where: { isUnsafeForTerminal($0, singleLine: singleLine) }) {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isUnsafeForTerminal(scalar, singleLine: singleLine) {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether a scalar may not reach a terminal as it is: C0 controls (tab and line feed allowed
  /// unless `singleLine`), DEL, C1 controls, and the bidirectional embedding, override and isolate
  /// controls.
  public static func isUnsafeForTerminal(_ scalar: Unicode.Scalar, singleLine: Bool = false) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return singleLine
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
