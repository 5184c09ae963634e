/// A line diff of two texts by their longest common subsequence, shown as unified-diff lines
/// (`-` expected only, `+` actual only, ` ` both) with a few lines of context around each change.
public enum LineDiff {
  /// The diff of `expected` and `actual`, or nil when they are equal. At most `limit` lines.
  public static func render(expected: String, actual: String, context: Int = 2, limit: Int = 60) -> String? {
    if expected == actual { return nil }
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    let edits = script(old, new)
    // Keep changed lines and `context` lines either side of them.
    var keep = Array(repeating: false, count: edits.count)
    for (index, edit) in edits.enumerated() where edit.mark != " " {
      for near in max(0, index - context)...min(edits.count - 1, index + context) { keep[near] = true }
    }
    var lines: [String] = []
    var skipped = false
    for (index, edit) in edits.enumerated() {
      guard keep[index] else {
        skipped = true
        continue
      }
      if skipped || lines.isEmpty {
        lines.append("@@ expected line \(edit.oldLine), actual line \(edit.newLine) @@")
      }
      skipped = false
      lines.append("\(edit.mark) \(edit.text)")
    }
    if lines.count > limit { lines = Array(lines.prefix(limit)) + ["… \(lines.count - limit) more lines"] }
    return lines.joined(separator: "\n")
  }

  struct Edit {
    var mark: Character
    var text: String
    var oldLine: Int
    var newLine: Int
  }

  /// The edit script: common prefix and suffix trimmed, then an LCS table over what is left.
  static func script(_ old: [String], _ new: [String]) -> [Edit] {
    var prefix = 0
    while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix && suffix < new.count - prefix
      && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let a = Array(old[prefix..<(old.count - suffix)])
    let b = Array(new[prefix..<(new.count - suffix)])
    // lengths[i][j]: the LCS length of a[i...] and b[j...].
    var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var edits: [Edit] = []
    for index in 0..<prefix {
      edits.append(Edit(mark: " ", text: old[index], oldLine: index + 1, newLine: index + 1))
    }
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count && j < b.count && a[i] == b[j] {
        edits.append(Edit(mark: " ", text: a[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
        i += 1
        j += 1
      } else if i < a.count && (j == b.count || lengths[i + 1][j] >= lengths[i][j + 1]) {
        edits.append(Edit(mark: "-", text: a[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
        i += 1
      } else {
        edits.append(Edit(mark: "+", text: b[j], oldLine: prefix + i + 1, newLine: prefix + j + 1))
        j += 1
      }
    }
    for index in 0..<suffix {
      let oldIndex = old.count - suffix + index
      let newIndex = new.count - suffix + index
      edits.append(Edit(mark: " ", text: old[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
    }
    return edits
  }
}
