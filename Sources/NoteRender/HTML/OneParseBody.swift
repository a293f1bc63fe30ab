import CCmarkGFM
import CmarkSupport
import Foundation
import NoteParser

/// The body HTML of a note rendered from one cmark-gfm parse: `markedBody` parses the text only
/// to find what to cut (the front matter, a first heading repeating the title, the sources
/// heading) and the callouts to mark, then parses the marked text again; here the cuts are found
/// on its bytes and in the rendered HTML, and the callouts boxed in the tree (`CalloutTree`).
/// Nil whenever the result is not provably the same.
extension HTMLPage {
    /// `CmarkParser.renderHTML(markdown: markedBody(of: markdown, ...))`, with `markers` as
    /// `markedBody` leaves them, or nil (`markers` unchanged); highlights are the caller's (a text
    /// without any is rendered as it is).
    ///
    /// The front matter is cut by `FrontMatterScanner`'s delimiter lines, and the body rendered
    /// as it is, its title heading removed from the tree (`cutTitleHeading`). The sources heading
    /// goes when it is the cleaner's: a `## heading` line at column 0 between blank lines,
    /// followed only by footnote definition lines holding no heading (the blank line above closed
    /// every block, and no line below continues one), the page's last `<h2>` before the
    /// footnotes (cmark-gfm's HTML lists the headings in the tree's order). Any other `<h2>` that
    /// may hold the sources heading leaves the text to `markedBody`, as raw HTML let through that
    /// may hold a heading's tag does.
    func oneParseBodyHTML(_ markdown: String, title: String, markers: inout CalloutMarkers) -> String? {
        var markdown = markdown
        let heading = Array(options.sourcesHeading.utf8)
        guard let plan = markdown.withUTF8({ Self.cuts(in: $0, sourcesHeading: heading, unsafe: unsafe) }) else { return nil }
        let utf8 = markdown.utf8
        let body = plan.bodyStart == 0 ? markdown : String(markdown[utf8.index(utf8.startIndex, offsetBy: plan.bodyStart)...])
        var boxed: [CalloutMarkers.Info] = []
        let holdsCallout = body.byteRange(of: "[!") != nil, prefix = markers.prefix
        let appended = plan.sourcesLine, sourcesHeading = options.sourcesHeading
        let rendered = Array(body.utf8).withUnsafeBufferPointer { bytes in
            CmarkParser.renderHTML(markdown: body, unsafe: unsafe) { document, memory in
                guard Self.nestsWithinLimit(document), Self.cutTitleHeading(from: document, bytes: bytes, title: title),
                      appended || Self.cutSourcesHeading(from: document, bytes: bytes, text: sourcesHeading) else { return false }
                guard holdsCallout else { return true }
                guard let found = CalloutTree.box(document, memory: memory, bytes: bytes, prefix: prefix) else { return false }
                boxed = found
                return true
            }
        }
        guard var html = rendered else { return nil }
        let cut = html.withUTF8 { bytes -> Range<Int>?? in
            guard let sources = Self.sourcesHeading(in: bytes, escaped: Self.escaped(options.sourcesHeading),
                                                    appended: plan.sourcesLine) else { return nil }
            return .some(sources.isEmpty ? nil : sources)
        }
        guard let cut else { return nil }
        markers.record(boxed)
        guard let sources = cut else { return html }
        // Cut at ASCII bytes: the pieces are joined without validating them again.
        let htmlUTF8 = html.utf8
        func index(_ offset: Int) -> String.Index { htmlUTF8.index(htmlUTF8.startIndex, offsetBy: offset) }
        return String(html[..<index(sources.lowerBound)]) + html[index(sources.upperBound)...]
    }

    /// Removes the first heading from the tree when it is a level-1 heading whose text is the
    /// title, as `markedBody` removes its line; false when removing the node may not be the same
    /// as removing the line (`removeLine`).
    private static func cutTitleHeading(from document: OpaquePointer, bytes: UnsafeBufferPointer<UInt8>, title: String) -> Bool {
        guard let heading = firstHeading(under: document), cmark_node_get_heading_level(heading) == 1,
              holds(heading, text: title) else { return true }
        return removeLine(of: heading, from: document, bytes: bytes)
    }

