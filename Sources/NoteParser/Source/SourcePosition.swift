/// A point in a note's bytes: 1-based line, 1-based UTF-8 byte column, 0-based byte offset.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open byte range of a note, `start..<end`, with line and column for both ends.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The byte offsets covered.
    public var bytes: Range<Int> { start.offset..<end.offset }

    public func contains(_ offset: Int) -> Bool { bytes.contains(offset) }
}
