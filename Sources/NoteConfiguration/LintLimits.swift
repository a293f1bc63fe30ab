import NoteParser

/// Resource limits of a lint run, the `limits:` section of `.notekit.yml`.
public struct LintLimits: Sendable, Hashable {
    /// File size, YAML and Markdown limits the notes are parsed with.
    public var parser = NoteParser.Limits()
    /// Findings reported per file; the rest are counted in one `file/too-many-findings` finding.
    public var maxFindingsPerFile = 1_000

    public init() {}
}
