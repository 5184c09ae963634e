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
