import NoteCitations
import NoteParser

/// `citation/legacy-numeric`: `[4]: ...` definitions and their inline `[4]` citations.
public struct CitationLegacyNumericRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/legacy-numeric",
        severity: .warning,
        summary: "A legacy numeric citation: a `[4]: ...` definition line, or an inline `[4]` in a note that has such definitions.",
        rationale: "Numeric `[n]` citations are not footnotes: Markdown renders them as literal brackets, their numbers collide when text moves between notes, and the same source gets a different number in every note. Convert them to footnotes with vault-unique ids (`notekit fix` reuses the id the vault already has for the same URL).",
        triggering: [
            "A claim ↓[1].\n\n↓[1]: [Source](https://example.com)\n",
            "Ünïcødé claim↓[2] and another↓[1, 2].\n\n↓[1]: [A](https://example.com/a)\n\n↓[2]: 2025, Jul 17. [B](https://example.com/b). Published: 2025-06-18\n",
        ],
        nonTriggering: [
            "An index a[1] in prose, with no numeric definitions.\n",
            "[1](https://example.com) is a link.\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "```\nvalue[1]\n[1]: not a citation\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, .legacyNumeric, in: context)
    }

}
