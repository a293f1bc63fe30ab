import NoteParser

/// How closely a vault already follows a named style: of the notes that express a choice the
/// style rules judge (tags, thematic breaks or citations), how many have no finding of the style's
/// rules. `notekit init` extends the style's preset when at least `threshold` of them do.
public struct StyleInference: Sendable {
    /// The share of choosing notes that must follow a style for `init` to turn it on.
    public static let threshold = 0.8

    public let style: String
    /// Notes with tags, thematic breaks or citations.
    public let choosing: Int
    /// Those of them without a finding of the style's rules.
    public let following: Int

    /// Whether the vault follows the style: at least `threshold` of at least one choosing note.
    public var isFollowed: Bool { choosing > 0 && Double(following) >= Self.threshold * Double(choosing) }

    /// Measures `style` on notes keyed by their path relative to the vault root.
    public init(style: String, notes: [(vaultPath: String, note: Note)]) {
        var configuration = Configuration()
        configuration.presets.append(style)
        configuration.generated = .examples
        let rules = RuleRegistry.rules.filter { type(of: $0).description.category.style == style }
        let contexts = notes.map { NoteContext(note: $0.note, vaultPath: $0.vaultPath, configuration: configuration) }
        let flagged = Set(Linter(rules: rules).lint(contexts, vaultFiles: notes.map(\.vaultPath)).map(\.path))
        let choosing = notes.map(\.note).filter(Self.expressesChoice)
        self.style = style
        self.choosing = choosing.count
        following = choosing.count { !flagged.contains($0.path) }
    }

    /// A note with tags, a thematic break or a citation: one whose form the style can judge.
    static func expressesChoice(_ note: Note) -> Bool {
        note.frontMatter?.entries.contains { $0.key == "tags" && $0.value != nil && $0.value != .null } == true
            || !note.thematicBreaks.isEmpty || !note.footnoteDefinitions.isEmpty || !note.legacyDefinitions.isEmpty
    }
}
