/// An Obsidian wikilink `[[target#heading|alias]]` or embed `![[target]]`.
public struct Wikilink: Sendable, Encodable {
    /// The note path or name, without heading and alias.
    public let target: String
    public let heading: String?
    public let alias: String?
    public let isEmbed: Bool
    /// The whole link, `!` included for embeds.
    public let range: SourceRange
    /// Inside a table, where the alias pipe is written `\|`.
    public let inTable: Bool
}

/// A Markdown link or image from the cmark-gfm tree.
public struct MarkdownLink: Sendable, Encodable {
    public let destination: String
    public let text: String
    public let isImage: Bool
    public let range: SourceRange
}

/// A heading with its plain text.
public struct Heading: Sendable, Encodable {
    public let level: Int
    public let text: String
    public let range: SourceRange
    /// `### Citations`, `# Sources`, `# Footnotes`, `## References`.
    public let isCitationSection: Bool
}

/// A thematic break and the character it is drawn with (`*`, `-` or `_`).
public struct ThematicBreak: Sendable, Encodable {
    public let marker: String
    public let range: SourceRange
}

/// A line holding only a URL.
public struct BareURL: Sendable, Encodable {
    public let url: String
    public let range: SourceRange
}
