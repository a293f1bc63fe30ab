import NoteMustache
import NoteParser

/// The second- and third-level headings of a rendered body, with the ids `HeadingIDs` gave
/// them, for a page's table of contents.
enum TableOfContents {
    /// `level`, `id` and `text` (HTML) of each `<h2 id="…">` and `<h3 id="…">` closed on its line.
    static func entries(of html: String) -> [TemplateValue] {
        var html = html
        return html.withUTF8 { bytes in
            func find(_ needle: [UInt8], from start: Int) -> Int? { Byte.offset(of: needle, in: bytes, from: start) }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var entries: [TemplateValue] = []
            var search = 0
            while let hit = find(Self.opening, from: search) {
                search = hit + 2
                guard hit + 9 < bytes.count, bytes[hit + 2] == UInt8(ascii: "2") || bytes[hit + 2] == UInt8(ascii: "3"),
                      UnsafeBufferPointer(rebasing: bytes[(hit + 3)..<(hit + 8)]).elementsEqual(Self.id),
                      let idEnd = find([UInt8(ascii: "\"")], from: hit + 8),
                      idEnd + 1 < bytes.count, bytes[idEnd + 1] == UInt8(ascii: ">") else { continue }
                let level = Int(bytes[hit + 2] - UInt8(ascii: "0"))
                let contentStart = idEnd + 2
                guard let close = find(level == 2 ? Self.closing2 : Self.closing3, from: contentStart),
                      !UnsafeBufferPointer(rebasing: bytes[contentStart..<close]).contains(UInt8(ascii: "\n")) else { continue }
                // Links inside a heading would nest in the entry's link: their tags go, their text stays.
                let text = HeadingIDs.withoutTags(string(contentStart..<close))
                entries.append(.object(["level": .number(level), "id": .text(string((hit + 8)..<idEnd)), "text": .text(text)]))
                search = close
            }
            return entries
        }
    }

    private static let opening = Array("<h".utf8), id = Array(" id=\"".utf8)
    private static let closing2 = Array("</h2>".utf8), closing3 = Array("</h3>".utf8)
}
