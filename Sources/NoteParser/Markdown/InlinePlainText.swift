import Foundation

/// What a reader sees of a line of inline Markdown, as plain text.
public enum InlinePlainText {
    /// `markdown` read as cmark-gfm reads inline text: emphasis, code spans, links and images
    /// give their text, HTML tags and footnote markers are dropped, entities and backslash
    /// escapes are decoded. Line breaks become spaces; blanks around it are trimmed.
    public static func of(_ markdown: String) -> String {
        let line = markdown.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
        // A leading "." keeps the line one paragraph (no heading, list, quote, table or HTML
        // block can start with it) and, being punctuation, lets emphasis open right after it.
        guard let note = try? NoteParser().parse(bytes: Array(("." + line).utf8), path: "inline.md"),
              let paragraph = note.body.children.first(where: { $0.kind == .paragraph }) else { return trimmed(markdown) }
        let text = paragraph.plainText
        return trimmed(text.hasPrefix(".") ? String(text.dropFirst()) : text)
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
