import CCmarkGFM
import CmarkSupport
import Foundation
import Testing
@testable import NoteParser

/// consolidate.c's `cmark_consolidate_text_nodes` gives the tree cmark-gfm's own definition
/// gives: the same nodes, literals and source positions (cmark's XML with `sourcepos`), in the
/// arena and with cmark's default allocator.
@Suite struct ConsolidateTests {
    /// cmark's XML of `markdown`, merged by the library's definition or by consolidate.c's.
    private func xml(_ bytes: [UInt8], library: Bool, arena: Bool) -> String {
        notekit_consolidate_with_library(library ? 1 : 0)
        defer {
            notekit_consolidate_with_library(0)
            if arena { notekit_arena_reset() }
        }
        guard let parser = arena ? cmark_parser_new_with_mem(CmarkParser.options, notekit_arena_allocator())
                                 : cmark_parser_new(CmarkParser.options) else { return "no parser" }
        defer { cmark_parser_free(parser) }
        for ext in CmarkParser.extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = notekit_parser_finish(parser) else { return "no document" }
        defer { if !arena { cmark_node_free(document) } }
        // The second merge of a parse (autolink's postprocess) finds no run; merge on a subtree too.
        if let first = cmark_node_first_child(document) { cmark_consolidate_text_nodes(first) }
        // The XML comes from the tree's allocator: in the arena it goes with the tree.
        guard let rendered = cmark_render_xml(document, CMARK_OPT_SOURCEPOS) else { return "no xml" }
        defer { if !arena { free(rendered) } }
        return String(cString: rendered)
    }

    private func compare(_ markdown: String, label: String? = nil) {
        let bytes = Array(markdown.utf8)
        for arena in [true, false] {
            let expected = xml(bytes, library: true, arena: arena), actual = xml(bytes, library: false, arena: arena)
            #expect(actual == expected, "\(label ?? markdown.debugDescription), arena \(arena)")
        }
    }

    @Test(arguments: [
        "", "plain", "a*b_c~d w:e [f] ! g\\h &amp; &#1;", "[a [b] c] ![d] **e* _f__ ~~g~ ~h~~",
        "www.example.com and https://example.org/x_(y) x@y.z :: ww w.",
        "text[^1] [^missing] [^1]\n\n[^1]: note *a* [b] c\n",
        "| a [b] | c*d |\n| - | - |\n| e!f | g_h~i |\n",
        "> [!note] title [x]\n> body *y* z\n>> deeper [q\n\n- [ ] a [b\n  - c ]d\n",
        "`code` [x`y]` <b>h</b> <!-- c --> line  \nbreak\\\nhard\n",
        "Ünïcödé [é] — “q” 😀 [😀]\r\nCRLF [x\r\n",
        "[a]: http://x\n\n[a] [a][] [b][a] [c]\n",
    ])
    func sameTreeAsTheLibrary(markdown: String) {
        compare(markdown)
    }

    /// Documents drawn from pieces that split text nodes (brackets, delimiters, entities,
    /// escapes, autolink starts), in every container.
    @Test func sameTreeAsTheLibraryOnGeneratedDocuments() {
        let pieces = [
            "[", "]", "!", "*", "_", "~", "~~", "w", "www.a.bc", ":", "http://x.y", "\\*", "&amp;", "&#x1F600;", "<", ">",
            "`", "word", " ", "  ", "\n", "\n\n", "> ", "- ", "1. ", "# ", "| a | b |\n|---|---|\n| ", "[^1]", "[^1]: ",
            "é", "😀", "\r\n", "[x](y)", "![i](j)", "[[wiki]]", "\t", "***", "<b>",
        ]
        var generator = SplitMix64(seed: 0x00C0_FFEE)
        for _ in 0..<1_500 {
            let markdown = (0..<Int.random(in: 0..<40, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            compare(markdown)
        }
    }

    @Test(.enabled(if: Fixture.corpusExists, "../shared/corpus is absent: corpus trees not compared"))
    func sameTreeAsTheLibraryOnTheCorpus() throws {
        for path in NoteFiles.collect([Fixture.corpus]).files {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            compare(text, label: path)
        }
    }
}
