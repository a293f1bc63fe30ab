import NoteParser

/// Obsidian block ids: ` ^id` ending a paragraph, list item, heading or table cell. Obsidian
/// hides them; in HTML each becomes an empty `<span id="block-id">` that `[[Note#^id]]` links to.
enum BlockIDs {
    /// The element id of block `id` (written without its `^`).
    static func anchor(_ id: String) -> String { "block-" + Slug.make(id, fallback: "") }

    private static let elementEnds = ["</p>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</td>", "</th>"]
        .map { Array($0.utf8) }

    /// `html` with every block id (spaces or tabs, `^`, letters, digits and hyphens, then an
    /// element's end tag) replaced by its anchor, in one pass over the bytes.
    static func render(_ html: String) -> String {
        // Most pages hold no `^`: found by `memchr`, without copying the page.
        guard html.byteRange(of: "^") != nil else { return html }
        let source = SourceText(bytes: Array(html.utf8)), bytes = source.bytes
        guard var caret = source.find([UInt8(ascii: "^")], in: 0..<bytes.count) else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        while true {
            var idEnd = caret + 1
            while idEnd < bytes.count, isIDByte(bytes[idEnd]) { idEnd += 1 }
            var start = caret
            while start > cursor, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
            if idEnd > caret + 1, start < caret, elementEnds.contains(where: { source.matches($0, at: idEnd) }) {
                output += bytes[cursor..<start]
                output += "<span id=\"\(anchor(source.string((caret + 1)..<idEnd)))\"></span>".utf8
                cursor = idEnd
            }
            guard let next = source.find([UInt8(ascii: "^")], in: (caret + 1)..<bytes.count) else { break }
            caret = next
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
