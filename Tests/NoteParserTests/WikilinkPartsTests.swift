import Testing
@testable import NoteParser

/// A wikilink's target, heading and alias, cut from the source's bytes, are those cut from the
/// link's text at its characters `|` and `#`, on generated links whose parts hold combining
/// marks, prepended marks, non-ASCII letters, escaped pipes and blanks.
@Suite struct WikilinkPartsTests {
    @Test func sameAsCutAtCharacters() throws {
        let pieces = ["a", "Note", " ", "\t", "|", "#", "\\", "é", "e\u{301}", "\u{301}", "\u{600}", "日本", "-", "x"]
        // A linear congruential generator: the same links on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var inners: [String] = []
        for _ in 0..<400 {
            inners.append((0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined())
        }
        let note = try Fixture.note(inners.map { "[[\($0)]]\n" }.joined(separator: "\n"))
        #expect(note.wikilinks.count == inners.count)
        for (link, inner) in zip(note.wikilinks, inners) {
            let want = LinkScanner.parts(of: inner)
            #expect(link.target == want.target && link.heading == want.heading && link.alias == want.alias, "\(inner.unicodeScalars.map(\.value))")
        }
    }
}
