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

    /// Appends `text` escaped to `output`: runs of other bytes copied at once.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices where isSpecial(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                append(byte: bytes[index], to: &output)
                run = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
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
