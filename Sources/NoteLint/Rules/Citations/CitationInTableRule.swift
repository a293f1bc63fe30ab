import NoteParser

/// `citation/in-table`: a citation inside a table cell.
public struct CitationInTableRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/in-table",
        severity: .warning,
        reads: .citations,
        summary: "A citation `[^id]` inside a table cell.",
        rationale: "Several renderers and exporters (Obsidian Publish, static-site generators, PDF export) do not resolve footnotes inside tables; cite the source in the text before or after the table. The fix removes the markers from the cells and lists them, in order and once each, on a line `Sources for table: [^a] [^b]` after the table. The fix is unsafe (applied only with `--unsafe-fixes`): the rows no longer show which source backs which cell, and a row that held only markers goes.",
        triggering: [
            "| Claim | Source |\n|---|---|\n| Ünïcødé fact | ↓[^tb0001] |\n\n[^tb0001]: [Source](https://example.com)\n",
            "| Model | Released |\n|---|---|\n| A | 2020↓[^a1b2c3] ↓[^d4e5f6] |\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
        ],
        nonTriggering: [
            "| Claim | Source |\n|---|---|\n| fact | see below |\n\nThe fact is sourced.[^tb0001]\n\n[^tb0001]: [Source](https://example.com)\n",
            "| Claim | Source |\n|---|---|\n| fact | `[^tb0001]` |\n",
        ],
        corrections: [
            RuleCorrection("Intro.\n\n| Model | Released |\n|---|---|\n| A | 2020[^a1b2c3] [^d4e5f6] |\n| B | [^d4e5f6] |\n\nAfter.\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
                           "Intro.\n\n| Model | Released |\n|---|---|\n| A | 2020 |\n| B |  |\n\nSources for table: [^a1b2c3] [^d4e5f6]\n\nAfter.\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n", unsafe: true),
            RuleCorrection("| Claim | Source |\n|---|---|\n| fact | see |\n[^a1b2c3] [^d4e5f6]\n\nAfter.\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
                           "| Claim | Source |\n|---|---|\n| fact | see |\n\nSources for table: [^a1b2c3] [^d4e5f6]\n\nAfter.\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n", unsafe: true),
            RuleCorrection("| Claim | Source |\r\n|---|---|\r\n| Ünïcødé fact | x [^tb0001] |",
                           "| Claim | Source |\r\n|---|---|\r\n| Ünïcødé fact | x |\r\n\r\nSources for table: [^tb0001]", unsafe: true),
        ],
        fixApplicability: [.unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        let inTables = note.footnoteReferences.filter(\.inTable)
        var fixed = Set<Int>()  // tables whose fix a finding already carries
        return inTables.map { reference in
            let table = note.tables.firstIndex { $0.contains(reference.range.start.offset) }
            var fix: Fix?
            if let table, fixed.insert(table).inserted {
                // The edits are made only when `fix` asks for them: a lint run reads the summary.
                let range = note.tables[table]
                fix = Fix("move the citations after the table", applicability: .unsafe) {
                    lift(inTables.filter { range.contains($0.range.start.offset) }, after: range, in: note)
                }
            }
            return context.finding(self, reference.range, "citation [^\(reference.label)] is inside a table cell", fix: fix)
        }
    }

    /// Removes the markers from the cells (with the spaces before them, but never a cell's
    /// last space before `|`; a row left blank goes whole) and adds `Sources for table: [^a] [^b]`
    /// after the table.
    private func lift(_ references: [FootnoteReference], after table: SourceRange, in note: Note) -> [Edit] {
        let source = note.source
        let bytes = source.bytes
        func isSpace(_ offset: Int) -> Bool { offset >= 0 && (bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t")) }
        func withoutCR(_ end: Int) -> Int { end > 0 && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end }
        var edits: [Edit] = []
        var blankRows = Set<Int>()
        for (line, onLine) in Dictionary(grouping: references, by: \.range.start.line).sorted(by: { $0.key < $1.key }) {
            let row = source.lineStarts[line - 1]..<withoutCR(source.lineEnd(line))
            let rest = row.filter { offset in !onLine.contains { $0.range.contains(offset) } }
            if rest.allSatisfy(isSpace), line > table.start.line, line < source.lineCount {
                blankRows.insert(line)
                edits.append(Edit(range: row.lowerBound..<source.lineStarts[line], replacement: ""))
                continue
            }
            edits += onLine.map { reference in
                var start = reference.range.start.offset
                while isSpace(start - 1) { start -= 1 }
                if start == 0 || bytes[start - 1] == UInt8(ascii: "|") || bytes[start - 1] == UInt8(ascii: "\n") {
                    start = min(start + 1, reference.range.start.offset)
                }
                return Edit(range: start..<reference.range.end.offset, replacement: "")
            }
        }
        var markers: [String] = []
        for reference in references where !markers.contains(where: { $0.lowercased() == note.text(reference.range).lowercased() }) {
            markers.append(note.text(reference.range))
        }
        var lastLine = source.position(at: max(table.end.offset - 1, table.start.offset)).line
        while blankRows.contains(lastLine) { lastLine -= 1 }
        let firstLineEnd = source.lineEnd(table.start.line)
        let newline = firstLineEnd > 0 && bytes[firstLineEnd - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        let end = withoutCR(source.lineEnd(lastLine))
        edits.append(Edit(range: end..<end, replacement: newline + newline + "Sources for table: " + markers.joined(separator: " ")))
        return edits
    }
}
