/// A set of ASCII bytes as two 64-bit masks: membership in a shift and an `and`, for loops
/// that test every byte of a text against a handful of characters.
package struct ASCIISet: Sendable {
    @usableFromInline let low: UInt64, high: UInt64

    /// The set of `characters`' bytes (ASCII ones; others are ignored).
    package init(_ characters: String) {
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
        (self.low, self.high) = (low, high)
    }

    @inlinable package func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> byte & 1 == 1 : byte < 128 && high >> (byte - 64) & 1 == 1
    }
}
