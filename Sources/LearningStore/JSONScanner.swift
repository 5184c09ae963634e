import Foundation

/// Checks JSON syntax in one pass without building any values, and notes what the reader needs
/// before decoding: the top-level `schemaVersion`, and the first number that is not a whole number
/// of at most 15 digits (with its path). Errors carry the line and column.
struct JSONScanner {
  struct Result {
    /// The text of the top-level `schemaVersion` value, if it is there.
    var schemaVersion: String?
    var schemaVersionKind: String?
    var topLevelKind: String
    /// The JSON path and text of the first number that is not a whole number of at most 15 digits.
    var badNumber: (path: String, text: String)?
    /// Paths of members the store format does not have (only when asked for).
    var unknownFields: [String] = []
  }

  /// The kinds of object in the store format, and the members each may have.
  enum Shape: Hashable {
    case tracker, partnership, settings, privacy, agency, catalogue, review, dates, finding, recommendation,
      action, update
    case methodEntry
    case dissemination, section11Return, rating, learning, embargo

    var members: Set<String> {
      switch self {
      case .tracker:
        [
          "schemaVersion", "partnership", "agencies", "themes", "categories", "disseminationMethods",
          "section11Standards", "bankHolidays",
          "reviews", "disseminations", "section11",
        ]
      case .partnership: ["name", "reportingYearStart", "settings", "privacy"]
      case .settings: ["dueSoonDays", "staleAfterDays", "rapidReviewClockFrom"]
      case .privacy: ["names"]
      case .agency: ["id", "name", "kind", "statutoryPartner"]
      case .catalogue: ["id", "name"]
      case .methodEntry: ["id", "name", "reach"]
      case .review:
        [
          "id", "title", "kind", "follows", "dates", "categories", "themes", "findings", "recommendations",
          "summary", "notificationType", "rapidReviewOutcome", "delayReason", "commissionedBy", "embargo",
        ]
      case .dates:
        [
          "incident", "aware", "notified", "referred", "discussed", "rapidReview", "decision", "sentToPanel",
          "published",
        ]
      case .finding: ["id", "text", "themes", "goodPractice"]
      case .recommendation: ["id", "text", "agencies", "response", "responseNote", "themes", "actions"]
      case .action:
        [
          "id", "description", "owner", "lead", "measureOfSuccess", "agreed", "due", "updates", "baseline",
          "target", "remeasure",
        ]
      case .update:
        [
          "date", "status", "due", "note", "evidence", "by", "impactEvidence", "result",
          "assuredWithoutImpact", "requestedDue", "requestReason", "declinedDue",
        ]
      case .dissemination:
        ["id", "date", "status", "method", "title", "reviews", "themes", "audience", "reach", "note"]
      case .section11Return: ["agency", "cycle", "due", "submitted", "ratings", "learning"]
      case .rating: ["standard", "self", "moderated", "evidence"]
      case .learning: ["review", "disseminated", "implemented", "evidence"]
      case .embargo: ["reason", "since", "lifted"]
      }
    }

    /// The shape of a member's value: an object, or the elements of a list.
    func child(_ key: String) -> Shape? {
      switch (self, key) {
      case (.tracker, "partnership"): .partnership
      case (.tracker, "agencies"): .agency
      case (.tracker, "themes"), (.tracker, "categories"), (.tracker, "section11Standards"):
        .catalogue
      case (.tracker, "disseminationMethods"): .methodEntry
      case (.tracker, "reviews"): .review
      case (.tracker, "disseminations"): .dissemination
      case (.tracker, "section11"): .section11Return
      case (.partnership, "settings"): .settings
      case (.partnership, "privacy"): .privacy
      case (.review, "dates"): .dates
      case (.review, "embargo"): .embargo
      case (.review, "findings"): .finding
      case (.review, "recommendations"): .recommendation
      case (.recommendation, "actions"): .action
      case (.action, "updates"): .update
      case (.section11Return, "ratings"): .rating
      case (.section11Return, "learning"): .learning
      default: nil
      }
    }
  }

  /// Whether to list unknown members, and the shape expected for the value being scanned.
  private var checkShapes = false
  private var shape: Shape?

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  /// The path to the current value: member names (as byte ranges) or array indexes.
  private var path: [PathStep] = []
  private var result = Result(topLevelKind: "")

  private enum PathStep {
    case key(Range<Int>)
    case index(Int)
  }

  static func scan(_ data: Data, checkingShapes: Bool = false) throws(JSONSyntaxError) -> Result {
    var outcome: Result?
    var failure: JSONSyntaxError?
    data.withUnsafeBytes { raw in
      var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
      scanner.checkShapes = checkingShapes
      scanner.shape = .tracker
      do throws(JSONSyntaxError) {
        outcome = try scanner.run()
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return outcome ?? Result(topLevelKind: "nothing")
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func run() throws(JSONSyntaxError) -> Result {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    skipSpace()
    guard index < bytes.count else { throw error("unexpected end of file: expected a value") }
    result.topLevelKind = kind(of: bytes[index])
    try value()
    skipSpace()
    if index < bytes.count { throw error("unexpected text after the end of the JSON document") }
    return result
  }

  private func kind(of byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "{"): "an object"
    case UInt8(ascii: "["): "an array"
    case UInt8(ascii: "\""): "a string"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
    case UInt8(ascii: "n"): "null"
    default: "a number"
    }
  }

  private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    let (line, column) = JSONLimits.location(of: offset ?? index, in: bytes)
    return JSONSyntaxError(line: line, column: column, message: message)
  }

