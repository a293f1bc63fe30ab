import NoteParser

extension Wikilink {
    /// The link as written, for messages: `[[target]]` or `![[target]]`.
    var display: String { String(concatenating: isEmbed ? "![[" : "[[", target, "]]") }
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

    /// The keys a note is found by: its aliases (files, notes' paths among them, are found by
    /// `WikilinkResolver.keys(ofFile:)`).
    static func keys(_ context: NoteContext) -> Set<String> {
        Set(WikilinkResolver.aliases(of: context.note).flatMap(WikilinkResolver.keys(ofAlias:)))
    }

    /// The keys a note's links look up: its findings depend only on the files and notes holding them.
    static func lookups(_ context: NoteContext) -> Set<String> {
        context.resolvableWikilinks.reduce(into: []) { $0.formUnion(WikilinkResolver.keys(of: $1.target, from: context.vaultPath)) }
    }
}
