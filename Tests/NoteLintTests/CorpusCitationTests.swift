import Foundation
import NoteLint
import Testing

/// Citation counts over the reference corpus `../shared/corpus` (1,399 notes, next to the package).
///
/// The expected numbers were checked two ways: samples of each rule's findings were read by
/// hand in the notes (e.g. a definition whose label occurs once in its note is unused), and an
/// independent Python count gave the same totals. That script strips the front matter, fenced
/// code and code spans, then per note: definitions are lines starting `[^id]:` (or `[^id]tail]:`,
/// or `[^id] text` after a blank line, a `Sources` line, a rule or another definition, when
/// `[^id]:` is not defined), references are the other
/// `[^id]` (labels case-folded), legacy definitions are lines starting `[n]:` with 1 to 3 digits.
@Suite struct CorpusCitationTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardizedFileURL.path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "reference corpus ../shared/corpus is absent"))
    func citationCountsOverTheCorpus() throws {
        let paths = try #require(FileManager.default.enumerator(atPath: Self.corpus)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted()
        let ids: Set = ["citation/undefined", "citation/unused", "citation/legacy-numeric"]
        let rules = RuleRegistry.rules.filter { ids.contains(type(of: $0).description.id) }
        let root = Self.corpus
        let result = Linter(rules: rules).lint(paths.map { Linter.Input(path: root + "/" + $0) }, configuration: { _ in
            var configuration = Configuration()
            configuration.presets = Preset.names
            configuration.root = root
            return configuration
        })
        #expect(result.notesLinted == 1399)
        #expect(result.errors.isEmpty)
        func count(_ id: String) -> Int { result.findings.filter { $0.ruleID == id }.count }
        #expect(count("citation/undefined") == 64)
        #expect(count("citation/unused") == 850)
        #expect(result.findings.filter { $0.ruleID == "citation/legacy-numeric" && $0.message.hasPrefix("legacy numeric definition") }.count == 1828)
    }
}
