/// Replace the bytes `range` of a note with `replacement`.
public struct Edit: Hashable, Sendable, Codable {
    public let range: Range<Int>
    public let replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}
