import Foundation

/// The words of a recommendation that carry meaning, for finding learning that comes back.
///
/// Texts are lowercased and split into words; common words (stop words) and words of fewer than
/// three letters are dropped, and a plural or verb ending ("s", "es", "ing", "ed") is stripped to
/// give the word's stem. Stems are only for matching: readers are shown the words as written.
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

  /// One meaningful word: its stem, for matching, and the word as first written in the text.
  public struct Word: Equatable, Sendable {
    /// The word's stem, compared between texts.
    public var stem: String
    /// The word as first written in the text.
    public var written: String
  }

  /// The distinct meaningful words of a text, in the order they first appear.
  public static func words(_ text: String) -> [Word] {
    var utf8 = text
    if let words = utf8.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiWords(bytes) : nil }) {
      return words
    }
    return wordsByCharacter(text)
  }

  /// The words of each text, as `words(_:)` gives them; many texts are shared among the cores.
  public static func words(of texts: [String]) -> [[Word]] {
    let runs = Cores.runs(for: texts.count, minimum: 4_000)
    return Array(
      Cores.map(texts.count, runs: runs) { range in texts[range].map { words($0) } }.joined())
  }

  /// `words(_:)` of an ASCII text, read byte by byte: an ASCII letter or digit is the only ASCII
  /// character that is a letter or a number, and each is one character, so the words, their
  /// lengths and their stems are those `wordsByCharacter` finds.
  static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
    var seen = Set<String>()
    var result: [Word] = []
    var word: [UInt8] = []
    func take() {
      // A word of one or two letters is never kept: no string is made for it.
      if word.count >= 3 { keep(String(decoding: word, as: UTF8.self), &seen, &result) }
      word.removeAll(keepingCapacity: true)
    }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
      default: take()
      }
    }
    take()
    return result
  }

  /// The one rule for a lower-cased word found in a text: kept when it has three characters or
  /// more and is not a stop word, by its stem (the first of the endings "ing", "es", "ed" and "s"
  /// that leaves more than three characters is taken off), and only the first time its stem is met.
  private static func keep(_ written: String, _ seen: inout Set<String>, _ result: inout [Word]) {
    guard written.count >= 3, !stopWords.contains(written) else { return }
    var stem = written
    for ending in ["ing", "es", "ed", "s"] where stem.count > ending.count + 3 && stem.hasSuffix(ending) {
      stem = String(stem.dropLast(ending.count))
      break
    }
    if seen.insert(stem).inserted { result.append(Word(stem: stem, written: written)) }
  }

  /// `words(_:)` read character by character, for any text.
  static func wordsByCharacter(_ text: String) -> [Word] {
    var seen = Set<String>()
    var result: [Word] = []
    for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
      keep(String(word), &seen, &result)
    }
    return result
  }

  /// The distinct stems of a text's meaningful words.
  public static func tokens(_ text: String) -> Set<String> {
    Set(words(text).map(\.stem))
  }

  /// Shared words over all words, from 0 (nothing shared) to 1 (the same words), every word
  /// counting the same. Kept for comparison: the reports use `RarityWeightedSimilarity`.
  public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    if a.isEmpty && b.isEmpty { return 0 }
    let shared = a.intersection(b).count
    return Double(shared) / Double(a.count + b.count - shared)
  }
}

/// Similarity of texts that weighs each word by its rarity among the texts compared: the
/// IDF-weighted Jaccard index.
///
/// A word found in `df` of `n` texts weighs `ln(1 + n / df)`: a word in every text weighs about
/// 0.7, a word in one text of 100,000 about 11.5. The similarity of two texts is the weight of the
/// words they share over the weight of all the words either has, from 0 (nothing shared) to 1
/// (the same words). Words most texts carry ("review", "practice", "child") add little, so two
/// texts are similar only when they share what is particular to them.
///
/// `closestEarlier` finds, for every text, its closest earlier texts from other sources without
/// comparing every pair: texts with the same words are grouped; each group's words are ordered
/// rarest first, and only the prefix of them that can still reach the threshold is indexed and
/// probed (prefix filtering, as in the all-pairs similarity joins AllPairs and PPJoin). Two texts
/// at or above the threshold always share a word in both prefixes: the rarest word they share.
/// A group probes only groups of a weight that can reach the threshold with it, and a pair whose
/// words from the first one met cannot weigh enough is not compared.
public struct RarityWeightedSimilarity: Sendable {
  /// The measure's name as reports show it.
  public static let measure = "IDF-weighted Jaccard"

  /// One earlier text close to a later one.
  public struct Match: Equatable, Sendable {
    /// The earlier text's position in the list given.
    public var earlier: Int
    /// The IDF-weighted Jaccard similarity of the two texts, 0 to 1.
    public var similarity: Double
  }

