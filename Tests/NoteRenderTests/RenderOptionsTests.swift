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
        let error = #expect(throws: RenderOptions.UnknownKeys.self) {
            try RenderOptions(yaml: "sources_heding: References\ntidy_whitespace: false\ntidy: false")
        }
        #expect(error?.keys == ["sources_heding", "tidy"])
        #expect(error?.description == "unknown render options 'sources_heding', 'tidy'")
    }
}
