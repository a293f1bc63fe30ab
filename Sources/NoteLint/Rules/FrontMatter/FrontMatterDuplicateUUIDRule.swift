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
            let found = uuids(context)
            // A note with one UUID (most) needs no set of those it has.
            var seenHere = Set<String>()
            for (entry, uuid) in found {
                guard found.count == 1 || seenHere.insert(uuid).inserted else { continue }
                if let other = firstNote[uuid] {
                    findings.append(context.finding(self, entry.valueRange, "\(entry.key) \(uuid) is also the UUID of \(other)"))
                } else {
                    firstNote[uuid] = context.vaultPath
                }
            }
        }
        return findings
    }

    /// The note's UUID entries with their UUIDs, lowercased.
    private func uuids(_ context: NoteContext) -> [(FrontMatterEntry, String)] {
        context.frontMatterEntries.compactMap { entry in
            guard FrontMatterValues.isUUIDKey(entry.key, in: context), let text = entry.value?.scalarText,
                  FrontMatterValues.isV4UUID(text) else { return nil }
            return (entry, text.lowercasedCheaply())
        }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? {
        var facts = VaultFacts()
        for (entry, uuid) in uuids(note) {
            facts.combine(entry.key + ": " + uuid)
            facts.combine(entry.valueRange)
        }
        return facts
    }

    /// Its UUIDs: a note's findings depend on the notes holding one of them.
    public func vaultKeys(_ note: NoteContext) -> Set<String>? { Set(uuids(note).map(\.1)) }
}
