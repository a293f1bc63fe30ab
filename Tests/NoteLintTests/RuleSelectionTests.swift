import NoteLint
import Testing

/// `RuleSelection`: ids, categories, commas, ignore over select, and unknown selectors.
@Suite struct RuleSelectionTests {
    @Test func selectorsCoverIdsAndCategories() {
        let selection = RuleSelection(select: ["citation, frontmatter/tags-style"], ignore: ["citation/unused"])
        #expect(selection.select == ["citation", "frontmatter/tags-style"])
        #expect(selection.includes("citation/missing-colon"))
        #expect(!selection.includes("citation/unused"))
        #expect(selection.includes("frontmatter/tags-style"))
        #expect(!selection.includes("frontmatter/unknown-key"))
        // A category is a whole path segment: `cit` covers nothing.
        #expect(!RuleSelection(select: ["cit"]).includes("citation/unused"))
        #expect(RuleSelection(select: ["citation/"]).includes("citation/unused"))
        // Findings about an unreadable file are never filtered away.
        #expect(RuleSelection(select: ["citation"]).includes("file/unreadable"))
        #expect(RuleSelection().includes("link/broken"))
    }

    @Test func unknownSelectorsSuggestTheClosest() {
        #expect(RuleSelection(select: ["citation", "link/"]).unknownSelector(among: RuleRegistry.ids) == nil)
        let typo = RuleSelection(ignore: ["citaton"]).unknownSelector(among: RuleRegistry.ids)
        #expect(typo?.contains("'citaton' for --ignore (did you mean 'citation'?)") == true)
        let rule = RuleSelection(select: ["citation/unusd"]).unknownSelector(among: RuleRegistry.ids)
        #expect(rule?.contains("did you mean 'citation/unused'") == true)
    }
}
