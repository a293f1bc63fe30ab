import NoteParser

/// Lints a rule's examples in memory: the engine behind the generic rule test and
/// `notekit explain`.
public struct ExampleRunner: Sendable {
    public let rule: any Rule

    public init(rule: any Rule) { self.rule = rule }

    /// A finding location: file and byte offset.
    public struct Mark: Hashable, Sendable, CustomStringConvertible {
        public let path: String
        public let offset: Int
        public var description: String { "\(path)@\(offset)" }
    }

    /// Removes `↓` markers; returns the clean text and the byte offsets the markers stood at.
    public static func stripMarkers(_ text: String) -> (text: String, offsets: [Int]) {
        var clean = ""
        var offsets: [Int] = []
        var remaining = text[...]
        while let marker = remaining.range(of: RuleExample.marker) {
            clean += remaining[..<marker.lowerBound]
            offsets.append(clean.utf8.count)
            remaining = remaining[marker.upperBound...]
        }
        clean += remaining
        return (clean, offsets)
    }

    /// The marks an example expects and the marks the rule produced.
    public func run(files: [(path: String, text: String)], configuration: String?) throws -> (expected: Set<Mark>, actual: [Mark], findings: [Finding]) {
        var expected = Set<Mark>()
        var clean: [(String, String)] = []
        for file in files {
            let (text, offsets) = Self.stripMarkers(file.text)
            expected.formUnion(offsets.map { Mark(path: file.path, offset: $0) })
            clean.append((file.path, text))
        }
        let findings = try lint(clean, configuration: configuration)
        return (expected, findings.map { Mark(path: $0.path, offset: $0.range.start.offset) }, findings)
    }

    /// Findings of this rule for marker-free files.
    public func lint(_ files: [(String, String)], configuration: String?) throws -> [Finding] {
        let config = try self.configuration(configuration)
        let parser = NoteParser()
        let contexts = try files.map { path, text in
            NoteContext(note: try parser.parse(bytes: Array(text.utf8), path: path), vaultPath: path, configuration: config)
        }
        // Every registered rule runs, so that suppressions know what they suppress.
        let description = type(of: rule).description
        let others = RuleRegistry.rules.filter { type(of: $0).description.id != description.id }
        return Linter(rules: [rule] + others).lint(contexts, vaultFiles: files.map(\.0)).filter { $0.ruleID == description.id }
    }

    /// The configuration examples run with: `text` (YAML) if any, at root `.`, with this rule on.
    public func configuration(_ text: String?) throws -> Configuration {
        var config = try text.map { try ConfigurationLoader.parse($0) } ?? Configuration()
        config.root = "."
        config.generated = .examples
        let description = type(of: rule).description
        if config.rules[description.id] == nil, !description.isEnabledByDefault {
            config.rules[description.id] = Configuration.Level(rawValue: description.severity.rawValue)
        }
        // Examples run with every style's preset on, as `extends: [recommended, STYLE]` runs them:
        // a style rule's own, and suppression examples that name a style rule.
        for style in Preset.styles where !config.presets.contains(style) { config.presets.append(style) }
        return config
    }

    /// `before` with the fixes of this rule's findings applied: the safe ones, and the unsafe
    /// ones too when `unsafe`.
    public func correct(_ before: String, configuration: String?, unsafe: Bool = false) throws -> String {
        let edits = try lint([("note.md", before)], configuration: configuration).compactMap(\.fix)
            .filter { $0.applies(unsafe: unsafe) }.flatMap(\.edits)
        return String(decoding: try EditApplier.apply(edits, to: Array(before.utf8)), as: UTF8.self)
    }
}
