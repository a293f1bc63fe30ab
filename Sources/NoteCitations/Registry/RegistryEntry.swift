import NoteParser

/// What the registry note of one citation id should say, from the index.
public struct RegistryEntry: Sendable, Hashable {
    /// The id as first written; also the note's file name.
    public let id: String
    public let title: String?
    /// The URL as written in the first definition.
    public let url: String?
    /// The day (`YYYY-MM-DD`) of the definition's date prefix, else of its publication date;
    /// nil when neither names a day (a year or month stays in the reference only).
    public let date: String?
    /// The definition text of the first definition.
    public let reference: String
    /// References to the id, in all notes that define it.
    public let usageCount: Int
    /// The notes that define it, relative to the vault root, sorted.
    public let filesUsedIn: [String]

    /// One entry per vault-wide id (case-insensitive) of the index. Purely numeric labels
    /// (`[^1]`) are numbered per note, so they are never registered (nor merged across notes).
    /// Ids that cannot be file names (anything but letters, digits, `-` and `_`) are returned apart.
    static func entries(from index: CitationIndex, root: String) -> (entries: [RegistryEntry], unusable: [String]) {
        var order: [String] = []
        var byKey: [String: [IndexedDefinition]] = [:]
        for definition in index.definitions where !IndexedDefinition.isNoteLocal(definition.id) {
            if byKey[definition.key] == nil { order.append(definition.key) }
            byKey[definition.key, default: []].append(definition)
        }
        var entries: [RegistryEntry] = []
        var unusable: [String] = []
        for key in order {
            let group = byKey[key]!
            let first = group.first { !$0.definition.isDuplicate } ?? group[0]
            guard first.id.unicodeScalars.allSatisfy(isFileNameScalar) else { unusable.append(first.id); continue }
            let fields = first.definition.fields
            entries.append(RegistryEntry(
                id: first.id, title: fields.title, url: fields.url,
                date: [fields.prefixDate, fields.published?.date].lazy.compactMap { $0 }.first { $0.precision == .day }?.description,
                reference: first.definition.text, usageCount: group.reduce(0) { $0 + $1.references },
                filesUsedIn: Set(group.map { VaultPath.relative($0.path, to: root) }).sorted()))
        }
        return (entries, unusable)
    }

    private static func isFileNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }
}
