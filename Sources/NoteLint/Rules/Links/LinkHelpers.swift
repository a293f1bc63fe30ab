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
}
