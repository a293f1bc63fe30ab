import CCmarkGFM
import CmarkSupport
import NoteParser

/// Callouts boxed from the one cmark-gfm tree of a body: each callout's block quote is replaced,
/// in the tree, by what cmark-gfm makes of the text `CalloutMarkers` writes for it (its opening
/// marker paragraph with the title, the quote's blocks, its closing marker paragraph), so that
/// the page renders from one parse. Only where that is provably the same tree; else nothing is
/// changed and the caller takes `markedBody`.
///
/// A block quote is a callout as `CalloutScanner` tells it (its first line, without `>`, opens
/// with `[!type]`), boxed as `CalloutMarkers` boxes it: only when every enclosing block quote is
/// a boxed callout, numbered by nesting level, then in document order. Proven the same when:
/// the quote's first block is a paragraph opening with the `[!type]` (letters, digits, spaces
/// and `-`), a fold sign, then a space or the line's end; the header line's inline nodes end
/// there (nothing spans into the next line, nor may: `endsOnItsLine`); a second line of that
/// paragraph would open a paragraph on its own (nothing that opens another block only at a
/// block's start: no indentation, digit, `[`, `<`, `|` or list sign); its lines hold no tab and
/// each its `>` (no lazy line: unquoted it would be lazy no more); every fence in it is closed
/// and no HTML block in it could run past a blank line; and no other `[!` of the body may open
/// a link definition that makes a header a link. A callout in a list item makes its list loose,
/// as the marker paragraphs' blank lines do; one below two lists is left to `markedBody`.
struct CalloutTree {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineStarts: [Int]
    private let prefix: String
    /// Found callouts (block quote, level, header parts), in document order.
    private var found: [(quote: OpaquePointer, level: Int, header: Header)] = []
    /// The offsets of every callout header's `[!`, boxed or not.
    private var headers = Set<Int>()
    private var failed = false

    private struct Header {
        let type: String, fold: Callout.Fold
        /// The marker's and fold sign's length: the title (after spaces) follows.
        let prefixLength: Int
    }

    /// `CalloutMarkers.mark`'s passes: a callout nested deeper is left to `markedBody`.
    private static let maxLevels = 16
    /// Containers walked at most (the walk recurses); deeper texts are left to `markedBody`.
    private static let maxDepth = 200

    private init(bytes: UnsafeBufferPointer<UInt8>, prefix: String) {
        self.bytes = bytes
        self.prefix = prefix
        lineStarts = SourceText.lineStarts(of: bytes)
    }

    /// Boxes `document`'s callouts (the tree of `bytes`) with marker paragraphs of `prefix`;
    /// nil, the tree possibly changed, when it cannot be proven the same as `CalloutMarkers.mark`'s.
    static func box(_ document: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>, bytes: UnsafeBufferPointer<UInt8>,
                    prefix: String) -> [CalloutMarkers.Info]? {
        var tree = CalloutTree(bytes: bytes, prefix: prefix)
        tree.visit(document, quotes: 0, boxed: true, lists: 0, depth: 0)
        guard !tree.failed else { return nil }
        // No `[!` but a header opens a link definition's label (whose first `]` a `:` follows): one could make a header a link.
        var search = 0, close = -1
        while let mark = Byte.offset(of: Array("[!".utf8), in: bytes, from: search) {
            search = mark + 2
            guard !tree.headers.contains(mark) else { continue }
            // The first `]` after the mark, found again only once passed (no search to the end per mark).
            if close < search {
                guard let found = Byte.offset(of: [Byte.closeBracket], in: bytes, from: search) else { break }
                close = found
            }
            if close + 1 < bytes.count, bytes[close + 1] == Byte.colon { return nil }
        }
        // Numbered as the passes of `CalloutMarkers.mark` number them: by level, then in document order.
        let order = tree.found.indices.sorted { (tree.found[$0].level, $0) < (tree.found[$1].level, $1) }
        var numbers = [Int](repeating: 0, count: tree.found.count)
        for (number, index) in order.enumerated() { numbers[index] = number + 1 }
        for (index, callout) in tree.found.enumerated() {
            guard tree.rewrite(callout.quote, number: numbers[index], header: callout.header, memory: memory) else { return nil }
        }
        return order.map { Self.info(tree.found[$0].header) }
    }

