import NoteParser

/// Heading ids in rendered HTML: each `<hN>text</hN>` on one line gets the id
/// `[[#Heading]]` links resolve to, the slug of its text without tags, made unique. One pass
/// over the bytes.
enum HeadingIDs {
    /// `html` with an id on every heading whose element closes on the line it opens.
    static func render(_ html: String) -> String {
        let source = SourceText(bytes: Array(html.utf8)), bytes = source.bytes
        guard let first = source.find(Array("<h".utf8), in: 0..<bytes.count) else { return html }
        // Pieces of `html` cut at ASCII bytes, joined without validating them again.
        let utf8 = html.utf8
        func piece(_ range: Range<Int>) -> Substring {
            html[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        var output = ""
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var taken = Set(["sources-heading"])
        var cursor = 0, search = first
        // The end of the line being searched, and the next `</hN>` per level: found once, reused.
        var lineEnd = -1, closings = [Int?](repeating: nil, count: 7), searched = [Bool](repeating: false, count: 7)
        while let hit = source.find(Array("<h".utf8), in: search..<bytes.count) {
            search = hit + 1
            guard hit + 3 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[hit + 2]),
                  bytes[hit + 3] == UInt8(ascii: ">") else { continue }
            let level = Int(bytes[hit + 2] - UInt8(ascii: "0")), contentStart = hit + 4
            if lineEnd < contentStart { lineEnd = newline(in: bytes, from: contentStart) }
            if !searched[level] || closings[level].map({ $0 < contentStart }) ?? false {
                closings[level] = source.find(Array("</h\(level)>".utf8), in: contentStart..<bytes.count)
                searched[level] = true
            }
            guard let contentEnd = closings[level], contentEnd < lineEnd else { continue }
            let content = source.string(contentStart..<contentEnd)
            let base = Slug.make(withoutTags(content), fallback: "section")
            var id = base, counter = 2
            while !taken.insert(id).inserted {
                id = "\(base)-\(counter)"
                counter += 1
            }
            output += piece(cursor..<hit)
            output += "<h\(level) id=\"\(id)\">"
            cursor = contentStart
            search = contentEnd + 5
        }
        output += piece(cursor..<bytes.count)
        return output
    }

    /// The first offset from `start` of a character Swift's `Character.isNewline` accepts
    /// (`\n`, `\u{B}`, `\u{C}`, `\r`, U+0085, U+2028, U+2029), or the end.
    private static func newline(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x0A && byte <= 0x0D { return index }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return index }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return index }
            index += 1
        }
        return index
    }

    /// `text` without its tags (`<` to the next `>`).
    static func withoutTags(_ text: String) -> String {
        let bytes = Array(text.utf8)
        // A `<` after the last `>` opens no tag.
        guard let lastClose = bytes.lastIndex(of: UInt8(ascii: ">")) else { return text }
        var output: [UInt8] = [], inTag = false
        for (index, byte) in bytes.enumerated() {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<"), index < lastClose {
                inTag = true
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
