import Foundation
import NoteLint
import Testing

/// Applies every rule's fixes to the seed essay `../shared/seeds/The AI Model Wars.md` until
/// nothing changes, with an essays collection whose tags are Train-Case: the three legacy
/// `[4]: [5]: [6]:` definitions become base36 footnote definitions, the flow list of tags
/// becomes a block list, and no other byte of the essay changes.
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

    /// Rules whose fixes delete content and are only applied when asked for.
    static let optIn: Set<String> = ["citation/unused"]

    /// Lints `text` and applies the fixes of the findings, skipping a fix that overlaps one
    /// already taken (the next round sees it again); nil when no finding offers a fix.
    static func fixOnce(_ text: String, configuration: Configuration) throws -> String? {
        let result = Linter().lint([Linter.Input(path: "essays/The AI Model Wars.md", bytes: Array(text.utf8))],
                                   configuration: { _ in configuration })
        var taken: [Edit] = []
        for fix in result.findings.filter({ !optIn.contains($0.ruleID) }).compactMap(\.fix)
        where !fix.edits.contains(where: { edit in taken.contains { $0.range.overlaps(edit.range) || $0.range.lowerBound == edit.range.lowerBound } }) {
            taken += fix.edits
        }
        guard !taken.isEmpty else { return nil }
        return String(decoding: try EditApplier.apply(taken, to: Array(text.utf8)), as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed), "seed essay ../shared/seeds/The AI Model Wars.md is absent"))
    func fixesReachTheExpectedEssay() throws {
        let original = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let configuration = try ConfigurationLoader.parse(Self.configuration)
        var text = original
        var rounds = 0
        while let fixed = try Self.fixOnce(text, configuration: configuration) {
            #expect(fixed != text, "a round of fixes changed nothing")
            text = fixed
            rounds += 1
            try #require(rounds < 10, "fixes did not reach a fixed point")
        }

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
        #expect(rounds >= 1)
    }
}