  private func describeHere() -> String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) {
    guard index < bytes.count else { throw error("unexpected end of file: expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): try object()
    case UInt8(ascii: "["): try array()
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default: throw error("expected a value, found \(describeHere())")
    }
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw error("expected a value, found \(describeHere())") }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
    for offset in 0..<count where bytes[index + offset] != expected[offset] {
      throw error("expected a value, found \(describeHere())")
    }
    index += count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONLimits.maximumDepth {
      throw error("nesting is deeper than \(JSONLimits.maximumDepth) levels")
    }
  }

  private mutating func object() throws(JSONSyntaxError) {
    try enter()
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a quoted member name, found \(describeHere())")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after member name \"\(text(key))\", found \(describeHere())")
      }
      index += 1
      skipSpace()
      path.append(.key(key))
      let valueStart = index
      let objectShape = shape
      if checkShapes, let objectShape {
        let name = text(key)
        if !objectShape.members.contains(name) && !(index < bytes.count && bytes[index] == UInt8(ascii: "n"))
        {
          result.unknownFields.append(pathText)
        }
        shape = objectShape.child(name)
      } else {
        shape = nil
      }
      try value()
      shape = objectShape
      if depth == 1 && text(key) == "schemaVersion" {
        result.schemaVersion = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<index]), as: UTF8.self)
        result.schemaVersionKind = kind(of: bytes[valueStart])
      }
      path.removeLast()
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of file: expected ',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return
      }
      throw error("expected ',' or '}' after a member, found \(describeHere())")
    }
  }

  private mutating func array() throws(JSONSyntaxError) {
    try enter()
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return
    }
    var count = 0
    while true {
      skipSpace()
      path.append(.index(count))
      try value()
      path.removeLast()
      count += 1
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of file: expected ',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return
      }
      throw error("expected ',' or ']' after an element, found \(describeHere())")
    }
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private var pathText: String {
    var out = ""
    for step in path {
      switch step {
      case .key(let range): out += (out.isEmpty ? "" : ".") + text(range)
      case .index(let number): out += "[\(number)]"
      }
    }
    return out
  }

  private mutating func number() throws(JSONSyntaxError) {
    let start = index
    var whole = true
    func digits() -> Int {
      let from = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
        index += 1
      }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let intStart = index
    let intDigits = digits()
    if intDigits == 0 { throw error("expected a digit in a number") }
    if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
      throw error("a number may not start with 0", at: intStart)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      whole = false
      index += 1
      if digits() == 0 { throw error("expected a digit after the decimal point") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      whole = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      if digits() == 0 { throw error("expected a digit in the exponent") }
    }
    if result.badNumber == nil && (!whole || intDigits > 15) {
      result.badNumber = (pathText, text(start..<index))
    }
  }

  /// Checks a string and returns the byte range of its contents (escapes left as written).
  private mutating func string() throws(JSONSyntaxError) -> Range<Int> {
    let start = index
    index += 1
    let contentStart = index
    while true {
      guard index < bytes.count else { throw error("unterminated string (it starts here)", at: start) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return contentStart..<(index - 1)
      }
      if index - start > JSONLimits.maximumStringLength {
        throw error(
          "a string longer than \(JSONLimits.maximumStringLength) bytes (it starts here)", at: start)
      }
      if byte < 0x20 {
        throw error("a control character (line break or tab) inside a string must be escaped")
      }
      if byte == UInt8(ascii: "\\") {
        index += 1
        guard index < bytes.count else { throw error("unterminated escape in a string") }
        let escape = bytes[index]
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"),
          UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 1
        case UInt8(ascii: "u"):
          index += 1
          let high = try hex4()
          if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else {
              throw error("a lone surrogate \\u escape in a string")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw error("an invalid surrogate pair in a string")
            }
          } else if (0xDC00...0xDFFF).contains(high) {
            throw error("a lone surrogate \\u escape in a string")
          }
        default:
          throw error("an invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 1)
        }
        continue
      }
      if byte < 0x80 {
        index += 1
        continue
      }
      // A multi-byte UTF-8 sequence: check its shape.
      let length: Int
      if byte & 0xE0 == 0xC0 && byte >= 0xC2 {
        length = 2
      } else if byte & 0xF0 == 0xE0 {
        length = 3
      } else if byte & 0xF8 == 0xF0 && byte <= 0xF4 {
        length = 4
      } else {
        throw error("invalid UTF-8 in a string")
      }
      guard index + length <= bytes.count else { throw error("invalid UTF-8 in a string") }
      for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
        throw error("invalid UTF-8 in a string")
      }
      // Overlong three-byte forms and surrogates encoded directly are not UTF-8.
      if length == 3 {
        let second = bytes[index + 1]
        if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second >= 0xA0) {
          throw error("invalid UTF-8 in a string")
        }
      }
      if length == 4 {
        let second = bytes[index + 1]
        if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second >= 0x90) {
          throw error("invalid UTF-8 in a string")
        }
      }
      index += length
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard let value = JSONLimits.hexValue(of: bytes, at: index) else {
      throw error("a \\u escape needs four hex digits")
    }
    index += 4
    return value
  }

}
