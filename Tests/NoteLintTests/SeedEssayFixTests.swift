import Foundation
import NoteFix
import NoteLint
import Testing

/// Applies every rule's fixes (`NoteFixer` with its defaults: `citation/unused` not opted in) to
/// the seed essay `../shared/seeds/The AI Model Wars.md` until nothing changes, with an essays
/// collection whose tags are Train-Case: the three legacy `[4]: [5]: [6]:` definitions become
/// base36 footnote definitions, the flow list of tags becomes a block list, and no other byte
/// of the essay changes.
@Suite struct SeedEssayFixTests {
    static let seed = SeedEssayTests.seed

    static let configuration = """
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
        let result = NoteFixer().fix([Linter.Input(path: "essays/The AI Model Wars.md", bytes: Array(original.utf8))],
                                     configuration: { _ in configuration })
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
        let tags = "tags: [AI-Models, Model-Vendors, Cloud-Infrastructure, Data-Centers]\n"
        #expect(expected.contains(tags))
        expected = expected.replacingOccurrences(
            of: tags, with: "tags:\n  - AI-Models\n  - Model-Vendors\n  - Cloud-Infrastructure\n  - Data-Centers\n")
        #expect(text == expected)
    }
}
