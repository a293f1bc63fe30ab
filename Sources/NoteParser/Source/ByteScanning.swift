/// Small byte-level helpers shared by the source scanners.
enum Byte {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let caret = UInt8(ascii: "^")
    static let colon = UInt8(ascii: ":")

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == UInt8(ascii: "\r")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension SourceText {
    /// The first index of `needle` in `bytes[range]`.
    public func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The text of a line with trailing whitespace removed.
    public func trimmedLine(_ line: Int) -> String {
        var text = lineString(line)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
