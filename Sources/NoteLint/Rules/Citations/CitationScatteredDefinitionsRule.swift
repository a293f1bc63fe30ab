import NoteParser

/// `citation/scattered-definitions`: definitions not gathered in one block at the end of the note.
public struct CitationScatteredDefinitionsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/scattered-definitions",
        severity: .warning,
        category: .researchVault,
        reads: .citations,
        summary: "A citation definition stands before the note's last text, or outside its trailing citations section.",
        rationale: "Definitions gathered in one block at the end of the note (under its citations heading when it has one) are where readers, renderers and the citation tools look; a definition left between paragraphs is easily cut with its paragraph or cited twice. Thematic breaks after the block do not count as text. The fix moves each scattered definition, byte for byte, into the trailing block: under the existing citations heading, or a new `### Citations` when the note has none.",
        triggering: [
            "Intro.[^a1b2c3]\n\n↓[^a1b2c3]: [A](https://example.com/a)\n\nMore text.[^d4e5f6]\n\n### Citations\n\n[^d4e5f6]: [D](https://example.com/d)\n",
            "Ünïcødé text.[^a1b2c3] More.[^d4e5f6]\n\n### Citations\n\n↓[^d4e5f6]: [D](https://example.com/d)\n\nA last paragraph.\n\n[^a1b2c3]: [A](https://example.com/a)\n",
            "Text.[^a1b2c3]\n\n↓[^a1b2c3]: [A](https://example.com/a)\n\n### Citations\n",
        ],
        nonTriggering: [
            "Text.[^a1b2c3] More.[^d4e5f6]\n\n### Citations\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n\n[4]: [Legacy](https://example.com/l)\n\n***\n",
            "Text.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n    continued on an indented line.\n",
            "No citations at all.\n\n```\n[^a1b2c3]: in code\n```\n\nText.\n",
        ],
        corrections: [
            RuleCorrection("Intro.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\nMore text.[^d4e5f6]\n\n### Citations\n\n[^d4e5f6]: [D](https://example.com/d)\n",
                           "Intro.[^a1b2c3]\n\nMore text.[^d4e5f6]\n\n### Citations\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n"),
            RuleCorrection("[^a1b2c3]: [A](https://example.com/a)\n    more of A.\n\nText.[^a1b2c3] More.[^d4e5f6]\n\n[^d4e5f6]: [D](https://example.com/d)\n\nLast words.\n",
                           "Text.[^a1b2c3] More.[^d4e5f6]\n\nLast words.\n\n### Citations\n\n[^a1b2c3]: [A](https://example.com/a)\n    more of A.\n\n[^d4e5f6]: [D](https://example.com/d)\n"),
            RuleCorrection("Text.[^a1b2c3]\r\n\r\n[^a1b2c3]: [A](https://example.com/a)\r\n\r\n## Sources\r\n\r\n***\r\n",
                           "Text.[^a1b2c3]\r\n\r\n## Sources\r\n\r\n[^a1b2c3]: [A](https://example.com/a)\r\n\r\n***\r\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        let source = note.source
        let proper = note.footnoteDefinitions.filter { $0.form == .proper }  // broken forms are other rules' (and registry notes' own)
        let definitions = (proper.map(\.range) + note.legacyDefinitions.map(\.range)).sorted { $0.start.offset < $1.start.offset }
        guard !definitions.isEmpty else { return [] }
        func lastLine(of range: SourceRange) -> Int { source.position(at: max(range.end.offset - 1, range.start.offset)).line }
        var other = Set(definitions.flatMap { $0.start.line...lastLine(of: $0) })
        other.formUnion(note.thematicBreaks.flatMap { $0.range.start.line...lastLine(of: $0.range) })
        other.formUnion(note.citationSections.map(\.range.start.line))
        let lastText = (note.bodyStartLine...max(note.bodyStartLine, source.lineCount)).last {
            $0 <= source.lineCount && !other.contains($0) && !source.lineString($0).allSatisfy(\.isWhitespaceCheaply)
        } ?? 0
        let heading = note.citationSections.last
        let anchor = max(lastText, heading?.range.start.line ?? 0)
        let scattered = definitions.filter { $0.start.line <= anchor }
        guard !scattered.isEmpty else { return [] }
        let fix = heading.map { $0.range.start.line > lastText } ?? true
            ? move(scattered, trailing: definitions.first { $0.start.line > anchor }, after: anchor, heading: heading == nil, in: source) : nil
        return scattered.enumerated().map { index, range in
            let label = proper.first { $0.range == range }?.labelRange ?? note.legacyDefinitions.first { $0.range == range }!.labelRange
            return context.finding(self, label, "definition \(note.text(label)) is not in the trailing citations block",
                                   fix: index == 0 ? fix : nil)
        }
    }

    /// Deletes the scattered definitions and writes their exact text before the trailing
    /// block's first definition, or after line `anchor` (under a new heading when `heading`).
    private func move(_ scattered: [SourceRange], trailing: SourceRange?, after anchor: Int, heading: Bool, in source: SourceText) -> Fix {
        let bytes = source.bytes
        let firstLineEnd = source.lineEnd(1)
        let newline = firstLineEnd > 0 && bytes[firstLineEnd - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        func withoutCR(_ end: Int) -> Int { end > 0 && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end }
        let texts = scattered.map { range in
            source.string(source.lineStarts[range.start.line - 1]..<withoutCR(source.lineEnd(source.position(at: range.end.offset - 1).line)))
        }
        let block = texts.joined(separator: newline + newline)
        var edits = scattered.map { Edit(range: CitationHelpers.deletion(of: $0, in: source), replacement: "") }
        if let trailing {
            let start = source.lineStarts[trailing.start.line - 1]
            edits.append(Edit(range: start..<start, replacement: block + newline + newline))
        } else {
            let end = withoutCR(source.lineEnd(anchor))
            edits.append(Edit(range: end..<end, replacement: newline + newline + (heading ? "### Citations" + newline + newline : "") + block))
        }
        return Fix("move the definitions to the trailing citations block", edits: edits)
    }
}
