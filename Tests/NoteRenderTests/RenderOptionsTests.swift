import Testing
@testable import NoteRender

@Suite struct RenderOptionsTests {
    /// The options of a `.notekit.yml` whose `render:` section is `section`, indented under it.
    func decoded(_ section: String) throws -> RenderOptions {
        try RenderOptions(configuration: "rules: {}\nrender:\n" + section.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }

    @Test func aConfigurationWithoutARenderSectionGivesTheDefaults() throws {
        #expect(try RenderOptions(configuration: "") == RenderOptions())
        #expect(try RenderOptions(configuration: "rules: {}\n") == RenderOptions())
        #expect(throws: RenderOptions.Mistake.self) { try RenderOptions(configuration: "render: [a]\n") }
    }

    @Test func decodesFromYAMLKeepingDefaultsForMissingKeys() throws {
        let options = try decoded("""
            front_matter: [title, tags]
            query_callouts: aside
            wikilink_pattern: /{collection}/{slug}
            """)
        var expected = RenderOptions()
        expected.frontMatter = .only(["title", "tags"])
        expected.queryCallouts = .aside
        expected.wikilinkPattern = "/{collection}/{slug}"
        #expect(options == expected)
        #expect(try decoded("") == RenderOptions())
        #expect(try decoded("front_matter: all\nwikilink_pattern: null").frontMatter == .all)
        #expect(try decoded("wikilink_pattern: null").wikilinkPattern == nil)
        #expect(throws: (any Error).self) { try decoded("front_matter: some") }
    }

    @Test func rejectsUnknownOptionsByName() {
        let error = #expect(throws: RenderOptions.Mistake.self) {
            try decoded("tidy_whitespace: false\nsources_heding: References\ntidy: false")
        }
        #expect(error?.unknownKey == "sources_heding")
        #expect(error?.description == "4:3: unknown render option 'sources_heding'")
        let wrongType = #expect(throws: RenderOptions.Mistake.self) { try decoded("highlights: true\ntidy_whitespace: [a]") }
        #expect(wrongType?.line == 4 && wrongType?.column == 20)
        #expect(wrongType?.message.hasPrefix("invalid render option 'tidy_whitespace'") == true)
    }
}
