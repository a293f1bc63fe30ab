extension QueryCalloutScanner {
    /// The model of a `**Response from MODEL**:` line: `text.firstMatch(of: responseFrom)`'s
    /// capture. A line of ASCII bytes without a newline (each character one byte) is matched on
    /// its bytes (`asciiResponseModel`), as the regular expression would, without its engine's cost.
    static func responseModel(in text: String) -> Substring? {
        if let read = text.utf8.withContiguousStorageIfAvailable(asciiResponseModel), let found = read {
            let utf8 = text.utf8
            return found.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
        }
        return text.firstMatch(of: responseFrom).map(\.1)
    }

    /// `responseFrom` on the bytes of an ASCII line: optional `#`s and blanks, `**Response from `,
    /// the model (the bytes up to the next `*`, at least one), `**`, an optional `:`, then only
    /// blanks to the end. The model's offsets, or nil inside when there is no match; nil when a
    /// byte is not ASCII or a newline, for the regular expression to decide.
    static func asciiResponseModel(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>?? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != Byte.newline }) else { return nil }
        let star = UInt8(ascii: "*"), opening: StaticString = "**Response from "
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            while index < bytes.count, bytes[index] == UInt8(ascii: "#") { index += 1 }
            while index < bytes.count, Byte.isCharacterWhitespace(bytes[index]) { index += 1 }
        }
        let count = opening.utf8CodeUnitCount
        guard index + count <= bytes.count, (0..<count).allSatisfy({ bytes[index + $0] == opening.utf8Start[$0] }) else { return .some(nil) }
        let start = index + count
        var end = start
        while end < bytes.count, bytes[end] != star { end += 1 }
        guard end > start, end + 1 < bytes.count, bytes[end + 1] == star else { return .some(nil) }
        var rest = end + 2
        if rest < bytes.count, bytes[rest] == Byte.colon { rest += 1 }
        while rest < bytes.count, Byte.isCharacterWhitespace(bytes[rest]) { rest += 1 }
        return .some(rest == bytes.count ? start..<end : nil)
    }
}
