import NoteParser

/// `frontmatter/empty-value`: a key with no value.
public struct FrontMatterEmptyValueRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/empty-value",
        severity: .warning,
        summary: "A front-matter key is present but has no value.",
        rationale: "An empty key reads as null or an empty string: templates print nothing or `null`, filters on the key treat the note as filled in, and the gap is easy to miss by eye.",
        triggering: [
            RuleExample("---\ntitle: A note\n↓banner_image:\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\n↓lede: ''\n↓tags: []\n↓date_modified: null\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: A note\npublish: false\ncount: 0\n---\n"),
            RuleExample("---\ntags:\n  - Research\n---\n"),
            "Text.\n\n```yaml\nbanner_image:\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // Each value tested in place: only empty entries are copied.
        let entries = context.frontMatterEntries
        var findings: [Finding] = []
        for index in entries.indices where entries[index].value?.isEmpty == true {
            findings.append(context.finding(self, entries[index].keyRange, "key '\(entries[index].key)' has no value"))
        }
        return findings
    }
}
