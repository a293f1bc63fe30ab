import Testing
@testable import NoteParser

/// A parse with fewer scans reads the front matter, tree, code, headings and (with `.callouts`)
/// callouts as the full parse does, and leaves the lists it does not scan empty.
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
        for scans in [NoteParser.Scans.callouts, .none] {
            let light = try parser.parse(bytes: bytes, path: "n.md", scans: scans)
            #expect(light.bodyStartLine == full.bodyStartLine)
            #expect(light.frontMatter?.range == full.frontMatter?.range)
            #expect(light.code.ranges == full.code.ranges)
            #expect(light.headings.map(\.range) == full.headings.map(\.range))
            #expect(light.links.map(\.range) == full.links.map(\.range))
            #expect(light.tables == full.tables)
            #expect(light.callouts.map(\.range) == (scans == .none ? [] : full.callouts.map(\.range)))
            #expect(light.footnoteReferences.isEmpty && light.footnoteDefinitions.isEmpty && light.legacyDefinitions.isEmpty)
            #expect(light.wikilinks.isEmpty && light.comments.isEmpty && light.bareURLs.isEmpty && light.queryCallouts.isEmpty)
        }
        #expect(full.callouts.count == 2)
    }
}
