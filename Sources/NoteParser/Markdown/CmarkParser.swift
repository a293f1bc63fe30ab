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
    /// is the range of the first one, when that happened. cmark allocates from the thread's
    /// arena, emptied when the tree has been converted.
    static func parse(_ body: ArraySlice<UInt8>, afterBlankLines blankLines: Int, source: SourceText,
                      maxDepth: Int) -> (root: MarkdownNode, truncated: SourceRange?) {
        parsed(body, afterBlankLines: blankLines) { TreeConverter(source: source, maxDepth: maxDepth).convert($0) }
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
/// (`notekit_node_next`, the nodes cmark's iterator enters, in its order).
private struct TreeConverter {
    let source: SourceText
    let maxDepth: Int

    func convert(_ document: OpaquePointer) -> (root: MarkdownNode, truncated: SourceRange?) {
        // Room for a typical note at once (a node per 36 bytes in the corpus): growing by
        // doubling copies the arrays several times.
        var entries: [MarkdownTree.Entry] = []
        entries.reserveCapacity(source.bytes.count / 32 + 16)
        var text: [UInt8] = []
        text.reserveCapacity(source.bytes.count)
        // The entries of the open containers.
        var open: [Int] = []
        var truncated: SourceRange?
        var extensionKinds = ExtensionKinds()
        var info = notekit_node_info()
        var next: OpaquePointer? = document
        // The line index read through one buffer for the whole walk.
        source.lineStarts.withUnsafeBufferPointer { lineStarts in
            while let node = next {
                notekit_node_read(node, &info)
                let index = entries.count
                entries.append(entry(node, info: info, parent: open.last ?? -1, index: index, text: &text, extensionKinds: &extensionKinds,
                                     lineStarts: lineStarts))
                var skipChildren = info.has_children == 0
                if !skipChildren {
                    if open.count >= maxDepth {
                        // Too deep: kept as a node without children.
                        truncated = truncated ?? entries[index].range ?? source.range(0..<0)
                        skipChildren = true
                    } else {
                        open.append(index)
                    }
                }
                var closed: Int32 = 0
                next = notekit_node_next(node, document, skipChildren ? 1 : 0, &closed)
                while closed > 0, let last = open.popLast() {
                    entries[last].end = UInt32(entries.count)
                    closed -= 1
                }
            }
        }
        if entries.isEmpty {
            entries.append(MarkdownTree.Entry(kind: .document, range: nil, headingLevel: 0, parent: -1, end: 1, literal: nil, extra: nil))
        }
        return (MarkdownTree(entries: entries, text: text).root, truncated)
    }

    /// The code ranges of the tree `convert` makes of `document`: its code spans, code blocks
    /// and HTML blocks, reached by the same walk and placed by the same `span`.
    func codeRanges(_ document: OpaquePointer) -> CodeRanges {
        var nodes: [(range: Range<Int>, isSpan: Bool)] = []
        var info = notekit_node_info()
        var depth: Int32 = 0
        let limit = Int32(clamping: maxDepth)
        var next = notekit_next_code_node(document, document, limit, &depth)
        source.lineStarts.withUnsafeBufferPointer { lineStarts in
            while let node = next {
                notekit_node_read(node, &info)
                let (start, end) = span(of: info, lineStarts: lineStarts)
                // Line 0: cmark-gfm reports no position (the converted node has no range).
                if start.0 > 0 { nodes.append((Int(start.2)..<Int(end.2), info.type == CMARK_NODE_CODE)) }
                next = notekit_next_code_node(node, document, limit, &depth)
            }
        }
        return CodeRanges(nodes: nodes, source: source)
    }

    /// The entry of `node` (a leaf until its end is set), its strings appended to `text`.
    private func entry(_ node: OpaquePointer, info: notekit_node_info, parent: Int, index: Int, text: inout [UInt8],
                       extensionKinds: inout ExtensionKinds, lineStarts: UnsafeBufferPointer<Int>) -> MarkdownTree.Entry {
        let kind = Self.kind(of: node, type: info.type, extensionKinds: &extensionKinds)
        /// Appends a string of the node, read in place, to `text` (an empty chunk has no bytes).
        func append(_ read: (OpaquePointer, UnsafeMutablePointer<Int32>) -> UnsafePointer<UInt8>?) -> (UInt32, UInt32) {
            var length: Int32 = 0
            let start = text.count
            if let bytes = read(node, &length) { text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length))) }
            return (UInt32(start), UInt32(text.count))
        }
        let none = (MarkdownTree.Entry.none, MarkdownTree.Entry.none)
        var literal = none
        var extra = none
        switch kind {
        case .text, .code, .htmlBlock, .htmlInline:
            literal = append(notekit_node_literal)
        case .codeBlock:
            literal = append(notekit_node_literal)
            extra = append(notekit_node_fence_info)
        case .link, .image:
            extra = append(notekit_node_url)
        default:
            break
        }
        let (start, end) = span(of: info, lineStarts: lineStarts)
        return MarkdownTree.Entry(kind: kind, headingLevel: kind == .heading ? UInt8(info.heading_level) : 0, parent: Int32(parent),
                                  end: UInt32(index + 1), start: start, end: end, literal: literal, extra: extra)
    }

    /// The range of cmark's positions as the entry stores it, (line, column, offset) of its
    /// start and end, line 0 for none: `SourceText.offset(line:column:)` and
    /// `position(at:onLine:)` over `lineStarts`, the source's line index, without making a
    /// `SourceRange`.
    private func span(of info: notekit_node_info, lineStarts: UnsafeBufferPointer<Int>) -> (start: (UInt32, UInt32, UInt32), end: (UInt32, UInt32, UInt32)) {
        let startLine = Int(info.start_line)
        let endLine = Int(info.end_line)
        guard startLine > 0, endLine >= startLine else { return ((0, 0, 0), (0, 0, 0)) }
        let lineCount = lineStarts.count
        if endLine < lineCount {
            // Both lines end at a newline (the common case): what the general way below
            // computes, each position on its own line, without its bounds.
            let startLineStart = lineStarts[startLine - 1], startLineEnd = lineStarts[startLine] - 1
            let endLineStart = lineStarts[endLine - 1], endLineEnd = lineStarts[endLine] - 1
            let start = min(startLineStart + max(Int(info.start_column) - 1, 0), startLineEnd)
            let end = info.end_column == 0 ? endLineStart
                : min(min(endLineStart + max(Int(info.end_column) - 1, 0), endLineEnd) + 1, endLineEnd)
            let startPosition = (UInt32(startLine), UInt32(start - startLineStart + 1), UInt32(start))
            return (startPosition, end > start ? (UInt32(endLine), UInt32(end - endLineStart + 1), UInt32(end)) : startPosition)
        }
        let byteCount = source.bytes.count
        func lineEnd(_ line: Int) -> Int { line < lineCount ? lineStarts[line] - 1 : byteCount }
        func offset(line: Int, column: Int) -> Int {
            line <= lineCount ? min(lineStarts[line - 1] + max(column - 1, 0), lineEnd(line)) : byteCount
        }
        func position(at offset: Int, onLine line: Int) -> (UInt32, UInt32, UInt32) {
            guard line <= lineCount, offset >= lineStarts[line - 1], offset <= lineEnd(line) else {
                let position = source.position(at: offset)
                return (UInt32(position.line), UInt32(position.column), UInt32(position.offset))
            }
            return (UInt32(line), UInt32(offset - lineStarts[line - 1] + 1), UInt32(offset))
        }
        let start = offset(line: startLine, column: Int(info.start_column))
        // cmark's end column is inclusive; 0 means "end of the previous line".
        let endColumn = Int(info.end_column)
        let end = endColumn == 0 ? lineStarts[min(endLine, lineCount) - 1]
            : min(offset(line: endLine, column: endColumn) + 1, lineEnd(endLine))
        // cmark gives the lines: no search for them.
        let startPosition = position(at: start, onLine: startLine)
        return (startPosition, end > start ? position(at: end, onLine: min(endLine, lineCount)) : startPosition)
    }

    /// The kinds of the extension node types met so far in a tree (their names looked up once).
    private typealias ExtensionKinds = [(type: cmark_node_type, kind: MarkdownNode.Kind)]

    private static func kind(of node: OpaquePointer, type: cmark_node_type, extensionKinds: inout ExtensionKinds) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // Extension node types are not exported by Debian's headers; their names are (a
            // table row's name says whether it is the header: the kind is the same).
            if let known = extensionKinds.first(where: { $0.type == type }) { return known.kind }
            let kind: MarkdownNode.Kind
            switch cmark_node_get_type_string(node).map({ String(cString: $0) }) {
            case "table": kind = .table
            case "table_row", "table_header": kind = .tableRow
            case "table_cell": kind = .tableCell
            case "strikethrough": kind = .strikethrough
            default: kind = .unknown
            }
            extensionKinds.append((type, kind))
            return kind
        }
    }
}
