import NoteParser

/// `frontmatter/invalid-yaml`: front matter a YAML reader rejects.
public struct FrontMatterInvalidYAMLRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/invalid-yaml",
        severity: .error,
        summary: "The front matter is not valid YAML, or is never closed.",
        rationale: "Obsidian, static-site generators and scripts all drop metadata they cannot read, often silently; the note then loses its title, dates and tags everywhere.",
        triggering: [
            RuleExample("---\ntitle: A↓: b\n---\nText.\n", variations: false),
            RuleExample("↓---\ntitle: never closed\n\nText.\n", variations: false),
            RuleExample("---\ntitle: Ünïcødé\nlede: 'unterminated\n↓---\nText.\n", variations: false),
            RuleExample("---\ntitle: A key that is a list\n? ↓[draft, 2]: x\n---\nText.\n", variations: false),
            RuleExample("---\ncount: ↓!!int many\n---\nText.\n", variations: false),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: 'A: b'\n---\nText.\n", variations: false),
            RuleExample("---\n{title: A flow map, \"quoted key\": !!str 12}\n---\nText.\n", variations: false),
            "No front matter at all.\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // The block's first error stands for the entries' own errors, which repeat it.
        let entryErrors = Set(context.note.frontMatter?.entries.compactMap(\.error) ?? [])
        return context.note.diagnostics
            .filter { [.invalidYAML, .unterminatedFrontMatter].contains($0.code)
                && ($0 == context.note.frontMatter?.error || !entryErrors.contains($0)) }
            .map { $0.finding(path: context.note.path, ruleID: Self.description.id, severity: Self.description.severity) }
    }
}
