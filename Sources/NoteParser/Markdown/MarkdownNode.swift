/// An immutable node of the cmark-gfm tree of a note's body, with its source range.
///
/// A class, so that walking the tree shares nodes instead of copying them.
public final class MarkdownNode: Sendable {
    public enum Kind: String, Sendable, Codable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, footnoteDefinition, table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
        case link, image, footnoteReference, strikethrough, taskItem, unknown
    }

    public let kind: Kind
    /// The source range, when cmark-gfm reports one.
    public let range: SourceRange?
    /// Text of text, code, code blocks and HTML.
    public let literal: String?
    /// Destination of links and images.
    public let url: String?
    /// Heading level (1-6); 0 elsewhere.
    public let headingLevel: Int
    /// Info string of fenced code blocks.
    public let fenceInfo: String?
    public let children: [MarkdownNode]

    public init(kind: Kind, range: SourceRange?, literal: String? = nil, url: String? = nil,
                headingLevel: Int = 0, fenceInfo: String? = nil, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.literal = literal
        self.url = url
        self.headingLevel = headingLevel
        self.fenceInfo = fenceInfo
        self.children = children
    }

    /// The concatenated text of this node's text and code descendants.
    public var plainText: String {
        if let literal, kind == .text || kind == .code { return literal }
        return children.map(\.plainText).joined(separator: kind == .softBreak ? " " : "")
    }
}
