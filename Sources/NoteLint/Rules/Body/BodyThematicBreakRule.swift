import NoteParser

/// `body/dash-rule`: a thematic break drawn with another character than the house style
/// (`***` unless the `style` option says otherwise).
public struct BodyThematicBreakRule: Rule {
    public init() {}

    /// The thematic breaks a house may draw.
    public enum Style: String, Sendable, CaseIterable {
        case asterisks = "***", spacedAsterisks = "* * *", underscores = "___", dashes = "---"

        /// The character the break is drawn with.
        var marker: String { String(rawValue.prefix(1)) }
    }

    public static let style = RuleOption("style", default: Style.asterisks,
                                         "The thematic break the house draws; breaks drawn with another character are findings, and the fix writes this.")

    static let dashes = "rules:\n  body/dash-rule: {style: \"---\"}\n"

    public static let description = RuleDescription(
        id: "body/dash-rule",
        severity: .warning,
        category: .researchVault,
        summary: "A thematic break in the body is drawn with another character than the house style (`***` unless configured).",
        rationale: "A `---` line is easily taken for a front-matter delimiter, and one blank line less turns it into a setext heading underline; `***` means a rule everywhere. A house that draws its rules otherwise sets the `style` option; with `style: \"---\"` a break is rewritten only where the line before it is blank and text comes before it, since after a paragraph line `---` underlines a heading and at the top of a note it opens front matter.",
        triggering: [
            "Text.\n\n↓---\n\nMore text.\n",
            "Ünïcødé.\n\n↓- - -\n\n> Quote\n>\n> ↓-----\n\n↓___\n",
            RuleExample("Text.\n\n↓***\n\nMore text.\n\n↓_ _ _\n", configuration: dashes),
        ],
        nonTriggering: [
            "Text.\n\n***\n\nMore text.\n\n* * *\n",
            "Setext heading\n---\n\nText.\n",
            "---\ntitle: Front matter only\n---\nText.\n",
            "```\n---\n```\n",
            RuleExample("Text.\n\n---\n\n- - -\n", configuration: dashes),
        ],
        corrections: [
            RuleCorrection("Text.\n\n---\n\nMore.\n", "Text.\n\n***\n\nMore.\n"),
            RuleCorrection("---\ntitle: Ünïcødé\n---\nText.\n\n  - - -  \n\n> ----\n\n* ---\n", "---\ntitle: Ünïcødé\n---\nText.\n\n  ***  \n\n> ***\n\n* ---\n"),
            RuleCorrection("Text.\n\n---\n\n___\n", "Text.\n\n* * *\n\n* * *\n", configuration: "rules:\n  body/dash-rule: {style: \"* * *\"}\n"),
            RuleCorrection("Ünïcødé.\n\n***\n\n> Quote\n>\n> ___\n", "Ünïcødé.\n\n---\n\n> Quote\n>\n> ---\n", configuration: dashes),
            // `---` under a paragraph line would make it a heading, and at the top it would open front matter: left as is.
            RuleCorrection("***\n\nText.\n***\n", "***\n\nText.\n***\n", configuration: dashes),
        ],
        options: [style.declaration]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        let style = context.option(Self.style, of: self)
        let frontMatter = [note.frontMatter?.range, note.frontMatter?.secondBlock].compactMap { $0?.bytes }
        return note.thematicBreaks.compactMap { rule in
            guard rule.marker != style.marker, !frontMatter.contains(where: { $0.contains(rule.range.start.offset) }) else { return nil }
            let line = note.source.lineRange(rule.range.start.line)
            let bytes = note.source.bytes
            let character = rule.marker.utf8.first ?? UInt8(ascii: "-")
            guard let first = line.first(where: { $0 >= rule.range.start.offset && bytes[$0] == character }),
                  let last = line.last(where: { bytes[$0] == character }) else { return nil }
            let marker = first..<(last + 1)
            // Only a break that starts its line (after `>` markers): `* ---` is a list item holding a
            // break, and `* ***` would be a break instead of the list.
            let startsLine = bytes[line.lowerBound..<first].allSatisfy(Self.isPrefixByte)
            let fix = !startsLine || (style == .dashes && !Self.mayDrawDashes(at: rule.range.start.line, in: note)) ? nil
                : Fix("draw the rule with '\(style.rawValue)'", edits: [Edit(range: marker, replacement: style.rawValue)])
            return context.finding(self, bytes: marker, "thematic break drawn with '\(rule.marker)'; use '\(style.rawValue)'", fix: fix)
        }
    }

    /// True when a `---` on `line` reads as a thematic break: the line before it is blank (but
    /// for block-quote markers) and some body text comes before that, so it neither underlines
    /// a paragraph as a heading nor opens or follows the front matter.
    static func mayDrawDashes(at line: Int, in note: Note) -> Bool {
        let source = note.source
        func isBlank(_ line: Int) -> Bool { source.bytes[source.lineRange(line)].allSatisfy(isPrefixByte) }
        guard line > note.bodyStartLine, isBlank(line - 1) else { return false }
        return (note.bodyStartLine..<(line - 1)).contains { !isBlank($0) }
    }

    /// Spaces, tabs, `\r` and block-quote markers: what may stand on a line around a break.
    private static func isPrefixByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">")
    }
}
