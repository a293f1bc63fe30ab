import NoteParser

/// `frontmatter/tag-variants`: one tag spelt several ways across the vault.
public struct FrontMatterTagVariantsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/tag-variants",
        severity: .warning,
        scope: .vault,
        summary: "A tag is spelt differently across notes (case, `-`, `_` or spaces).",
        rationale: "Tag pages and filters match tags exactly: `Check-it-Out` and `Check-It-Out` split one topic into two lists, and each looks incomplete.",
        triggering: [
            RuleExample(files: [
                ("a.md", "---\ntags:\n  - Check-It-Out\n---\n"),
                ("b.md", "---\ntags:\n  - Check-It-Out\n  - AI-Models\n---\n"),
                ("c.md", "---\ntags:\n  - ↓Check-it-Out\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\ntags: [Ünïcødé, ↓data_centers]\n---\n"),
                ("b.md", "---\ntags:\n  - Data-Centers\n---\n"),
                ("c.md", "---\ntags:\n  - Data-Centers\n  - ↓Data Centers\n---\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ("a.md", "---\ntags:\n  - Check-It-Out\n---\n"),
                ("b.md", "---\ntags: [Check-It-Out, Data-Centers]\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\ntags:\n  - Data-Center\n---\n"),
                ("b.md", "---\ntags:\n  - Data-Centers\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\ntags:\n  - Check-It-Out\n---\n"),
                ("b.md", "Text.\n\n```yaml\ntags:\n  - Check-it-Out\n```\n"),
            ]),
        ]
    )

    private struct Use {
        let context: NoteContext
        let tag: String
        let range: Range<Int>
    }

    public func check(vault: VaultContext) -> [Finding] {
        var groups: [String: [Use]] = [:]
        for context in vault.notes {
            for use in uses(context) { groups[Suggestion.fold(use.tag), default: []].append(use) }
        }
        return groups.values.flatMap { uses -> [Finding] in
            // Most tags are spelt one way: nothing to count.
            guard uses.contains(where: { $0.tag != uses[0].tag }) else { return [] }
            var counts: [String: Int] = [:]
            for use in uses { counts[use.tag, default: 0] += 1 }
            guard counts.count > 1 else { return [] }
            let firstSeen = uses.map(\.tag)
            let majority = counts.max { ($0.value, firstSeen.firstIndex(of: $1.key)!) < ($1.value, firstSeen.firstIndex(of: $0.key)!) }!.key
            return uses.filter { $0.tag != majority }.map { use in
                use.context.finding(self, bytes: use.range,
                                    "tag '\(use.tag)' is spelt '\(majority)' in \(counts[majority]!) other place\(counts[majority]! == 1 ? "" : "s")")
            }
        }
    }

    /// Each tag of the note's tags entries, as written, with its bytes (appended to one array:
    /// no array of the entries or of each entry's uses).
    private func uses(_ context: NoteContext) -> [Use] {
        var uses: [Use] = []
        let entries = context.frontMatterEntries
        for index in entries.indices where FrontMatterValues.isTagsKey(entries[index].key, in: context) {
            let entry = entries[index]
            let tags: [String]
            switch entry.value {
            case .list(let items)?: tags = items.compactMap(\.scalarText)
            case let value?: tags = value.scalarText.map { [$0] } ?? []
            case nil: tags = []
            }
            let items = context.tagItems(entry)
            guard items.count == tags.count else { continue }
            for (tag, item) in zip(tags, items) { uses.append(Use(context: context, tag: tag, range: item.range)) }
        }
        return uses
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? {
        var facts = VaultFacts()
        for use in uses(note) {
            facts.combine(use.tag)
            facts.combine(note.note.source.range(use.range))
        }
        return facts
    }

    /// Its tags, folded: a note's findings depend on the notes holding a spelling of one of them.
    public func vaultKeys(_ note: NoteContext) -> Set<String>? { Set(uses(note).map { Suggestion.fold($0.tag) }) }
}
