import CmarkSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a note with a line index. Lines are split on `\n` only.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = bytes.withUnsafeBufferPointer(Self.lineStarts)
    }

    /// The byte offset at which each line of `buffer` starts (the first at 0), split on `\n`
    /// (`notekit_line_starts`, which reads blocks of bytes at a time).
    package static func lineStarts(of buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var count = 0
        let starts = notekit_line_starts(buffer.baseAddress, buffer.count, &count)
        defer { free(starts) }
        return Array(UnsafeBufferPointer(start: starts, count: count))
    }

    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    private init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// The text of the first `count` bytes, its line starts taken from these (not found again).
    package func prefix(_ count: Int) -> SourceText {
        // A line starts at each offset up to `count` that follows a newline, as in the whole
        // text: the starts kept are those up to `count`, found by halving.
        var (lines, over) = (1, lineStarts.count)
        while lines < over {
            let middle = (lines + over) / 2
            if lineStarts[middle] <= count { lines = middle + 1 } else { over = middle }
        }
        return SourceText(bytes: Array(bytes[..<count]), lineStarts: Array(lineStarts[..<lines]))
    }

    public var lineCount: Int { lineStarts.count }

    /// The position of a byte offset (clamped to the text).
    public func position(at offset: Int) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(line: low + 1, column: offset - lineStarts[low] + 1, offset: offset)
    }

    /// The position of `offset`, found without a search when it lies on `line`.
    public func position(at offset: Int, onLine line: Int) -> SourcePosition {
        guard line >= 1, line <= lineStarts.count, offset >= lineStarts[line - 1], offset <= lineEnd(line) else {
            return position(at: offset)
        }
        return SourcePosition(line: line, column: offset - lineStarts[line - 1] + 1, offset: offset)
    }

    /// The byte offset of a 1-based line and column (clamped to the line's end).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        let start = lineStarts[line - 1]
        return min(start + max(column - 1, 0), lineEnd(line))
    }

    public func position(line: Int, column: Int) -> SourcePosition {
        position(at: offset(line: line, column: column))
    }

    public func range(_ bytes: Range<Int>) -> SourceRange {
        SourceRange(start: position(at: bytes.lowerBound), end: position(at: bytes.upperBound))
    }

    /// Offset of the end of a 1-based line, excluding its `\n`.
    public func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// The byte range of a 1-based line without its newline.
    public func lineRange(_ line: Int) -> Range<Int> { lineStarts[line - 1]..<lineEnd(line) }

    /// The text of a 1-based line without its newline.
    public func lineString(_ line: Int) -> String { string(lineRange(line)) }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    public func string(_ range: SourceRange) -> String { string(range.bytes) }
}
