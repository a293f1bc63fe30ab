import Foundation
@testable import NoteLint
import NoteParser
import Testing

/// Suppressions over the reference corpus `../shared/corpus`: a blanket
/// `notekit-disable-file` comment appended to every real note silences all of its findings,
/// and `suppression/unused` reports the comment only where the note had none.
@Suite struct CorpusSuppressionTests {
    static let corpus = CorpusCitationTests.corpus

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "reference corpus ../shared/corpus is absent"))
    func aBlanketFileSuppressionSilencesEveryNote() throws {
        let paths = try #require(FileManager.default.enumerator(atPath: Self.corpus)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted().map { Self.corpus + "/" + $0 }
        let root = Self.corpus
        let configuration: @Sendable (String) -> Configuration = { _ in
            var configuration = Configuration()
            configuration.root = root
            configuration.rules = ["suppression/unused": .warning]
            return configuration
        }
        let comment = "\n\n<!-- notekit-disable-file -->\n"
        let inputs = try paths.map { Linter.Input(path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0))) + Array(comment.utf8)) }
        let original = Linter().lint(paths.map { Linter.Input(path: $0) }, configuration: configuration)
        let suppressed = Linter().lint(inputs, configuration: configuration)
        #expect(original.notesLinted == 1399 && suppressed.notesLinted == 1399)
        #expect(!original.findings.contains { $0.ruleID.hasPrefix("suppression/") }, "the corpus has no suppressions of its own")
        let withFindings = Set(original.findings.map(\.path))
        let byPath = Dictionary(grouping: suppressed.findings, by: \.path)
        var inCode = 0, unused = 0
        for note in suppressed.notes {
            let directives = Suppressions(note: note).directives
            guard !directives.isEmpty else {
                // The comment landed in code (a fence never closed): it is text, nothing changes.
                inCode += 1
                #expect(note.body.children.last?.kind == .codeBlock, "\(note.path): the comment is not in code, yet no directive")
                #expect((byPath[note.path]?.count ?? 0) == original.findings.count { $0.path == note.path }, "\(note.path)")
                continue
            }
            let found = byPath[note.path] ?? []
            if withFindings.contains(note.path) {
                #expect(found.isEmpty, "\(note.path): \(found.map(\.ruleID))")
            } else {
                // Unused, unless the appended lines themselves drew a finding (e.g. text after the sources).
                #expect(found.allSatisfy { $0.ruleID == "suppression/unused" && $0.range.start.line == note.source.lineCount - 1 } && found.count <= 1,
                        "\(note.path): \(found.map(\.ruleID))")
                unused += found.count
            }
        }
        #expect(inCode < 30, "\(inCode) notes end inside code")
        #expect(unused > 0 && unused <= 1399 - withFindings.count, "\(unused) unused of \(1399 - withFindings.count) clean notes")
    }
}
