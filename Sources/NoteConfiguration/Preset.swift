/// A named set of rules a configuration extends (`extends: [recommended, research-vault]`).
///
/// `recommended` is the correctness rules at their default severities: the base of every
/// configuration, so naming it only says so. Each style preset (`research-vault`) turns on the
/// rules of its style (`RuleCatalog.Rule.style`) at their default severities; the styles come
/// from the rules (`RuleCatalog.presets`).
public enum Preset {
    public static let recommended = "recommended"
}
