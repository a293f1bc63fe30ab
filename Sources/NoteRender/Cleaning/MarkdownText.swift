import Foundation
import NoteParser

/// Writing text and links into Markdown.
enum MarkdownText {
    /// Escapes the characters that would start Markdown syntax in inline text (one pass over the
    /// UTF-8 bytes: every such character is ASCII).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: special.contains) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special.contains(byte) { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The characters `escape` escapes.
    static let specialCharacters = "\\[]^*_`<>|!#~=%"

    private static let special = ASCIISet(specialCharacters)

    /// `[text](<url>)`, or `![text](<url>)` for an image.
    static func link(_ text: String, url: String, isImage: Bool = false) -> String {
        var safeURL = url
        if url.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\n") }) {
            safeURL = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        return (isImage ? "!" : "") + "[\(escape(text))](<\(safeURL)>)"
    }
}
