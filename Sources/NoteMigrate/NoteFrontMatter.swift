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

extension Note {
    /// The bytes of an entry's scalar value written on its key's line, quotes included and a
    /// trailing comment excluded; nil for values over several lines.
    func scalarRange(_ entry: FrontMatterEntry) -> Range<Int>? {
        let range = entry.valueRange.bytes, bytes = source.bytes
        guard let first = range.first, !bytes[range].contains(UInt8(ascii: "\n")) else { return nil }
        var index = first + 1
        switch bytes[first] {
        case UInt8(ascii: "'"):
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "'") {
                    if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                    return first..<(index + 1)
                }
                index += 1
            }
            return nil
        case UInt8(ascii: "\""):
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "\"") { return first..<(index + 1) }
                index += 1
            }
            return nil
        default:
            var end = commentStart(in: range) ?? range.upperBound
            while end > first, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            return first..<end
        }
    }

    /// The bytes a new scalar value replaces: the scalar on the key line (a comment after it
    /// stays), or the whole value when it spans lines without comments; nil otherwise.
    func scalarValueBytes(_ entry: FrontMatterEntry) -> Range<Int>? {
        scalarRange(entry) ?? (entry.valueRange.start.line < entry.valueRange.end.line && !hasComment(entry) ? entry.valueRange.bytes : nil)
    }

    /// True when an entry's lines hold a `# comment` (a `#` after a space, outside quotes).
    func hasComment(_ entry: FrontMatterEntry) -> Bool { commentStart(in: entry.range.bytes) != nil }

    /// Where a `# comment` starts in `range`, quotes skipped.
    private func commentStart(in range: Range<Int>) -> Int? {
        let bytes = source.bytes
        var quote: UInt8?
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") { index += 1 }
                else if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let previous = index > range.lowerBound ? bytes[index - 1] : UInt8(ascii: " ")
                if [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":")].contains(previous) { quote = byte }
            } else if byte == UInt8(ascii: "#"), index > range.lowerBound, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[index - 1]) {
                return index
            }
            index += 1
        }
        return nil
    }
}
