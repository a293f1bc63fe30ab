import NoteParser

/// `link/ambiguous-wikilink`: a wikilink whose name matches several files.
public struct LinkAmbiguousWikilinkRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "link/ambiguous-wikilink",
        severity: .warning,
        scope: .vault,
        reads: [.wikilinks, .comments],
        summary: "A wikilink `[[name]]` matches several files of the vault by name.",
        rationale: "Obsidian silently picks one of the files and other tools may pick another; a link with enough folders (`[[folder/name]]`) says which note is meant.",
        triggering: [
            RuleExample(files: [("x.md", "See ↓[[Note]].\n"), ("a/note.md", ""), ("b/Note.md", "")]),
            RuleExample(files: [("x.md", "Ünïcødé ↓![[chart.png]]\n"), ("a/chart.png", ""), ("b/chart.png", "")]),
        ],
        nonTriggering: [
            RuleExample(files: [("x.md", "[[a/note]] and [[b/note|alias]].\n"), ("a/note.md", ""), ("b/note.md", "")]),
            RuleExample(files: [("x.md", "[[note]] is the one at the root.\n"), ("note.md", ""), ("b/note.md", "")]),
            RuleExample(files: [("x.md", "`[[note]]`\n"), ("a/note.md", ""), ("b/note.md", "")]),
        ]
    )

    public func check(vault: VaultContext) -> [Finding] {
        // The resolution read first: a link (its strings retained) is copied only when ambiguous.
        vault.wikilinks.compactMap { resolved in
            guard case .ambiguous(let paths) = resolved.resolution else { return nil }
            let link = resolved.link
            return resolved.context.finding(self, link.range, "wikilink \(link.display) matches \(paths.count) files: \(paths.joined(separator: ", "))")
        }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? { LinkHelpers.facts(note) }

    public func vaultKeys(_ note: NoteContext) -> Set<String>? { LinkHelpers.keys(note) }

    public func vaultLookups(_ note: NoteContext) -> Set<String>? { LinkHelpers.lookups(note) }

    public func vaultFileKeys(_ path: String) -> Set<String>? { WikilinkResolver.keys(ofFile: path) }
}
