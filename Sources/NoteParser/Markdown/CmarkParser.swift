import CCmarkGFM
import CmarkSupport
import Foundation

/// Parses Markdown with cmark-gfm into an immutable `MarkdownNode` tree.
///
/// Options: source positions and footnotes; extensions: table, strikethrough,
/// autolink and tasklist. One parser is created per call, so calls may run concurrently.
public enum CmarkParser {
    /// The cmark-gfm options notekit parses and renders with.
    public static let options: Int32 = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// The cmark-gfm syntax extensions notekit uses, registered and looked up once: pointers to
    /// cmark-gfm's extension objects, which it never changes once registered (safe on every thread).
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    /// Finishes a parse (the inline pass), safely on several threads at once (`notekit_parser_finish`).
    private static func finish(_ parser: OpaquePointer) -> OpaquePointer {
        guard let document = notekit_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        return document
    }

    /// Parses a note's body, `blankLines` empty lines (standing for the front matter, so that
    /// lines keep their numbers) followed by `body`, and converts the tree.
    ///
    /// Containers deeper than `maxDepth` are kept as nodes without children; `truncated`
    /// is the range of the first one, when that happened. Without `literals`, the tree holds
    /// only the text under headings (`NoteParser.Scans.literals`). cmark allocates from the
    /// thread's arena, emptied when the tree has been converted.
    static func parse(_ body: ArraySlice<UInt8>, afterBlankLines blankLines: Int, source: SourceText,
                      maxDepth: Int, literals: Bool = true) -> (root: MarkdownNode, truncated: SourceRange?) {
        parsed(body, afterBlankLines: blankLines) { TreeConverter(source: source, maxDepth: maxDepth).convert($0, literals: literals) }
    }

    /// The code ranges of the tree `parse` would return (`CodeRanges(root:source:)`), read from
    /// cmark's code and HTML nodes without converting the tree.
    static func codeRanges(_ body: ArraySlice<UInt8>, afterBlankLines blankLines: Int, source: SourceText,
                           maxDepth: Int) -> CodeRanges {
        parsed(body, afterBlankLines: blankLines) { TreeConverter(source: source, maxDepth: maxDepth).codeRanges($0) }
    }

    /// `read` of the document cmark parses from `blankLines` empty lines and `body`, in the
    /// thread's arena (the tree goes with it: walking it to free nodes would do nothing).
    private static func parsed<Result>(_ body: ArraySlice<UInt8>, afterBlankLines blankLines: Int,
                                       read: (OpaquePointer) -> Result) -> Result {
        defer { notekit_arena_reset() }
        guard let parser = cmark_parser_new_with_mem(options, notekit_arena_allocator()) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        if blankLines > 0 {
            let newlines = [CChar](repeating: CChar(Byte.newline), count: blankLines)
            cmark_parser_feed(parser, newlines, newlines.count)
        }
        body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        return read(finish(parser))
    }
}

extension CmarkParser {
    /// Renders Markdown to HTML with the options and extensions notekit parses with.
    ///
    /// Raw HTML and `javascript:`-like links are omitted unless `unsafe` is true. Source
    /// positions are not written into the HTML.
    ///
    /// A text up to `arenaLimit` bytes (most notes, every page a site writes) is parsed and
    /// rendered from the thread's arena, emptied once the HTML is copied out; a larger one with
    /// `malloc`, whose reuse of freed blocks keeps a large tree's nodes close together.
    public static func renderHTML(markdown: String, unsafe: Bool = false) -> String {
        renderHTML(markdown: markdown, unsafe: unsafe, editing: nil) ?? ""
    }

