import Testing
@testable import NoteParser

/// `FootnoteKeys` against a dictionary of the labels' keys (what the scanner used before it), on
/// generated labels: ASCII in either case (the bytes beside `A` to `Z` and `a` to `z` included,
/// labels of up to eight bytes and longer ones that share their head), and not (accents, a
/// combining mark, the Kelvin sign and the Greek question mark, which equal `K` and `;` as
/// strings but not as bytes).
@Suite struct FootnoteKeysTests {
    @Test func firstLinesAgreeWithADictionaryOfKeys() {
        var generator = SplitMix64(seed: 0xF007)
        let ascii = ["a", "B", "b", "1", "-", "_x", "K", "k", ";", "Ab", "@", "`", "[", "{", "Z", "z", "abcdefgh", "ABCDEFG"]
        let other = ascii + ["é", "É", "e\u{301}", "\u{212A}", "\u{37E}"]
        var byBytes = 0
        for round in 0..<3000 {
            let pieces = round % 3 == 0 ? other : ascii
            func label() -> String {
                (0...Int(generator.next() % 3)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let definitions = (0..<Int(generator.next() % 12)).map { _ in label() }
            let labels = definitions + (0..<12).map { _ in label() }
            var source: [UInt8] = []
            let ranges = labels.map { label in
                let start = source.count
                source += Array(label.utf8) + [Byte.space]
                return start..<(start + label.utf8.count)
            }
            var first: [String: Int] = [:]
            for (line, label) in definitions.enumerated().reversed() { first[CitationScanner.key(label)] = line }
            var keys = FootnoteKeys(labels: Array(ranges[..<definitions.count]), in: source)
            #expect(keys.firstLines == definitions.map { first[CitationScanner.key($0)]! }, "\(definitions)")
            for (label, range) in zip(labels, ranges) {
                #expect(keys.firstLine(ofLabelAt: range) == first[CitationScanner.key(label)], "\(label.debugDescription) in \(definitions)")
            }
            if pieces == ascii, !definitions.isEmpty { byBytes += 1 }
        }
        #expect(byBytes > 1500)
    }
}
