/// The cmark-gfm tree of a note's body: immutable, stored flat in document order (each node
/// followed by its descendants), with the text of all nodes in one byte buffer.
public final class MarkdownTree: Sendable {
    struct Entry: Sendable {
        let kind: MarkdownNode.Kind
        let range: SourceRange?
        let headingLevel: Int
        /// Index of the parent; -1 for the root.
        let parent: Int
        /// One past the index of the last descendant.
        var end: Int
        /// The literal (text, code, code blocks, HTML) in `text`.
        let literal: Range<Int>?
        /// The destination (links, images) or info string (fenced code blocks) in `text`.
        let extra: Range<Int>?
    }

    let entries: [Entry]
    let text: [UInt8]

    init(entries: [Entry], text: [UInt8]) {
        self.entries = entries
        self.text = text
    }

    /// The document node.
    public var root: MarkdownNode { MarkdownNode(tree: self, index: 0) }

    func string(_ range: Range<Int>?) -> String? {
        range.map { String(decoding: text[$0], as: UTF8.self) }
    }
}

/// A node of a `MarkdownTree`, with its source range.
public struct MarkdownNode: Sendable {
    public enum Kind: String, Sendable, Codable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, footnoteDefinition, table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
        case link, image, footnoteReference, strikethrough, taskItem, unknown
    }

    let tree: MarkdownTree
    let index: Int

    private var entry: MarkdownTree.Entry { tree.entries[index] }

    public var kind: Kind { entry.kind }
    /// The source range, when cmark-gfm reports one.
    public var range: SourceRange? { entry.range }
    /// Text of text, code, code blocks and HTML.
    public var literal: String? { tree.string(entry.literal) }
    /// Destination of links and images.
    public var url: String? { kind == .link || kind == .image ? tree.string(entry.extra) : nil }
    /// Heading level (1-6); 0 elsewhere.
    public var headingLevel: Int { entry.headingLevel }
    /// Info string of fenced code blocks.
    public var fenceInfo: String? { kind == .codeBlock ? tree.string(entry.extra) : nil }

    /// The parent node; nil for the document.
    public var parent: MarkdownNode? { entry.parent < 0 ? nil : MarkdownNode(tree: tree, index: entry.parent) }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var found: [MarkdownNode] = []
        var child = index + 1
        while child < entry.end {
            found.append(MarkdownNode(tree: tree, index: child))
            child = tree.entries[child].end
        }
        return found
    }

    /// How many ancestors of this node are of `kind`.
    public func ancestorCount(of kind: Kind) -> Int {
        var count = 0
        var current = entry.parent
        while current >= 0 {
            if tree.entries[current].kind == kind { count += 1 }
            current = tree.entries[current].parent
        }
        return count
    }

    /// The concatenated text of this node's text and code descendants.
    public var plainText: String {
        var bytes: [UInt8] = []
        for position in index..<entry.end {
            let node = tree.entries[position]
            if node.kind == .text || node.kind == .code, let literal = node.literal { bytes += tree.text[literal] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
