import NoteParser

extension Wikilink {
    /// The link as written, for messages: `[[target]]` or `![[target]]`.
    var display: String { (isEmbed ? "![[" : "[[") + target + "]]" }
}

enum LinkHelpers {
    /// What the link rules read from a note: the names other notes' links find it by (its path is
    /// its key, its aliases), and its own links.
    static func facts(_ context: NoteContext) -> VaultFacts {
        var facts = VaultFacts()
        for alias in WikilinkResolver.aliases(of: context.note) { facts.combine("alias " + alias) }
        for link in context.resolvableWikilinks {
            facts.combine(link.display)
            facts.combine(link.range)
        }
        return facts
    }

    /// The keys tying a note to the notes its link findings depend on and that depend on it: the
    /// names its links are looked up by, and the aliases it is found by. Files (notes' paths among
    /// them) are found by `WikilinkResolver.keys(ofFile:)`.
    static func keys(_ context: NoteContext) -> Set<String> {
        var keys = Set(WikilinkResolver.aliases(of: context.note).flatMap(WikilinkResolver.keys(ofAlias:)))
        for link in context.resolvableWikilinks { keys.formUnion(WikilinkResolver.keys(of: link.target, from: context.vaultPath)) }
        return keys
    }
}
