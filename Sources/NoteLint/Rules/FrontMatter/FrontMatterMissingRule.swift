import NoteParser

/// `frontmatter/missing`: a note without front matter.
public struct FrontMatterMissingRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/missing",
        severity: .warning,
        category: .researchVault,
        summary: "The note has no YAML front matter.",
        rationale: "Titles, dates, tags and UUIDs live in the front matter; a note without it drops out of every index, feed and report built from metadata.",
        triggering: [
            RuleExample("↓# A note\n\nSome text.\n", variations: false),
            RuleExample("↓Text first.\n---\ntitle: Too late\n---\n", variations: false),
        ],
        nonTriggering: [
            "---\ntitle: A note\n---\n# A note\n",
            RuleExample("---\ntitle: Unclosed\n", variations: false),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard context.note.frontMatter == nil else { return [] }
        return [context.finding(self, bytes: 0..<0, "note has no front matter (expected a '---' block on line 1)")]
    }
}
