/// Replace the bytes `range` of a note with `replacement`.
public struct Edit: Hashable, Sendable, Codable {
    public let range: Range<Int>
    public let replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// True when this edit and `other` cannot both apply: both replace a byte in common, or one
    /// inserts strictly inside the bytes the other replaces. Insertions at one point, or at
    /// either end of a replaced range, do not clash (they apply in order, insertions first).
    /// The one overlap test of every edit applied (`EditApplier` and the fix engine).
    public func clashes(with other: Edit) -> Bool {
        switch (range.isEmpty, other.range.isEmpty) {
        case (true, true): return false
        case (true, false): return other.range.lowerBound < range.lowerBound && range.lowerBound < other.range.upperBound
        case (false, true): return range.lowerBound < other.range.lowerBound && other.range.lowerBound < range.upperBound
        case (false, false): return range.overlaps(other.range)
        }
    }
}
