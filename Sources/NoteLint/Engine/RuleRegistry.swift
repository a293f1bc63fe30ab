/// Every rule notekit knows, in documentation order.
public enum RuleRegistry {
    public static let ruleTypes: [any Rule.Type] = frontMatterRules + citationRules + calloutRules + linkRules + bodyRules + suppressionRules

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
        FrontMatterURLQuotesRule.self,
        FrontMatterTemplatePlaceholderRule.self,
    ]

    // Citations
    static let citationRules: [any Rule.Type] = [
        CitationUndefinedRule.self,
        CitationUnusedRule.self,
        CitationDuplicateDefinitionRule.self,
        CitationMissingColonRule.self,
        CitationCorruptedLabelRule.self,
        CitationMalformedRule.self,
        CitationLegacyNumericRule.self,
        CitationInTableRule.self,
        CitationDateMismatchRule.self,
        CitationSameSourceSeveralIDsRule.self,
        CitationIDConflictRule.self,
        CitationPlacementRule.self,
        CitationScatteredDefinitionsRule.self,
    ]

    // Callouts
    static let calloutRules: [any Rule.Type] = [
        CalloutUnknownTypeRule.self,
        CalloutQueryIncompleteRule.self,
        CalloutEmptyRule.self,
        CalloutLazyContinuationRule.self,
    ]

    // Links
    static let linkRules: [any Rule.Type] = [
        LinkUnresolvedWikilinkRule.self,
        LinkAmbiguousWikilinkRule.self,
        LinkMissingEmbedRule.self,
    ]

    // Body
    static let bodyRules: [any Rule.Type] = [
        BodyThematicBreakRule.self,
    ]

    // Suppressions
    static let suppressionRules: [any Rule.Type] = [
        SuppressionUnknownDirectiveRule.self,
        SuppressionUnknownRuleRule.self,
        SuppressionUnusedRule.self,
    ]

    /// One instance of every rule.
    public static var rules: [any Rule] { ruleTypes.map { $0.init() } }

    public static let ids: [String] = ruleTypes.map { $0.description.id }

    private static let byID: [String: RuleDescription] = Dictionary(
        uniqueKeysWithValues: ruleTypes.map { ($0.description.id, $0.description) })

    public static func description(of id: String) -> RuleDescription? { byID[id] }

    /// What configuration decoding checks `.notekit.yml` against: each rule's id, style and options.
    public static let catalog = RuleCatalog(ruleTypes.map {
        RuleCatalog.Rule(id: $0.description.id, style: $0.description.category.style, options: $0.description.options)
    })
}
