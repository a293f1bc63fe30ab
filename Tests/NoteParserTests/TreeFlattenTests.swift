import CCmarkGFM
import Foundation
import Testing
@testable import NoteParser

/// The tree converter (`notekit_tree_flatten`, in C) makes the entries a converter written on
/// cmark-gfm's public API makes: the nodes cmark-gfm's iterator enters, their kinds, parents,
/// subtree ends, heading levels, ranges placed with `SourceText`, and strings.
@Suite struct TreeFlattenTests {
    /// One node as the reference converter sees it.
    private struct Node: Equatable {
        var kind: MarkdownNode.Kind
        var headingLevel: Int
        var parent: Int
        var end: Int
        var range: SourceRange?
        var literal: String?
        var extra: String?
    }

    @Test(arguments: NodeWalkTests.documents + [
        "line one\nlast line without newline *em*",
        "```\nunclosed fence\n\n",
        "# Heading  \n\n***\n\n[^a]: def\n\n<http://example.org> www.example.org &amp; &copy;\n",
        "\n\n- a\n\n  > b\n  > c\n- d\r\n",
    ])
    func sameAsPublicAPIConverter(markdown: String) {
        for maxDepth in [0, 1, 3, 256] { compare(Array(markdown.utf8), maxDepth: maxDepth, label: markdown) }
    }

    @Test(.enabled(if: Fixture.corpusExists, "../shared/corpus is absent: corpus trees not compared"))
    func sameAsPublicAPIConverterOnTheCorpus() throws {
        for path in NoteFiles.collect([Fixture.corpus]).files {
            let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
            compare(bytes, maxDepth: 256, label: path)
        }
    }

    /// Documents of pieces drawn by a fixed generator: headings holding code, HTML and links,
    /// nested lists and quotes, tables, code, footnotes, non-ASCII text, CRLF, a last line
    /// without newline; each with and without literals, at full and at small depths.
    @Test func sameAsPublicAPIConverterOnGeneratedDocuments() {
        let pieces = [
            "# Heading with `code`, <b>html</b> and *em*\n", "## Sources\n", "Setext\n===\n", "\n", "***\n",
            "text [link](http://x.y \"t\") ![img](a.png) <https://auto.link>\n", "- item\n  - nested [[wiki]]\n    > quoted\n",
            "> [!note] Title\n> body\n", "```js\ncode\n```\n", "    indented code\n", "<div>\nhtml\n</div>\n",
            "| a | b |\n|---|---|\n| 1 | `2` |\n", "Ünïcödé — “quotes” 😀\n", "line\r\nCRLF line\r\n",
            "[^1]: footnote\n", "text[^1] ~~strike~~ www.example.com\n", "1. one\n2. two\n", "# ### [a](b) heading ![x](y)\n",
            "trailing without newline",
        ]
        // A linear congruential generator: the same documents on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let markdown = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            for maxDepth in [256, 2] { compare(Array(markdown.utf8), maxDepth: maxDepth, label: markdown) }
        }
    }

    /// The tree with and without literals against the reference's: without them, only the text
    /// and code under a heading keep theirs, and no node its destination or info string.
    private func compare(_ bytes: [UInt8], maxDepth: Int, label: String) {
        let source = SourceText(bytes: bytes)
        let (expected, expectedTruncated) = reference(bytes, source: source, maxDepth: maxDepth)
        for literals in [true, false] {
            let (root, truncated) = CmarkParser.parse(bytes[...], afterBlankLines: 0, source: source, maxDepth: maxDepth, literals: literals)
            let tree = root.tree
            let converted = tree.entries.map {
                Node(kind: $0.kind, headingLevel: Int($0.headingLevel), parent: Int($0.parent), end: Int($0.end), range: $0.range,
                     literal: tree.string($0.literal), extra: tree.string($0.extra))
            }
            let wanted = literals ? expected : expected.map { node in
                var node = node
                var ancestor = node.parent, underHeading = false
                while ancestor >= 0, !underHeading {
                    underHeading = expected[ancestor].kind == .heading
                    ancestor = expected[ancestor].parent
                }
                if !(underHeading && (node.kind == .text || node.kind == .code)) { node.literal = nil }
                node.extra = nil
                return node
            }
            #expect(converted.count == wanted.count, "\(label)")
            for (index, (got, want)) in zip(converted, wanted).enumerated() where got != want {
                Issue.record("\(label) (depth \(maxDepth), literals \(literals)), node \(index): \(got) != \(want)")
                break
            }
            #expect(truncated == expectedTruncated, "\(label)")
        }
    }

    /// The entries of `bytes`' tree read with cmark-gfm's public API, recursively.
    private func reference(_ bytes: [UInt8], source: SourceText, maxDepth: Int) -> ([Node], SourceRange?) {
        guard let parser = cmark_parser_new(CmarkParser.options) else { return ([], nil) }
        defer { cmark_parser_free(parser) }
        for ext in CmarkParser.extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return ([], nil) }
        defer { cmark_node_free(document) }
        var nodes: [Node] = []
        var truncated: SourceRange?
        func visit(_ node: OpaquePointer, parent: Int, depth: Int) {
            let index = nodes.count
            let kind = kind(of: node)
            nodes.append(Node(kind: kind, headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0, parent: parent,
                              end: index + 1, range: range(of: node, source: source),
                              literal: [.text, .code, .htmlBlock, .htmlInline, .codeBlock].contains(kind) ? string(cmark_node_get_literal(node)) : nil,
                              extra: kind == .codeBlock ? string(cmark_node_get_fence_info(node))
                                  : kind == .link || kind == .image ? string(cmark_node_get_url(node)) : nil))
            guard var child = cmark_node_first_child(node) else { return }
            guard depth < maxDepth else {
                truncated = truncated ?? nodes[index].range ?? source.range(0..<0)
                return
            }
            while true {
                visit(child, parent: index, depth: depth + 1)
                guard let next = cmark_node_next(child) else { break }
                child = next
            }
            nodes[index].end = nodes.count
        }
        visit(document, parent: -1, depth: 0)
        return (nodes, truncated)
    }

    private func string(_ text: UnsafePointer<CChar>?) -> String { text.map { String(cString: $0) } ?? "" }

    /// cmark's positions placed on `source`: its lines and columns (the end column inclusive,
    /// 0 for the end of the previous line) as offsets, and the offsets as positions.
    private func range(of node: OpaquePointer, source: SourceText) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node)), endLine = Int(cmark_node_get_end_line(node))
        guard startLine > 0, endLine >= startLine else { return nil }
        let start = source.offset(line: startLine, column: Int(cmark_node_get_start_column(node)))
        let endColumn = Int(cmark_node_get_end_column(node))
        let end = endColumn == 0 ? source.lineStarts[min(endLine, source.lineCount) - 1]
            : min(source.offset(line: endLine, column: endColumn) + 1, source.lineEnd(endLine))
        let startPosition = source.position(at: start, onLine: startLine)
        return SourceRange(start: startPosition,
                           end: end > start ? source.position(at: end, onLine: min(endLine, source.lineCount)) : startPosition)
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: .footnoteDefinition
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: .footnoteReference
        default:
            switch cmark_node_get_type_string(node).map({ String(cString: $0) }) {
            case "table": .table
            case "table_row", "table_header": .tableRow
            case "table_cell": .tableCell
            case "strikethrough": .strikethrough
            default: .unknown
            }
        }
    }
}
