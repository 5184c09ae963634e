/// A count with its noun, singular for one: "1 open action", "2 open actions", "0 days",
/// "1 earlier case", "3 times". Give `pluralNoun` when adding "s" is wrong ("1 child", "2 children").
/// Every message, list and report writes counts through this, never "case(s)".
public func plural(_ count: Int, _ noun: String, _ pluralNoun: String? = nil) -> String {
  "\(count) " + (count == 1 ? noun : pluralNoun ?? noun + "s")
}
