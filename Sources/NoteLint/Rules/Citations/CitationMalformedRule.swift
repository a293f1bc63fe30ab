import NoteCitations
import NoteParser

/// `citation/malformed`: a definition without a URL.
public struct CitationMalformedRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.malformed

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .warning,
        reads: .citations,
        summary: "A definition `[^id]: ...` with no URL, only free text.",
        rationale: "A source readers cannot open cannot be checked, deduplicated across notes or archived. House definitions read `2025, Sep 14. [Title](url). Published: ... | Updated: ...`.",
        triggering: [
            "A claim.[^a1b2c3]\n\n↓[^a1b2c3]: A conversation with the author.\n",
            "Ünïcødé claim.[^q1w2e3]\n\n↓[^q1w2e3]: 2025, Sep 14. Title without a link. Published: 2025-03-17\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025, Sep 14. [Title](https://example.org). Published: 2025-03-17 | Updated: 2025-09-14\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: Example report https://example.com/report.pdf\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: \"A Title.\" Retrieved from https://example.com/a\n",
            "```\n[^a1b2c3]: A conversation with the author.\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, in: context)
    }

}
