import NoteParser

/// `frontmatter/duplicate-uuid`: two notes with the same UUID.
public struct FrontMatterDuplicateUUIDRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/duplicate-uuid",
        severity: .error,
        scope: .vault,
        summary: "Two notes carry the same UUID.",
        rationale: "A UUID must name one note: copied notes that keep their template's `site_uuid` overwrite each other in databases and sites keyed on it, and links to one open the other.",
        triggering: [
            RuleExample(files: [
                ("a.md", "---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
                ("b.md", "---\ntitle: Copy\nsite_uuid: ↓0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\nsite_uuid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\n"),
                ("b.md", "---\ntitle: Ünïcødé\nsite_uuid: ↓'7C9E6679-7425-40DE-944B-E07FC1F90AE7'\n---\n"),
                ("c.md", "---\nsite_uuid: ↓7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ("a.md", "---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
                ("b.md", "---\nsite_uuid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\nsite_uuid: {{generate-uuid}}\n---\n"),
                ("b.md", "---\nsite_uuid: {{generate-uuid}}\n---\n"),
            ]),
            RuleExample(files: [
                ("a.md", "---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
                ("b.md", "Text.\n\n```yaml\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n```\n"),
            ]),
        ]
    )

    public func check(vault: VaultContext) -> [Finding] {
        var firstNote: [String: String] = [:]
        firstNote.reserveCapacity(vault.notes.count)
        var findings: [Finding] = []
        for context in vault.notes {
            let entries = context.frontMatterEntries
            let found = uuids(entries, in: context)
            // A note with one UUID (most) needs no set of those it has.
            var seenHere = Set<String>()
            for (index, uuid) in found {
                guard found.count == 1 || seenHere.insert(uuid).inserted else { continue }
                if let other = firstNote[uuid] {
                    findings.append(context.finding(self, entries[index].valueRange, "\(entries[index].key) \(uuid) is also the UUID of \(other)"))
                } else {
                    firstNote[uuid] = context.vaultPath
                }
            }
        }
        return findings
    }

    /// The indices of the note's UUID entries among `entries` (its front matter's), with their
    /// UUIDs lowercased (each entry read in place, not copied).
    private func uuids(_ entries: [FrontMatterEntry], in context: NoteContext) -> [(index: Int, uuid: String)] {
        entries.indices.compactMap { index in
            guard FrontMatterValues.isUUIDKey(entries[index].key, in: context), let text = entries[index].value?.scalarText,
                  FrontMatterValues.isV4UUID(text) else { return nil }
            return (index, text.lowercasedCheaply())
        }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? {
        var facts = VaultFacts()
        let entries = note.frontMatterEntries
        for (index, uuid) in uuids(entries, in: note) {
            facts.combine(entries[index].key + ": " + uuid)
            facts.combine(entries[index].valueRange)
        }
        return facts
    }

    /// Its UUIDs: a note's findings depend on the notes holding one of them.
    public func vaultKeys(_ note: NoteContext) -> Set<String>? { Set(uuids(note.frontMatterEntries, in: note).map(\.uuid)) }
}
