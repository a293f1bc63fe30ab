#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one byte vocabulary (whitespace, digits, letters, byte search) of the package.
package enum Byte {
    package static let newline = UInt8(ascii: "\n")
    package static let carriageReturn = UInt8(ascii: "\r")
    package static let space = UInt8(ascii: " ")
    package static let tab = UInt8(ascii: "\t")
    package static let openBracket = UInt8(ascii: "[")
    package static let closeBracket = UInt8(ascii: "]")
    package static let caret = UInt8(ascii: "^")
    package static let colon = UInt8(ascii: ":")

    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == UInt8(ascii: "\r")
    }

    package static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether two buffers hold the same bytes (a `memcmp`, not a generic walk).
    package static func same(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        lhs.count == rhs.count && (lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
    }

    /// `A` to `Z` and `a` to `z`.
    package static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }

    /// `range` of `bytes` without the blanks (`isWhitespace`) at its ends, when what is left is
    /// empty or starts and ends with an ASCII byte (each then a character of its own, so the
    /// range cuts a string of the bytes where its characters would); nil when an end is not ASCII.
    package static func trimmedASCIIEnds<Bytes: RandomAccessCollection<UInt8>>(_ range: Range<Int>, in bytes: Bytes) -> Range<Int>?
    where Bytes.Index == Int {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
        return start..<end
    }

    /// The ASCII bytes `Character.isWhitespace` accepts: space and `\t` to `\r`.
    package static func isCharacterWhitespace(_ byte: UInt8) -> Bool { byte == space || (byte >= 0x09 && byte <= 0x0D) }

    /// `byte` with `A` to `Z` lowercased; any other byte as it is.
    package static func lowercased(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }

    /// Whether one of eight ASCII bytes (`word`, each below 0x80) is `A` to `Z`.
    package static func hasCapital(asciiWord word: UInt64) -> Bool { capitals(asciiWord: word) != 0 }

    /// Eight ASCII bytes (`word`, each below 0x80) with `A` to `Z` lowercased.
    package static func lowercased(asciiWord word: UInt64) -> UInt64 { word | capitals(asciiWord: word) >> 2 }

    /// 0x80 in each of eight ASCII bytes that is `A` to `Z`: adding 0x3F sets the high bit of
    /// the bytes from `A` up, adding 0x25 that of the bytes after `Z`, without a carry from one
    /// byte into the next.
    private static func capitals(asciiWord word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & (ones &* 0x80)
    }

    /// Whether all eight bytes of `word` are printable ASCII, 0x20 to 0x7E.
    package static func isPrintableASCII(word: UInt64) -> Bool { isASCII(word: word, from: 0x20) }

    /// Whether all eight bytes of `word` are visible ASCII, 0x21 to 0x7E: printable, none a space.
    package static func isVisibleASCII(word: UInt64) -> Bool { isASCII(word: word, from: 0x21) }

    /// Whether all eight bytes of `word` are `low` to 0x7E (`low` at least 1): none has its high
    /// bit set, none turns 0x80 when one is added (0x7F), none borrows when `low` is taken away.
    private static func isASCII(word: UInt64, from low: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        return word & highs == 0 && (word &+ ones) & highs == 0 && (word &- ones &* UInt64(low)) & ~word & highs == 0
    }

    /// Whether `bytes`, lowercased (`lowercased(_:)`), are `word`'s bytes.
    package static func equalsLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && zip(bytes, 0...).allSatisfy { lowercased($0) == word.utf8Start[$1] }
    }

    /// ASCII letters and digits, and any byte of a non-ASCII character.
    package static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isDigit(byte) || isLetter(byte)
    }

    /// The first offset of `pattern` in `buffer`: `memchr` for its least common byte (the first
    /// byte unless a later one is rarer in notes: `-` of `notekit-`), `memcmp` for the rest.
    package static func offset(of pattern: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = pattern.baseAddress, let base = buffer.baseAddress, !pattern.isEmpty,
              buffer.count >= pattern.count else { return nil }
        var anchor = 0
        for index in pattern.indices.dropFirst() where commonness(pattern[index]) < commonness(pattern[anchor]) { anchor = index }
        var index = 0
        let last = buffer.count - pattern.count
        while index <= last {
            guard let hit = memchr(base + index + anchor, Int32(pattern[anchor]), last - index + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            // The first byte compared in place first: most hits of the anchor are no match.
            if pattern.count == 1 || (base[position] == start[0] && memcmp(base + position, start, pattern.count) == 0) { return position }
            index = position + 1
        }
        return nil
    }

    /// The first offset of `byte` in `buffer[range]` (`memchr`).
    package static func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = buffer.baseAddress, !range.isEmpty,
              let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset at or after `start` of `pattern` in `buffer` (`offset(of:in:)`).
    package static func offset(of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return pattern.withUnsafeBufferPointer { offset(of: $0, in: UnsafeBufferPointer(rebasing: buffer[start...])) }.map { start + $0 }
    }

    /// How common a byte is in notes: blanks most, then lowercase letters, then anything else.
    private static func commonness(_ byte: UInt8) -> Int {
        byte == space || byte == newline ? 2 : byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? 1 : 0
    }
}

