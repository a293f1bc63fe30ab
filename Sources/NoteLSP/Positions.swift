import NoteParser

/// An LSP position: 0-based line, 0-based character in the negotiated encoding's code units.
public struct Position: Codable, Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// An LSP range, `start..<end`.
public struct LSPRange: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

/// What an LSP `character` counts: UTF-8 bytes when the client offers `utf-8`
/// (`general.positionEncodings`), else UTF-16 code units, the protocol's default.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// The encoding to use with a client offering `offered` (in its order of preference).
    public static func negotiate(_ offered: [String]?) -> PositionEncoding {
        offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}

/// Converts LSP positions to byte offsets of a note's text and back. Lines are split on `\n`
/// only, as notekit's `SourceText` does; out-of-range positions are clamped (a line past the
/// end is the end of the text, a character past a line's end is the line's end).
public struct PositionConverter: Sendable {
    public let text: SourceText
    public let encoding: PositionEncoding

    public init(_ text: SourceText, encoding: PositionEncoding) {
        self.text = text
        self.encoding = encoding
    }

    /// The byte offset of `position`.
    public func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < text.lineCount else { return text.bytes.count }
        let start = text.lineStarts[position.line]
        let end = lineEnd(position.line)
        let wanted = max(0, position.character)
        if encoding == .utf8 { return min(start + wanted, end) }
        var offset = start, units = 0
        while offset < end, units < wanted {
            let length = Self.scalarLength(text.bytes[offset])
            units += length == 4 ? 2 : 1
            offset = min(offset + length, end)
        }
        return offset
    }

    /// The LSP position of byte `offset`.
    public func position(of offset: Int) -> Position {
        let offset = min(max(0, offset), text.bytes.count)
        let line = text.position(at: offset).line - 1
        let start = text.lineStarts[line]
        if encoding == .utf8 { return Position(line: line, character: offset - start) }
        var index = start, units = 0
        while index < offset {
            let length = Self.scalarLength(text.bytes[index])
            units += length == 4 ? 2 : 1
            index += length
        }
        return Position(line: line, character: units)
    }

    public func range(of bytes: Range<Int>) -> LSPRange {
        LSPRange(start: position(of: bytes.lowerBound), end: position(of: bytes.upperBound))
    }

    public func bytes(of range: LSPRange) -> Range<Int> {
        let start = offset(of: range.start)
        return start..<max(start, offset(of: range.end))
    }

    /// The end of line `line` (0-based), before its `\n`.
    private func lineEnd(_ line: Int) -> Int {
        line + 1 < text.lineCount ? text.lineStarts[line + 1] - 1 : text.bytes.count
    }

    /// The bytes of the UTF-8 sequence a byte leads (1 for a stray continuation byte).
    private static func scalarLength(_ byte: UInt8) -> Int {
        byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }
}
