/// HTML escaping of variables: `<`, `>`, `&`, `"` and `'` as `&lt;`, `&gt;`, `&amp;`,
/// `&quot;` and `&#39;`. Like swift-mustache, a character is replaced only when it stands alone:
/// one joined with a neighbouring combining mark or other extending scalar into one `Character`
/// is kept as it is.
enum HTMLEscape {
    static func append(_ text: String, to output: inout String) {
        var text = text
        let (special, joined) = text.withUTF8 { bytes in
            var special = false, joined = false
            var previous: UInt8 = 0
            for byte in bytes {
                // Only a non-ASCII neighbour can join an ASCII character into a larger `Character`.
                if isSpecial(byte) {
                    special = true
                    if previous >= 0x80 { joined = true }
                } else if byte >= 0x80, isSpecial(previous) {
                    joined = true
                }
                previous = byte
            }
            return (special, joined)
        }
        guard special else { return output += text }
        let bytes = text.utf8
        guard !joined else { return appendByCharacter(text, to: &output) }
        var start = bytes.startIndex
        for index in bytes.indices where isSpecial(bytes[index]) {
            output += Substring(bytes[start..<index])
            output += replacement(bytes[index])
            start = bytes.index(after: index)
        }
        output += Substring(bytes[start...])
    }

    private static func appendByCharacter(_ text: String, to output: inout String) {
        for character in text {
            switch character {
            case "<", ">", "&", "\"", "'": output += replacement(character.utf8.first ?? 0)
            default: output.append(character)
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func replacement(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }
}
