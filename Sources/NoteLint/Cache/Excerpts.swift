import NoteParser

/// The source lines a report quotes (the first and last line of each finding), by note: kept
/// in the lint cache with the report of a run, encoded per note (so that a run copies those of
/// unchanged notes without decoding them), so that a cached run quotes them without reading
/// the notes again.
public struct Excerpts: Sendable {
    /// Each note's lines by number; a note is here when all its findings' lines are (a line
    /// past the note's end is not a line, and is absent).
    private(set) var lines: [ExactPath: [Int: String]] = [:]

    public init() {}

    /// The lines `findings` (about one note) quote from its source `text`, encoded for the cache.
    static func encoded(quoting findings: some Collection<Finding>, from text: SourceText) -> [UInt8] {
        var quoted: [Int: String] = [:]
        for finding in findings {
            for line in [finding.range.start.line, finding.range.end.line] where line >= 1 && line <= text.lineCount && quoted[line] == nil {
                quoted[line] = text.lineString(line)
            }
        }
        var writer = CacheWriter()
        writer.int(quoted.count)
        for (number, text) in quoted.sorted(by: { $0.key < $1.key }) {
            writer.int(number)
            writer.string(text)
        }
        return writer.bytes
    }

    /// Adds the lines of the note at `path` that `encoded(quoting:from:)` gave; false (and
    /// nothing added) when the bytes are not that.
    mutating func add(_ path: String, encoded: ArraySlice<UInt8>) -> Bool {
        var reader = CacheReader(encoded)
        guard let count = reader.count(minimumSize: 2) else { return false }
        var quoted: [Int: String] = [:]
        for _ in 0..<count {
            guard let number = reader.int(), let text = reader.string() else { return false }
            quoted[number] = text
        }
        guard reader.isAtEnd else { return false }
        lines[ExactPath(path)] = quoted
        return true
    }

    /// True when the lines of the findings about the note at `path` are here.
    public func covers(_ path: String) -> Bool { lines[ExactPath(path)] != nil }

    /// Line `number` of the note at `path`, when it is here.
    public func line(_ path: String, _ number: Int) -> String? { lines[ExactPath(path)]?[number] }
}
