import NoteLint
import Testing

/// The `site:` section of `.notekit.yml` (render --site): read into `SiteSettings`, a mistake
/// an error at its line and column, with "did you mean" for a misspelt key.
@Suite struct SiteSettingsTests {
    @Test func readsEveryKey() throws {
        let configuration = try ConfigurationLoader.parse("""
            site:
              title: Tidal Notes
              url: https://notes.example.org
              description: Essays.
              language: en-GB
              collections:
                Essays: essays/**
                Concepts: [concepts/**, glossary/*.md]
              feed_entries: 5
              toc_headings: 0

            """)
        let site = configuration.site
        #expect(site.title == "Tidal Notes" && site.url == "https://notes.example.org/" && site.description == "Essays.")
        #expect(site.language == "en-GB" && site.feedEntries == 5 && site.tocHeadings == 0)
        #expect(site.collections == [.init(name: "Essays", paths: ["essays/**"]), .init(name: "Concepts", paths: ["concepts/**", "glossary/*.md"])])
        #expect(site.collection(for: "glossary/Tide.md")?.name == "Concepts")
        #expect(site.collection(for: "faults/Tide.md") == nil)
        // Without the section: the defaults, nothing published by glob.
        #expect(try ConfigurationLoader.parse("ignore: [x]\n").site == SiteSettings())
    }

    @Test func mistakesAreErrorsAtTheirPlace() {
        #expect(RuleOptionsTests.refusal("site:\n  titl: X\n")
                == ".notekit.yml:2:3: error: unknown key 'titl' under site (did you mean 'title'?)")
        #expect(RuleOptionsTests.refusal("site:\n  url: notes.example.org\n")
                == ".notekit.yml:2:8: error: site.url must be an http or https URL")
        #expect(RuleOptionsTests.refusal("site:\n  collections: [a]\n")
                == ".notekit.yml:2:16: error: site.collections must be a map of names to globs")
        #expect(RuleOptionsTests.refusal("site:\n  collections:\n    Essays: []\n")
                == ".notekit.yml:3:13: error: site.collections.Essays must be a glob or a list of globs")
        #expect(RuleOptionsTests.refusal("site:\n  feed_entries: -1\n")
                == ".notekit.yml:2:17: error: site.feed_entries must be a whole number (0 or more)")
        #expect(RuleOptionsTests.refusal("site: true\n") == ".notekit.yml:1:7: error: site must be a map (title:, url:, collections:, ...)")
        #expect(RuleOptionsTests.refusal("sit:\n  title: X\n")?.contains("(did you mean 'site'?)") == true)
    }
}