extension SourceText {
    /// The first index of `needle` in `bytes[range]`.
    package func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        let range = range.clamped(to: 0..<bytes.count)
        return bytes.withUnsafeBufferPointer { buffer in
            needle.withUnsafeBufferPointer { pattern in
                Byte.offset(of: pattern, in: UnsafeBufferPointer(rebasing: buffer[range])).map { range.lowerBound + $0 }
            }
        }
    }

    /// `string(range).trimmed()`, the blanks cut on bytes when they leave ASCII bytes at both
    /// ends (so that the text is made a string once).
    package func trimmedString(_ range: Range<Int>) -> String {
        Byte.trimmedASCIIEnds(range, in: bytes).map { string($0) } ?? string(range).trimmed()
    }

    /// Whether `bytes` holds `needle` at `offset`.
    package func matches(_ needle: [UInt8], at offset: Int) -> Bool {
        offset >= 0 && offset + needle.count <= bytes.count && bytes[offset..<(offset + needle.count)].elementsEqual(needle)
    }

    /// The text of a line with trailing whitespace (as `Character.isWhitespace` has it) removed.
    package func trimmedLine(_ line: Int) -> String {
        let range = lineRange(line)
        var end = range.upperBound
        // ASCII whitespace after an ASCII character is cut on bytes; Unicode decides the rest.
        while end > range.lowerBound, Byte.isCharacterWhitespace(bytes[end - 1]) { end -= 1 }
        if end > range.lowerBound, bytes[end - 1] >= 0x80 { return string(range).trimmingTrailingWhitespace() }
        return string(range.lowerBound..<end)
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs, carriage returns and newlines;
    /// a pure-Swift stand-in for Foundation's slower `trimmingCharacters(in:)`.
    package func trimmed() -> String {
        // When the first and last bytes kept are ASCII, they start and end characters (after
        // and before the blanks cut, or at the ends): the bytes between are the text.
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            Byte.trimmedASCIIEnds(0..<bytes.count, in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        if let cut, let cut { return cut }
        guard let first = utf8.firstIndex(where: { !Byte.isWhitespace($0) }),
              let last = utf8.lastIndex(where: { !Byte.isWhitespace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The text without leading and trailing whitespace (see `Substring.trimmed()`).
    package func trimmed() -> String { self[...].trimmed() }

    /// The index of the first `byte`, an ASCII byte (so a character boundary), found in the
    /// text's contiguous bytes rather than through the UTF-8 view's iterator.
    package func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        guard let offset = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) else { return utf8.firstIndex(of: byte) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// The text without trailing whitespace, as `Character.isWhitespace` has it.
    package func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

extension String {
    /// `lowercased()`, done on bytes for ASCII text (and no copy when it has no capitals):
    /// labels, keys and paths are nearly always ASCII, and Unicode case mapping is slow.
    package func lowercasedCheaply() -> String {
        // Native strings are contiguous: their bytes are read without the view's iterator.
        let lowered = utf8.withContiguousStorageIfAvailable { bytes -> String in
            var hasCapital = false
            var index = 0
            // Eight bytes at a time, then one at a time.
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { return lowercased() }
                    if !hasCapital && Byte.hasCapital(asciiWord: word) { hasCapital = true }
                    index += 8
                }
            }
            for byte in bytes[index...] {
                if byte >= 0x80 { return lowercased() }
                if Byte.lowercased(byte) != byte { hasCapital = true }
            }
            guard hasCapital else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = Byte.lowercased(byte) }
                return bytes.count
            }
        }
        return lowered ?? lowercased()
    }
}

extension Character {
    /// `isWhitespace`, answered from the ASCII value when there is one: Unicode property
    /// lookups are slow, and the text is mostly ASCII.
    package var isWhitespaceCheaply: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return Byte.isCharacterWhitespace(ascii)
    }

    /// `0` to `9`.
    var isASCIIDigit: Bool { asciiValue.map(Byte.isDigit) ?? false }
}

extension StringProtocol {
    /// True when the text holds nothing but whitespace.
    package var isBlank: Bool { utf8.allSatisfy(Byte.isWhitespace) }
}

extension Substring {
    /// The range of the first occurrence of `needle`, compared byte by byte (no Unicode
    /// normalisation, no Foundation bridging).
    package func byteRange(of needle: String) -> Range<Index>? {
        var needle = needle
        let found = needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { Byte.offset(of: pattern, in: $0) }
                ?? Array(utf8).withUnsafeBufferPointer { Byte.offset(of: pattern, in: $0) }
        }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

extension String {
    /// The range of the first occurrence of `needle`, compared byte by byte.
    package func byteRange(of needle: String) -> Range<Index>? { self[...].byteRange(of: needle) }
}

extension Array where Element == Range<Int> {
    /// Whether these ranges, sorted and non-overlapping, hold `offset`: a binary search.
    package func sortedContains(_ offset: Int) -> Bool {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low].contains(offset)
    }
}

extension String {
    /// Every occurrence of `needle` replaced by `replacement`, left to right, compared byte by
    /// byte in one pass (no Unicode normalisation, no Foundation bridging).
    package func replacingBytes(of needle: String, with replacement: String) -> String {
        let source = SourceText(bytes: Array(utf8)), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, var hit = source.find(pattern, in: 0..<source.bytes.count) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(source.bytes.count)
        var cursor = 0
        while true {
            output += source.bytes[cursor..<hit]
            output += replacement.utf8
            cursor = hit + pattern.count
            guard let next = source.find(pattern, in: cursor..<source.bytes.count) else { break }
            hit = next
        }
        output += source.bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }
}
