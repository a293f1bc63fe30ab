import NoteCitations
import NoteParser

/// `citation/undefined`: a footnote reference with no definition.
public struct CitationUndefinedRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.undefined

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .error,
        reads: .citations,
        summary: "A citation `[^id]` has no definition `[^id]: ...` in the note.",
        rationale: "Markdown renders an undefined reference as literal text `[^id]`: the claim loses its source and readers see the raw marker.",
        triggering: [
            "A claim.↓[^a1b2c3]\n",
            "Ünïcødé claim ↓[^zz9999] and a kept one[^ok1234].\n\n[^ok1234]: [Source](https://example.com)\n",
            "| Claim | Source |\n|---|---|\n| x | ↓[^tb0001] |\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "Code: `[^a1b2c3]` is not a citation.\n",
            "```\n[^a1b2c3]\n```\n",
            "Case folds.[^ABC123]\n\n[^abc123]: [Source](https://example.com)\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, in: context)
    }

}
