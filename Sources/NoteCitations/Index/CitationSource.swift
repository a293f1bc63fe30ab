import NoteParser

/// One source of the vault: every definition whose URL normalises to `url`.
public struct CitationSource: Sendable {
    /// The normalised URL.
    public let url: String
    /// The host without `www.`.
    public let domain: String?
    /// Its definitions in note order.
    public let definitions: [IndexedDefinition]
    /// The notes citing it, in note order.
    public let uses: [CitationUse]

    /// The ids used for it, as first written, without case-only variants.
    public var ids: [String] { distinct(definitions.map(\.id), by: { $0.lowercasedCheaply() }) }
    /// The titles given to it, distinct.
    public var titles: [String] { distinct(definitions.compactMap(\.definition.fields.title), by: { $0 }) }
    /// `Published:` dates, ascending.
    public var published: [PartialDate] { dates(\.published) }
    /// `Updated:` dates, ascending.
    public var updated: [PartialDate] { dates(\.updated) }
    /// The `YEAR, Mon DD.` prefixes of its definitions (when it was cited), ascending.
    public var citedOn: [PartialDate] { Array(Set(definitions.compactMap(\.definition.fields.prefixDate))).sorted() }
    /// The year of its earliest publication date.
    public var publicationYear: Int? { published.first?.year }
    public var referenceCount: Int { uses.reduce(0) { $0 + $1.references } }

    private func dates(_ field: KeyPath<CitationFields, CitationDate?>) -> [PartialDate] {
        Array(Set(definitions.compactMap { $0.definition.fields[keyPath: field]?.date })).sorted()
    }
}

/// How one note cites a source.
public struct CitationUse: Sendable, Hashable {
    public let path: String
    /// The ids the note uses for the source.
    public let ids: [String]
    /// References to those ids in the note.
    public let references: Int
}

/// The elements of `items` whose `key` was not seen before, in order.
func distinct<T, K: Hashable>(_ items: [T], by key: (T) -> K) -> [T] {
    var seen = Set<K>()
    return items.filter { seen.insert(key($0)).inserted }
}
