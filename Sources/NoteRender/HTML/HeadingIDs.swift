#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NoteParser

/// Heading ids in rendered HTML: each `<hN>text</hN>` on one line gets the id
/// `[[#Heading]]` links resolve to, the slug of its text without tags, made unique. One pass
/// over the bytes.
enum HeadingIDs {
    /// `html` with an id on every heading whose element closes on the line it opens.
    static func render(_ html: String) -> String {
        var html = html
        let headings = html.withUTF8 { bytes in Self.headings(in: bytes) }
        guard !headings.isEmpty else { return html }
        // Pieces of `html` cut at ASCII bytes, joined without validating them again.
        let utf8 = html.utf8
        func piece(_ range: Range<Int>) -> Substring {
            html[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        var output = ""
        output.reserveCapacity(utf8.count + utf8.count / 8)
        var taken: Set<String> = ["sources-heading"]
        var cursor = 0
        for heading in headings {
            let base = Slug.make(withoutTags(heading.content), fallback: "section")
            var id = base, counter = 2
            while !taken.insert(id).inserted {
                id = "\(base)-\(counter)"
                counter += 1
            }
            output += piece(cursor..<heading.start)
            output += Self.openings[heading.level]
            output += id
            output += "\">"
            cursor = heading.start + 4
        }
        output += piece(cursor..<utf8.count)
        return output
    }

    /// Each `<hN>` (its offset, level and text up to its `</hN>`) whose element closes on the
    /// line it opens, found on the bytes in place.
    private static func headings(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, level: Int, content: String)] {
        func find(_ needle: [UInt8], from start: Int) -> Int? { Byte.offset(of: needle, in: bytes, from: start) }
        var headings: [(start: Int, level: Int, content: String)] = []
        /// The next `<h` from `start`: `memchr` for each `<`, its next byte read in place.
        func opening(from start: Int) -> Int? {
            guard let base = bytes.baseAddress else { return nil }
            var index = start
            while index + 1 < bytes.count, let hit = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - 1 - index) {
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: "h") { return index }
                index += 1
            }
            return nil
        }
        // The end of the line being searched, and the next `</hN>` per level (-1: none; -2: not
        // searched yet): found once, reused.
        var lineEnd = -1, closings = [Int](repeating: -2, count: 7)
        var search = 0
        while let hit = opening(from: search) {
            search = hit + 1
            guard hit + 3 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[hit + 2]),
                  bytes[hit + 3] == UInt8(ascii: ">") else { continue }
            let level = Int(bytes[hit + 2] - UInt8(ascii: "0")), contentStart = hit + 4
            if lineEnd < contentStart { lineEnd = newline(in: bytes, from: contentStart) }
            if closings[level] == -2 || (closings[level] >= 0 && closings[level] < contentStart) {
                closings[level] = find(Self.closings[level], from: contentStart) ?? -1
            }
            let contentEnd = closings[level]
            guard contentEnd >= 0, contentEnd < lineEnd else { continue }
            headings.append((hit, level, String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), as: UTF8.self)))
            search = contentEnd + 5
        }
        return headings
    }

    /// `<hN id="` by level N (index 0 unused).
    private static let openings = (0...6).map { "<h\($0) id=\"" }
    /// `</hN>` by level N (index 0 unused).
    private static let closings = (0...6).map { Array("</h\($0)>".utf8) }

    /// The first offset from `start` of a character Swift's `Character.isNewline` accepts
    /// (`\n`, `\u{B}`, `\u{C}`, `\r`, U+0085, U+2028, U+2029), or the end.
    private static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