  /// Each text's words as ranks in the rarity order (0 is the rarest), ascending.
  let ranks: [[Int32]]
  /// Each rank's weight.
  let weights: [Double]
  /// Each text's total weight.
  let totals: [Double]

  /// Weighs the words of `texts`, each given as its distinct stems.
  public init(texts: [[String]]) {
    var frequency: [String: Int] = [:]
    for stems in texts { for stem in Set(stems) { frequency[stem, default: 0] += 1 } }
    let order = frequency.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
    var rank: [String: Int32] = [:]
    rank.reserveCapacity(order.count)
    for (index, word) in order.enumerated() { rank[word.key] = Int32(index) }
    let count = Double(texts.count)
    let weights = order.map { log(1 + count / Double($0.value)) }
    let ranks = texts.map { stems in Array(Set(stems.compactMap { rank[$0] })).sorted() }
    self.weights = weights
    self.ranks = ranks
    totals = ranks.map { words in words.reduce(0) { $0 + weights[Int($1)] } }
  }

  /// The similarity of texts `a` and `b`, from 0 to 1.
  public func similarity(_ a: Int, _ b: Int) -> Double {
    Self.similarity(ranks[a], totals[a], ranks[b], totals[b], weights)
  }

  static func similarity(
    _ a: [Int32], _ totalA: Double, _ b: [Int32], _ totalB: Double, _ weights: [Double]
  ) -> Double {
    var shared = 0.0
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        shared += weights[Int(a[i])]
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    let union = totalA + totalB - shared
    return union > 0 ? shared / union : 0
  }

  /// For every text, at most `limit` earlier texts (smaller positions) from other sources whose
  /// similarity is at least `threshold`, closest first. Ties: the later-placed (more recent) earlier
  /// text first. `sources[i]` names the source (the review) of text `i`; texts with no words are
  /// never matched.
  public func closestEarlier(sources: [Int], threshold: Double, limit: Int) -> [[Match]] {
    closestEarlier(sources: sources, threshold: threshold, limit: limit, sharedFrom: 2_000)
  }

