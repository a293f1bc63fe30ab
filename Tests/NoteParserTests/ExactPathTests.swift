import NoteParser
import Testing

/// `ExactPath` orders and hashes by bytes: its `memcmp` order is `lexicographicallyPrecedes` of
/// the bytes, and equal paths hash alike, on generated paths (prefixes of one another, non-ASCII).
@Suite struct ExactPathTests {
    @Test func orderAndHashFollowTheBytes() {
        var generator = SplitMix64(seed: 0xE8AC)
        let parts = ["", "a", "A", "b/", "/", "é", "e\u{301}", "~", "notes/x.md", "\u{7F}", "ü"]
        let paths = (0..<400).map { _ in
            ExactPath((0..<Int(generator.next() % 4)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined())
        }
        let bytes = { (path: ExactPath) in Array(path.description.utf8) }
        for (left, right) in zip(paths, paths.shuffled(using: &generator)) {
            #expect((left < right) == bytes(left).lexicographicallyPrecedes(bytes(right)), "\(left) \(right)")
            #expect((left == right) == (bytes(left) == bytes(right)))
            if left == right { #expect(left.hashValue == right.hashValue) }
        }
        #expect(Set(paths).count == Set(paths.map(bytes)).count)
    }
}