    /// `renderHTML(markdown:unsafe:)` with the parsed tree first given to `edit` (with the
    /// allocator its nodes come from, for the nodes it adds); nil when `edit` returns false.
    package static func renderHTML(markdown: String, unsafe: Bool,
                                   editing edit: ((_ document: OpaquePointer, _ memory: UnsafeMutablePointer<cmark_mem>) -> Bool)?) -> String? {
        let options = (Self.options & ~CMARK_OPT_SOURCEPOS) | (unsafe ? CMARK_OPT_UNSAFE : 0)
        let bytes = Array(markdown.utf8), inArena = bytes.count <= arenaLimit
        defer { if inArena { notekit_arena_reset() } }
        guard let parser = inArena ? cmark_parser_new_with_mem(options, notekit_arena_allocator()) : cmark_parser_new(options)
        else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        let attached = extensions
        for ext in attached { cmark_parser_attach_syntax_extension(parser, ext) }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        let document = finish(parser)
        // In the arena the tree and the HTML go with it: freeing them would do nothing.
        defer { if !inArena { cmark_node_free(document) } }
        if let edit, !edit(document, inArena ? notekit_arena_allocator() : cmark_get_default_mem_allocator()) { return nil }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { if !inArena { free(html) } }
        return string(html)
    }

    /// The HTML cmark-gfm wrote, taken as it is when it holds no byte 0xFE or 0xFF: its output
    /// from UTF-8 text (a Swift string's) is UTF-8 (NUL, surrogates and code points past U+10FFFF
    /// come out as U+FFFD, other bytes as written or escaped, splits at ASCII bytes only) but for
    /// `&#xFFFE;` and `&#xFFFF;`, which its encoder writes as those single bytes: such HTML is
    /// validated (and repaired) as before. Validating every page took most of the copy's time
    /// for pages holding non-ASCII text.
    private static func string(_ html: UnsafeMutablePointer<CChar>) -> String {
        let count = strlen(html)
        guard #available(macOS 26, *), memchr(html, 0xFE, count) == nil, memchr(html, 0xFF, count) == nil else { return String(cString: html) }
        return UnsafeRawPointer(html).withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            let span = unsafe Span(_unsafeElements: UnsafeBufferPointer(start: bytes, count: count))
            return String(copying: unsafe UTF8Span(unchecked: span))
        }
    }

    /// The largest text `renderHTML` renders from the arena: on a 290 KB pathological note the
    /// arena's render took 15% more CPU and 6 MB more memory than `malloc`'s, on the corpus's
    /// notes (98% within the limit) less CPU.
    static let arenaLimit = 64 * 1024
}

/// Converts a cmark node tree into a flat `MarkdownTree` in one walk in document order
/// (`notekit_tree_flatten`, the nodes cmark's iterator enters, in its order).
private struct TreeConverter {
    let source: SourceText
    let maxDepth: Int

    func convert(_ document: OpaquePointer, literals: Bool) -> (root: MarkdownNode, truncated: SourceRange?) {
        var flat = notekit_flat_tree()
        withLines { notekit_tree_flatten(document, $0, Int32(clamping: maxDepth), literals ? 1 : 0, &flat) }
        let kinds = Self.kinds
        let entries = [MarkdownTree.Entry](unsafeUninitializedCapacity: flat.count) { buffer, initialized in
            for index in 0..<flat.count {
                let entry = flat.entries[index], span = entry.span
                buffer.initializeElement(at: index, to: MarkdownTree.Entry(
                    kind: kinds[Int(entry.kind)], headingLevel: entry.heading_level, parent: entry.parent, end: entry.end,
                    start: (span.0, span.1, span.2), end: (span.3, span.4, span.5),
                    literal: (entry.literal_start, entry.literal_end), extra: (entry.extra_start, entry.extra_end)))
            }
            initialized = flat.count
        }
        let text = [UInt8](unsafeUninitializedCapacity: flat.text_count) { buffer, initialized in
            if let bytes = flat.text, let base = buffer.baseAddress { base.initialize(from: bytes, count: flat.text_count) }
            initialized = flat.text_count
        }
        let truncated = flat.truncated < 0 ? nil : entries[flat.truncated].range ?? source.range(0..<0)
        return (MarkdownTree(entries: entries, text: text).root, truncated)
    }

