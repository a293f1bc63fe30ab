import NoteParser

/// Lines that only label the citation definitions after them (`Citations:`, `**Sources:**`,
/// `> References:`): they are removed with the definitions, leaving no orphan label.
enum CitationLabels {
    private static let names: Set<String> = ["citations:", "sources:", "references:", "footnotes:"]

    /// The label lines followed, past blank lines only, by one of `definitions` (byte ranges).
    static func ranges(before definitions: [Range<Int>], in note: Note) -> [Range<Int>] {
        let source = note.source
        var found: [Range<Int>] = [], seen = Set<Int>()
        for definition in definitions {
            var line = source.position(at: definition.lowerBound).line - 1
            while line >= note.bodyStartLine, Self.text(source.bytes[source.lineRange(line)]).isEmpty { line -= 1 }
            guard line >= note.bodyStartLine, case let range = source.lineRange(line), !note.code.contains(range.lowerBound),
                  names.contains(String(decoding: Self.text(source.bytes[range]), as: UTF8.self).lowercased()),
                  seen.insert(range.lowerBound).inserted else { continue }
            found.append(range)
        }
        return found
    }

    /// A line without block-quote markers, emphasis and surrounding whitespace (bytes: a
    /// character with a byte above ASCII is never one of these, so it is kept).
    private static func text(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let kept = line.filter { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
        guard let first = kept.firstIndex(where: { !Byte.isWhitespace($0) }),
              let last = kept.lastIndex(where: { !Byte.isWhitespace($0) }) else { return [] }
        return kept[first...last][...]
    }
}
