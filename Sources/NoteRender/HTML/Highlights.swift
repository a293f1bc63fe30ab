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
        guard markdown.byteRange(of: "==") != nil, let found = try? NoteParser().bodyAndCode(bytes: Array(markdown.utf8), path: ""),
              found.bodyStartLine <= found.source.lineCount else {
            return markdown
        }
        let (source, bodyStartLine, code) = found
        let bytes = source.bytes, equals = Array("==".utf8)
        var edits = SourceEdits(source: source)
        var search = source.lineStarts[bodyStartLine - 1]
        while let start = source.find(equals, in: search..<bytes.count) {
            var end = start + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "="), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let text = source.string((start + 2)..<end)
            guard source.matches(equals, at: end), let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                  !first.properties.isWhitespace, !last.properties.isWhitespace else {
                search = start + 1
                continue
            }
            if !code.overlaps(start..<(end + 2)) { edits.replace(start..<(end + 2), with: open + text + close) }
            search = end + 2
        }
        return edits.applied()
    }

    /// Turns the markers cmark-gfm passed through into `<mark>` elements.
    func render(_ html: String) -> String {
        guard html.byteRange(of: open) != nil || html.byteRange(of: close) != nil else { return html }
        return html.replacingBytes(of: open, with: "<mark>").replacingBytes(of: close, with: "</mark>")
    }
}
