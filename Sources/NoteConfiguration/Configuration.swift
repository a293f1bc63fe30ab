import NoteParser

/// The settings in a `.notekit.yml`, merged with the files it extends and its parent folders'
/// (`ConfigurationLoader`): presets, rule severities, ignored paths, collection schemas,
/// callout types, resource limits.
public struct Configuration: Sendable {
    /// A rule's configured level.
    public enum Level: String, Sendable, Decodable { case off, warning, error }

    /// The settings, held once for all copies: a note's context, the loader's caches and the
    /// linter's lists each hold the configuration of many notes, and a copy of the fields
    /// themselves would retain (and its end release) each of their arrays, dictionaries and strings.
    private var box = Box(Fields())

    /// What a configuration holds: changed only on a copy (`update`), never shared while changed.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Sendable {
        var presets: [String] = [Preset.recommended]
        var rules: [String: Level] = [:]
        var ruleOptions: [String: [String: String]] = [:]
        var ignore: [String] = []
        var collections: [NoteCollection] = []
        var calloutTypes: [String] = []
        var watch = WatchSettings()
        var site = SiteSettings()
        var limits = LintLimits()
        var root: String = "."
        var path: String?
        var generated: GeneratedValues = .system
    }

    /// Changes the fields of this configuration only (set once, as a configuration is read).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The presets extended, in order (`Preset`): style rules run when their style is among them.
    public var presets: [String] {
        get { box.fields.presets }
        set { update { $0.presets = newValue } }
    }
    /// Severity overrides by rule id.
    public var rules: [String: Level] {
        get { box.fields.rules }
        set { update { $0.rules = newValue } }
    }
    /// Rule options by rule id, then option name: the values as written, validated against the
    /// rules' declarations. Read them with `option(_:ofRule:)`.
    public var ruleOptions: [String: [String: String]] {
        get { box.fields.ruleOptions }
        set { update { $0.ruleOptions = newValue } }
    }
    /// Globs (relative to the vault root) of notes never linted.
    public var ignore: [String] {
        get { box.fields.ignore }
        set { update { $0.ignore = newValue } }
    }
    /// Collections in the order written; the first whose glob matches a note applies.
    public var collections: [NoteCollection] {
        get { box.fields.collections }
        set { update { $0.collections = newValue } }
    }
    /// Callout types accepted besides Obsidian's own.
    public var calloutTypes: [String] {
        get { box.fields.calloutTypes }
        set { update { $0.calloutTypes = newValue } }
    }
    /// What `notekit watch --fix` may write on save.
    public var watch: WatchSettings {
        get { box.fields.watch }
        set { update { $0.watch = newValue } }
    }
    /// What `notekit render --site` publishes.
    public var site: SiteSettings {
        get { box.fields.site }
        set { update { $0.site = newValue } }
    }
    /// Resource limits notes are parsed and reported within.
    public var limits: LintLimits {
        get { box.fields.limits }
        set { update { $0.limits = newValue } }
    }
    /// The vault root: the folder of the outermost configuration file of a nested chain (globs of
    /// files below it are stored relative to it).
    public var root: String {
        get { box.fields.root }
        set { update { $0.root = newValue } }
    }
    /// The configuration file nearest the note, when one was read.
    public var path: String? {
        get { box.fields.path }
        set { update { $0.path = newValue } }
    }
    /// Where fixes get generated values (new UUIDs, file creation dates); not read from the file.
    public var generated: GeneratedValues {
        get { box.fields.generated }
        set { update { $0.generated = newValue } }
    }

    public init() {}

    /// The collection of a vault-relative path.
    public func collection(for vaultPath: String) -> NoteCollection? {
        box.fields.collections.first { $0.paths.contains { Glob($0).matches(vaultPath) } }
    }

    /// The configured value of a rule's option, or its default.
    public func option<Value>(_ option: RuleOption<Value>, ofRule id: String) -> Value {
        option.value(box.fields.ruleOptions[id]?[option.declaration.name])
    }

    public func isIgnored(_ vaultPath: String) -> Bool { box.fields.ignore.contains { Glob($0).matches(vaultPath) } }

    /// The configured severity of a rule id, `default` when not configured, nil when off (as a
    /// style rule is when its style's preset is not extended). `style` is the rule's
    /// (`RuleCatalog.Rule.style`); NoteLint's `severity(ofRule:default:)` looks it up.
    public func severity(ofRule id: String, style: String?, default severity: Severity?) -> Severity? {
        switch box.fields.rules[id] {
        case .off: return nil
        case .warning: return .warning
        case .error: return .error
        case nil:
            guard let style else { return severity }
            return box.fields.presets.contains(style) ? severity : nil
        }
    }
}

/// A set of notes (by glob) and the front-matter schema they follow.
public struct NoteCollection: Sendable, Hashable {
    public var name: String
    public var paths: [String]
    /// Keys every note must have.
    public var required: [String] = []
    /// Known keys and their schema; keys not listed are unknown unless `allowUnknownKeys`.
    public var keys: [String: KeySchema] = [:]
    /// Known misspellings and old names → the key meant, e.g. `date modified: date_modified`.
    public var aliases: [String: String] = [:]
    public var allowUnknownKeys = false

    public init(name: String, paths: [String]) {
        self.name = name
        self.paths = paths
    }
}

/// What a front-matter key's value must look like.
public struct KeySchema: Sendable, Hashable, Decodable {
    public enum ValueType: String, Sendable, Decodable, CaseIterable {
        case string, date, datetime, uuid, version, url, `enum`, bool, number, list, tags
    }

    /// Case styles for tags.
    public enum TagCase: String, Sendable, Decodable, CaseIterable {
        case trainCase = "Train-Case", kebabCase = "kebab-case", lowercase, pascalCase = "PascalCase", any
    }

    public var type: ValueType
    /// Allowed values for `enum` (and, when given, for other scalar types).
    public var values: [String]?
    public var maxLength: Int?
    /// Number of dot-separated parts for `version`.
    public var parts: Int?
    /// Case style for `tags`.
    public var `case`: TagCase?

    public init(type: ValueType, values: [String]? = nil, maxLength: Int? = nil, parts: Int? = nil, case tagCase: TagCase? = nil) {
        self.type = type
        self.values = values
        self.maxLength = maxLength
        self.parts = parts
        self.case = tagCase
    }
}
