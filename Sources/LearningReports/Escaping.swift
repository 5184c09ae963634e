import LearningModel

/// Escaping for each output format, in one place.
public enum Escape {
  /// Text safe inside HTML element content and double-quoted attribute values.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    html(text, into: &out)
    return out
  }

  /// Appends `text` escaped as `html(_:)` escapes it. The five characters escaped are ASCII, so
  /// the text is read as UTF-8 and copied in runs between them, never character by character;
  /// each of the five is escaped wherever it is, even where a combining mark follows it.
  static func html(_ text: String, into out: inout String) {
    // Most texts hold none of the five: one quick scan of the bytes, then the text as it is.
    if !Escape.anyByte(of: text.utf8, where: { htmlReplacement($0) != nil }) {
      out += text
      return
    }
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if let replacement = htmlReplacement(utf8[index]) {
        out += text[start..<index]
        out += replacement
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    out += text[start...]
  }

  /// What `html` writes for `byte`: an entity for each of the five, nil for any other byte.
  @inline(__always)
  static func htmlReplacement(_ byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
  }

  /// Whether any byte of `utf8` passes `test`: read from the text's own storage where it has
  /// one, a tight loop over bytes rather than the view's indexes.
  @inline(__always)
  static func anyByte<Bytes: Collection<UInt8>>(of utf8: Bytes, where test: (UInt8) -> Bool) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ buffer in buffer.contains(where: test) }) {
      return found
    }
    return utf8.contains(where: test)
  }

  /// Text safe inside a Markdown table cell or paragraph: pipes, markup characters and line breaks
  /// are escaped so the text cannot break the table or become a link, heading or HTML.
  ///
  /// At the start of the text, block-level markers are escaped too, so that no text becomes a
  /// heading, quote, list, rule, code block or fence wherever it is placed: leading spaces
  /// (indentation) are dropped, and the character that would open a list, a rule or a fence gets a
  /// backslash (`markdownBlockMarker`). `#`, `*`, `_`, `` ` `` and `>` are escaped wherever they are.
  /// A heading's text (`atLineStart: false`) follows its `#` marks, so it cannot open a block and
  /// keeps its "1." as written.
  public static func markdown(_ text: String, atLineStart: Bool = true) -> String {
    let line = Table.singleLine(text).drop { $0 == " " }
    let marker = atLineStart ? markdownBlockMarker(line) : nil
    return markdownByBytes(line, marker: marker) ?? markdownByCharacters(line, marker: marker)
  }

  /// What `markdownByBytes` writes for `byte`: a backslash before markup, an entity for `&`, `<`
  /// and `>`, nil for any other byte.
  @inline(__always)
  static func markdownReplacement(_ byte: UInt8) -> StaticString? {
    switch byte {
    case UInt8(ascii: "\\"): "\\\\"
    case UInt8(ascii: "`"): "\\`"
    case UInt8(ascii: "*"): "\\*"
    case UInt8(ascii: "_"): "\\_"
    case UInt8(ascii: "["): "\\["
    case UInt8(ascii: "]"): "\\]"
    case UInt8(ascii: "|"): "\\|"
    case UInt8(ascii: "#"): "\\#"
    case UInt8(ascii: "!"): "\\!"
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    default: nil
    }
  }

  /// `markdown`'s escaping of `line`, character by character, with a backslash before the
  /// character at `marker`.
  static func markdownByCharacters(_ line: Substring, marker: Int?) -> String {
    var out = ""
    for (offset, character) in line.enumerated() {
      if offset == marker { out += "\\" }
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

  /// `markdown`'s escaping of `line` read as UTF-8 and copied in runs between the characters it
  /// escapes, never character by character: the same bytes, for text whose escaped characters and
  /// block marker each stand alone. Nil when one of them has a non-ASCII neighbour (a combining mark
  /// after it, say, which makes the two one character), for `markdown` to go character by character.
  static func markdownByBytes(_ line: Substring, marker: Int?) -> String? {
    let utf8 = line.utf8
    if marker == nil && !Escape.anyByte(of: utf8, where: { markdownReplacement($0) != nil }) {
      return String(line)
    }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + utf8.count / 8 + 2)
    var start = utf8.startIndex
    var index = start
    var offset = 0
    var previous: UInt8 = 0
    while index != utf8.endIndex {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      let replacement = markdownReplacement(byte)
      if replacement != nil || offset == marker {
        // An ASCII character between ASCII neighbours (or the line's ends) is one character.
        if previous >= 0x80 || (next != utf8.endIndex && utf8[next] >= 0x80) { return nil }
        out.append(contentsOf: utf8[start..<index])
        if offset == marker { out.append(UInt8(ascii: "\\")) }
        if let replacement {
          replacement.withUTF8Buffer { out.append(contentsOf: $0) }
          start = next
        } else {
          start = index
        }
      }
      previous = byte
      offset += 1
      index = next
    }
    out.append(contentsOf: utf8[start..<utf8.endIndex])
    return String(decoding: out, as: UTF8.self)
  }

  /// The position of the character that would open a Markdown block at the start of a line, or
  /// `nil`: a `-` or `+` followed by a space or nothing (list item), a rule of three or more `-`,
  /// a fence of three or more `~`, or the `.` or `)` after up to nine digits followed by a space or
  /// nothing (ordered list item). Numbers such as `-3` and `+2` are left alone.
  static func markdownBlockMarker(_ line: Substring) -> Int? {
    // A line whose first byte is none of `-`, `+`, `~` or a digit cannot open a list, rule or fence.
    guard let lead = line.utf8.first,
      lead == UInt8(ascii: "-") || lead == UInt8(ascii: "+") || lead == UInt8(ascii: "~")
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead)
    else { return nil }
    // In ASCII text every byte is a character, so the bytes decide it (dates and numbers mostly).
    if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return asciiMarkdownBlockMarker(line.utf8) }
    return markdownBlockMarkerByCharacters(line)
  }

  /// `markdownBlockMarker`, character by character.
  static func markdownBlockMarkerByCharacters(_ line: Substring) -> Int? {
    guard let first = line.first else { return nil }
    let second = line.dropFirst().first
    if (first == "-" || first == "+") && (second == nil || second == " ") { return 0 }
    let rule = line.prefix(while: { $0 == "-" || $0 == " " }).filter { $0 == "-" }
    if first == "-" && rule.count >= 3 { return 0 }
    if first == "~" && line.prefix(3) == "~~~" { return 0 }
    let digits = line.prefix { $0.isASCII && $0.isNumber }.count
    let rest = line.dropFirst(digits)
    guard digits > 0, digits <= 9, let marker = rest.first, marker == "." || marker == ")",
      rest.dropFirst().first == nil || rest.dropFirst().first == " "
    else { return nil }
    return digits
  }

  /// `markdownBlockMarker` for a line of ASCII text without carriage returns, byte by byte.
  static func asciiMarkdownBlockMarker(_ line: Substring.UTF8View) -> Int? {
    var bytes = line.makeIterator()
    guard let first = bytes.next() else { return nil }
    let second = bytes.next()
    let dash = UInt8(ascii: "-")
    let space = UInt8(ascii: " ")
    if (first == dash || first == UInt8(ascii: "+")) && (second == nil || second == space) { return 0 }
    if first == dash {
      var dashes = 0
      for byte in line {
        if byte == dash {
          dashes += 1
        } else if byte != space {
          break
        }
      }
      if dashes >= 3 { return 0 }
    }
    if first == UInt8(ascii: "~") && line.starts(with: "~~~".utf8) { return 0 }
    var index = line.startIndex
    var digits = 0
    while index != line.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
      digits += 1
      index = line.index(after: index)
    }
    guard digits > 0, digits <= 9, index != line.endIndex,
      line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")")
    else { return nil }
    let next = line.index(after: index)
    guard next == line.endIndex || line[next] == space else { return nil }
    return digits
  }

  /// One CSV cell (RFC 4180): quoted when needed, and neutralised against formula injection
  /// (a cell that begins with =, +, -, @, tab or carriage return gets a leading apostrophe).
  public static func csv(_ text: String) -> String {
    let cell = FormulaGuard.guarded(text)
    let utf8 = cell.utf8
    // Read as bytes first: with no comma, quote, line break or semicolon there is nothing to
    // quote; in ASCII text every byte is a character (a CR LF pair is quoted either way).
    if !utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) {
      return cell
    }
    if utf8.allSatisfy({ $0 < 0x80 }) {
      var out: [UInt8] = [0x22]
      out.reserveCapacity(utf8.count + 8)
      for byte in utf8 {
        out.append(byte)
        if byte == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
      return String(decoding: out, as: UTF8.self)
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
    // Printable ASCII throughout (the usual text) holds no control: no scalar need be read.
    if !Escape.anyByte(of: text.utf8, where: { $0 < 0x20 || $0 >= 0x7F }) { return text }
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
    ControlCharacters.contains(scalar, singleLine: singleLine)
  }

  /// JSON text safe to write to a terminal and still the same JSON value: every control and
  /// bidirectional control inside a string is written as a `\uXXXX` escape. Line feeds between
  /// members (the only raw control a JSON writer puts outside strings) are kept.
  public static func terminalJSON(_ json: String) -> String {
    if !json.unicodeScalars.contains(where: { isUnsafeForTerminal($0) }) { return json }
    var out = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if isUnsafeForTerminal(scalar) {
        let hex = String(scalar.value, radix: 16)
        out.append(
          contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether UTF-8 bytes may hold a character that must not reach a terminal as it is (a C0
  /// control, DEL, a C1 control or a bidirectional control): a quick scan before `terminalJSON`.
  public static func mayHoldTerminalControls(_ bytes: [UInt8]) -> Bool {
    ControlCharacters.mayBeIn(utf8: bytes)
  }
}
