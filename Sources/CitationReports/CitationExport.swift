import NoteCitations
import NoteParser

/// The vault's sources as bibliography entries for other tools (docs/citations-export.md):
/// one entry per source of the `CitationIndex`, written by `CSLJSONExport`, `BibTeXExport`
/// and `RISExport`.
public struct CitationExport: Sendable {
    /// One source.
    public struct Entry: Sendable, Hashable {
        /// A citation id of the vault for the source, or `src-` and a hash of its URL.
        public let id: String
        /// Its first title, as plain text.
        public let title: String?
        /// The normalised URL.
        public let url: String
        /// The earliest `Published:` date.
        public let issued: PartialDate?
        /// The latest `YEAR, Mon DD.` prefix (when it was cited), else the latest `Updated:` date.
        public let accessed: PartialDate?
        /// The site: the URL's host without `www.`.
        public let container: String?
    }

    /// Entries by id (case-insensitive, then as written).
    public let entries: [Entry]

    public init(index: CitationIndex) {
        let owners = Self.owners(index.definitions)
        var ids: [String: String] = [:]
        var taken = Set(index.definitions.map(\.key))
        for source in index.sources {
            ids[source.url] = source.ids.first { Self.isPortable($0) && owners[IndexedDefinition.key($0)] == source.url }
        }
        for source in index.sources.sorted(by: { $0.url < $1.url }) where ids[source.url] == nil {
            let id = Self.hashID(source.url, taken: taken)
            taken.insert(id)
            ids[source.url] = id
        }
        entries = index.sources.map { source in
            Entry(id: ids[source.url]!, title: source.titles.first.map(InlinePlainText.of).flatMap { $0.isEmpty ? nil : $0 },
                  url: source.url, issued: source.published.first,
                  accessed: source.citedOn.last ?? source.updated.last, container: source.domain)
        }.sorted { (IndexedDefinition.key($0.id), $0.id) < (IndexedDefinition.key($1.id), $1.id) }
    }

    /// True for an id every format and pandoc take as a key as written: ASCII letters, digits,
    /// `-` and `_`, starting with a letter, digit or `_`, and not purely numeric (numeric
    /// labels are numbered per note).
    public static func isPortable(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-", !IndexedDefinition.isNoteLocal(id) else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Each id's source: the URL of the first definition (in index order) of that id with a URL,
    /// so an id written for two sources names only the first.
    private static func owners(_ definitions: [IndexedDefinition]) -> [String: String] {
        var owners: [String: String] = [:]
        for definition in definitions {
            guard let url = definition.url, owners[definition.key] == nil else { continue }
            owners[definition.key] = url
        }
        return owners
    }

    /// `src-` and 12 hex digits of the URL's FNV-1a hash, bumped past `taken` (every id the
    /// vault defines, lowercased, and the hash ids given before).
    private static func hashID(_ url: String, taken: Set<String>) -> String {
        var value = StableHash.fnv1a(url)
        while true {
            let hex = String(value & 0xffff_ffff_ffff, radix: 16)
            let id = "src-" + String(repeating: "0", count: 12 - hex.count) + hex
            if !taken.contains(id) { return id }
            value &+= 1
        }
    }
}
