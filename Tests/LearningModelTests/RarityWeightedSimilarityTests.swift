import LearningDemo
import Testing

@testable import LearningModel

@Suite struct RarityWeightedSimilarityTests {
  /// Random small collections of texts over a small vocabulary, so that many texts share words,
  /// many have the same words, and similarities tie.
  static func randomTexts(seed: UInt64) -> (texts: [[String]], sources: [Int]) {
    var random = SeededGenerator(seed: seed)
    let vocabulary = (0..<Int.random(in: 3...14, using: &random)).map { "w\($0)" }
    let count = Int.random(in: 0...60, using: &random)
    var texts: [[String]] = []
    var sources: [Int] = []
    var source = 0
    for _ in 0..<count {
      texts.append(
        (0..<Int.random(in: 0...5, using: &random)).map { _ in vocabulary.randomElement(using: &random) ?? ""
        })
      if Int.random(in: 0..<3, using: &random) == 0 { source += 1 }
      sources.append(source)
    }
    return (texts, sources)
  }

  @Test(arguments: 0..<300)
  func closestEarlierEqualsComparingEveryPair(seed: Int) {
    let (texts, sources) = Self.randomTexts(seed: UInt64(seed))
    var random = SeededGenerator(seed: UInt64(seed) &+ 1_000)
    let threshold = [0.05, 0.2, 0.3, 1.0 / 3.0, 0.5, 0.7, 0.9, 1.0][Int.random(in: 0..<8, using: &random)]
    let limit = Int.random(in: 1...4, using: &random)
    let similarity = RarityWeightedSimilarity(texts: texts)
    let fast = similarity.closestEarlier(sources: sources, threshold: threshold, limit: limit)
    let slow = similarity.closestEarlierComparingEveryPair(
      sources: sources, threshold: threshold, limit: limit)
    #expect(fast == slow, "seed \(seed), threshold \(threshold), limit \(limit)")
    // The probing shared among the cores finds the same.
    let shared = similarity.closestEarlier(
      sources: sources, threshold: threshold, limit: limit, sharedFrom: 0)
    #expect(shared == slow, "seed \(seed), shared among the cores")
  }

  /// Larger collections, over a vocabulary where some words are common and most are rare, as in
  /// recommendations: the join still finds exactly the pairs that comparing every pair finds.
  @Test(arguments: 0..<6)
  func closestEarlierEqualsComparingEveryPairOnLargerCollections(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed) &+ 7_000)
    let vocabulary = (0..<300).map { "w\($0)" }
    var texts: [[String]] = []
    var sources: [Int] = []
    for text in 0..<500 {
      texts.append(
        (0..<Int.random(in: 1...14, using: &random)).map { _ in
          // Small indices often (common words), the rest spread over the whole vocabulary.
          let bound = Int.random(in: 0..<3, using: &random) == 0 ? 8 : vocabulary.count
          return vocabulary[Int.random(in: 0..<bound, using: &random)]
        })
      sources.append(text / 4)
    }
    let similarity = RarityWeightedSimilarity(texts: texts)
    for threshold in [0.2, 0.35, 0.5, 0.8] {
      let slow = similarity.closestEarlierComparingEveryPair(sources: sources, threshold: threshold, limit: 3)
      #expect(slow.contains { !$0.isEmpty }, "threshold \(threshold) finds some pairs")
      #expect(
        similarity.closestEarlier(sources: sources, threshold: threshold, limit: 3) == slow,
        "seed \(seed), threshold \(threshold)")
      #expect(
        similarity.closestEarlier(sources: sources, threshold: threshold, limit: 3, sharedFrom: 0) == slow,
        "seed \(seed), threshold \(threshold), shared among the cores")
    }
  }

  /// ASCII texts are read byte by byte; the words are those read character by character.
  @Test(arguments: 0..<40)
  func asciiTextsGiveTheWordsReadCharacterByCharacter(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed) &+ 9_000)
    let pieces = [
      "Agencies", "SHOULD", "ensure", "the", "child's", "voice", "is", "heard", "2024", "x1", "ab", "abc",
      "Recording", "boxes", "tested", "walks", "us", "dressing", " ", "  ", ",", ".", "-", "\r\n", "\n", "\t",
      "(", ")", "/", "'", "\"", "&", "Ofsted-registered", "S11", "GPs", "ages0-5",
    ]
    let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
      pieces.randomElement(using: &random) ?? ""
    }.joined(separator: Int.random(in: 0..<2, using: &random) == 0 ? " " : "")
    #expect(TextSimilarity.words(text) == TextSimilarity.wordsByCharacter(text), "\(text)")
    #expect(
      TextSimilarity.words(of: [text, text]) == [TextSimilarity.words(text), TextSimilarity.words(text)])
  }

  @Test func manyTextsSharedAmongTheCoresKeepTheirOrder() {
    let texts = (0..<9_000).map {
      "Recommendation \($0) on the child's voice, number \($0 % 97) of café rounds"
    }
    #expect(TextSimilarity.words(of: texts) == texts.map(TextSimilarity.words))
  }

  @Test func textsBeyondASCIIAreReadCharacterByCharacter() {
    let text = "Café workers’ naïve ＡＢＣ résumés ２０２４"
    #expect(TextSimilarity.words(text) == TextSimilarity.wordsByCharacter(text))
    #expect(TextSimilarity.words(text).map(\.written).contains("café"))
  }

  @Test func rareWordsWeighMore() {
    // "common" is in every text, "rare" in one: sharing only "common" is far below sharing "rare".
    let texts = [
      ["common", "rare", "other"], ["common", "rare", "else"], ["common", "x"], ["common", "y"],
    ]
    let similarity = RarityWeightedSimilarity(texts: texts)
    #expect(similarity.similarity(0, 1) > 0.3)
    #expect(similarity.similarity(2, 3) < 0.2)
    #expect(similarity.similarity(0, 0) == 1)
  }

  @Test func textsWithNothingSharedOrNoWordsAreNeverMatched() {
    let texts = [["alpha", "beta"], [], ["gamma"], [], ["alpha", "beta"]]
    let matches = RarityWeightedSimilarity(texts: texts).closestEarlier(
      sources: [0, 1, 2, 3, 4], threshold: 0.01, limit: 3)
    #expect(matches[1].isEmpty && matches[2].isEmpty && matches[3].isEmpty)
    #expect(matches[4] == [.init(earlier: 0, similarity: 1)])
  }

  @Test func textsOfTheSameSourceAreNeverMatched() {
    let matches = RarityWeightedSimilarity(texts: [["a", "b"], ["a", "b"]]).closestEarlier(
      sources: [7, 7], threshold: 0.1, limit: 3)
    #expect(matches == [[], []])
  }

  @Test func wordsAreShownAsWritten() {
    let words = TextSimilarity.words("Training trains the Trained staff")
    #expect(words.map(\.written) == ["training", "staff"])
    #expect(words.map(\.stem) == ["train", "staff"])
  }

  @Test func proseWriterIsDeterministicAndVaried() {
    var first = ProseWriter(seed: 4)
    var second = ProseWriter(seed: 4)
    let texts = (0..<200).map { _ in first.recommendation() }
    #expect(texts == (0..<200).map { _ in second.recommendation() })
    // Most distinct words are rare: found in one text only.
    var holders: [String: Int] = [:]
    for text in texts { for stem in TextSimilarity.tokens(text) { holders[stem, default: 0] += 1 } }
    #expect(holders.values.filter { $0 == 1 }.count * 2 > holders.count)
  }
}
