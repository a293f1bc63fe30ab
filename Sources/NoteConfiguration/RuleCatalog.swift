/// What reading a `.notekit.yml` must know of the rules: their ids (for `rules:` and
/// `watch.fix`), their options (to validate the long form of a rule's entry) and their styles
/// (the presets `extends` may name). NoteLint's `RuleRegistry.catalog` describes the
/// registered rules; a configuration is decoded against it.
public struct RuleCatalog: Sendable {
    /// One rule as configuration sees it.
    public struct Rule: Sendable {
        public let id: String
        /// The named style the rule belongs to (`research-vault`), nil for a correctness rule.
        public let style: String?
        public let options: [RuleOptionDeclaration]

        public init(id: String, style: String?, options: [RuleOptionDeclaration]) {
            self.id = id
            self.style = style
            self.options = options
        }
    }

    /// The rules' ids, in documentation order.
    public let ids: [String]
    /// The named styles of the rules, in documentation order.
    public let styles: [String]
    private let byID: [String: Rule]

    /// The catalogue of `rules`, given in documentation order.
    public init(_ rules: [Rule]) {
        ids = rules.map(\.id)
        var styles: [String] = []
        for style in rules.compactMap(\.style) where !styles.contains(style) { styles.append(style) }
        self.styles = styles
        byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every preset name: `recommended`, then the styles.
    public var presets: [String] { [Preset.recommended] + styles }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { byID[id] }
}
