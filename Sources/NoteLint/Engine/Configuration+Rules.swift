import NoteConfiguration

/// Configuration as lint reads it: files checked against the registered rules
/// (`RuleRegistry.catalog`), presets named after their styles, severities by each rule's style.
extension ConfigurationLoader {
    /// A loader checking files against the registered rules (`init(path:defaultRoot:rules:)`).
    public convenience init(path: String? = nil, defaultRoot: String? = nil) throws(ConfigurationError) {
        try self.init(path: path, defaultRoot: defaultRoot, rules: RuleRegistry.catalog)
    }

    /// Reads and validates one configuration file and the files it extends (not its parent folders').
    public static func read(_ path: String) throws(ConfigurationError) -> Configuration {
        try read(path, rules: RuleRegistry.catalog)
    }

    /// Parses configuration text; `path` names it in errors and is where `extends` paths start.
    public static func parse(_ text: String, path: String = fileName) throws(ConfigurationError) -> Configuration {
        try parse(text, path: path, rules: RuleRegistry.catalog)
    }
}

extension Preset {
    /// Every preset name: `recommended`, then the styles of the registered rules.
    public static var names: [String] { RuleRegistry.catalog.presets }

    /// The named styles of the registered rules, in documentation order.
    public static var styles: [String] { RuleRegistry.catalog.styles }
}

extension Configuration {
    /// The configured severity of a registered rule, `default` when not configured, nil when off
    /// (as a style rule is when its style's preset is not extended).
    public func severity(ofRule id: String, default severity: Severity?) -> Severity? {
        self.severity(ofRule: id, style: RuleRegistry.catalog.rule(id)?.style, default: severity)
    }
}