    private static func info(_ header: Header) -> CalloutMarkers.Info {
        CalloutMarkers.Info(type: Slug.make(Callout.normalize(header.type), fallback: "note"), fold: header.fold)
    }

    // MARK: Finding the callouts

    /// Walks the blocks under `node`: `quotes` block quotes enclose it, all boxed callouts when `boxed`, `lists` lists.
    private mutating func visit(_ node: OpaquePointer, quotes: Int, boxed: Bool, lists: Int, depth: Int) {
        guard depth < Self.maxDepth else { failed = true; return }
        var child = cmark_node_first_child(node)
        while let block = child, !failed {
            let type = cmark_node_get_type(block)
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                let header = self.header(of: block)
                if let header { headers.insert(offset(line: cmark_node_get_start_line(block), column: 1) + header.markOffset) }
                let isBoxed = boxed && header != nil
                if isBoxed, let header {
                    guard quotes < Self.maxLevels, let parts = check(block, header: header, lists: lists) else { failed = true; return }
                    found.append((block, quotes, parts))
                }
                visit(block, quotes: quotes + 1, boxed: isBoxed, lists: lists, depth: depth + 1)
            case CMARK_NODE_LIST:
                visit(block, quotes: quotes, boxed: boxed, lists: lists + 1, depth: depth + 1)
            case CMARK_NODE_ITEM, CMARK_NODE_FOOTNOTE_DEFINITION:
                visit(block, quotes: quotes, boxed: boxed, lists: lists, depth: depth + 1)
            default:
                break
            }
            child = cmark_node_next(block)
        }
    }

    /// The byte offset of a 1-based line and column.
    private func offset(line: Int32, column: Int32) -> Int { lineStarts[Int(line) - 1] + Int(column) - 1 }

    private func lineEnd(_ start: Int) -> Int { Byte.offset(of: [Byte.newline], in: bytes, from: start) ?? bytes.count }

    /// A block quote's header as `CalloutScanner` reads it: its first line without `>` markers
    /// (and one space after each) and spaces, `[!type]`; `markOffset` from the line's start.
    /// Nil when it is no callout; `failed` when the scanner's reading by characters could differ.
    private mutating func header(of quote: OpaquePointer) -> (markOffset: Int, close: Int)? {
        let lineStart = offset(line: cmark_node_get_start_line(quote), column: 1)
        let start = offset(line: cmark_node_get_start_line(quote), column: cmark_node_get_start_column(quote))
        let end = lineEnd(start)
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                if index < end, bytes[index] == Byte.space { index += 1 }
            } else if bytes[index] == Byte.space {
                if index + 4 <= end, bytes[index..<(index + 4)].allSatisfy({ $0 == Byte.space }) { break }
                index += 1
            } else {
                break
            }
        }
        guard index + 1 < end, bytes[index] == Byte.openBracket, bytes[index + 1] == UInt8(ascii: "!") else { return nil }
        // The scanner reads characters: a mark joined to `!` or `]`, or prepended to `]`, makes another one.
        guard index + 2 < end, bytes[index + 2] < 0x80 else { failed = true; return nil }
        guard let close = Byte.offset(of: [Byte.closeBracket], in: UnsafeBufferPointer(rebasing: bytes[..<end]), from: index + 2)
        else { return nil }
        guard bytes[close - 1] < 0x80, close + 1 == end || bytes[close + 1] < 0x80 else { failed = true; return nil }
        guard close > index + 2, !bytes[(index + 2)..<close].contains(Byte.openBracket) else { return nil }
        return (index - lineStart, close)
    }

    /// The header parts of a callout's block quote when boxing it from the tree is provably the
    /// same as marking its text; nil otherwise.
    private func check(_ quote: OpaquePointer, header: (markOffset: Int, close: Int), lists: Int) -> Header? {
        let startLine = cmark_node_get_start_line(quote), endLine = cmark_node_get_end_line(quote)
        let lineStart = offset(line: startLine, column: 1), mark = lineStart + header.markOffset
        // The first block: a paragraph opening at the marker.
        guard let first = cmark_node_first_child(quote), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH,
              cmark_node_get_start_line(first) == startLine,
              offset(line: startLine, column: cmark_node_get_start_column(first)) == mark else { return nil }
        // Lists: one, whose item holds the quote itself.
        guard let parent = cmark_node_parent(quote) else { return nil }
        let parentType = cmark_node_get_type(parent), inItem = parentType == CMARK_NODE_ITEM
        guard inItem || parentType == CMARK_NODE_DOCUMENT || parentType == CMARK_NODE_BLOCK_QUOTE, lists == (inItem ? 1 : 0) else { return nil }
        // No tab in its lines, and no lazy line: unquoted, it would be one no more (`===` an underline, a table's row a row).
        let linesEnd = lineEnd(offset(line: max(endLine, startLine), column: 1))
        guard !bytes[lineStart..<linesEnd].contains(Byte.tab) else { return nil }
        let column = Int(cmark_node_get_start_column(quote)) - 1
        if endLine > startLine {
            for line in (startLine + 1)...endLine {
                let start = offset(line: line, column: 1)
                guard start + column < bytes.count, bytes[start + column] == UInt8(ascii: ">"),
                      bytes[start..<(start + column)].allSatisfy({ $0 == Byte.space || $0 == UInt8(ascii: ">") }) else { return nil }
            }
        }
        // The type, the fold sign, then a space or the line's end.
        let typeBytes = bytes[(mark + 2)..<header.close]
        guard typeBytes.allSatisfy({ Byte.isLetter($0) || Byte.isDigit($0) || $0 == Byte.space || $0 == UInt8(ascii: "-") })
        else { return nil }
        let end = lineEnd(mark)
        var after = header.close + 1, fold = Callout.Fold.none
        if after < end, bytes[after] == UInt8(ascii: "+") || bytes[after] == UInt8(ascii: "-") {
            fold = bytes[after] == UInt8(ascii: "+") ? .expanded : .collapsed
            after += 1
        }
        guard after == end || bytes[after] == Byte.space else { return nil }
        guard Self.endsOnItsLine(UnsafeBufferPointer(rebasing: bytes[after..<end])) else { return nil }
        // A second line of the paragraph opens a paragraph of its own once unquoted.
        if cmark_node_get_end_line(first) > startLine {
            guard secondLineOpensParagraph(at: offset(line: startLine + 1, column: 1) + column + 1) else { return nil }
        }
        guard blocksEndInside(quote) else { return nil }
        return Header(type: String(decoding: typeBytes, as: UTF8.self), fold: fold, prefixLength: after - mark)
    }

    /// Whether no inline node of a title may run into the next line: no backtick, `<!` or `<?`;
    /// each other `<` closed by a `>` with no quote between; each `](` by a `)` after a
    /// destination without spaces, parentheses or `<` (or one in `<>`), each `][` by a `]`.
    private static func endsOnItsLine(_ title: UnsafeBufferPointer<UInt8>) -> Bool {
        func closes(from start: Int, at end: UInt8, without stops: [UInt8]) -> Bool {
            var index = start
            while index < title.count, title[index] != end {
                if stops.contains(title[index]) { return false }
                index += 1
            }
            return index < title.count
        }
        for (index, byte) in title.enumerated() {
            switch byte {
            case UInt8(ascii: "`"):
                return false
            case UInt8(ascii: "<"):
                guard index + 1 < title.count, title[index + 1] != UInt8(ascii: "!"), title[index + 1] != UInt8(ascii: "?"),
                      closes(from: index + 1, at: UInt8(ascii: ">"), without: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<")])
                else { return false }
            case Byte.closeBracket where index + 1 < title.count && title[index + 1] == UInt8(ascii: "("):
                if index + 2 < title.count, title[index + 2] == UInt8(ascii: "<") {
                    guard closes(from: index + 3, at: UInt8(ascii: ">"), without: [UInt8(ascii: "<")]),
                          let close = title[(index + 3)...].firstIndex(of: UInt8(ascii: ">")),
                          close + 1 < title.count, title[close + 1] == UInt8(ascii: ")") else { return false }
                } else {
                    guard closes(from: index + 2, at: UInt8(ascii: ")"), without: [Byte.space, UInt8(ascii: "("), UInt8(ascii: "<")])
                    else { return false }
                }
            case Byte.closeBracket where index + 1 < title.count && title[index + 1] == Byte.openBracket:
                guard closes(from: index + 2, at: Byte.closeBracket, without: [Byte.openBracket]) else { return false }
            default:
                break
            }
        }
        return true
    }

    /// Whether the rest of a line after its quote's `>` at `start`, unquoted (`CalloutMarkers`
    /// takes one level of `>` and a space a pass), opens a paragraph wherever it stands: after a
    /// space, no space, digit, `[`, `<`, `|`, nor a list sign and a space.
    private func secondLineOpensParagraph(at start: Int) -> Bool {
        let end = lineEnd(start)
        var index = start
        if index < end, bytes[index] == Byte.space { index += 1 }
        guard index < end else { return false }
        let byte = bytes[index]
        if byte == Byte.space || Byte.isDigit(byte) || byte == Byte.openBracket || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "|") {
            return false
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            return index + 1 < end && bytes[index + 1] != Byte.space
        }
        return true
    }

    /// Whether every fence under `node` is closed and no HTML block under it ends only on a
    /// condition other than a blank line (`<!`, `<?`, `<script`, `<pre`, `<style`, `<textarea`):
    /// unquoted, such a block would run past the closing marker.
    private func blocksEndInside(_ node: OpaquePointer) -> Bool {
        // Walked without recursion: quotes may nest thousands deep.
        var closed: Int32 = 0
        var next = notekit_node_next(node, node, 0, &closed)
        while let block = next {
            let kind = cmark_node_get_type(block)
            switch kind {
            case CMARK_NODE_CODE_BLOCK:
                var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
                if cmark_node_get_fenced(block, &length, &offset, &character) != 0 {
                    guard isClosingFence(line: cmark_node_get_end_line(block), after: cmark_node_get_start_line(block),
                                         character: UInt8(bitPattern: character), length: Int(length)) else { return false }
                }
            case CMARK_NODE_HTML_BLOCK:
                var length: Int32 = 0
                guard let literal = notekit_node_literal(block, &length) else { return false }
                let html = UnsafeBufferPointer(start: literal, count: Int(length))
                guard html.count >= 2, html[1] != UInt8(ascii: "!"), html[1] != UInt8(ascii: "?") else { return false }
                for name in ["script", "pre", "style", "textarea"] where html.count > name.utf8.count {
                    if zip(html[1...], name.utf8).allSatisfy({ Byte.lowercased($0) == $1 }) { return false }
                }
            default:
                break
            }
            let isContainer = kind == CMARK_NODE_BLOCK_QUOTE || kind == CMARK_NODE_LIST || kind == CMARK_NODE_ITEM
                || kind == CMARK_NODE_FOOTNOTE_DEFINITION
            next = notekit_node_next(block, node, isContainer ? 0 : 1, &closed)
        }
        return true
    }

    /// Whether `line` (after `opening`) is a closing fence of `length` or more `character`s,
    /// once the `>` markers and spaces before it are skipped.
    private func isClosingFence(line: Int32, after opening: Int32, character: UInt8, length: Int) -> Bool {
        guard line > opening else { return false }
        let start = offset(line: line, column: 1), end = lineEnd(start)
        var index = start
        while index < end, bytes[index] == Byte.space || bytes[index] == UInt8(ascii: ">") { index += 1 }
        var count = 0
        while index < end, bytes[index] == character { index += 1; count += 1 }
        return count >= length && bytes[index..<end].allSatisfy { $0 == Byte.space }
    }

    // MARK: Rewriting the tree

    /// Replaces the callout's block quote by its marker paragraphs around its blocks: the title
    /// is the header line's inline nodes after the marker, the rest of that paragraph stays a
    /// paragraph of its own.
    private func rewrite(_ quote: OpaquePointer, number: Int, header: Header, memory: UnsafeMutablePointer<cmark_mem>) -> Bool {
        guard let paragraph = cmark_node_first_child(quote), let open = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, memory),
              let openText = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory) else { return false }
        // The marker's text nodes (`[`, `!type`, `]`, a fold sign) dropped; the title's first node is cut.
        var consumed = 0
        var node = cmark_node_first_child(paragraph)
        while consumed < header.prefixLength {
            guard let text = node, cmark_node_get_type(text) == CMARK_NODE_TEXT else { return false }
            var length: Int32 = 0
            let literal = notekit_node_literal(text, &length)
            let next = cmark_node_next(text)
            if consumed + Int(length) <= header.prefixLength {
                consumed += Int(length)
                cmark_node_free(text)
                node = next
                continue
            }
            guard let literal else { return false }
            var rest = Array(UnsafeBufferPointer(start: literal, count: Int(length))[(header.prefixLength - consumed)...])
            while rest.first == Byte.space { rest.removeFirst() }
            rest.append(0)
            guard rest.withUnsafeBufferPointer({ cmark_node_set_literal(text, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }) != 0
            else { return false }
            consumed = header.prefixLength
        }
        // Spaces after the marker and fold sign are part of the title's first node (or the line's end).
        if let text = node, cmark_node_get_type(text) == CMARK_NODE_TEXT, consumed == header.prefixLength {
            var length: Int32 = 0
            if let literal = notekit_node_literal(text, &length), length > 0, literal[0] == Byte.space {
                var rest = Array(UnsafeBufferPointer(start: literal, count: Int(length)))
                while rest.first == Byte.space { rest.removeFirst() }
                rest.append(0)
                guard rest.withUnsafeBufferPointer({ cmark_node_set_literal(text, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }) != 0
                else { return false }
            }
        }
        // The title's nodes: up to the line's break, which none of them may hold.
        var title: [OpaquePointer] = []
        var lineBreak: OpaquePointer?
        while let inline = node {
            let type = cmark_node_get_type(inline)
            if type == CMARK_NODE_SOFTBREAK { lineBreak = inline; break }
            guard type != CMARK_NODE_LINEBREAK, !Self.holdsBreak(inline) else { return false }
            title.append(inline)
            node = cmark_node_next(inline)
        }
        let spansLines = cmark_node_get_end_line(paragraph) > cmark_node_get_start_line(paragraph)
        guard spansLines == (lineBreak != nil) else { return false }
        let marker = "\(prefix)\(number)OPEN" + (title.isEmpty ? "" : " ")
        guard cmark_node_set_literal(openText, marker) != 0, cmark_node_append_child(open, openText) != 0 else { return false }
        for inline in title { guard cmark_node_append_child(open, inline) != 0 else { return false } }
        if let lineBreak { cmark_node_free(lineBreak) }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        guard let close = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, memory),
              let closeText = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory),
              cmark_node_set_literal(closeText, "\(prefix)\(number)CLOSE") != 0, cmark_node_append_child(close, closeText) != 0,
              cmark_node_insert_before(quote, open) != 0 else { return false }
        while let block = cmark_node_first_child(quote) {
            guard cmark_node_insert_before(quote, block) != 0 else { return false }
        }
        guard cmark_node_insert_before(quote, close) != 0 else { return false }
        // The marker paragraphs' blank lines make the item's list loose.
        if let item = cmark_node_parent(quote), cmark_node_get_type(item) == CMARK_NODE_ITEM, let list = cmark_node_parent(item) {
            guard cmark_node_set_list_tight(list, 0) != 0 else { return false }
        }
        cmark_node_free(quote)
        return true
    }

    /// Whether an inline node holds a line break (soft or hard); walked without recursion.
    private static func holdsBreak(_ node: OpaquePointer) -> Bool {
        var closed: Int32 = 0
        var next = notekit_node_next(node, node, 0, &closed)
        while let inline = next {
            let kind = cmark_node_get_type(inline)
            if kind == CMARK_NODE_SOFTBREAK || kind == CMARK_NODE_LINEBREAK { return true }
            next = notekit_node_next(inline, node, 0, &closed)
        }
        return false
    }
}
