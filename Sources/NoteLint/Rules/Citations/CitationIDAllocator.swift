import NoteCitations
import NoteParser

/// Hands out vault-unique citation ids (6-character base36 unless `citation/legacy-numeric`'s
/// options say otherwise): the id the vault already uses for a normalised URL, else one derived
/// from the URL (a stable hash, bumped past ids already taken), so the same vault always gets
/// the same ids.
struct CitationIDAllocator {
    private var taken: Set<String>
    private var byURL: [String: String]

    /// Knows every footnote label of the vault and the first non-numeric id of each URL (notes by path).
    init(vault: VaultContext) {
        taken = []
        byURL = [:]
        for context in vault.notes.sorted(by: { $0.vaultPath < $1.vaultPath }) {
            for indexed in context.citations.definitions {
                taken.insert(indexed.key)
                guard indexed.definition.form == .proper, !indexed.definition.isDuplicate,
                      !IndexedDefinition.isNoteLocal(indexed.id), let url = indexed.url, byURL[url] == nil else { continue }
                byURL[url] = indexed.id
            }
        }
    }

    /// The id for a source: the vault's id for its normalised URL, else a new one of `length`
    /// characters of `alphabet` derived from `key` (the normalised URL, or the definition text
    /// when it has no URL); nil when every such id is taken.
    mutating func id(url: String?, key: String, alphabet: [UInt8], length: Int) -> String? {
        if let url, let id = byURL[url] { return id }
        let radix = UInt64(alphabet.count)
        let space = (0..<length).reduce(UInt64(1)) { product, _ in product * radix }
        var value = StableHash.fnv1a(url ?? key) % space
        var id = Self.digits(value, alphabet, length)
        var tried: UInt64 = 1
        while taken.contains(id) || id.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard tried < space else { return nil }
            value = (value + 1) % space
            id = Self.digits(value, alphabet, length)
            tried += 1
        }
        taken.insert(id)
        if let url { byURL[url] = id }
        return id
    }

    /// `value` written with `length` characters of `alphabet`, most significant first.
    private static func digits(_ value: UInt64, _ alphabet: [UInt8], _ length: Int) -> String {
        var value = value
        var bytes = [UInt8](repeating: 0, count: length)
        for index in (0..<length).reversed() {
            bytes[index] = alphabet[Int(value % UInt64(alphabet.count))]
            value /= UInt64(alphabet.count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