    /// Removes the last level-2 heading whose text is `text` (the sources heading) from the tree,
    /// as `markedBody` removes its line; false when that may not be the same (`removeLine`).
    private static func cutSourcesHeading(from document: OpaquePointer, bytes: UnsafeBufferPointer<UInt8>, text: String) -> Bool {
        var last: OpaquePointer?
        forEachHeading(under: document) { heading in
            if cmark_node_get_heading_level(heading) == 2, holds(heading, text: text) { last = heading }
            return true
        }
        guard let last else { return true }
        return removeLine(of: last, from: document, bytes: bytes)
    }

    /// Whether a heading's text (its text and code, as `Heading.text`) is `text`, compared as
    /// `markedBody` compares them (canonically), on the bytes when those are ASCII.
    private static func holds(_ heading: OpaquePointer, text: String) -> Bool {
        var headingText: [UInt8] = []
        appendText(of: heading, to: &headingText)
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            if headingText.elementsEqual(bytes) { return true }
            return headingText.allSatisfy { $0 < 0x80 } && bytes.allSatisfy { $0 < 0x80 } ? false : nil
        } ?? (String(decoding: headingText, as: UTF8.self) == text)
    }

    /// Removes a heading from the tree when that is removing its line from the text and parsing
    /// it again: an ATX heading of the document (no closing `#`, which its range may leave) with
    /// only blank lines before it, or with blank lines (or the end) around it after a block that
    /// a blank line closes for good (no list, indented code or footnote); false otherwise.
    private static func removeLine(of heading: OpaquePointer, from document: OpaquePointer, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = Int(cmark_node_get_start_line(heading))
        guard cmark_node_parent(heading) == document, cmark_node_get_end_line(heading) == Int32(line) else { return false }
        // The lines' starts up to the one after the heading.
        var starts = [0]
        while starts.count <= line + 1, let newline = Byte.offset(of: [Byte.newline], in: bytes, from: starts[starts.count - 1]) {
            starts.append(newline + 1)
        }
        guard starts.count >= line else { return false }
        func text(_ number: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
            let end = number < starts.count ? starts[number] - 1 : bytes.count
            var trimmedEnd = end
            while trimmedEnd > starts[number - 1], bytes[trimmedEnd - 1] == Byte.space || bytes[trimmedEnd - 1] == Byte.tab { trimmedEnd -= 1 }
            return bytes[starts[number - 1]..<trimmedEnd]
        }
        func isBlank(_ number: Int) -> Bool { text(number).allSatisfy { $0 == Byte.space || $0 == Byte.tab } }
        let own = text(line)
        guard own.first(where: { $0 != Byte.space }) == UInt8(ascii: "#"), own.last != UInt8(ascii: "#") else { return false }
        if !(1..<line).allSatisfy(isBlank) {
            guard isBlank(line - 1), starts.count == line || isBlank(line + 1), let previous = cmark_node_previous(heading) else { return false }
            let kind = cmark_node_get_type(previous)
            var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
            guard kind != CMARK_NODE_LIST, kind != CMARK_NODE_FOOTNOTE_DEFINITION,
                  kind != CMARK_NODE_CODE_BLOCK || cmark_node_get_fenced(previous, &length, &offset, &character) != 0 else { return false }
        }
        cmark_node_free(heading)
        return true
    }

    /// Every heading under `node` in document order (the order of `NoteParser`'s headings), until
    /// `body` returns false; walked without recursion (quotes may nest thousands deep).
    private static func forEachHeading(under node: OpaquePointer, _ body: (OpaquePointer) -> Bool) {
        var closed: Int32 = 0
        var next = notekit_node_next(node, node, 0, &closed)
        while let block = next {
            let kind = cmark_node_get_type(block)
            if kind == CMARK_NODE_HEADING, !body(block) { return }
            let isContainer = kind == CMARK_NODE_BLOCK_QUOTE || kind == CMARK_NODE_LIST || kind == CMARK_NODE_ITEM
                || kind == CMARK_NODE_FOOTNOTE_DEFINITION
            next = notekit_node_next(block, node, isContainer ? 0 : 1, &closed)
        }
    }

    /// The first heading under `node` in document order.
    private static func firstHeading(under node: OpaquePointer) -> OpaquePointer? {
        var first: OpaquePointer?
        forEachHeading(under: node) { heading in
            first = heading
            return false
        }
        return first
    }

    /// The literals of the text and code nodes under `node`, in order (`MarkdownNode.plainText`).
    private static func appendText(of node: OpaquePointer, to text: inout [UInt8]) {
        var closed: Int32 = 0
        var next = notekit_node_next(node, node, 0, &closed)
        while let inline = next {
            let kind = cmark_node_get_type(inline)
            if kind == CMARK_NODE_TEXT || kind == CMARK_NODE_CODE {
                var length: Int32 = 0
                if let literal = notekit_node_literal(inline, &length) { text += UnsafeBufferPointer(start: literal, count: Int(length)) }
            }
            next = notekit_node_next(inline, node, 0, &closed)
        }
    }

    /// Where the body starts (after the front matter's lines) and whether it ends with the
    /// cleaner's sources section; nil when the text may hold raw heading tags (`unsafe`), or is
    /// one `NoteParser` refuses or reads otherwise (NUL, carriage returns, a byte-order mark, over its size limit).
    private static func cuts(in bytes: UnsafeBufferPointer<UInt8>, sourcesHeading: [UInt8], unsafe: Bool)
        -> (bodyStart: Int, sourcesLine: Bool)? {
        guard bytes.count <= NoteParser.Limits().maxFileBytes, !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
              Byte.offset(of: [0], in: bytes, from: 0) == nil, Byte.offset(of: [Byte.carriageReturn], in: bytes, from: 0) == nil
        else { return nil }
        func lineEnd(from start: Int) -> Int { Byte.offset(of: [Byte.newline], in: bytes, from: start) ?? bytes.count }
        func line(_ start: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[start..<lineEnd(from: start)]) }
        func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == Byte.space || line[end - 1] == Byte.tab { end -= 1 }
            return line[line.startIndex..<end]
        }
        // The front matter: a first line `---`, closed by the next `---` or `...` line (spaces after them allowed).
        var bodyStart = 0
        if trimmed(line(0)).elementsEqual("---".utf8) {
            var start = lineEnd(from: 0) + 1
            while start <= bytes.count {
                let text = trimmed(line(start))
                if text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) {
                    bodyStart = min(lineEnd(from: start) + 1, bytes.count)
                    break
                }
                start = lineEnd(from: start) + 1
            }
        }
        let body = UnsafeBufferPointer(rebasing: bytes[bodyStart...])
        // Raw HTML let through could hold a heading's tags: headings are then told by the parse.
        if unsafe {
            var search = 0
            while let tag = Byte.offset(of: Array("<h".utf8), in: body, from: search) {
                if tag + 2 < body.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(body[tag + 2]) { return nil }
                search = tag + 1
            }
        }
        return (bodyStart, endsWithSources(body, heading: sourcesHeading))
    }

    /// Whether `bytes` ends with `\n\n## heading\n\n` and footnote definition lines (one at
    /// least, blank lines between them) in which no `#` may open a heading.
    private static func endsWithSources(_ bytes: UnsafeBufferPointer<UInt8>, heading: [UInt8]) -> Bool {
        let marker = Array("\n\n## ".utf8) + heading + Array("\n\n".utf8)
        var found: Int?, search = 0
        while let next = Byte.offset(of: marker, in: bytes, from: search) {
            found = next
            search = next + 1
        }
        guard let found else { return false }
        let tail = UnsafeBufferPointer(rebasing: bytes[(found + marker.count)...])
        guard !mayOpenHeading(tail) else { return false }
        var definitions = 0, start = 0
        while start < tail.count {
            let end = Byte.offset(of: [Byte.newline], in: tail, from: start) ?? tail.count
            if end > start {
                guard tail[start] == UInt8(ascii: "["), start + 1 < end, tail[start + 1] == UInt8(ascii: "^") else { return false }
                definitions += 1
            }
            start = end + 1
        }
        return definitions > 0
    }

    /// Whether no node of the tree has as many ancestors as `NoteParser`'s parse reads: it keeps
    /// deeper nodes without children, and headings and callouts there are not its.
    private static func nestsWithinLimit(_ document: OpaquePointer) -> Bool {
        let limit = Int32(NoteParser.Limits().maxMarkdownDepth - 1)
        var closed: Int32 = 0, depth: Int32 = 1
        var next = notekit_node_next(document, document, 0, &closed)
        while let node = next {
            guard depth < limit else { return false }
            next = notekit_node_next(node, document, 0, &closed)
            if let child = next, cmark_node_parent(child) == node { depth += 1 } else { depth -= closed }
        }
        return true
    }

    /// Whether a `#` in `bytes` is followed by a space, a tab or a line end: where an ATX heading could open.
    private static func mayOpenHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var search = 0
        while let hash = Byte.offset(of: [UInt8(ascii: "#")], in: bytes, from: search) {
            search = hash + 1
            if hash + 1 == bytes.count || bytes[hash + 1] == Byte.space || bytes[hash + 1] == Byte.tab || bytes[hash + 1] == Byte.newline {
                return true
            }
        }
        return false
    }

    /// The range of the sources heading's `<h2>…</h2>\n` in `html` (empty when there is none
    /// to cut), or nil when it cannot be told. With `appended`, it is the last `<h2>`, holding
    /// exactly `escaped`, followed by the end or the footnotes section; otherwise no `<h2>` may
    /// hold `escaped` or any tag.
    private static func sourcesHeading(in html: UnsafeBufferPointer<UInt8>, escaped: [UInt8], appended: Bool) -> Range<Int>? {
        let opening = Array("<h2>".utf8), closing = Array("</h2>\n".utf8)
        var last: Int?, search = 0
        while let next = Byte.offset(of: opening, in: html, from: search) {
            last = next
            search = next + 1
            guard !appended else { continue }
            guard let inner = headingText(in: html, at: next, opening: opening, closing: closing),
                  same(UnsafeBufferPointer(rebasing: html[inner]), escaped) == false else { return nil }
        }
        guard appended else { return 0..<0 }
        guard let last, let inner = headingText(in: html, at: last, opening: opening, closing: closing),
              same(UnsafeBufferPointer(rebasing: html[inner]), escaped) == true else { return nil }
        let end = inner.upperBound + closing.count
        let footnotes = Array("<section class=\"footnotes\" data-footnotes>".utf8)
        guard end == html.count || UnsafeBufferPointer(rebasing: html[end...]).starts(with: footnotes) else { return nil }
        return last..<end
    }

    /// The text of the heading element `opening` at `start` when it holds no tag and closes
    /// with `closing`; nil otherwise.
    private static func headingText(in html: UnsafeBufferPointer<UInt8>, at start: Int, opening: [UInt8],
                                    closing: [UInt8]) -> Range<Int>? {
        guard UnsafeBufferPointer(rebasing: html[start...]).starts(with: opening),
              let tag = Byte.offset(of: [UInt8(ascii: "<")], in: html, from: start + opening.count),
              UnsafeBufferPointer(rebasing: html[tag...]).starts(with: closing) else { return nil }
        return (start + opening.count)..<tag
    }

    /// Whether the texts escaped as `inner` and `escaped` are equal as Swift compares strings
    /// (canonically): nil when their bytes differ but a non-ASCII character may make them equal.
    private static func same(_ inner: UnsafeBufferPointer<UInt8>, _ escaped: [UInt8]) -> Bool? {
        if inner.elementsEqual(escaped) { return true }
        return inner.allSatisfy { $0 < 0x80 } && escaped.allSatisfy { $0 < 0x80 } ? false : nil
    }

    /// `text` as cmark-gfm writes a text node: `&`, `<`, `>` and `"` escaped (`HTMLText`).
    private static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        HTMLText.append(text, to: &bytes)
        return bytes
    }
}
