import NoteParser

/// A note cleaned for publishing: house-style Markdown with one numbered sources section.
public struct CleanedNote: Sendable {
    /// The source note's path.
    public let path: String
    /// See `NoteRenderer.title(of:)`.
    public let title: String
    /// The kept front-matter entries, in the note's order.
    public let frontMatter: [(key: String, value: YAMLValue)]
    /// Sources in citation order.
    public let sources: [Source]
    /// The cleaned Markdown, front matter and sources section included.
    public let markdown: String
    /// Things the cleaning dropped that the writer may want to know about.
    public let warnings: [RenderWarning]
    /// The vault files (vault-relative paths) its images and links point at, to be copied
    /// into the output's asset folder.
    public let assets: [String]
}
