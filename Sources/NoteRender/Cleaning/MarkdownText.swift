import Foundation

/// Writing text and links into Markdown.
enum MarkdownText {
    /// Escapes the characters that would start Markdown syntax in inline text.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\[]^*_`<>|!#~=%".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// `[text](<url>)`, or `![text](<url>)` for an image.
    static func link(_ text: String, url: String, isImage: Bool = false) -> String {
        let safeURL = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "\n", with: "%0A")
        return (isImage ? "!" : "") + "[\(escape(text))](<\(safeURL)>)"
    }
}
