import Foundation

/// Writing text and links into Markdown.
enum MarkdownText {
    /// Escapes the characters that would start Markdown syntax in inline text (one pass over the
    /// UTF-8 bytes: every such character is ASCII).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isSpecial(byte) { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The characters `escape` escapes.
    static let specialCharacters = "\\[]^*_`<>|!#~=%"

    /// `specialCharacters` as bits, by byte value: bytes 0–63 in the first word, 64–127 in the second.
    private static let specialBits: (low: UInt64, high: UInt64) = specialCharacters.utf8.reduce((0, 0)) { bits, byte in
        byte < 64 ? (bits.low | 1 << byte, bits.high) : (bits.low, bits.high | 1 << (byte - 64))
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 ? specialBits.low >> byte & 1 == 1 : byte < 128 && specialBits.high >> (byte - 64) & 1 == 1
    }

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
