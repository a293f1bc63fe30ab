/// Every rule notekit knows, in documentation order.
public enum RuleRegistry {
    public static let ruleTypes: [any Rule.Type] = frontMatterRules + citationRules + calloutRules + linkRules + bodyRules

    // Front matter
    static let frontMatterRules: [any Rule.Type] = [
        FrontMatterMissingRule.self,
        FrontMatterInvalidYAMLRule.self,
        FrontMatterSecondBlockRule.self,
        FrontMatterDuplicateKeyRule.self,
        FrontMatterUnknownKeyRule.self,
        FrontMatterRequiredRule.self,
        FrontMatterEmptyValueRule.self,
        FrontMatterTypeRule.self,
        FrontMatterDateOrderRule.self,
        FrontMatterUUIDRule.self,
        FrontMatterDuplicateUUIDRule.self,
        FrontMatterTagsStyleRule.self,
        FrontMatterTagVariantsRule.self,
        FrontMatterURLRule.self,
        FrontMatterTemplatePlaceholderRule.self,
    ]

    // Citations
    static let citationRules: [any Rule.Type] = [
        CitationUndefinedRule.self,
    ]

    // Callouts
    static let calloutRules: [any Rule.Type] = [
    ]

    // Links
    static let linkRules: [any Rule.Type] = [
    ]

    // Body
    static let bodyRules: [any Rule.Type] = [
    ]

    /// One instance of every rule.
    public static var rules: [any Rule] { ruleTypes.map { $0.init() } }

    public static var ids: [String] { ruleTypes.map { $0.description.id } }

    private static let byID: [String: RuleDescription] = Dictionary(
        uniqueKeysWithValues: ruleTypes.map { ($0.description.id, $0.description) })

    public static func description(of id: String) -> RuleDescription? { byID[id] }
}
