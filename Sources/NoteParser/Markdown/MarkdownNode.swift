/// The cmark-gfm tree of a note's body: immutable, stored flat in document order (each node
/// followed by its descendants), with the text of all nodes in one byte buffer.
public final class MarkdownTree: Sendable {
    /// One node, packed small: a vault has millions of them.
    struct Entry: Sendable {
        let kind: MarkdownNode.Kind
        let headingLevel: UInt8
        /// Index of the parent; -1 for the root.
        let parent: Int32
        /// One past the index of the last descendant.
        var end: UInt32
        /// The source range; line 0 when cmark-gfm reports none.
        let startLine, startColumn, startOffset, endLine, endColumn, endOffset: UInt32
        /// The literal (text, code, code blocks, HTML) in `text`; `UInt32.max` for none.
        let literalStart, literalEnd: UInt32
        /// The destination (links, images) or info string (fenced code blocks) in `text`.
        let extraStart, extraEnd: UInt32

        static let none = UInt32.max

        init(kind: MarkdownNode.Kind, range: SourceRange?, headingLevel: Int, parent: Int, end: Int,
             literal: Range<Int>?, extra: Range<Int>?) {
            self.init(kind: kind, headingLevel: UInt8(headingLevel), parent: Int32(parent), end: UInt32(end),
                      start: (UInt32(range?.start.line ?? 0), UInt32(range?.start.column ?? 0), UInt32(range?.start.offset ?? 0)),
                      end: (UInt32(range?.end.line ?? 0), UInt32(range?.end.column ?? 0), UInt32(range?.end.offset ?? 0)),
                      literal: (literal.map { UInt32($0.lowerBound) } ?? Self.none, literal.map { UInt32($0.upperBound) } ?? Self.none),
                      extra: (extra.map { UInt32($0.lowerBound) } ?? Self.none, extra.map { UInt32($0.upperBound) } ?? Self.none))
        }

        /// An entry from its stored fields: positions as (line, column, offset), line 0 for
        /// none; text ranges as (start, end), `none` for none.
        init(kind: MarkdownNode.Kind, headingLevel: UInt8, parent: Int32, end: UInt32,
             start: (UInt32, UInt32, UInt32), end rangeEnd: (UInt32, UInt32, UInt32),
             literal: (UInt32, UInt32), extra: (UInt32, UInt32)) {
            self.kind = kind
            self.headingLevel = headingLevel
            self.parent = parent
            self.end = end
            (startLine, startColumn, startOffset) = start
            (endLine, endColumn, endOffset) = rangeEnd
            (literalStart, literalEnd) = literal
            (extraStart, extraEnd) = extra
        }

        var range: SourceRange? {
            guard startLine > 0 else { return nil }
            return SourceRange(start: SourcePosition(line: Int(startLine), column: Int(startColumn), offset: Int(startOffset)),
                               end: SourcePosition(line: Int(endLine), column: Int(endColumn), offset: Int(endOffset)))
        }

        var literal: Range<Int>? { literalStart == Self.none ? nil : Int(literalStart)..<Int(literalEnd) }
        var extra: Range<Int>? { extraStart == Self.none ? nil : Int(extraStart)..<Int(extraEnd) }
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
    public var headingLevel: Int { Int(entry.headingLevel) }
    /// Info string of fenced code blocks.
    public var fenceInfo: String? { kind == .codeBlock ? tree.string(entry.extra) : nil }

    /// The parent node; nil for the document.
    public var parent: MarkdownNode? { entry.parent < 0 ? nil : MarkdownNode(tree: tree, index: Int(entry.parent)) }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var found: [MarkdownNode] = []
        var child = index + 1
        while child < Int(entry.end) {
            found.append(MarkdownNode(tree: tree, index: child))
            child = Int(tree.entries[child].end)
        }
        return found
    }

    /// How many ancestors of this node are of `kind`.
    public func ancestorCount(of kind: Kind) -> Int {
        var count = 0
        var current = Int(entry.parent)
        while current >= 0 {
            if tree.entries[current].kind == kind { count += 1 }
            current = Int(tree.entries[current].parent)
        }
        return count
    }

    /// The concatenated text of this node's text and code descendants.
    public var plainText: String { withPlainTextBytes { String(decoding: $0, as: UTF8.self) } }

    /// `body` given the bytes of `plainText`. Most headings and links hold one text node: its
    /// literal is passed in place, without a copy into a buffer first.
    func withPlainTextBytes<Result>(_ body: (ArraySlice<UInt8>) -> Result) -> Result {
        var first: Range<Int>?
        var bytes: [UInt8]?
        for position in index..<Int(entry.end) {
            let node = tree.entries[position]
            guard node.kind == .text || node.kind == .code, let literal = node.literal else { continue }
            if bytes != nil {
                bytes!.append(contentsOf: tree.text[literal])
            } else if let earlier = first {
                bytes = Array(tree.text[earlier]) + tree.text[literal]
            } else {
                first = literal
            }
        }
        if let bytes { return body(bytes[...]) }
        return body(first.map { tree.text[$0] } ?? [])
    }
}
