/// Configurations compare and hash by what they read from their files (presets, rules, rule
/// options, ignore, collections, callout types, limits, watch settings), their vault root and file: the effective
/// configuration after `extends` and parent folders, so a cache can key lint results by it.
/// `generated` (where fixes get new values, not read from any file) is left out.
extension Configuration: Hashable {
    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.presets == rhs.presets && lhs.rules == rhs.rules && lhs.ruleOptions == rhs.ruleOptions && lhs.ignore == rhs.ignore
            && lhs.collections == rhs.collections && lhs.calloutTypes == rhs.calloutTypes && lhs.limits == rhs.limits && lhs.watch == rhs.watch && lhs.root == rhs.root && lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(presets)
        hasher.combine(rules)
        hasher.combine(ruleOptions)
        hasher.combine(ignore)
        hasher.combine(collections)
        hasher.combine(calloutTypes)
        hasher.combine(limits)
        hasher.combine(watch)
        hasher.combine(root)
        hasher.combine(path)
    }
}
