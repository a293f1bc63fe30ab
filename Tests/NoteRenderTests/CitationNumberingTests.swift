import Testing
@testable import NoteRender

@Suite struct CitationNumberingTests {
    @Test func numbersByFirstAppearanceAndDropsUnused() throws {
        let cleaned = try Fixtures.clean("""
            Beta[^b] then alpha[^a] and beta again[^b].

            [^a]: Alpha source
            [^b]: Beta source
            [^c]: Never cited
            """)
        #expect(cleaned.sources.map(\.text) == ["Beta source", "Alpha source"])
        #expect(cleaned.markdown.contains("Beta[^1] then alpha[^2] and beta again.[^1]"))
        #expect(!cleaned.markdown.contains("Never cited"))
        #expect(try Fixtures.citationProblems(cleaned.markdown).isEmpty)
    }

    @Test func mergesDefinitionsCitingTheSameURL() throws {
        let cleaned = try Fixtures.clean("""
            One[^x] two[^y] three[^z].

            [^x]: [Page](https://Example.com/a/?utm_source=feed#top)
            [^y]: [Same page](https://example.com/a?fbclid=123)
            [^z]: [Other](https://example.com/b)
            """)
        #expect(cleaned.sources.count == 2)
        #expect(cleaned.sources[0].labels == ["x", "y"])
        #expect(cleaned.markdown.contains("One[^1] two[^1] three.[^2]"))
    }

    @Test func resolvesLegacyNumericCitationsIntoTheSameNumbering() throws {
        let cleaned = try Fixtures.clean("""
            First[^a], then legacy [2] and a pair [1, 2]. Unknown [9] stays text.

            [^a]: Footnote source
            [1]: [One](https://one.example)
            [2]: [Two](https://two.example)
            """)
        #expect(cleaned.sources.map(\.number) == [1, 2, 3])
        #expect(cleaned.sources.map(\.fields.url) == [nil, "https://two.example", "https://one.example"])
        #expect(cleaned.markdown.contains("then legacy [^2] and a pair.[^3][^2]"))
        #expect(cleaned.markdown.contains("Unknown [9\\] stays"))
        #expect(try Fixtures.citationProblems(cleaned.markdown).isEmpty)
    }

    @Test func movesMarkersAfterPunctuationOnlyWhenAsked() throws {
        let text = "Claim [^a], more[^a][^b]. Last[^b]\n\n[^a]: A\n[^b]: B\n"
        #expect(try Fixtures.clean(text).markdown.contains("Claim,[^1] more.[^1][^2] Last[^2]"))
        var options = RenderOptions()
        options.markersAfterPunctuation = false
        #expect(try Fixtures.clean(text, options: options).markdown.contains("Claim [^1], more[^1][^2]. Last[^2]"))
    }

    @Test func dropsUndefinedReferencesWithAWarning() throws {
        let cleaned = try Fixtures.clean("Text[^gone] here[^gone].\n")
        #expect(cleaned.markdown == "Text here.\n")
        // Reported once, at its first citation.
        #expect(cleaned.warnings.map { "\($0.position.line):\($0.position.column): \($0.message)" } == ["1:5: citation [^gone] has no definition; dropped"])
    }

    @Test func replacesOldCitationSectionsWithOneSourcesSection() throws {
        let cleaned = try Fixtures.clean("""
            Text[^a].

            ### Citations

            [^a]: 2025, Sep 14. [Title](https://example.com). Published: 2025-03-17 | Updated: 2025-09-14

            # Footnotes
            """)
        #expect(cleaned.markdown == """
            Text.[^1]

            ## Sources

            [^1]: 2025, Sep 14. [Title](https://example.com). Published: 2025-03-17 | Updated: 2025-09-14

            """)
    }
}
