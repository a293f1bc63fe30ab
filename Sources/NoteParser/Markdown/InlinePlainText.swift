import Foundation

/// What a reader sees of a line of inline Markdown, as plain text.
package enum InlinePlainText {
    /// `markdown` read as cmark-gfm reads inline text: emphasis, code spans, links and images
    /// give their text, HTML tags and footnote markers are dropped, entities and backslash
    /// escapes are decoded. Line breaks become spaces; blanks around it are trimmed.
    package static func of(_ markdown: String) -> String {
        if !markdown.utf8.contains(where: isSyntax) { return trimmed(markdown) }
        let line = markdown.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
        // A leading "." keeps the line one paragraph (no heading, list, quote, table or HTML
        // block can start with it) and, being punctuation, lets emphasis open right after it.
        guard let note = try? NoteParser().parse(bytes: Array(("." + line).utf8), path: "inline.md"),
              let paragraph = note.body.children.first(where: { $0.kind == .paragraph }) else { return trimmed(markdown) }
        let text = paragraph.plainText
        return trimmed(text.hasPrefix(".") ? String(text.dropFirst()) : text)
    }

    /// Bytes that can start inline syntax (escapes, code, emphasis, strikethrough, links,
    /// images, HTML, entities) or break the line; text without them reads as written.
    private static func isSyntax(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"), Byte.newline, Byte.carriageReturn: true
        default: false
        }
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
