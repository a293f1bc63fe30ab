/// A named set of rules a configuration extends (`extends: [recommended, research-vault]`).
///
/// `recommended` is the correctness rules at their default severities: the base of every
/// configuration, so naming it only says so. Each style preset (`research-vault`) turns on the
/// rules of its style (`RuleDescription.Category.style`) at their default severities.
public enum Preset {
    public static let recommended = "recommended"

    /// Every preset name: `recommended`, then the styles of the registered rules.
    public static let names: [String] = [recommended] + styles

    /// The named styles of the registered rules, in documentation order.
    public static let styles: [String] = {
        var seen: [String] = []
        for type in RuleRegistry.ruleTypes {
            if let style = type.description.category.style, !seen.contains(style) { seen.append(style) }
        }
        return seen
    }()

    /// The style of each style rule, by rule id.
    static let styleByRule: [String: String] = Dictionary(uniqueKeysWithValues: RuleRegistry.ruleTypes.compactMap { type in
        type.description.category.style.map { (type.description.id, $0) }
    })
}