    /// The code ranges of the tree `convert` makes of `document`: its code spans, code blocks
    /// and HTML blocks, reached by the same walk and placed by the same `notekit_node_span`.
    func codeRanges(_ document: OpaquePointer) -> CodeRanges {
        var nodes: [(range: Range<Int>, isSpan: Bool)] = []
        var depth: Int32 = 0
        let limit = Int32(clamping: maxDepth)
        var next = notekit_next_code_node(document, document, limit, &depth)
        withLines { lines in
            var span: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0)
            while let node = next {
                withUnsafeMutableBytes(of: &span) { notekit_node_span(node, lines, $0.baseAddress!.assumingMemoryBound(to: UInt32.self)) }
                // Line 0: cmark-gfm reports no position (the converted node has no range).
                if span.0 > 0 { nodes.append((Int(span.2)..<Int(span.5), cmark_node_get_type(node) == CMARK_NODE_CODE)) }
                next = notekit_next_code_node(node, document, limit, &depth)
            }
        }
        return CodeRanges(nodes: nodes, source: source)
    }

    /// `body` given the source's line index.
    private func withLines<Result>(_ body: (UnsafePointer<notekit_lines>) -> Result) -> Result {
        source.lineStarts.withUnsafeBufferPointer { lineStarts in
            var lines = notekit_lines(line_starts: lineStarts.baseAddress, line_count: lineStarts.count, byte_count: source.bytes.count)
            return body(&lines)
        }
    }

    /// The kind of each `notekit_kind`, indexed by its value.
    private static let kinds: [MarkdownNode.Kind] = {
        let pairs: [(notekit_kind, MarkdownNode.Kind)] = [
            (NOTEKIT_KIND_DOCUMENT, .document), (NOTEKIT_KIND_BLOCK_QUOTE, .blockQuote), (NOTEKIT_KIND_LIST, .list),
            (NOTEKIT_KIND_ITEM, .item), (NOTEKIT_KIND_CODE_BLOCK, .codeBlock), (NOTEKIT_KIND_HTML_BLOCK, .htmlBlock),
            (NOTEKIT_KIND_CUSTOM_BLOCK, .customBlock), (NOTEKIT_KIND_PARAGRAPH, .paragraph), (NOTEKIT_KIND_HEADING, .heading),
            (NOTEKIT_KIND_THEMATIC_BREAK, .thematicBreak), (NOTEKIT_KIND_FOOTNOTE_DEFINITION, .footnoteDefinition),
            (NOTEKIT_KIND_TABLE, .table), (NOTEKIT_KIND_TABLE_ROW, .tableRow), (NOTEKIT_KIND_TABLE_CELL, .tableCell),
            (NOTEKIT_KIND_TEXT, .text), (NOTEKIT_KIND_SOFT_BREAK, .softBreak), (NOTEKIT_KIND_LINE_BREAK, .lineBreak),
            (NOTEKIT_KIND_CODE, .code), (NOTEKIT_KIND_HTML_INLINE, .htmlInline), (NOTEKIT_KIND_CUSTOM_INLINE, .customInline),
            (NOTEKIT_KIND_EMPHASIS, .emphasis), (NOTEKIT_KIND_STRONG, .strong), (NOTEKIT_KIND_LINK, .link),
            (NOTEKIT_KIND_IMAGE, .image), (NOTEKIT_KIND_FOOTNOTE_REFERENCE, .footnoteReference),
            (NOTEKIT_KIND_STRIKETHROUGH, .strikethrough), (NOTEKIT_KIND_UNKNOWN, .unknown),
        ]
        var kinds = [MarkdownNode.Kind](repeating: .unknown, count: Int(NOTEKIT_KIND_COUNT.rawValue))
        for (code, kind) in pairs { kinds[Int(code.rawValue)] = kind }
        return kinds
    }()
}
