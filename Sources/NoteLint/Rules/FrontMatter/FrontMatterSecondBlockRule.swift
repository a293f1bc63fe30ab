import NoteParser

/// `frontmatter/second-block`: a second `---` block of keys after the front matter.
public struct FrontMatterSecondBlockRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/second-block",
        severity: .warning,
        summary: "A second `---` block of keys follows the front matter.",
        rationale: "Only the first block is front matter: Obsidian and site generators show the second one as body text (a rule and a paragraph of `key: value` lines), and its keys are never read.",
        triggering: [
            RuleExample("---\ntitle: A note\n---\n↓---\ndate_created: 2024-05-01\n---\nText.\n", variations: false),
            RuleExample("---\ntitle: Ünïcødé\n---\n\n↓---\ntags:\n  - Extra\nstatus: Draft\n---\n", variations: false),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: A note\n---\nText.\n\n---\n\nMore text.\n", variations: false),
            RuleExample("---\ntitle: A note\n---\n---\nJust a rule, then prose.\n---\n", variations: false),
            "Text.\n\n```\n---\ntitle: x\n---\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard let block = context.note.frontMatter?.secondBlock else { return [] }
        return [context.finding(self, block, "second front matter block on line \(block.start.line); its keys are read as body text")]
    }
}
