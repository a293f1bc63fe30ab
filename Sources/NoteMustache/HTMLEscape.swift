/// HTML escaping of variables: `<`, `>`, `&`, `"` and `'` as `&lt;`, `&gt;`, `&amp;`,
/// `&quot;` and `&#39;`. Like swift-mustache, a character is replaced only when it stands alone:
/// one joined with a neighbouring combining mark or other extending scalar into one `Character`
/// is kept as it is.
enum HTMLEscape {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        let plain: Bool? = text.withUTF8 { bytes in
            // Only a non-ASCII neighbour can join an ASCII character into a larger `Character`.
            var special = false
            for (index, byte) in bytes.enumerated() where isSpecial(byte) {
                special = true
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) { return nil }
            }
            if !special { output.append(contentsOf: bytes); return true }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: lessThan)
                case UInt8(ascii: ">"): output.append(contentsOf: greaterThan)
                case UInt8(ascii: "&"): output.append(contentsOf: ampersand)
                case UInt8(ascii: "\""): output.append(contentsOf: quote)
                case UInt8(ascii: "'"): output.append(contentsOf: apostrophe)
                default: output.append(byte)
                }
            }
            return true
        }
        guard plain == nil else { return }
        for character in text {
            switch character {
            case "<": output.append(contentsOf: lessThan)
            case ">": output.append(contentsOf: greaterThan)
            case "&": output.append(contentsOf: ampersand)
            case "\"": output.append(contentsOf: quote)
            case "'": output.append(contentsOf: apostrophe)
            default: output.append(contentsOf: character.utf8)
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8), ampersand = Array("&amp;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)
}
