import NoteParser

/// `==highlight==` outside code, marked with private-use characters that survive cmark-gfm
/// and become `<mark>` afterwards. The characters are ones the page's Markdown does not hold,
/// so private-use characters of a note come out as themselves.
struct Highlights {
    let open: String, close: String

    /// Markers the page does not hold; nil when it holds every private-use character.
    init?(unusedIn page: Placeholder) {
        guard let markers = page.privateUse(2) else { return nil }
        (open, close) = (markers[0], markers[1])
    }

    /// `markdown` with every `==text==` of its body outside code marked: `text` holds no `=`
    /// or line break and neither starts nor ends with whitespace. One pass over the bytes.
    func mark(_ markdown: String) -> String {
        guard Self.holdsOne(markdown), let found = try? NoteParser().bodyAndCode(bytes: Array(markdown.utf8), path: ""),
              found.bodyStartLine <= found.source.lineCount else {
            return markdown
        }
        let (source, bodyStartLine, code) = found
        var edits = SourceEdits(source: source)
        var search = source.lineStarts[bodyStartLine - 1]
        while let (start, end, text) = Self.highlight(in: source, from: search) {
            if !code.overlaps(start..<(end + 2)) { edits.replace(start..<(end + 2), with: open + text + close) }
            search = end + 2
        }
        return edits.applied()
    }

    /// Whether `markdown` holds a `==text==` anywhere (code and front matter included): `mark`
    /// leaves a text without one as it is, and a text made of some of its lines. Most `==` start
    /// no highlight (setext underlines, `a == b`): such a text needs no parse for its code.
    static func holdsOne(_ markdown: String) -> Bool {
        markdown.byteRange(of: "==") != nil && highlight(in: SourceText(markdown), from: 0) != nil
    }

    /// The first `==text==` at or after `search`: the offsets of its two `==` and its text.
    private static func highlight(in source: SourceText, from search: Int) -> (start: Int, end: Int, text: String)? {
        let bytes = source.bytes, equals = Array("==".utf8)
        var search = search
        while let start = source.find(equals, in: search..<bytes.count) {
            var end = start + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "="), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let text = source.string((start + 2)..<end)
            if source.matches(equals, at: end), let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
               !first.properties.isWhitespace, !last.properties.isWhitespace {
                return (start, end, text)
            }
            search = start + 1
        }
        return nil
    }

    /// Turns the markers cmark-gfm passed through into `<mark>` elements.
    func render(_ html: String) -> String {
        guard html.byteRange(of: open) != nil || html.byteRange(of: close) != nil else { return html }
        return html.replacingBytes(of: open, with: "<mark>").replacingBytes(of: close, with: "</mark>")
    }
}
