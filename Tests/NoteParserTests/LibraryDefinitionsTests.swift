import CCmarkGFM
import CmarkSupport
import Foundation
import Testing
@testable import NoteParser

/// The cmark-gfm functions CmarkSupport defines itself (consolidate.c, case_fold.c) give what
/// the library's own definitions give: the same tree, node for node, literal for literal and
/// position for position (cmark's XML with `sourcepos`), in the arena and with cmark's default
/// allocator; the same folded labels.
@Suite struct LibraryDefinitionsTests {
    /// cmark's XML of `markdown`, parsed with the library's definitions or with CmarkSupport's.
    private func xml(_ bytes: [UInt8], library: Bool, arena: Bool) -> String {
        notekit_use_library_definitions(library ? 1 : 0)
        defer {
            notekit_use_library_definitions(0)
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
        "[Foo  BAR]: /u\n[^Note]: n\n\n[foo bar] [FOO\nbar][] [x][fOO Bar] [^NOTE] [^note] [Ärger] [ärger]\n\n[ÄRGER]: /a\n",
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
            "[Ab]", "[aB]: /x\n", "[^Ab]", "[^aB]: ", "[É]", "[é]: /e\n",
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

    private typealias CaseFold = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UInt8>, Int32) -> Void
    private typealias BufferFree = @convention(c) (UnsafeMutableRawPointer) -> Void
    private typealias BufferInit = @convention(c) (UnsafeMutablePointer<cmark_mem>, UnsafeMutableRawPointer, Int32) -> Void

    /// `cmark_utf8proc_case_fold` of `bytes` into a fresh `cmark_strbuf`, by the library's
    /// definition or case_fold.c's (the buffer's functions are not in cmark-gfm's public header).
    private func folded(_ bytes: [UInt8], library: Bool) throws -> [UInt8] {
        let handle = try #require(dlopen(nil, RTLD_NOW))
        defer { dlclose(handle) }
        let fold = unsafeBitCast(try #require(dlsym(handle, "cmark_utf8proc_case_fold")), to: CaseFold.self)
        let release = unsafeBitCast(try #require(dlsym(handle, "cmark_strbuf_free")), to: BufferFree.self)
        let initialize = unsafeBitCast(try #require(dlsym(handle, "cmark_strbuf_init")), to: BufferInit.self)
        // cmark_strbuf: the allocator, the bytes, their capacity and size (two 32-bit ints).
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 24, alignment: 8)
        defer { buffer.deallocate() }
        initialize(cmark_get_default_mem_allocator(), buffer, 0)
        notekit_use_library_definitions(library ? 1 : 0)
        defer { notekit_use_library_definitions(0) }
        bytes.withUnsafeBufferPointer { fold(buffer, $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, Int32($0.count)) }
        let size = Int(buffer.load(fromByteOffset: 20, as: Int32.self))
        let result = Array(UnsafeRawBufferPointer(start: buffer.load(fromByteOffset: 8, as: UnsafeRawPointer.self), count: size))
        release(buffer)
        return result
    }

    /// Every ASCII byte, labels longer than case_fold.c's piece, non-ASCII and invalid UTF-8.
    @Test func caseFoldSameAsTheLibrary() throws {
        var inputs: [[UInt8]] = [[], Array(0...127), Array("Footnote LABEL_1".utf8), [UInt8](repeating: 0x41, count: 300),
                                 Array("ÄRGER Straße ǅ".utf8), [0x41, 0xFF, 0x42], [0xC3], [0x61, 0xE2, 0x82]]
        var generator = SplitMix64(seed: 0xF01D)
        let alphabet: [UInt8] = [0x00, 0x09, 0x20, 0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xBF, 0xC3, 0x84, 0xE2, 0xF0, 0xFF]
        for _ in 0..<3_000 {
            let ascii = Bool.random(using: &generator)
            inputs.append((0..<Int.random(in: 0..<200, using: &generator)).map { _ in
                ascii ? UInt8.random(in: 0...127, using: &generator) : alphabet.randomElement(using: &generator)!
            })
        }
        for input in inputs {
            #expect(try folded(input, library: false) == folded(input, library: true), "\(input)")
        }
    }
}
