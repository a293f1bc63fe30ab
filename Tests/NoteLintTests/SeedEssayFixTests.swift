import Foundation
import NoteFix
import NoteLint
import Testing

/// Applies every rule's fixes (`NoteFixer`) to the seed essay `../shared/seeds/The AI Model
/// Wars.md` until nothing changes, with an essays collection whose tags are Train-Case. By
/// default only the flow list of tags becomes a block list: the three legacy `[4]: [5]: [6]:`
/// definitions are cited by no inline number, and as unused footnotes they would vanish from
/// the rendered essay. With unsafe fixes they become base36 footnote definitions. No other
/// byte of the essay changes.
@Suite struct SeedEssayFixTests {
    static let seed = SeedEssayTests.seed

    static let configuration = """
        extends: [recommended, research-vault]
        collections:
          essays:
            paths: ["essays/**"]
            required: [title, lede, date_created, site_uuid, tags]
            allowUnknownKeys: true
            keys:
              tags: {type: tags, case: Train-Case}
        """

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed), "seed essay ../shared/seeds/The AI Model Wars.md is absent"))
    func fixesReachTheExpectedEssay() throws {
        let original = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let configuration = try ConfigurationLoader.parse(Self.configuration)
        let input = [Linter.Input(path: "essays/The AI Model Wars.md", bytes: Array(original.utf8))]
        let tags = "tags: [AI-Models, Model-Vendors, Cloud-Infrastructure, Data-Centers]\n"
        #expect(original.contains(tags))
        let blockTags = "tags:\n  - AI-Models\n  - Model-Vendors\n  - Cloud-Infrastructure\n  - Data-Centers\n"

        let safe = try #require(NoteFixer().fix(input, configuration: { _ in configuration }).rewrites.first)
        #expect(Set(safe.applied.map(\.origin)) == ["frontmatter/tags-style"])
        #expect(String(decoding: safe.result, as: UTF8.self) == original.replacingOccurrences(of: tags, with: blockTags))

        let options = NoteFixer.Options(rules: RuleSelection(select: ["citation/legacy-numeric", "frontmatter/tags-style"]), unsafeFixes: true)
        let result = NoteFixer(options: options).fix(input, configuration: { _ in configuration })
        #expect(result.errors.isEmpty && result.unsettled.isEmpty)
        let rewrite = try #require(result.rewrites.first)
        #expect(rewrite.conflicts.isEmpty && rewrite.refused.isEmpty)
        #expect(Set(rewrite.applied.map(\.origin)) == ["citation/legacy-numeric", "frontmatter/tags-style"])
        let text = String(decoding: rewrite.result, as: UTF8.self)

        // The ids are FNV-1a (64-bit) of each normalised URL, mod 36^6, in base36 (computed
        // outside notekit); none is taken in this one-note vault.
        var expected = original
        for (legacy, id) in [("[4]:", "m5fmlf"), ("[5]:", "oiecw7"), ("[6]:", "cv8x1o")] {
            let line = try #require(expected.range(of: "\n" + legacy + " "), "\(legacy) not found in the seed")
            expected.replaceSubrange(line, with: "\n[^\(id)]: ")
        }
        expected = expected.replacingOccurrences(of: tags, with: blockTags)
        #expect(text == expected)
    }
}
