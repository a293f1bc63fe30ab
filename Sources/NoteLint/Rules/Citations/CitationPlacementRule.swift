import NoteParser

/// `citation/placement`: citation markers placed against the note's convention.
public struct CitationPlacementRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/placement",
        severity: .warning,
        category: .researchVault,
        reads: .citations,
        summary: "A citation marker on the other side of the punctuation, or spaced differently, than the rest of the note.",
        rationale: """
            Citations placed one way in one sentence and another way in the next read as mistakes. The house style, from \
            the majority of the essays: the marker follows the sentence's punctuation after one space, and adjacent markers \
            are separated by one space: `claim. [^a] [^b]` (627 markers after punctuation with a space, against 3 glued to \
            it and 3 before it; 288 adjacent markers spaced, against 8 glued). Older pasted notes are consistently written \
            `claim[^a].`; so each note is held to its own majority in each of the three choices (which side of the \
            punctuation, space after the punctuation, space between markers), and the house style decides ties.
            """,
        triggering: [
            "First claim. [^a1b2c3] Second claim. [^d4e5f6] Third claim↓[^a1b2c3].\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
            "First claim[^a1b2c3]. Ünïcødé claim[^d4e5f6]. Third claim. ↓[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
            "One. [^a1b2c3] [^d4e5f6] Two. [^a1b2c3] Ünïcødé.↓[^d4e5f6] Three. [^a1b2c3]↓[^d4e5f6]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
        ],
        nonTriggering: [
            "First claim. [^a1b2c3] [^d4e5f6] Second claim. [^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
            "First claim[^a1b2c3]. Second claim[^d4e5f6].\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
            "One. [^a1b2c3] Two. [^a1b2c3] Code: `claim[^a1b2c3].`\n\n[^a1b2c3]: [A](https://example.com/a)\n",
            "| Claim | Source |\n|---|---|\n| x. [^a1b2c3] | y[^a1b2c3]. |\n\n[^a1b2c3]: [A](https://example.com/a)\n",
        ],
        corrections: [
            RuleCorrection(
                "One. [^a1b2c3] [^d4e5f6] Two. [^d4e5f6] Three[^a1b2c3][^d4e5f6].\nFour.[^a1b2c3] Five. [^a1b2c3] [^d4e5f6] Six. [^a1b2c3][^d4e5f6]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
                "One. [^a1b2c3] [^d4e5f6] Two. [^d4e5f6] Three. [^a1b2c3] [^d4e5f6]\nFour. [^a1b2c3] Five. [^a1b2c3] [^d4e5f6] Six. [^a1b2c3] [^d4e5f6]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n"),
            RuleCorrection(
                "One[^a1b2c3]. Two[^d4e5f6]. Three. [^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
                "One[^a1b2c3]. Two[^d4e5f6]. Three[^a1b2c3].\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n"),
        ]
    )

    /// Adjacent markers, separated by nothing or one space.
    private struct Group {
        var references: [FootnoteReference]
        var start: Int { references[0].range.start.offset }
        var end: Int { references[references.count - 1].range.end.offset }
    }

    /// Where a group stands relative to the sentence's punctuation.
    private enum Side { case before, after(spaced: Bool), neither }

    private static let punctuation: Set<UInt8> = Set(".,;!?".utf8)

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        let bytes = note.source.bytes
        let definitionRanges = note.footnoteDefinitions.map(\.range.bytes) + note.legacyDefinitions.map(\.range.bytes)
        let references = note.footnoteReferences.filter { reference in
            !reference.inTable && !definitionRanges.contains { $0.contains(reference.range.start.offset) }
        }
        var groups: [Group] = []
        for reference in references {
            if let last = groups.last, Self.gap(from: last.end, to: reference.range.start.offset, in: bytes) != nil {
                groups[groups.count - 1].references.append(reference)
            } else {
                groups.append(Group(references: [reference]))
            }
        }
        let sides = groups.map { Self.side(of: $0, in: bytes) }
        var before = 0, after = 0, spaced = 0, glued = 0, spacedGaps = 0, gluedGaps = 0
        for (group, side) in zip(groups, sides) {
            switch side {
            case .before: before += 1
            case .after(let isSpaced): after += 1; if isSpaced { spaced += 1 } else { glued += 1 }
            case .neither: break
            }
            for (left, right) in zip(group.references, group.references.dropFirst()) {
                if Self.gap(from: left.range.end.offset, to: right.range.start.offset, in: bytes)! { spacedGaps += 1 } else { gluedGaps += 1 }
            }
        }
        let citesAfter = after >= before, spaceAfterPunctuation = spaced >= glued, spaceBetween = spacedGaps >= gluedGaps
        let separator = spaceBetween ? " " : ""
        var findings: [Finding] = []
        for (group, side) in zip(groups, sides) {
            let markers = group.references.map { note.text($0.range) }
            let first = markers[0]
            switch side {
            case .before where citesAfter:
                let mark = Character(UnicodeScalar(bytes[group.end]))
                let replacement = "\(mark)\(spaceAfterPunctuation ? " " : "")" + markers.joined(separator: separator)
                findings.append(context.finding(self, group.references[0].range, "\(first) stands before '\(mark)': this note cites after the punctuation",
                                                fix: Fix("move the citation after the punctuation", edits: [Edit(range: group.start..<(group.end + 1), replacement: replacement)])))
                continue
            case .after(let isSpaced) where !citesAfter:
                let mark = isSpaced ? group.start - 2 : group.start - 1
                let replacement = markers.joined(separator: separator) + String(UnicodeScalar(bytes[mark]))
                findings.append(context.finding(self, group.references[0].range, "\(first) stands after '\(String(UnicodeScalar(bytes[mark])))': this note cites before the punctuation",
                                                fix: Fix("move the citation before the punctuation", edits: [Edit(range: mark..<group.end, replacement: replacement)])))
                continue
            case .after(let isSpaced) where isSpaced != spaceAfterPunctuation:
                let start = group.start
                findings.append(context.finding(self, group.references[0].range, isSpaced
                        ? "space before \(first): this note glues citations to the punctuation"
                        : "no space before \(first): this note puts one space after the punctuation",
                    fix: Fix(isSpaced ? "remove the space" : "insert a space",
                             edits: [isSpaced ? Edit(range: (start - 1)..<start, replacement: "") : Edit(range: start..<start, replacement: " ")])))
            default:
                break
            }
            for (left, right) in zip(group.references, group.references.dropFirst()) {
                let leftEnd = left.range.end.offset, rightStart = right.range.start.offset
                guard Self.gap(from: leftEnd, to: rightStart, in: bytes)! != spaceBetween else { continue }
                findings.append(context.finding(self, right.range, spaceBetween
                        ? "no space between \(note.text(left.range)) and \(note.text(right.range))"
                        : "space between \(note.text(left.range)) and \(note.text(right.range)): this note glues adjacent citations",
                    fix: Fix(spaceBetween ? "insert a space" : "remove the space",
                             edits: [Edit(range: leftEnd..<rightStart, replacement: separator)])))
            }
        }
        return findings
    }

    /// Nil when `start..<end` does not join two markers; else whether it is one space (false: nothing).
    private static func gap(from start: Int, to end: Int, in bytes: [UInt8]) -> Bool? {
        if start == end { return false }
        if end == start + 1, bytes[start] == UInt8(ascii: " ") { return true }
        return nil
    }

    /// `word[^a].` is before, `word.[^a]` and `word. [^a]` after the punctuation.
    private static func side(of group: Group, in bytes: [UInt8]) -> Side {
        func byte(_ offset: Int) -> UInt8 { offset >= 0 && offset < bytes.count ? bytes[offset] : UInt8(ascii: "\n") }
        let previous = byte(group.start - 1)
        if punctuation.contains(previous), !Byte.isWhitespace(byte(group.start - 2)) { return .after(spaced: false) }
        if previous == UInt8(ascii: " "), punctuation.contains(byte(group.start - 2)), !Byte.isWhitespace(byte(group.start - 3)) { return .after(spaced: true) }
        if !Byte.isWhitespace(previous), !punctuation.contains(previous), punctuation.contains(byte(group.end)), Byte.isWhitespace(byte(group.end + 1)) { return .before }
        return .neither
    }
}
