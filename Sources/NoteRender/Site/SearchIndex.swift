import Foundation
import NoteParser

/// `search.json`: each note page's title, URL, lede, tags and the start of its text, read by
/// the site's `search.js`.
enum SearchIndex {
    /// At most this many characters of each page's text.
    static let textLength = 4000

    /// - Parameter texts: each page's text as `plain` made it, by plan index.
    static func json(_ plan: SitePlan, texts: [String]) -> Data {
        var json = PrettyJSON(capacity: texts.reduce(0) { $0 + $1.utf8.count } + 256 * texts.count, compact: true)
        json.beginArray()
        for (index, page) in plan.pages.enumerated() {
            json.element()
            json.beginObject()
            json.key("lede")
            json.value(page.lede ?? "")
            json.key("tags")
            json.beginArray()
            for tag in page.tags {
                json.element()
                json.value(tag)
            }
            json.endArray()
            json.key("text")
            json.value(texts[index])
            json.key("title")
            json.value(page.title)
            json.key("url")
            json.value(page.url)
            json.endObject()
        }
        json.endArray()
        var bytes = Metadata.scriptSafe(json.takeBytes())
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    /// Cleaned Markdown as searchable words: front matter, link destinations, markup characters
    /// and runs of spaces gone; at most `textLength` characters from the start (one pass over
    /// the bytes, a long note's tail never read).
    static func plain(_ markdown: String) -> String {
        var start = String(decoding: markdown.utf8.prefix(textLength * 4), as: UTF8.self)
        if markdown.utf8.count > textLength * 4, start.last == "\u{FFFD}" { start.removeLast() }  // a character cut in two
        let text = Array(start.utf8)
        var index = 0
        if text.starts(with: Array("---\n".utf8)),
           let end = SourceText(bytes: text).find(Array("\n---".utf8), in: 3..<text.count) {
            index = end + 4
        }
        var output: [UInt8] = [], space = false, count = 0
        output.reserveCapacity(text.count - index)
        text.withUnsafeBufferPointer { bytes in
            while index < bytes.count, count < textLength {
                let byte = bytes[index]
                if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                    // A link's destination (`](url)`, `](<url>)`) is no word of the text.
                    var end = index + 2
                    let angled = end < bytes.count && bytes[end] == UInt8(ascii: "<")
                    while end < bytes.count, bytes[end] != UInt8(ascii: angled ? ">" : ")"), angled || !Byte.isWhitespace(bytes[end]) { end += 1 }
                    index = end + (angled ? 2 : 1)
                    space = !output.isEmpty
                    continue
                }
                if Byte.isWhitespace(byte) || Self.isMarkup(byte) {
                    space = !output.isEmpty
                } else {
                    if space { output.append(UInt8(ascii: " ")) }
                    space = false
                    output.append(byte)
                    if byte & 0xC0 != 0x80 { count += 1 }
                }
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The markup characters `plain` drops: `#`, `*`, `_`, `>`, brackets, parentheses, `|`, a backtick, `=`, `~` and `<`.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "="), UInt8(ascii: "~"),
             UInt8(ascii: "<"): return true
        default: return false
        }
    }
}