  /// `closestEarlier`, the probing shared among the cores when there are at least `sharedFrom`
  /// groups of texts with the same words.
  func closestEarlier(sources: [Int], threshold: Double, limit: Int, sharedFrom: Int) -> [[Match]] {
    let count = ranks.count
    guard limit > 0, count > 0 else { return Array(repeating: [], count: count) }
    // Group texts with the same words.
    var groupOf = [Int](repeating: -1, count: count)
    var groupIDs: [[Int32]: Int] = [:]
    var members: [[Int]] = []
    var groupTexts: [Int] = []
    for text in 0..<count where !ranks[text].isEmpty {
      if let group = groupIDs[ranks[text]] {
        groupOf[text] = group
        members[group].append(text)
      } else {
        groupIDs[ranks[text]] = members.count
        groupOf[text] = members.count
        members.append([text])
        groupTexts.append(text)
      }
    }
    // Pairs of groups at or above the threshold, found through an index of each group's prefix
    // (all-pairs similarity join). The groups are taken lightest first (by total weight, ties by
    // group), so a group probes only lighter or equal ones: for the pair to reach the threshold the
    // lighter must weigh at least `threshold` times the heavier, and the two must share at least
    // `threshold (Tx + Ty) / (1 + threshold)` of weight, which is at least `2 threshold / (1 +
    // threshold)` of the lighter's. So a group probes with the words that leave less than
    // `threshold` of its weight behind, and is indexed by the words that leave less than `2
    // threshold / (1 + threshold)` behind: the rarest word the two share is in both.
    let slack = 1e-9
    let groupCount = members.count
    let byWeight = (0..<groupCount).sorted {
      let (left, right) = (totals[groupTexts[$0]], totals[groupTexts[$1]])
      return left != right ? left < right : $0 < $1
    }
    let weightOf = byWeight.map { totals[groupTexts[$0]] }
    let indexedShare = 2 * threshold / (1 + threshold)
    func prefixLength(_ words: [Int32], total: Double, leaving share: Double) -> Int {
      var remaining = total
      var prefix = 0
      while prefix < words.count && remaining >= share * total - slack {
        remaining -= weights[Int(words[prefix])]
        prefix += 1
      }
      return prefix
    }
    // Each word's list holds the groups indexed by it, lightest first, each with the weight of its
    // words from that word on.
    var postings = [[(position: Int32, rest: Double)]](repeating: [], count: weights.count)
    var probed = [Int](repeating: 0, count: groupCount)
    for position in 0..<groupCount {
      let text = groupTexts[byWeight[position]]
      let words = ranks[text]
      probed[position] = prefixLength(words, total: totals[text], leaving: threshold)
      var rest = totals[text]
      for index in 0..<prefixLength(words, total: totals[text], leaving: indexedShare) {
        postings[Int(words[index])].append((Int32(position), rest))
        rest -= weights[Int(words[index])]
      }
    }
    // Each group probes the lighter groups that share a word of its prefix. The groups are dealt
    // out among the cores in turn (heavier groups have more to probe); the pairs found are the
    // same whichever core finds them, and each group's neighbours are put in order below.
    let runs = Cores.runs(for: groupCount, minimum: sharedFrom)
    let (index, probedLengths, firstTexts) = (postings, probed, groupTexts)
    let found = Cores.map(runs, runs: runs) { share -> [(group: Int, other: Int, similarity: Double)] in
      let run = share.lowerBound
      var lastProbe = [Int](repeating: -1, count: groupCount)
      // Where each word's list starts to hold groups heavy enough: the groups are taken in order
      // of weight, so it only moves on.
      var starts = [Int](repeating: 0, count: weights.count)
      var pairs: [(group: Int, other: Int, similarity: Double)] = []
      for position in stride(from: run, to: groupCount, by: runs) {
        let text = firstTexts[byWeight[position]]
        let words = ranks[text]
        let total = weightOf[position]
        let lightest = threshold * total - slack
        var rest = total
        for rank in words[..<probedLengths[position]] {
          let word = Int(rank)
          defer { rest -= weights[word] }
          index[word].withUnsafeBufferPointer { list in
            while starts[word] < list.count && weightOf[Int(list[starts[word]].position)] < lightest {
              starts[word] += 1
            }
            for posting in list[starts[word]...] {
              let other = Int(posting.position)
              if other >= position { break }
              if lastProbe[other] == position { continue }
              lastProbe[other] = position
              // Met first at this word: neither group has a word rarer than it that the other has,
              // so the two share at most the lesser of their weights from it on.
              let needed = threshold * (total + weightOf[other]) / (1 + threshold)
              guard Swift.min(rest, posting.rest) >= needed - slack else { continue }
              let value = similarity(text, firstTexts[byWeight[other]])
              if value >= threshold { pairs.append((byWeight[position], byWeight[other], value)) }
            }
          }
        }
      }
      return pairs
    }
    var neighbours = [[(group: Int, similarity: Double)]](repeating: [], count: members.count)
    for pair in found.joined() {
      neighbours[pair.group].append((pair.other, pair.similarity))
      neighbours[pair.other].append((pair.group, pair.similarity))
    }
    for group in neighbours.indices {
      neighbours[group].sort {
        $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.group < $1.group
      }
    }
    // Each text's closest earlier texts: level by level of similarity, the most recent first.
    var result = [[Match]](repeating: [], count: count)
    for text in 0..<count where groupOf[text] >= 0 {
      let group = groupOf[text]
      let levels = [(group: group, similarity: similarity(text, text))] + neighbours[group]
      var matches: [Match] = []
      var start = 0
      while start < levels.count && matches.count < limit {
        var end = start + 1
        while end < levels.count && levels[end].similarity == levels[start].similarity { end += 1 }
        let needed = limit - matches.count
        var found: [Int] = []
        for level in levels[start..<end] {
          let list = members[level.group]
          // Members placed before `text`, walked back from the most recent.
          var low = 0
          var high = list.count
          while low < high {
            let middle = (low + high) / 2
            if list[middle] < text { low = middle + 1 } else { high = middle }
          }
          var taken = 0
          var position = low - 1
          while position >= 0 && taken < needed {
            if sources[list[position]] != sources[text] {
              found.append(list[position])
              taken += 1
            }
            position -= 1
          }
        }
        found.sort(by: >)
        for earlier in found.prefix(needed) {
          matches.append(Match(earlier: earlier, similarity: levels[start].similarity))
        }
        start = end
      }
      result[text] = matches
    }
    return result
  }

  /// The same answer as `closestEarlier`, by comparing every pair: for tests on small inputs.
  public func closestEarlierComparingEveryPair(sources: [Int], threshold: Double, limit: Int) -> [[Match]] {
    (0..<ranks.count).map { text in
      var candidates: [Match] = []
      for earlier in 0..<text where sources[earlier] != sources[text] {
        let value = similarity(text, earlier)
        if value >= threshold && value > 0 { candidates.append(Match(earlier: earlier, similarity: value)) }
      }
      candidates.sort {
        $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.earlier > $1.earlier
      }
      return Array(candidates.prefix(max(0, limit)))
    }
  }
}
