/// The YAML front matter of a note: its delimiters, entries and typed values.
public struct FrontMatter: Sendable {
    /// The whole block, delimiters included.
    public let range: SourceRange
    /// The opening `---` line.
    public let openingDelimiter: SourceRange
    /// The closing `---` (or `...`) line; nil when the block is not terminated.
    public let closingDelimiter: SourceRange?
    /// The YAML text between the delimiters.
    public let contentRange: SourceRange
    /// Top-level entries in source order, duplicates included.
    public let entries: [FrontMatterEntry]
    /// The first YAML error of the block, if any.
    public let error: ParseDiagnostic?
    /// A second `---` block directly after this one, which Obsidian shows as body text.
    public let secondBlock: SourceRange?
    /// True when the block is one `{...}` flow mapping: its entries share lines, so an edit
    /// of an entry's lines would break the others.
    public let isFlow: Bool
    /// True when the reader found no key written twice: `duplicateKeys` is then empty without
    /// a comparison (false when unknown, as for a vault view's entries).
    var keysAreUnique = false

    /// The last entry with this key (YAML readers keep the last of duplicates).
    public func entry(_ key: String) -> FrontMatterEntry? {
        // Keys compared in place: only the entry found is copied.
        var index = entries.endIndex
        while index > entries.startIndex {
            index -= 1
            if entries[index].key == key { return entries[index] }
        }
        return nil
    }

    /// The typed value of a key.
    public func value(_ key: String) -> YAMLValue? { entry(key)?.value }

    /// Keys written more than once, with all their entries, in order of first appearance.
    public var duplicateKeys: [(key: String, entries: [FrontMatterEntry])] {
        guard !keysAreUnique, hasDuplicateKey else { return [] }
        var order: [String] = []
        var byKey: [String: [FrontMatterEntry]] = [:]
        for entry in entries {
            if byKey[entry.key] == nil { order.append(entry.key) }
            byKey[entry.key, default: []].append(entry)
        }
        return order.compactMap { key in byKey[key].flatMap { $0.count > 1 ? (key, $0) : nil } }
    }

    /// Whether a key is written twice: a front matter's few keys compared with each other
    /// (by their byte counts first, which tell most apart), past `linearLimit` through a set.
    private var hasDuplicateKey: Bool {
        let linearLimit = 24
        guard entries.count <= linearLimit else {
            var seen = Set<String>(minimumCapacity: entries.count)
            return !entries.allSatisfy { seen.insert($0.key).inserted }
        }
        for later in entries.indices.dropFirst() {
            let key = entries[later].key, count = key.utf8.count
            for earlier in 0..<later where entries[earlier].key.utf8.count == count && entries[earlier].key == key { return true }
        }
        return false
    }
}

/// One top-level `key: value` entry of the front matter.
public struct FrontMatterEntry: Sendable, Encodable {
    public let key: String
    public let keyRange: SourceRange
    /// The value as written, from after `key:` to the end of the entry (may be empty).
    public let valueRange: SourceRange
    /// All the entry's lines, the key line and its continuation lines.
    public let range: SourceRange
    /// The note's bytes, which `raw` is made of when asked for: lint never asks, so no string
    /// is made per entry (holding them retains the note's buffer, which the note holds anyway;
    /// a vault view's entries hold its cut source instead, `FrontMatter.keeping(_:holding:)`).
    package internal(set) var sourceBytes: [UInt8]
    /// The raw text of the entry's lines.
    public var raw: String { String(decoding: sourceBytes[range.bytes.clamped(to: 0..<sourceBytes.count)], as: UTF8.self) }
    /// The typed value; nil when the YAML could not be read.
    public let value: YAMLValue?
    /// How the value is written (plain, quoted, flow list...); nil when unknown.
    public let style: YAMLStyle?
    /// Why this entry's YAML could not be read.
    public let error: ParseDiagnostic?
}
