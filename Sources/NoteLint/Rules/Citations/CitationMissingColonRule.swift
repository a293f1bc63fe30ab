import NoteCitations
import NoteParser

/// `citation/missing-colon`: `[^id] text`, a definition without its colon.
public struct CitationMissingColonRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.missingColon

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .error,
        reads: .citations,
        summary: "A definition written `[^id] text` without the colon after `]`.",
        rationale: "Without the colon Markdown reads the line as an ordinary paragraph: the citation stays undefined and the source text appears in the body. The fix adds the colon; it is unsafe (`--unsafe-fixes`) when no citation uses the label, since the line would then vanish from the rendered note as an unused definition.",
        triggering: [
            "A claim.[^a1b2c3]\n\n↓[^a1b2c3] [Source](https://example.com)\n",
            "Ünïcødé claim.[^q1w2e3]\n\n↓[^q1w2e3] 2025, Sep 14. [Title](https://example.org). Published: 2025-03-17\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "[^a1b2c3] opens this paragraph as a citation.\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "```\n[^a1b2c3] [Source](https://example.com)\n```\n",
        ],
        corrections: [
            RuleCorrection("A claim.[^a1b2c3]\n\n[^a1b2c3] [Source](https://example.com)\n",
                           "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n"),
            RuleCorrection("Uncited.\n\n[^a1b2c3] [Source](https://example.com)\n",
                           "Uncited.\n\n[^a1b2c3]: [Source](https://example.com)\n", unsafe: true),
        ],
        fixApplicability: [.safe, .unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, in: context) { problem in
            let end = problem.range.end.offset
            let isUnused = CitationHelpers.definition(at: problem, in: context.note)?.isUnused ?? true
            return Fix("add the missing colon", edits: [Edit(range: end..<end, replacement: ":")], applicability: isUnused ? .unsafe : .safe)
        }
    }

}
