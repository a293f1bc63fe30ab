/// FNV-1a (64-bit) of UTF-8 bytes: the same value on every run and platform, for ids,
/// fingerprints and reproducible values derived from text.
package enum StableHash {
    /// The standard FNV-1a offset basis.
    package static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    package static func fnv1a(_ text: String, basis: UInt64 = basis) -> UInt64 {
        var hash = basis
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
