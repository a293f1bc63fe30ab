import NoteParser

/// Lines that only label the citation definitions after them (`Citations:`, `**Sources:**`,
/// `> References:`): they are removed with the definitions, leaving no orphan label.
enum CitationLabels {
    private static let names: Set<String> = ["citations:", "sources:", "references:", "footnotes:"]

    /// The label lines followed, past blank lines only, by one of `definitions` (byte ranges).
    static func ranges(before definitions: [Range<Int>], in note: Note) -> [Range<Int>] {
        let source = note.source
        var found: [Range<Int>] = []
        for definition in definitions {
            var line = source.position(at: definition.lowerBound).line - 1
            while line >= note.bodyStartLine, Self.text(source.lineString(line)).isEmpty { line -= 1 }
            guard line >= note.bodyStartLine, case let range = source.lineRange(line), !note.code.contains(range.lowerBound),
                  names.contains(Self.text(source.lineString(line)).lowercased()), !found.contains(range) else { continue }
            found.append(range)
        }
        return found
    }

    /// A line without block-quote markers, emphasis and surrounding spaces.
    private static func text(_ line: String) -> String {
        String(line.filter { !">*_".contains($0) }).trimmed()
    }
}
