import NoteParser

extension Wikilink {
    /// The link as written, for messages: `[[target]]` or `![[target]]`.
    var display: String { display(after: "", before: "") }

    /// `prefix`, the link as written and `suffix` in one string, its bytes copied once into
    /// storage of their size (a vault may have thousands of unresolved links; appending to a
    /// string costs hundreds of instructions a part).
    func display(after prefix: StaticString, before suffix: StaticString) -> String {
        let opening: StaticString = isEmbed ? "![[" : "[["
        let closing: StaticString = "]]"
        var target = target
        return target.withUTF8 { target in
            let count = prefix.utf8CodeUnitCount + opening.utf8CodeUnitCount + target.count + closing.utf8CodeUnitCount + suffix.utf8CodeUnitCount
            return String(unsafeUninitializedCapacity: count) { buffer in
                var offset = 0
                func put(_ start: UnsafePointer<UInt8>?, _ count: Int) {
                    if let start { (buffer.baseAddress! + offset).initialize(from: start, count: count) }
                    offset += count
                }
                put(prefix.utf8Start, prefix.utf8CodeUnitCount)
                put(opening.utf8Start, opening.utf8CodeUnitCount)
                put(target.baseAddress, target.count)
                put(closing.utf8Start, closing.utf8CodeUnitCount)
                put(suffix.utf8Start, suffix.utf8CodeUnitCount)
                return offset
            }
        }
    }
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
