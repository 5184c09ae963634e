/// Kinds of personal data that must not appear in anything a partnership publishes.
public enum PersonalDataKind: String, Encodable, CaseIterable, Sendable {
  case nhsNumber, postcode, email, phone, dateOfBirth, name

  /// The kind as a report names it, such as "NHS number".
  public var title: String {
    switch self {
    case .nhsNumber: "NHS number"
    case .postcode: "UK postcode"
    case .email: "email address"
    case .phone: "UK phone number"
    case .dateOfBirth: "date of birth"
    case .name: "listed name"
    }
  }
}

/// Finds personal data in free text: NHS numbers (ten digits passing the modulus 11 check), UK
/// postcodes, email addresses, UK phone numbers, dates of birth written as such, and listed names.
public struct PersonalDataScanner: Sendable {
  /// The names to look for (the store's `privacy.names`), blank ones left out.
  public var names: [String]

  /// A scanner that also looks for `names`.
  public init(names: [String] = []) {
    self.names = names.filter { !$0.trimmingSpaces.isEmpty }
  }

  /// Everything found in one text.
  public func scan(_ text: String) -> [(kind: PersonalDataKind, match: String)] {
    var found: [(PersonalDataKind, String)] = []
    let characters = Array(text)
    // Numbers: runs of digits with single spaces or hyphens between groups.
    var index = 0
    while index < characters.count {
      guard characters[index].isASCII, characters[index].isNumber || characters[index] == "+" else {
        index += 1
        continue
      }
      if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber {
        index += 1
        continue
      }
      var end = index
      var digits = ""
      while end < characters.count {
        let character = characters[end]
        if character.isASCII && character.isNumber {
          digits.append(character)
        } else if (character == " " || character == "-" || character == "(" || character == ")")
          && end + 1 < characters.count
          && characters[end + 1].isASCII && (characters[end + 1].isNumber || characters[end + 1] == "(")
        {
          // a separator inside the number
        } else if character == "+" && end == index {
          digits.append("+")
        } else {
          break
        }
        end += 1
      }
      let match = String(characters[index..<end]).trimmingSpacesAndPunctuation
      if Self.isNHSNumber(digits) {
        found.append((.nhsNumber, match))
      } else if Self.isUKPhone(digits) {
        found.append((.phone, match))
      }
      index = max(end, index + 1)
    }
    for word in text.split(whereSeparator: {
      $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")"
    }) {
      let token = String(word).trimmingSpacesAndPunctuation
      if Self.isEmail(token) { found.append((.email, token)) }
    }
    found += Self.postcodes(in: characters).map { (.postcode, $0) }
    found += Self.datesOfBirth(in: text).map { (.dateOfBirth, $0) }
    let lower = text.lowercased()
    for name in names {
      let target = name.lowercased()
      var searchFrom = lower.startIndex
      while let range = lower[searchFrom...].firstRange(of: target) {
        let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
        let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
        if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) {
          found.append((.name, name))
          break
        }
        searchFrom = range.upperBound
      }
    }
    return found
  }

  /// Ten digits whose check digit passes the NHS modulus 11 algorithm.
  public static func isNHSNumber(_ digits: String) -> Bool {
    let values = digits.compactMap { $0.wholeNumberValue }
    guard values.count == 10, digits.count == 10 else { return false }
    var total = 0
    for (index, value) in values.prefix(9).enumerated() { total += value * (10 - index) }
    var check = 11 - total % 11
    if check == 11 { check = 0 }
    return check != 10 && check == values[9]
  }

  /// A UK phone number: 11 digits starting 01, 02, 03, 07 or 08, or +44 followed by 10 digits.
  static func isUKPhone(_ digits: String) -> Bool {
    if digits.hasPrefix("+44") {
      let rest = digits.dropFirst(3)
      return rest.count == 10 && rest.allSatisfy(\.isNumber)
    }
    guard digits.count == 11, digits.allSatisfy(\.isNumber), digits.hasPrefix("0") else { return false }
    return ["01", "02", "03", "07", "08"].contains { digits.hasPrefix($0) }
  }

  static func isEmail(_ token: String) -> Bool {
    let parts = token.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
      !parts[1].hasSuffix(".")
    else {
      return false
    }
    return parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
  }

  /// UK postcodes: outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code (9AA).
  static func postcodes(in characters: [Character]) -> [String] {
    var found: [String] = []
    func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter && c.isUppercase }
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    let outwardShapes = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"]
    var index = 0
    while index < characters.count {
      if index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber) {
        index += 1
        continue
      }
      var matched = false
      for shape in outwardShapes.sorted(by: { $0.count > $1.count }) {
        let end = index + shape.count
        guard end + 4 <= characters.count else { continue }
        let outward = characters[index..<end]
        let fits = zip(outward, shape).allSatisfy { c, s in s == "A" ? isLetter(c) : isDigit(c) }
        guard fits, characters[end] == " " else { continue }
        let inward = characters[(end + 1)..<(end + 4)]
        let inwardFits =
          isDigit(inward[inward.startIndex]) && isLetter(inward[inward.startIndex + 1])
          && isLetter(inward[inward.startIndex + 2])
        let boundary =
          end + 4 == characters.count || !(characters[end + 4].isLetter || characters[end + 4].isNumber)
        if inwardFits && boundary {
          found.append(String(characters[index..<(end + 4)]))
          index = end + 4
          matched = true
          break
        }
      }
      if !matched { index += 1 }
    }
    return found
  }

  /// "DOB 12/03/2015", "date of birth: 12 March 2015", "born on 2015-03-12", "d.o.b. 12.3.15".
  static func datesOfBirth(in text: String) -> [String] {
    let lower = text.lowercased()
    var found: [String] = []
    for cue in ["date of birth", "d.o.b", "dob", "born on", "born"] {
      var searchFrom = lower.startIndex
      while let range = lower[searchFrom...].firstRange(of: cue) {
        searchFrom = range.upperBound
        if range.lowerBound > lower.startIndex, lower[lower.index(before: range.lowerBound)].isLetter {
          continue
        }
        let skippable: Set<Character> = [":", " ", ".", "-", "i", "s", "n", "o"]
        let rest = lower[range.upperBound...].drop { skippable.contains($0) }
        let window = String(rest.prefix(20))
        // A date: digits with separators, or a day followed by a month name.
        let dateCharacters: Set<Character> = ["/", ".", "-", " "]
        let digits = window.prefix { $0.isNumber || dateCharacters.contains($0) }
        let digitCount = digits.filter { $0.isNumber }.count
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let startsWithDigit = window.first?.isNumber == true
        let hasMonthName = startsWithDigit && months.contains { window.contains($0) }
        if digitCount >= 6 || hasMonthName {
          found.append(String(lower[range.lowerBound...].prefix(cue.count + 20)).trimmingSpacesAndPunctuation)
          break
        }
      }
      if !found.isEmpty { break }
    }
    return found
  }
}

extension String {
  var trimmingSpacesAndPunctuation: String {
    let drop: (Character) -> Bool = {
      $0 == " " || $0 == "." || $0 == "," || $0 == ";" || $0 == ":" || $0 == ")" || $0 == "(" || $0 == "\n"
    }
    var text = Substring(self)
    while let first = text.first, drop(first) { text = text.dropFirst() }
    while let last = text.last, drop(last) { text = text.dropLast() }
    return String(text)
  }

  /// The text with all but its first two and last two characters masked.
  public var masked: String {
    guard count > 4 else { return String(repeating: "•", count: count) }
    return String(prefix(2)) + String(repeating: "•", count: count - 4) + String(suffix(2))
  }
}

extension Tracker {
  /// Personal data in the store's free text (one review's only, when given): one error
  /// diagnostic for each piece, at its JSON path (`reviews[2].findings[0].text`), masked.
  public func personalData(review: String? = nil) -> [Diagnostic] {
    let scanner = PersonalDataScanner(names: partnership.privacy?.names ?? [])
    return freeTextFields(review: review).flatMap { field in
      scanner.scan(field.text).map {
        Diagnostic.personalData($0.kind, excerpt: $0.match.masked, at: DiagnosticPlace(path: field.path))
      }
    }
  }
}
