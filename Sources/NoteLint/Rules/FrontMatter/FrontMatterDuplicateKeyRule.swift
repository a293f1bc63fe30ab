import NoteParser

/// `frontmatter/duplicate-key`: a key written twice in the front matter.
public struct FrontMatterDuplicateKeyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/duplicate-key",
        severity: .error,
        summary: "A front-matter key is written more than once.",
        rationale: "YAML readers disagree on duplicate keys: strict ones reject the whole block, lenient ones keep the last value and silently drop the others, so an edit to the first one never shows. The fix deletes the earlier entries, keeping the value readers use; it is unsafe (applied only with `--unsafe-fixes`), since the deleted value may be the one the author meant.",
        triggering: [
            RuleExample("---\n↓title: Draft name\ndate_created: 2024-05-01\ntitle: Final name\n---\nText.\n"),
            RuleExample("---\n↓tags:\n  - Ünïcødé\n↓tags: [Old]\ntags:\n  - New\n---\n"),
            RuleExample("---\n↓lede: Früh\nlede: Spät\n---\nText.\n", variations: false),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: One\ntitles: Two\n---\nText.\n"),
            RuleExample("---\nauthors:\n  - title: A\n  - title: B\n---\n"),
            "Text.\n\n```yaml\ntitle: A\ntitle: B\n```\n",
        ],
        corrections: [
            RuleCorrection("---\ntitle: Draft name\ndate_created: 2024-05-01\ntitle: Final name\n---\nText.\n",
                           "---\ndate_created: 2024-05-01\ntitle: Final name\n---\nText.\n", unsafe: true),
            RuleCorrection("---\ntags:\n  - A\ntags: [B]\ntags:\n  - C\n---\n", "---\ntags:\n  - C\n---\n", unsafe: true),
        ],
        fixApplicability: [.unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard !context.frontMatterEntries.isEmpty, let frontMatter = context.note.frontMatter else { return [] }
        return frontMatter.duplicateKeys.flatMap { key, entries -> [Finding] in
            let kept = entries.last!
            return entries.dropLast().map { entry in
                context.finding(self, entry.keyRange, "key '\(key)' is repeated on line \(kept.range.start.line); the last one wins",
                                fix: Fix("delete the earlier '\(key)' entry", edits: [Edit(range: context.entryLines(entry), replacement: "")],
                                         applicability: .unsafe))
            }
        }
    }
}
