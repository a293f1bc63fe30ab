import Testing
@testable import NoteParser

/// A parse with fewer scans reads the front matter, tree, code, headings and callouts as the
/// full parse does, and leaves the lists it does not scan empty.
@Suite struct ParseScansTests {
    static let note = """
        ---
        title: Tides
        ---
        # Tides

        > [!note] Moon
        > Pulls the sea[^a] and [[Slack Water]]. %%aside%% https://example.com
        > > [!tip]- Inner
        > > text

        `code [^b]` and more.

        ```
        fenced [[x]]
        ```

        [^a]: 2025, Apr 10. [Source](https://example.com/a).
        [1]: https://example.com/legacy

        """

    @Test func lighterParsesAgreeWithTheFullOne() throws {
        let parser = NoteParser()
        let bytes = Array(Self.note.utf8)
        let full = try parser.parse(bytes: bytes, path: "n.md")
        #expect(!full.footnoteDefinitions.isEmpty && !full.wikilinks.isEmpty && !full.comments.isEmpty)
        let light = try parser.parse(bytes: bytes, path: "n.md", scans: .callouts)
        #expect(light.bodyStartLine == full.bodyStartLine)
        #expect(light.frontMatter?.range == full.frontMatter?.range)
        #expect(light.code.ranges == full.code.ranges)
        #expect(light.headings.map(\.range) == full.headings.map(\.range))
        #expect(light.headings.map(\.text) == full.headings.map(\.text) && light.headings.map(\.isCitationSection) == full.headings.map(\.isCitationSection))
        #expect(light.links.map(\.range) == full.links.map(\.range))
        #expect(light.tables == full.tables)
        #expect(light.callouts.map(\.range) == full.callouts.map(\.range))
        #expect(light.footnoteReferences.isEmpty && light.footnoteDefinitions.isEmpty && light.legacyDefinitions.isEmpty)
        #expect(light.wikilinks.isEmpty && light.comments.isEmpty && light.bareURLs.isEmpty && light.queryCallouts.isEmpty)
        #expect(full.callouts.count == 2)
    }
}

extension ParseScansTests {
    /// Without `.literals`, the tree keeps the text under headings (their `text`) and no other.
    @Test func withoutLiteralsOnlyHeadingsKeepTheirText() throws {
        let bytes = Array("# A [Sources](https://x.org) `c`\n\nBody [link](https://y.org) `code` <b>\n\n```js\nx\n```\n\n## Sources\n".utf8)
        let parser = NoteParser()
        let full = try parser.parse(bytes: bytes, path: "n.md")
        let light = try parser.parse(bytes: bytes, path: "n.md", scans: NoteParser.Scans.all.subtracting(.literals))
        #expect(light.headings.map(\.text) == ["A Sources c", "Sources"] && light.headings.map(\.text) == full.headings.map(\.text))
        #expect(light.headings.map(\.isCitationSection) == [false, true])
        #expect(full.links.map(\.destination) == ["https://x.org", "https://y.org"] && light.links.map(\.destination) == ["", ""])
        var kept = 0, fullKept = 0
        light.body.forEach { if $0.literal != nil || $0.url != nil || $0.fenceInfo != nil { kept += 1 } }
        full.body.forEach { if $0.literal != nil || $0.url != nil || $0.fenceInfo != nil { fullKept += 1 } }
        // The headings' text and code nodes: "A ", "Sources", " ", "c" and "Sources".
        #expect(kept == 5 && fullKept > kept)
    }

    /// Random texts of Markdown pieces, the same ones on every run.
    static func samples(_ pieces: [String], count: Int, length: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
    }

    @Test func bodyAndCodeAsTheParseFindsThem() throws {
        let pieces = ["---\n", "a: 1\n", "\n", "text ", "x", "`", "``", "~~", "~", "  ", " ", "\t", "\r", "<div>", "<", "> ", "- ", "1. ",
                      "10) ", "[^a]: ", "[^", "[x]: <u>", "[", "^", "]", ": ", "* ", "+ ", "# ", "<!--", "-->", "</div>\n", "\n\n"]
        let cases = ["", "<div>\n", "> <p>\n", "- <p>\n", "[^a]: <div>x</div>\n", "[^a]: > <div>\n", "x[^a]\n\n[^a]: <div>\n", "x[^note]\n\n- [^note]: <pre>\n", "  <div>\n", "1) <div>\n",
                     "a\n~~~\ncode\n~~~\n", "    code\n", "x\r    y\n", "---\na: 1\n---\n<div>\n"]
            + Self.samples(pieces, count: 3000, length: 10)
        let parser = NoteParser()
        for text in cases {
            let bytes = Array(text.utf8)
            let note = try parser.parse(bytes: bytes, path: "n.md")
            let found = try parser.bodyAndCode(bytes: bytes, path: "n.md")
            #expect(found.bodyStartLine == note.bodyStartLine, "\(text.debugDescription)")
            #expect(found.code.ranges == note.code.ranges, "\(text.debugDescription)")
            if !CodeRanges.couldHold(bytes) { #expect(note.code.ranges.isEmpty, "\(text.debugDescription)") }
        }
    }
}
