import Foundation
import NoteLint
import NoteParser
import Testing
@testable import NoteFix

/// `fix --write` over a copy of the reference corpus: a fixed point in one run, idempotent,
/// and every byte outside the reported edits unchanged.
@Suite struct CorpusFixTests {
    @Test(.enabled(if: Support.hasCorpus, "needs ../shared/corpus beside the package"))
    func fixWriteReachesAFixedPointAndChangesOnlyItsEdits() throws {
        let directory = try Support.corpusCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (result, files) = try Support.fix(directory)
        #expect(result.errors.isEmpty && result.unsettled.isEmpty)
        let outcome = RewriteWriter(mode: .write).commit(result.rewrites)
        let changed = result.rewrites.filter(\.isChanged)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.written == changed.map(\.path))
        #expect(changed.count > 100, "the corpus has many fixable notes; \(changed.count) changed")

        for rewrite in result.rewrites {
            let disk = try #require(FileManager.default.contents(atPath: rewrite.path))
            try Self.expectOnlyEditsChanged(rewrite, disk: Array(disk))
        }

        let loader = try ConfigurationLoader()
        let lint = try Linter().lint(files.map { Linter.Input(path: $0) }) { try loader.configuration(for: $0) }
        let fixable = lint.findings.filter { $0.fix != nil && !NoteFixer.optInRules.contains($0.ruleID) }
        #expect(fixable.isEmpty, "still fixable: \(fixable.prefix(5).map { "\($0.path): \($0.ruleID) \($0.message)" })")

        let again = try Support.fix(directory).result
        #expect(again.rewrites.allSatisfy { !$0.isChanged && $0.applied.isEmpty })
        #expect(RewriteSummary(again.rewrites).lines.isEmpty)
    }

    /// Replays the passes of `rewrite` over its original, tracking where each byte came from:
    /// the replay must give `disk`, and every byte not inserted by an edit must be the original
    /// byte it came from, in order, so only the bytes inside edited ranges changed.
    static func expectOnlyEditsChanged(_ rewrite: NoteRewrite, disk: [UInt8]) throws {
        var bytes = rewrite.original
        var origins: [Int?] = Array(bytes.indices)
        for pass in rewrite.passes {
            var nextOrigins: [Int?] = []
            var cursor = 0
            for planned in pass {
                let range = planned.edit.range
                #expect(range.lowerBound >= cursor, "\(rewrite.path): edits of a pass overlap")
                nextOrigins += origins[cursor..<range.lowerBound]
                nextOrigins += Array(repeating: nil, count: planned.edit.replacement.utf8.count)
                cursor = range.upperBound
            }
            nextOrigins += origins[cursor...]
            bytes = try EditApplier.apply(pass.map(\.edit), to: bytes)
            origins = nextOrigins
        }
        #expect(bytes == disk, "\(rewrite.path): the file on disk is not the planned result")
        #expect(bytes == rewrite.result)
        #expect(origins.count == disk.count)
        var previous = -1
        for (position, origin) in zip(disk.indices, origins) {
            guard let origin else { continue }
            guard origin > previous, rewrite.original[origin] == disk[position] else {
                Issue.record("\(rewrite.path): byte \(origin) outside every edit changed or moved")
                return
            }
            previous = origin
        }
    }
}
