import CCmarkGFM
import CmarkSupport
import Testing
@testable import NoteParser

/// `notekit_node_next` (the tree converter's walk) enters the nodes cmark's iterator enters,
/// in its order, and closes after each node the containers whose exit the iterator reports next.
@Suite struct NodeWalkTests {
    static let documents = [
        "",
        "plain",
        "# Heading\n\n> quote\n> > deeper\n>\n> back\n\n- a\n  - b\n    - c\n- \n\n1. one\n\n   two\n",
        "| a | b |\n| - | - |\n| 1 | ~~2~~ |\n\nText[^1] **strong *em* `code`** [link](https://example.org) ![i](x.png)\n\n[^1]: a note\n",
        "- [ ] task\n- [x] done\n\n```swift\ncode\n```\n\n<div>\nhtml\n</div>\n\n---\n\nline  \nbreak <b>inline</b>\n",
        String(repeating: "> ", count: 40) + "deep\n\nafter\n",
    ]

    /// Each entered node with the number of containers closed right after it.
    private typealias Step = (node: OpaquePointer, closed: Int)

    @Test(arguments: documents)
    func entersAsCmarksIterator(markdown: String) {
        guard let parser = cmark_parser_new(CmarkParser.options) else { Issue.record("no parser"); return }
        defer { cmark_parser_free(parser) }
        for ext in CmarkParser.extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = notekit_parser_finish(parser) else { Issue.record("no document"); return }
        defer { cmark_node_free(document) }

        var expected: [Step] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                expected.append((node, 0))
            } else if cmark_node_first_child(node) != nil {
                expected[expected.count - 1].closed += 1
            }
        }

        var walked: [Step] = []
        var next: OpaquePointer? = document
        while let node = next {
            var closed: Int32 = 0
            next = notekit_node_next(node, document, 0, &closed)
            walked.append((node, Int(closed)))
        }
        #expect(walked.map(\.node) == expected.map(\.node))
        #expect(walked.map(\.closed) == expected.map(\.closed))
    }

    /// `forEach(where:)` visits, in order, the nodes of the selected kinds that `forEach` visits,
    /// and `contains(where:)` says whether there is one, within the node's subtree only.
    @Test(arguments: documents)
    func selectedNodesAreThoseOfTheWholeWalk(markdown: String) throws {
        let body = try Fixture.note(markdown).body
        var subtrees: [MarkdownNode] = []
        body.forEach { subtrees.append($0) }
        for node in [body] + subtrees.filter({ $0.kind == .blockQuote || $0.kind == .paragraph }) {
            for kinds in [[MarkdownNode.Kind.text], [.blockQuote, .code], [.heading, .link, .table, .thematicBreak], [.footnoteReference]] {
                var all: [Int] = [], selected: [Int] = []
                node.forEach { if kinds.contains($0.kind) { all.append($0.index) } }
                node.forEach(where: { kinds.contains($0) }) { selected.append($0.index) }
                #expect(selected == all, "\(kinds) in \(node.kind)")
                #expect(node.contains(where: { kinds.contains($0) }) == !all.isEmpty, "\(kinds) in \(node.kind)")
            }
        }
    }

    /// `forEach(_:_:)` and `contains(_:)`, which compare one kind in the loop, against
    /// `forEach(where:)` and `contains(where:)` with that kind, for every kind, in every subtree
    /// of the documents above and of generated ones (empty, non-ASCII, CRLF, deep quotes).
    @Test func oneKindWalkMatchesTheSelectedWalk() throws {
        var generator = SplitMix64(seed: 18)
        let pieces = ["> ", "> > ", "- ", "1. ", "# ", "text ", "Ünïcødé ", "`code` ", "**strong** ", "[l](u) ", "[^1] ",
                      "\n", "\r\n", "\n\n", "```\ncode\n```\n", "| a | b |\n| - | - |\n| 1 | 2 |\n", "---\n", "<div>\n"]
        let generated = (0..<60).map { _ in
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        let kinds: [MarkdownNode.Kind] = [.document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
                                          .thematicBreak, .table, .tableRow, .tableCell, .text, .softBreak, .code, .strong,
                                          .link, .footnoteReference, .footnoteDefinition, .image, .unknown]
        for markdown in Self.documents + generated {
            let body = try Fixture.note(markdown).body
            var nodes: [MarkdownNode] = []
            body.forEach { nodes.append($0) }
            for node in nodes {
                for kind in kinds {
                    var expected: [Int] = [], walked: [Int] = []
                    node.forEach(where: { $0 == kind }) { expected.append($0.index) }
                    node.forEach(kind) { walked.append($0.index) }
                    #expect(walked == expected, "\(kind) in \(node.kind) of \(markdown.debugDescription)")
                    #expect(node.contains(kind) == node.contains(where: { $0 == kind }), "\(kind) in \(markdown.debugDescription)")
                }
            }
        }
    }

    @Test func skippedChildrenAreNotEntered() {
        guard let parser = cmark_parser_new(CmarkParser.options) else { Issue.record("no parser"); return }
        defer { cmark_parser_free(parser) }
        let markdown = "> a *b*\n\nafter\n"
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = notekit_parser_finish(parser) else { Issue.record("no document"); return }
        defer { cmark_node_free(document) }
        var closed: Int32 = -1
        guard let quote = notekit_node_next(document, document, 0, &closed) else { Issue.record("no quote"); return }
        #expect(cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE && closed == 0)
        // Past the quote's paragraph and inlines, to the next paragraph: nothing closed.
        guard let after = notekit_node_next(quote, document, 1, &closed) else { Issue.record("no paragraph"); return }
        #expect(cmark_node_get_type(after) == CMARK_NODE_PARAGRAPH && closed == 0)
        // After the last text, its paragraph and the document close.
        guard let text = notekit_node_next(after, document, 0, &closed) else { Issue.record("no text"); return }
        #expect(notekit_node_next(text, document, 0, &closed) == nil && closed == 2)
    }
}
