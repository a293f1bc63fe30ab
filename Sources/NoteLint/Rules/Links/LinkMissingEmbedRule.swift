import NoteParser

/// `link/missing-embed`: an embed `![[file]]` of a file not in the vault.
public struct LinkMissingEmbedRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "link/missing-embed",
        severity: .warning,
        scope: .vault,
        reads: [.wikilinks, .comments],
        summary: "An embed `![[file]]` names a file that is not in the vault.",
        rationale: "A missing image or note renders as an empty box or a broken-image frame; the file was usually renamed, moved out of the vault or never copied in.",
        triggering: [
            RuleExample(files: [("a.md", "↓![[diagram.png]]\n")]),
            RuleExample(files: [("a.md", "Ünïcødé ↓![[Visuals/hero.png|300]] and ↓![[Gone note#Part]]\n"), ("Other/hero.png", "")]),
        ],
        nonTriggering: [
            RuleExample(files: [("a.md", "![[Diagram.PNG]] ![[Visuals/hero.png|300]] ![[b#Part]]\n"),
                                ("img/diagram.png", ""), ("Visuals/hero.png", ""), ("b.md", "")]),
            RuleExample(files: [("a.md", "[[not an embed]] and `![[in code]]`\n")]),
        ]
    )

    public func check(vault: VaultContext) -> [Finding] {
        // The resolution read first: a link (its strings retained) is copied only when unresolved.
        vault.wikilinks.compactMap { resolved in
            guard case .unresolved = resolved.resolution else { return nil }
            let link = resolved.link
            guard link.isEmbed else { return nil }
            return resolved.context.finding(self, link.range, "embedded file '\(link.target)' is not in the vault")
        }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? { LinkHelpers.facts(note) }

    public func vaultKeys(_ note: NoteContext) -> Set<String>? { LinkHelpers.keys(note) }

    public func vaultLookups(_ note: NoteContext) -> Set<String>? { LinkHelpers.lookups(note) }

    public func vaultFileKeys(_ path: String) -> Set<String>? { WikilinkResolver.keys(ofFile: path) }
}
