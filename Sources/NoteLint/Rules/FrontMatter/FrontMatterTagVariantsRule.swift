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

    /// A tag as written in the vault's note `note` (an index: no note retained by each use).
    private struct Use {
        let note: Int
        let tag: String
        let range: Range<Int>
    }

    public func check(vault: VaultContext) -> [Finding] {
        var uses: [Use] = []
        for (note, context) in vault.notes.enumerated() { appendUses(context, note: note, to: &uses) }
        // Each use's group (its folded spelling, numbered by first use), and whether a group is
        // spelt several ways: most tags are spelt one way, their uses gathered in no array.
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(uses.count)
        var firstUses: [Int] = []
        var isMixed: [Bool] = []
        var groupOf = [Int](repeating: 0, count: uses.count)
        for index in uses.indices {
            func join(_ number: inout Int) -> Int {
                if number < 0 {
                    number = firstUses.count
                    firstUses.append(index)
                    isMixed.append(false)
                } else if uses[firstUses[number]].tag != uses[index].tag {
                    isMixed[number] = true
                }
                return number
            }
            groupOf[index] = join(&numbers[Suggestion.fold(uses[index].tag), default: -1])
        }
        // The spelling most used in each group spelt several ways (the first seen of a tie).
        var members = [[String]](repeating: [], count: firstUses.count)
        for index in uses.indices where isMixed[groupOf[index]] { members[groupOf[index]].append(uses[index].tag) }
        let majorities = members.map { tags -> (tag: String, count: Int)? in
            guard !tags.isEmpty else { return nil }
            var counts: [String: Int] = [:]
            for tag in tags { counts[tag, default: 0] += 1 }
            let majority = counts.max { ($0.value, tags.firstIndex(of: $1.key)!) < ($1.value, tags.firstIndex(of: $0.key)!) }!
            return (majority.key, majority.value)
        }
        // In vault order, as the findings are reported.
        return uses.indices.compactMap { index in
            let use = uses[index]
            guard let majority = majorities[groupOf[index]], use.tag != majority.tag else { return nil }
            return vault.notes[use.note].finding(self, bytes: use.range,
                                                 "tag '\(use.tag)' is spelt '\(majority.tag)' in \(majority.count) other place\(majority.count == 1 ? "" : "s")")
        }
    }

    /// Each tag of the note's tags entries, as written, with its bytes, appended to `uses`
    /// (no array of the entries or of each entry's uses).
    private func appendUses(_ context: NoteContext, note: Int = 0, to uses: inout [Use]) {
        let entries = context.frontMatterEntries
        for index in entries.indices where FrontMatterValues.isTagsKey(entries[index].key, in: context) {
            let entry = entries[index]
            let items = context.tagItems(entry)
            switch entry.value {
            case .list(let values)?:
                guard values.count(where: { $0.scalarText != nil }) == items.count else { continue }
                for (tag, item) in zip(values.lazy.compactMap { $0.scalarText }, items) { uses.append(Use(note: note, tag: tag, range: item.range)) }
            case let value?:
                guard let tag = value.scalarText, items.count == 1 else { continue }
                uses.append(Use(note: note, tag: tag, range: items[0].range))
            case nil:
                continue
            }
        }
    }

    private func uses(_ context: NoteContext) -> [Use] {
        var uses: [Use] = []
        appendUses(context, to: &uses)
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
