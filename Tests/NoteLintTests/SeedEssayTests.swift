import Foundation
import NoteLint
import Testing

/// Lints the seed essay `../shared/seeds/The AI Model Wars.md` (next to the package) with an
/// essays collection: its three legacy `[4]: [5]: [6]:` lines are reported on their lines,
/// and its hex citations `[^u4vyfy]` draw no citation finding at all.
@Suite struct SeedEssayTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = packageRoot.appendingPathComponent("../shared/seeds/The AI Model Wars.md").standardizedFileURL.path

    static let configuration = """
        extends: [recommended, research-vault]
        collections:
          essays:
            paths: ["essays/**"]
            required: [title, lede, date_created, site_uuid, tags]
            allowUnknownKeys: true
        """

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed), "seed essay ../shared/seeds/The AI Model Wars.md is absent"))
    func citationFindingsOnTheSeed() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.seed)))
        let config = try ConfigurationLoader.parse(Self.configuration)
        let result = Linter().lint([Linter.Input(path: "essays/The AI Model Wars.md", bytes: bytes)], configuration: { _ in config })
        #expect(result.errors.isEmpty)
        let citations = result.findings.filter { $0.ruleID.hasPrefix("citation/") }

        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let legacyLines = lines.indices.filter { ["[4]:", "[5]:", "[6]:"].contains(where: lines[$0].hasPrefix) }.map { $0 + 1 }
        #expect(legacyLines.count == 3)
        let legacy = citations.filter { $0.ruleID == "citation/legacy-numeric" }
        #expect(legacy.map(\.range.start.line) == legacyLines)
        #expect(legacy.allSatisfy { $0.range.start.column == 1 })

        // Nothing else: the hex citations and their definitions are clean for every citation rule.
        let others = citations.filter { $0.ruleID != "citation/legacy-numeric" }
        #expect(others.isEmpty, "unexpected \(others.map { "\($0.ruleID) \($0.range.start.line): \($0.message)" })")
        let hexLines = Set(lines.indices.filter { lines[$0].contains("[^") }.map { $0 + 1 })
        #expect(hexLines.count >= 10)
        #expect(citations.allSatisfy { !hexLines.contains($0.range.start.line) })
    }
}
