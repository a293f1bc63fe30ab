import NoteParser

/// The second- and third-level headings of a rendered body, with the ids `HeadingIDs` gave
/// them, for a page's table of contents.
enum TableOfContents {
    /// `level`, `id` and `text` (HTML) of each `<h2 id="…">` and `<h3 id="…">` closed on its line.
    static func entries(of html: String) -> [[String: Any]] {
        let source = SourceText(bytes: Array(html.utf8)), bytes = source.bytes
        var entries: [[String: Any]] = []
        var search = 0
        while let hit = source.find(Array("<h".utf8), in: search..<bytes.count) {
            search = hit + 2
            guard hit + 9 < bytes.count, bytes[hit + 2] == UInt8(ascii: "2") || bytes[hit + 2] == UInt8(ascii: "3"),
                  source.matches(Array(" id=\"".utf8), at: hit + 3),
                  let idEnd = source.find([UInt8(ascii: "\"")], in: (hit + 8)..<bytes.count),
                  idEnd + 1 < bytes.count, bytes[idEnd + 1] == UInt8(ascii: ">") else { continue }
            let level = Int(bytes[hit + 2] - UInt8(ascii: "0"))
            let contentStart = idEnd + 2
            guard let close = source.find(Array("</h\(level)>".utf8), in: contentStart..<bytes.count),
                  !bytes[contentStart..<close].contains(UInt8(ascii: "\n")) else { continue }
            // Links inside a heading would nest in the entry's link: their tags go, their text stays.
            let text = HeadingIDs.withoutTags(source.string(contentStart..<close))
            entries.append(["level": level, "id": source.string((hit + 8)..<idEnd), "text": text])
            search = close
        }
        return entries
    }
}
