import Testing
@testable import NoteParser

/// `NoteParser.isCitationSectionTitle(bytes:)`, which compares an ASCII heading's bytes in
/// place, against `isCitationSectionTitle` of the heading's string on generated headings:
/// titles in any case, decorations around or inside, non-ASCII letters and marks, `\r`,
/// lengths about the 11-byte limit, and slices that do not start at 0.
@Suite struct CitationSectionTitleTests {
    @Test func bytesMatchTheStringTest() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["Sources", "sources", "CITATIONS", "Footnotes", "references", "Works Cited", "works  cited", "work", "s",
                      "*", "**", "_", ":", "#", " ", "\t", "\r", "\r\n", "\n", "é", "e\u{301}", "\u{301}", "Ünï", "x", "References1", ""]
        var texts = ["", " ", "**", "Sources", "**Sources:**", "sources\u{301}", "\u{301}sources", "Sources\r", "Works Cited!",
                     "abcdefghijk", "abcdefghijkl", "#Footnotes#"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            // In a larger buffer, as a heading's plain text is passed.
            let buffer = Array("pre".utf8) + Array(text.utf8) + Array("post".utf8)
            let bytes = buffer[3..<(buffer.count - 4)]
            #expect(NoteParser.isCitationSectionTitle(bytes: bytes) == NoteParser.isCitationSectionTitle(String(decoding: bytes, as: UTF8.self)),
                    "\(text.debugDescription)")
        }
        #expect(NoteParser.isCitationSectionTitle(bytes: Array("## **Works CITED:**".utf8)[...]))
        #expect(!NoteParser.isCitationSectionTitle(bytes: Array("Sourcesé".utf8)[...]))
    }
}
