import NoteParser

extension VaultContext {
    /// Every wikilink and embed of the linted notes, with its resolution; links inside
    /// `%%comments%%` are skipped, as Obsidian does.
    func resolvedWikilinks() -> [(context: NoteContext, link: Wikilink, resolution: WikilinkResolver.Resolution)] {
        let resolver = WikilinkResolver(vault: self)
        return notes.flatMap { context in
            let comments = context.note.comments.map(\.bytes)
            return context.note.wikilinks
                .filter { link in !comments.contains { $0.contains(link.range.start.offset) } }
                .map { (context, $0, resolver.resolve($0.target, from: context.vaultPath)) }
        }
    }
}

extension Wikilink {
    /// The link as written, for messages: `[[target]]` or `![[target]]`.
    var display: String { (isEmbed ? "![[" : "[[") + target + "]]" }
}
