import Foundation
import NoteCitations
import NoteLint
import NoteParser
import Testing

/// One source of truth: over the reference corpus `../shared/corpus`, the citations report
/// (the index behind `notekit citations report`) counts exactly the findings of the
/// citation lint rules, kind by kind, at the same places.
@Suite struct CitationTruthTests {
    /// `../shared/corpus` next to the package root (this file is `Tests/NoteLintTests/…`).
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardizedFileURL.path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "reference corpus ../shared/corpus is absent"))
    func reportCountsEqualLintFindings() throws {
        let root = Self.corpus
        let (index, errors) = CitationIndex.build(paths: [root], root: root)
        #expect(errors.isEmpty)

        let ids = Set(CitationProblem.Kind.allCases.map(\.rawValue))
        let rules = RuleRegistry.rules.filter { ids.contains(type(of: $0).description.id) }
        #expect(rules.count == ids.count)
        let paths = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted()
        let result = Linter(rules: rules).lint(paths.map { Linter.Input(path: root + "/" + $0) }, configuration: { _ in
            var configuration = Configuration()
            configuration.presets = Preset.names
            configuration.root = root
            return configuration
        })
        #expect(result.errors.isEmpty)
        #expect(result.notesLinted == index.notes.count)

        /// Where each problem stands: note relative to the corpus, line, column.
        func places(_ items: [(path: String, line: Int, column: Int)]) -> [String] {
            items.map { "\(VaultPath.relative($0.path, to: root)):\($0.line):\($0.column)" }.sorted()
        }
        let counts = index.problemCounts
        for kind in CitationProblem.Kind.allCases {
            let findings = result.findings.filter { $0.ruleID == kind.rawValue }
            let problems = index.problems.filter { $0.kind == kind }
            #expect(counts[kind] == findings.count, "\(kind.rawValue): report \(counts[kind] ?? -1), lint \(findings.count)")
            #expect(places(problems.map { ($0.path, $0.range.start.line, $0.range.start.column) })
                        == places(findings.map { ($0.path, $0.range.start.line, $0.range.start.column) }),
                    "\(kind.rawValue): the report and lint disagree on where")
        }
    }
}
