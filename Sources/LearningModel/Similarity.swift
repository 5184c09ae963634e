/// Token-based text similarity for finding recommendations that come back.
///
/// Texts are lowercased and split into words; common words (stop words) and words of fewer than
/// three letters are dropped, and a plural or verb ending ("s", "es", "ing", "ed") is stripped. The
/// similarity of two texts is the Jaccard index of their word sets: shared words over all words.
public enum TextSimilarity {
  static let stopWords: Set<String> = [
    "the", "and", "for", "that", "with", "should", "all", "are", "their", "this", "from", "have", "has",
    "will", "must",
    "its", "into", "when", "where", "which", "who", "whom", "they", "them", "there", "been", "being", "was",
    "were", "any",
    "every", "each", "not", "but", "can", "may", "also", "such", "than", "then", "these", "those",
    "partnership", "agencies",
    "agency", "ensure", "including", "within", "about", "other", "more", "how", "what", "our",
  ]

  /// The distinct words of a text that carry meaning.
  public static func tokens(_ text: String) -> Set<String> {
    var result = Set<String>()
    for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
      var token = String(word)
      guard token.count >= 3, !stopWords.contains(token) else { continue }
      for ending in ["ing", "es", "ed", "s"] where token.count > ending.count + 3 && token.hasSuffix(ending) {
        token = String(token.dropLast(ending.count))
        break
      }
      result.insert(token)
    }
    return result
  }

  /// Shared words over all words, from 0 (nothing shared) to 1 (the same words).
  public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    if a.isEmpty && b.isEmpty { return 0 }
    let shared = a.intersection(b).count
    return Double(shared) / Double(a.count + b.count - shared)
  }
}
