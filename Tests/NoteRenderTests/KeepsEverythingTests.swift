import NoteParser
import Testing
@testable import NoteRender

/// Render removes what it means to remove (query callouts, comments, old citation sections)
/// and keeps the rest: whole definitions, and no leftovers of what went.
@Suite struct KeepsEverythingTests {
    let links = PublishedLinks(resolver: WikilinkResolver(files: ["essays/Other Note.md"]),
                               pages: [.init(vaultPath: "essays/Other Note.md", slug: "other-note")],
                               pattern: "{slug}.{ext}", fileExtension: "html")
    static let definitions = """
        One[^a], two[^b], three[^c].

        [^a]: [Title A](https://example.com/a). Example Press, p. 12.
        [^b]: 2025, Sep 14. [Title B](https://example.com/b). Published: 2025-03-17 | Updated: N/A. See [[Other Note|the other]].
        [^c]: Interview notes, [[Other Note]] and [[Nowhere]].
        """

    @Test func markdownSourcesKeepTheWholeDefinitionWithWikilinksConverted() throws {
        let cleaned = try Fixtures.clean(Self.definitions, links: links)
        #expect(cleaned.markdown.hasSuffix("""
            ## Sources

            [^1]: [Title A](https://example.com/a). Example Press, p. 12.

            [^2]: 2025, Sep 14. [Title B](https://example.com/b). Published: 2025-03-17 | Updated: N/A. See [the other](<other-note.html>).

            [^3]: Interview notes, [Other Note](<other-note.html>) and Nowhere.

            """))
    }

    @Test func htmlSourcesKeepTheWholeDefinition() throws {
        let renderer = NoteRenderer(templates: try Fixtures.templates(), links: links)
        let html = renderer.html(renderer.clean(try Fixtures.parse(Self.definitions)))
        #expect(html.contains("<span class=\"source-text\"><a href=\"https://example.com/a\">Title A</a>. Example Press, p. 12.</span>"))
        #expect(html.contains("""
            <span class="source-text">2025, Sep 14. <a href="https://example.com/b">Title B</a>. Published: 2025-03-17 | \
            Updated: N/A. See <a href="other-note.html">the other</a>.</span>
            """))
        #expect(html.contains("<span class=\"source-text\">Interview notes, <a href=\"other-note.html\">Other Note</a> and Nowhere.</span>"))
    }

    @Test func houseStyleDefinitionsShowTheirFields() throws {
        let html = try Fixtures.html("A[^a] b[^b].\n\n[^a]: 2025, Sep. [T](https://example.com/t). Published: 2025-03-17\n[^b]: https://example.com/u\n")
        #expect(html.contains("<span class=\"source-date\">2025, Sep.</span> \n<a class=\"source-title\" href=\"https://example.com/t\">T</a>."))
        #expect(html.contains("<a class=\"source-title\" href=\"https://example.com/u\">https://example.com/u</a>."))
        #expect(!html.contains("source-text"))
    }

    @Test func aRemovedQueryCalloutLeavesNoLabelOrEmptyQuote() throws {
        let cleaned = try Fixtures.clean("""
            Intro.

            > [!info] **Perplexity Query** (2025-01-01T00:00:00Z)
            > **Question:**
            > Why?

            >

            The answer.[1]

            Citations:
            [1]: https://example.com/one

            **Sources:**
            [2]: https://example.com/two
            """)
        #expect(cleaned.markdown == "Intro.\n\nThe answer.[^1]\n\n## Sources\n\n[^1]: https://example.com/one\n")
        #expect(cleaned.warnings.map { "\($0.position.line):\($0.position.column): \($0.message)" } == ["15:1: definition [2] is cited nowhere; dropped"])
    }

    @Test func aCalloutHoldingAQuotedQueryStays() throws {
        let text = "> [!note] Outer\n> > [!info] **Perplexity Query** (2025)\n> > **Question:**\n> > Why?\n>\n> Answer inside.\n"
        #expect(try Fixtures.clean(text).markdown == text)
    }

    @Test func labelsOfKeptTextStay() throws {
        let text = "Citations:\n\nare counted here.\n\nSources: many.[^a]\n\n[^a]: Book.\n"
        #expect(try Fixtures.clean(text).markdown == "Citations:\n\nare counted here.\n\nSources: many.[^1]\n\n## Sources\n\n[^1]: Book.\n")
    }

    @Test(arguments: [
        ("# Footnotes\n\n[^a]: Note.\n", "Only Footnotes"),
        ("# References\n\n# Real Title\n", "Real Title"),
        ("## Sources\n\n# Citations\n", "Only Footnotes"),
        ("---\ntitle: From YAML\n---\n# Footnotes\n", "From YAML"),
    ])
    func titlesSkipCitationHeadings(text: String, title: String) throws {
        #expect(NoteRenderer.title(of: try Fixtures.parse(text, path: "notes/Only Footnotes.md")) == title)
    }
}
