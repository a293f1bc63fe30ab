import Testing
@testable import NoteRender

@Suite struct RenderOptionsTests {
    @Test func decodesFromYAMLKeepingDefaultsForMissingKeys() throws {
        let options = try RenderOptions(yaml: """
            front_matter: [title, tags]
            query_callouts: aside
            wikilink_pattern: /{collection}/{slug}
            """)
        var expected = RenderOptions()
        expected.frontMatter = .only(["title", "tags"])
        expected.queryCallouts = .aside
        expected.wikilinkPattern = "/{collection}/{slug}"
        #expect(options == expected)
        #expect(try RenderOptions(yaml: "") == RenderOptions())
        #expect(try RenderOptions(yaml: "front_matter: all\nwikilink_pattern: null").frontMatter == .all)
        #expect(try RenderOptions(yaml: "wikilink_pattern: null").wikilinkPattern == nil)
        #expect(throws: (any Error).self) { try RenderOptions(yaml: "front_matter: some") }
    }

    @Test func rejectsUnknownOptionsByName() {
        let error = #expect(throws: RenderOptions.Mistake.self) {
            try RenderOptions(yaml: "tidy_whitespace: false\nsources_heding: References\ntidy: false")
        }
        #expect(error?.unknownKey == "sources_heding")
        #expect(error?.description == "2:1: unknown render option 'sources_heding'")
        let wrongType = #expect(throws: RenderOptions.Mistake.self) { try RenderOptions(yaml: "highlights: true\ntidy_whitespace: [a]") }
        #expect(wrongType?.line == 2 && wrongType?.column == 18)
        #expect(wrongType?.message.hasPrefix("invalid render option 'tidy_whitespace'") == true)
    }
}
