/// HTML text and attribute escaping as cmark-gfm does it: `&`, `<`, `>` and `"` as `&amp;`,
/// `&lt;`, `&gt;` and `&quot;`, byte by byte, so that a combining mark after one of them cannot
/// hide it (as it would from a `Character` comparison).
enum HTMLText {
    /// `text` escaped.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped to `output`.
    static func append(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 { append(byte: byte, to: &output) }
    }

    /// Appends `byte` escaped to `output`.
    static func append(byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): output += "&amp;".utf8
        case UInt8(ascii: "<"): output += "&lt;".utf8
        case UInt8(ascii: ">"): output += "&gt;".utf8
        case UInt8(ascii: "\""): output += "&quot;".utf8
        default: output.append(byte)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }
}
