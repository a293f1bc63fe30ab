import NoteParser

/// `link/unresolved-wikilink`: a wikilink to no file of the vault.
public struct LinkUnresolvedWikilinkRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "link/unresolved-wikilink",
        severity: .warning,
        scope: .vault,
        reads: [.wikilinks, .comments],
        summary: "A wikilink `[[target]]` leads to no file or alias in the vault.",
        rationale: "An unresolved link renders as a dead link (Obsidian creates an empty note when it is clicked): usually a renamed note or a typo.",
        triggering: [
            RuleExample(files: [("essays/a.md", "See ↓[[Missing note]] and [[b]].\n"), ("essays/b.md", "B.\n")]),
            RuleExample(files: [("a.md", "Ünïcødé ↓[[other/b|alias]] and ↓[[b.png]].\n"), ("notes/b.md", "B.\n")]),
            RuleExample(files: [("a.md", "| Link |\n|---|\n| ↓[[c\\|C]] |\n"), ("b.md", "---\naliases: [d]\n---\nB.\n")]),
        ],
        nonTriggering: [
            RuleExample(files: [("a.md", "[[B]], [[b.md]], [[notes/b#Heading|text]], [[#Local heading]].\n"), ("notes/b.md", "B.\n")]),
            RuleExample(files: [("a.md", "[[Ünï Alias]] and [[Other name]].\n"), ("b.md", "---\naliases:\n  - ünï alias\n  - Other name\n---\n")]),
            RuleExample(files: [("a/x.md", "[[../c/y]] and [[./z]], `[[not a link]]`, %% [[commented]] %%\n"), ("c/y.md", ""), ("a/z.md", "")]),
            RuleExample(files: [("a.md", "```\n[[Missing]]\n```\n\n![[missing.png]] is another rule's.\n")]),
        ]
    )

    public func check(vault: VaultContext) -> [Finding] {
        // The resolution read first: a link (its strings retained) is copied only when unresolved.
        vault.wikilinks.compactMap { resolved in
            guard case .unresolved = resolved.resolution else { return nil }
            let link = resolved.link
            guard !link.isEmbed else { return nil }
            return resolved.context.finding(self, link.range, String(concatenating: "wikilink [[", link.target, "]] resolves to no file"))
        }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? { LinkHelpers.facts(note) }

    public func vaultKeys(_ note: NoteContext) -> Set<String>? { LinkHelpers.keys(note) }

    public func vaultLookups(_ note: NoteContext) -> Set<String>? { LinkHelpers.lookups(note) }

    public func vaultFileKeys(_ path: String) -> Set<String>? { WikilinkResolver.keys(ofFile: path) }
}
