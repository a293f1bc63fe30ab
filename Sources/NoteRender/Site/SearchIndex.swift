import Foundation

/// `search.json`: each note page's title, URL, lede, tags and the start of its text, read by
/// the site's `search.js`.
enum SearchIndex {
    /// At most this many characters of each page's text.
    static let textLength = 4000

    static func json(_ plan: SitePlan, texts: [String]) -> String {
        let entries: [[String: Any]] = plan.pages.enumerated().map { index, page in
            ["title": page.title, "url": page.url, "lede": page.lede ?? "", "tags": page.tags, "text": plain(texts[index])]
        }
        return Metadata.json(entries) + "\n"
    }

    /// Cleaned Markdown as searchable words: front matter, link destinations, markup characters
    /// and runs of spaces gone.
    static func plain(_ markdown: String) -> String {
        // The words kept come from the start: a long note's tail is never read.
        let start = String(decoding: markdown.utf8.prefix(textLength * 4), as: UTF8.self)
        var body = Substring(start.replacing(#/\]\(<[^>]*>\)|\]\([^)\s]*\)/#, with: " "))
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---", range: body.index(body.startIndex, offsetBy: 4)..<body.endIndex) {
            body = body[end.upperBound...]
        }
        var text = "", space = false, count = 0
        for character in body {
            if character.isWhitespace || "#*_>[]()|`=~<".contains(character) {
                space = !text.isEmpty
            } else {
                if space { text.append(" ") }
                space = false
                text.append(character)
                count += 1
                if count >= textLength { break }
            }
        }
        return text
    }
}
