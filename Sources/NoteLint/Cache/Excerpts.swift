import NoteParser

/// The source lines a report quotes (the first and last line of each finding), by note: kept
/// in the lint cache with the report of a run, so that a cached run quotes them without
/// reading the notes again.
public struct Excerpts: Sendable {
    /// Each note's lines by number; a note is here when all its findings' lines are (a line
    /// past the note's end is not a line, and is absent).
    private(set) var lines: [ExactPath: [Int: String]] = [:]

    public init() {}

    /// The lines `findings` (sorted by path) quote from the notes `source(path)` gives.
    init(_ findings: [Finding], source: (String) -> SourceText?) {
        var start = findings.startIndex
        while start < findings.endIndex {
            let path = findings[start].path
            let end = findings[start...].firstIndex { !ExactPath.same($0.path, path) } ?? findings.endIndex
            if let text = source(path) { add(path, quoting: findings[start..<end], from: text) }
            start = end
        }
    }

    /// Adds the lines of `findings` about the note at `path` with source `text` (none: nothing to add).
    mutating func add(_ path: String, quoting findings: some Collection<Finding>, from text: SourceText) {
        guard !findings.isEmpty else { return }
        var quoted: [Int: String] = [:]
        for finding in findings {
            for line in [finding.range.start.line, finding.range.end.line] where line >= 1 && line <= text.lineCount && quoted[line] == nil {
                quoted[line] = text.lineString(line)
            }
        }
        lines[ExactPath(path)] = quoted
    }

    /// Adds what `other` holds about the note at `path`, if anything.
    mutating func add(_ path: ExactPath, from other: Excerpts) {
        if let quoted = other.lines[path] { lines[path] = quoted }
    }

    /// True when the lines of the findings about the note at `path` are here.
    public func covers(_ path: String) -> Bool { lines[ExactPath(path)] != nil }

    /// Line `number` of the note at `path`, when it is here.
    public func line(_ path: String, _ number: Int) -> String? { lines[ExactPath(path)]?[number] }

    func write(to writer: inout CacheWriter) {
        writer.int(lines.count)
        for (path, quoted) in lines.sorted(by: { $0.key < $1.key }) {
            writer.int(path.bytes.count)
            writer.raw(path.bytes)
            writer.int(quoted.count)
            for (number, text) in quoted.sorted(by: { $0.key < $1.key }) {
                writer.int(number)
                writer.string(text)
            }
        }
    }

    /// What `write(to:)` wrote; nil when the bytes are not that.
    init?(from reader: inout CacheReader) {
        guard let count = reader.count() else { return nil }
        for _ in 0..<count {
            guard let path = reader.string(), let lineCount = reader.count(minimumSize: 2) else { return nil }
            var quoted: [Int: String] = [:]
            for _ in 0..<lineCount {
                guard let number = reader.int(), let text = reader.string() else { return nil }
                quoted[number] = text
            }
            lines[ExactPath(path)] = quoted
        }
    }
}
