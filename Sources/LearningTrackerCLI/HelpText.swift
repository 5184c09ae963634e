/// Help text laid out for a terminal 100 columns wide.
enum HelpText {
  static let width = 100

  /// Paragraphs separated by blank lines, each re-wrapped; a paragraph with indented lines is
  /// kept as written.
  static func paragraphs(_ text: String) -> String {
    let blocks = text.trimmingCharacters(in: "\n").components(separatedBy: "\n\n")
    return blocks.map { block -> String in
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.contains(where: { $0.hasPrefix(" ") }) { return block + "\n" }
      return wrap(lines.joined(separator: " "), indent: "", width: width)
    }.joined(separator: "\n")
  }

  /// Two aligned columns: names, then their help, wrapped with a hanging indent.
  static func columns(_ rows: [(String, String)]) -> String {
    let left = min((rows.map(\.0.count).max() ?? 0) + 4, 30)
    var out = ""
    for (name, help) in rows {
      let head = "  " + name
      let indent = String(repeating: " ", count: left)
      if head.count + 2 > left {
        out += head + "\n" + wrap(help, indent: indent, width: width)
      } else {
        let wrapped = wrap(help, indent: indent, width: width)
        out += head + String(repeating: " ", count: left - head.count) + wrapped.dropFirst(left)
      }
    }
    return out
  }

  /// Words laid out in lines of at most `width` columns, each starting with `indent`.
  static func wrap(_ text: String, indent: String, width: Int) -> String {
    var out = ""
    var line = indent
    for word in text.split(separator: " ") {
      if line.count > indent.count && line.count + 1 + word.count > width {
        out += line + "\n"
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    return out + line + "\n"
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text = text.dropFirst() }
    while text.last == character { text = text.dropLast() }
    return String(text)
  }
}
