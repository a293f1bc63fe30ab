import NoteParser

/// A listing page's list of links (a collection's or tag's pages, the sources index, a
/// source's citing pages): one item a line, a linked title and text after it. Its Markdown, and
/// the HTML an index page's body gets from that Markdown (cmark-gfm, `HeadingIDs`, `URLSafety`,
/// `RelativeURLs`), written directly when every text and URL is one cmark-gfm reads as it is.
struct LinkList: Sendable {
    struct Item: Sendable {
        let title: String
        /// Relative to the site's top.
        let url: String
        /// Text after the link: a date, a lede, a count.
        let after: String
    }

    var items: [Item] = []

    /// `- [title](<url>)after` a line, the texts escaped.
    var markdown: String {
        items.map(Self.line).joined(separator: "\n") + "\n"
    }

    /// The body HTML of a page listing only these items, its links moved by `prefix` (the way
    /// from its folder to the top): what cmark-gfm renders of `markdown` (a tight list; text
    /// with `&`, `<`, `>` and `"` escaped), no heading to give an id, no URL to empty. Nil when
    /// a text could read as more than its characters (control characters, an entity, `=`,
    /// something the autolink extension links, trailing whitespace at a line's end) or a URL
    /// holds more than letters, digits and `-._/#`: that page goes through cmark-gfm.
    func html(prefix: String) -> String? {
        guard !items.isEmpty else { return "" }
        var output: [UInt8] = Array("<ul>\n".utf8)
        output.reserveCapacity(items.reduce(16) { $0 + $1.title.utf8.count + $1.url.utf8.count + $1.after.utf8.count + 40 })
        for item in items {
            guard Self.append(item, prefix: prefix, to: &output) else { return nil }
        }
        output += "</ul>\n".utf8
        return String(decoding: output, as: UTF8.self)
    }

    /// What cmark-gfm renders of `markdown` (before an index page's passes): the items `html`
    /// can write written so, each other one as cmark-gfm renders its line alone. Each line is an
    /// item of the one tight list whatever its text (it starts `- [`, its link's text escaped),
    /// and the text of each is read apart from the others' (no link definition or footnote can
    /// be made of escaped text). Nil when a line holds a line break (it would be more lines).
    func cmarkHTML(unsafe: Bool) -> String? {
        guard !items.isEmpty else { return "" }
        var output: [UInt8] = Array("<ul>\n".utf8)
        output.reserveCapacity(items.reduce(16) { $0 + $1.title.utf8.count + $1.url.utf8.count + $1.after.utf8.count + 40 })
        let opening = Array("<ul>\n".utf8), closing = Array("</ul>\n".utf8)
        for item in items {
            if Self.append(item, prefix: "", to: &output) { continue }
            let line = Self.line(item)
            guard !line.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return nil }
            // `<ul>\n<li>…</li>\n</ul>\n`: the item is what is between the list's tags.
            let html = Array(CmarkParser.renderHTML(markdown: line + "\n", unsafe: unsafe).utf8)
            let inner = html.dropFirst(opening.count).dropLast(closing.count)
            guard html.starts(with: opening), html.suffix(closing.count).elementsEqual(closing), inner.starts(with: "<li>".utf8),
                  inner.suffix(6).elementsEqual("</li>\n".utf8) else { return nil }
            output += inner
        }
        output += "</ul>\n".utf8
        return String(decoding: output, as: UTF8.self)
    }

    /// `item` as `html` writes it (`<li>…</li>` and a newline), when it can; false otherwise.
    private static func append(_ item: Item, prefix: String, to output: inout [UInt8]) -> Bool {
        // Spaces at a line's end (cmark-gfm cuts them) and around a title are left to cmark-gfm.
        guard isPlain(item.title), isPlain(item.after), isPlainURL(item.url), item.after.utf8.last != UInt8(ascii: " "),
              item.title.utf8.first != UInt8(ascii: " "), item.title.utf8.last != UInt8(ascii: " ") else { return false }
        output += "<li><a href=\"".utf8
        // A relative URL (no scheme, not from the root or a fragment) moves with the page.
        if let first = item.url.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/") { output += prefix.utf8 }
        output += item.url.utf8
        output += "\">".utf8
        HTMLText.append(item.title, to: &output)
        output += "</a>".utf8
        HTMLText.append(item.after, to: &output)
        output += "</li>\n".utf8
        return true
    }

    /// An item's line of `markdown`.
    private static func line(_ item: Item) -> String {
        "- " + MarkdownText.link(item.title, url: item.url) + MarkdownText.escape(item.after)
    }

    /// Text cmark-gfm renders as its own characters once `MarkdownText.escape`d (the
    /// characters it escapes are read back literally): no control character, no `&` starting
    /// what could be an entity (`&` letters, digits or `#`, then `;`), no `=` (`URLSafety`
    /// reads `name=` anywhere), nothing the autolink extension would link (`@`, `://`, `www.`,
    /// `mailto:`, `xmpp:`).
    private static func isPlain(_ text: String) -> Bool {
        var text = text
        // Nil: not plain; else whether a `:` or `.` may start a link.
        let marked = text.withUTF8 { bytes -> Bool? in
            var marked = false
            for index in bytes.indices {
                let byte = bytes[index]
                // One test for letters, digits and most punctuation.
                if byte > UInt8(ascii: "@"), byte != 0x7F { continue }
                if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "@") { return nil }
                if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") { marked = true }
                if byte == UInt8(ascii: "&") {
                    var end = index + 1
                    while end < bytes.count, Byte.isLetter(bytes[end]) || Byte.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
                    if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ";") { return nil }
                }
            }
            return marked
        }
        guard let marked else { return false }
        guard marked else { return true }
        // Found on the bytes: also where a combining mark follows (more texts left to cmark-gfm, none fewer).
        let lowered = Array(text.lowercasedCheaply().utf8)
        return lowered.withUnsafeBufferPointer { buffer in
            !linkMarks.contains { mark in mark.withUnsafeBufferPointer { Byte.offset(of: $0, in: buffer) != nil } }
        }
    }

    /// What starts a link of the autolink extension.
    private static let linkMarks = ["://", "www.", "mailto:", "xmpp:"].map { Array($0.utf8) }

    /// Letters, digits, `-`, `.`, `_`, `/` and `#`: cmark-gfm writes such a link destination as it
    /// is, and `URLSafety` keeps it.
    private static func isPlainURL(_ url: String) -> Bool {
        !url.isEmpty && url.utf8.allSatisfy { byte in
            (Byte.isLetter(byte) || Byte.isDigit(byte)) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#")
        }
    }
}
