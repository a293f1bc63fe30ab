/// A 64-bit hash of bytes for cache keys: eight bytes a step, seeded, never stored as a
/// secret (it tells one content from another, as ruff's cache keys do, not an attacker's).
/// A helper of the lint cache, vault facts and the site manifest, not public API.
package struct ContentHash: Hashable, Sendable {
    package private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    package init() {}

    /// A hash read back from the lint cache's file.
    package init(value: UInt64) { self.value = value }

    /// The hash of `bytes`.
    package init(_ bytes: [UInt8]) { combine(bytes) }

    /// The hash of some bytes of an array.
    package init(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { combine($0) } }

    /// Mixes `bytes` (and their count, so that concatenations differ) into the hash.
    package mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }

    private mutating func combine(_ raw: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        for offset in index..<raw.count { tail |= UInt64(raw[offset]) << (8 * UInt64(offset - index)) }
        mix(tail)
        mix(UInt64(raw.count))
    }

    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ other: ContentHash) { mix(other.value) }

    /// Mixes one integer into the hash.
    package mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ (word &* 0xFF51_AFD7_ED55_8CCD)) &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 29
    }
}
