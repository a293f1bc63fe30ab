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
        #expect(outcome.written.map { result.rewrites[$0].path } == changed.map(\.path))
        #expect(changed.count > 100, "the corpus has many fixable notes; \(changed.count) changed")

        for rewrite in result.rewrites {
            let disk = try #require(FileManager.default.contents(atPath: rewrite.path))
            let problems = try Self.changesOutsideEdits(rewrite, disk: Array(disk))
            #expect(problems.isEmpty, "\(problems)")
        }

        let loader = try ConfigurationLoader()
        let lint = try Linter().lint(files.map { Linter.Input(path: $0) }) { try loader.configuration(for: $0) }
        let fixable = lint.findings.filter { $0.fix?.applicability == .safe }
        #expect(fixable.isEmpty, "still fixable: \(fixable.prefix(5).map { "\($0.path): \($0.ruleID) \($0.message)" })")

        let again = try Support.fix(directory).result
        #expect(again.rewrites.allSatisfy { !$0.isChanged && $0.applied.isEmpty })
        #expect(RewriteSummary(again.rewrites).lines.isEmpty)
    }

    @Test func theByteCheckCatchesAChangeOutsideTheEdits() throws {
        let note = try Support.note("abcdef ghij\n")
        let first = NoteRewrite.plan(note, edits: [Support.edit(1..<3, "XYZ"), Support.edit(7..<7, "+")])
        let second = try NoteRewrite.plan(Support.note(String(decoding: first.result, as: UTF8.self)), edits: [Support.edit(0..<2, "")])
        let rewrite = NoteRewrite(path: "n.md", original: first.original, result: second.result, passes: first.passes + second.passes)
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "YZdef +ghij\n")
        #expect(try Self.changesOutsideEdits(rewrite, disk: rewrite.result).isEmpty)
        var tampered = rewrite.result
        tampered[3] = UInt8(ascii: "E")
        #expect(try Self.changesOutsideEdits(rewrite, disk: tampered)
                == ["n.md: the file on disk is not the planned result", "n.md: bytes 3..<7, outside every edit, changed or moved"])
    }

    /// A run of bytes kept from the original: `count` bytes at `original` now stand at `current`.
    struct Kept { var original: Int; var current: Int; var count: Int }

    /// Replays the passes of `rewrite` over its original, tracking which original bytes each
    /// pass leaves alone and where they move: the replay must give `disk`, and every byte no
    /// edit replaced must stand in `disk` as in the original, in order, so only the bytes
    /// inside edited ranges changed. Returns what breaks that; empty when nothing does.
    static func changesOutsideEdits(_ rewrite: NoteRewrite, disk: [UInt8]) throws -> [String] {
        guard rewrite.isChanged else {
            return disk == rewrite.original ? [] : ["\(rewrite.path): unchanged note differs on disk"]
        }
        var problems: [String] = []
        var bytes = rewrite.original
        var kept = [Kept(original: 0, current: 0, count: bytes.count)]
        for pass in rewrite.passes {
            // The stretches between this pass's edits, each with how far the edits before it moved it.
            var gaps: [(range: Range<Int>, shift: Int)] = []
            var cursor = 0, shift = 0
            for planned in pass {
                let range = planned.edit.range
                if range.lowerBound < cursor { problems.append("\(rewrite.path): edits of a pass overlap") }
                gaps.append((cursor..<range.lowerBound, shift))
                shift += planned.edit.replacement.utf8.count - range.count
                cursor = range.upperBound
            }
            gaps.append((cursor..<bytes.count, shift))
            kept = kept.flatMap { run in
                gaps.compactMap { gap -> Kept? in
                    let piece = gap.range.clamped(to: run.current..<(run.current + run.count))
                    guard !piece.isEmpty else { return nil }
                    return Kept(original: run.original + piece.lowerBound - run.current, current: piece.lowerBound + gap.shift, count: piece.count)
                }
            }
            bytes = try EditApplier.apply(pass.map(\.edit), to: bytes)
        }
        if bytes != disk { problems.append("\(rewrite.path): the file on disk is not the planned result") }
        if bytes != rewrite.result { problems.append("\(rewrite.path): replaying the passes does not give the result") }
        var previous = (original: 0, current: 0)
        for run in kept {
            guard run.original >= previous.original, run.current >= previous.current, run.current + run.count <= disk.count,
                  disk[run.current..<(run.current + run.count)] == rewrite.original[run.original..<(run.original + run.count)] else {
                problems.append("\(rewrite.path): bytes \(run.original)..<\(run.original + run.count), outside every edit, changed or moved")
                return problems
            }
            previous = (run.original + run.count, run.current + run.count)
        }
        return problems
    }
}
