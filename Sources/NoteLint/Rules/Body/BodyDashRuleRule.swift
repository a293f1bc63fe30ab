import NoteParser

/// `body/dash-rule`: a thematic break drawn with `-` instead of the house style `***`.
public struct BodyDashRuleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "body/dash-rule",
        severity: .warning,
        category: .researchVault,
        summary: "A thematic break in the body is drawn with `---`; house style is `***`.",
        rationale: "A `---` line is easily taken for a front-matter delimiter, and one blank line less turns it into a setext heading underline; `***` means a rule everywhere.",
        triggering: [
            "Text.\n\n↓---\n\nMore text.\n",
            "Ünïcødé.\n\n↓- - -\n\n> Quote\n>\n> ↓-----\n",
        ],
        nonTriggering: [
            "Text.\n\n***\n\nMore text.\n",
            "Setext heading\n---\n\nText.\n",
            "---\ntitle: Front matter only\n---\nText.\n",
            "```\n---\n```\n",
        ],
        corrections: [
            RuleCorrection("Text.\n\n---\n\nMore.\n", "Text.\n\n***\n\nMore.\n"),
            RuleCorrection("---\ntitle: Ünïcødé\n---\nText.\n\n  - - -  \n\n> ----\n", "---\ntitle: Ünïcødé\n---\nText.\n\n  ***  \n\n> ***\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        let frontMatter = [note.frontMatter?.range, note.frontMatter?.secondBlock].compactMap { $0?.bytes }
        return note.thematicBreaks.compactMap { rule in
            guard rule.marker == "-", !frontMatter.contains(where: { $0.contains(rule.range.start.offset) }) else { return nil }
            let line = note.source.lineRange(rule.range.start.line)
            let bytes = note.source.bytes
            guard let first = line.first(where: { bytes[$0] == UInt8(ascii: "-") }),
                  let last = line.last(where: { bytes[$0] == UInt8(ascii: "-") }) else { return nil }
            let marker = first..<(last + 1)
            return context.finding(self, bytes: marker, "thematic break drawn with '-'; use '***'",
                                   fix: Fix("draw the rule with '***'", edits: [Edit(range: marker, replacement: "***")]))
        }
    }
}
