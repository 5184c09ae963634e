/// The one way every report, listing and message shortens a text that is too long to show whole.
extension String {
  /// The text itself when it has at most `limit` characters; otherwise its first `limit - 1`
  /// characters and "…", cut at the last space so no word is left broken, unless that would keep
  /// less than half of `limit` (then cut inside the word). Characters are whole graphemes, so an
  /// accented letter, an emoji or a CRLF is never split. Line breaks are kept: fold them first
  /// when the result must stay on one line.
  public func shortened(to limit: Int) -> String {
    guard count > limit else { return self }
    guard limit > 1 else { return limit == 1 ? "…" : "" }
    let cut = prefix(limit - 1)
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
      return String(cut[..<space]) + "…"
    }
    return String(cut) + "…"
  }
}
