import CmarkSupport

/// Finds the first byte that breaks UTF-8.
package enum UTF8Validation {
    /// `bytes` as a string when they are valid UTF-8; nil otherwise. (`String(validating:as:)`
    /// does the same, but needs macOS 15.)
    package static func string(_ bytes: [UInt8]) -> String? {
        firstInvalidOffset(bytes) == nil ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The offset of the first invalid sequence, or nil when all of `bytes` is valid UTF-8.
    package static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidOffset)
    }

    private static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        let count = bytes.count
        while index < count {
            // Through ASCII text to its next byte with the high bit set (`notekit_ascii_run_end`,
            // sixty-four bytes at a time).
            index = notekit_ascii_run_end(base, count, index)
            guard index < count else { break }
            let byte = bytes[index]
            let length: Int
            var minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
