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

/// A Markdown link or image from the cmark-gfm tree. Its strings are made from the tree when
/// read: a lint run reads only the ranges of most links.
public struct MarkdownLink: Sendable, Encodable {
    /// The link's node in the note's tree.
    let node: MarkdownNode
    public let range: SourceRange

    public var destination: String { node.url ?? "" }
    public var text: String { node.plainText }
    public var isImage: Bool { node.kind == .image }

    enum CodingKeys: String, CodingKey { case destination, text, isImage, range }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(destination, forKey: .destination)
        try container.encode(text, forKey: .text)
        try container.encode(isImage, forKey: .isImage)
        try container.encode(range, forKey: .range)
    }
}

/// A heading; its plain text is made from the tree when read (a lint run reads only whether it
/// opens a citation section, and where it is).
public struct Heading: Sendable, Encodable {
    /// The heading's node in the note's tree.
    let node: MarkdownNode
    public let range: SourceRange
    /// `### Citations`, `# Sources`, `# Footnotes`, `## References`.
    public let isCitationSection: Bool

    public var level: Int { node.headingLevel }
    public var text: String { node.plainText }

    enum CodingKeys: String, CodingKey { case level, text, range, isCitationSection }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(text, forKey: .text)
        try container.encode(range, forKey: .range)
        try container.encode(isCitationSection, forKey: .isCitationSection)
    }
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
