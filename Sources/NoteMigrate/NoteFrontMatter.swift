import NoteLint
import NoteParser

/// Where front-matter entries stand in a note's bytes, for edits that keep everything else.
extension Note {
    /// The front matter when it is closed by a delimiter; steps leave unclosed blocks alone.
    var closedFrontMatter: FrontMatter? {
        guard let frontMatter, frontMatter.closingDelimiter != nil else { return nil }
        return frontMatter
    }

    /// All entries with this key, in order.
    func entries(_ key: String) -> [FrontMatterEntry] { closedFrontMatter?.entries.filter { $0.key == key } ?? [] }

    /// True when the front matter (or, without one, the note) ends its lines with `\r\n`.
    var usesCRLF: Bool {
        let firstLine = source.lineRange(1)
        return source.bytes[firstLine].last == UInt8(ascii: "\r")
    }

    /// `text` (lines joined by `\n`) with the note's line ends.
    func lineEnds(_ text: String) -> String { usesCRLF ? text.replacingOccurrences(of: "\n", with: "\r\n") : text }

    /// An edit replacing an entry's lines (final newline excluded) with emitted `text`.
    func replacingLines(of entry: FrontMatterEntry, with text: String) -> Edit {
        Edit(range: entry.range.bytes, replacement: lineEnds(text) + (entry.raw.hasSuffix("\r") ? "\r" : ""))
    }

    /// An edit deleting an entry's lines with their final newline.
    func deleting(_ entry: FrontMatterEntry) -> Edit {
        let end = entry.range.end.offset
        let through = end < source.bytes.count && source.bytes[end] == UInt8(ascii: "\n") ? end + 1 : end
        return Edit(range: entry.range.start.offset..<through, replacement: "")
    }

    /// An edit adding `text` as the last entry, creating the front matter when the note has none.
    /// Nil when the note's front matter is not closed.
    func appendingEntry(_ text: String) -> Edit? {
        if let closing = closedFrontMatter?.closingDelimiter {
            return Edit(range: closing.start.offset..<closing.start.offset, replacement: lineEnds(text + "\n"))
        }
        guard frontMatter == nil else { return nil }
        let start = source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return Edit(range: start..<start, replacement: lineEnds("---\n" + text + "\n---\n"))
    }
}
