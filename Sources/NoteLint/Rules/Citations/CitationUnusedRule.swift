import NoteCitations
import NoteParser

/// `citation/unused`: a definition no reference uses.
public struct CitationUnusedRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.unused

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .warning,
        reads: .citations,
        summary: "A definition `[^id]: ...` that no citation `[^id]` uses (fix: remove it).",
        rationale: "Markdown renderers drop unused definitions, so the source silently disappears from the published note; usually the citation marker was lost while editing. The fix removes the definition; it is unsafe (applied only with `--unsafe-fixes`), since the text may be the only record of the source.",
        triggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n↓[^zz9999]: [Other](https://example.com/b)\n",
            "Ünïcødé text without citations.\n\n↓[^q1w2e3]: 2025, Sep 14. [Title](https://example.org). Published: 2025-03-17 | Updated: 2025-09-14\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "Case folds.[^ABC123]\n\n[^abc123]: [Source](https://example.com)\n",
            "```\n[^a1b2c3]: [Source](https://example.com)\n```\n",
        ],
        corrections: [
            RuleCorrection(
                "Claim.[^a1b2c3]\n\n[^zz9999]: [B](https://example.com/b)\n\n[^a1b2c3]: [A](https://example.com/a)\n",
                "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n", unsafe: true),
        ],
        fixApplicability: [.unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, in: context) { problem in
            CitationHelpers.definition(at: problem, in: context.note).map { definition in
                Fix("remove the definition", edits: [Edit(range: CitationHelpers.deletion(of: definition.range, in: context.note.source), replacement: "")],
                    applicability: .unsafe)
            }
        }
    }

}
