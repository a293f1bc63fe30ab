import NoteCitations
import NoteParser

/// Hands out vault-unique 6-character base36 citation ids: the id the vault already uses for a
/// normalised URL, else one derived from the URL (a stable hash, bumped past ids already taken),
/// so the same vault always gets the same ids.
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

    /// The id for a source: the vault's id for its normalised URL, else a new one derived from `key`
    /// (the normalised URL, or the definition text when it has no URL).
    mutating func id(url: String?, key: String) -> String {
        if let url, let id = byURL[url] { return id }
        var value = Self.hash(url ?? key) % Self.space
        var id = Self.base36(value)
        while taken.contains(id) || id.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            value = (value + 1) % Self.space
            id = Self.base36(value)
        }
        taken.insert(id)
        if let url { byURL[url] = id }
        return id
    }

    private static let space: UInt64 = 2_176_782_336  // 36^6
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// FNV-1a (64-bit) of the UTF-8 bytes: stable across runs and platforms.
    private static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private static func base36(_ value: UInt64) -> String {
        var value = value
        var bytes = [UInt8](repeating: 0, count: 6)
        for index in (0..<6).reversed() {
            bytes[index] = digits[Int(value % 36)]
            value /= 36
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
