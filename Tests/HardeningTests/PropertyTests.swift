import NoteFix
import NoteLint
import NoteParser
import Testing
@testable import NotekitFuzz

/// Properties of seeded random notes (`NoteGenerator`): each case is reproducible from its seed.
@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...300)
    static let pipeline = try! FuzzPipeline()

    static func parse(_ bytes: [UInt8]) throws -> Note { try NoteParser().parse(bytes: bytes, path: FuzzPipeline.path) }

    static func note(seed: UInt64) -> String {
        var generator = NoteGenerator(seed: seed)
        return generator.note()
    }

    /// Whether `after` is `before` with `edits` applied and not one other byte changed.
    static func onlyEdited(_ edits: [Edit], before: [UInt8], after: [UInt8]) -> Bool {
        var shift = 0, cursor = 0
        for edit in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }).map(\.element) {
            let replacement = Array(edit.replacement.utf8)
            let start = edit.range.lowerBound + shift
            guard start + replacement.count <= after.count,
                  before[cursor..<edit.range.lowerBound].elementsEqual(after[(cursor + shift)..<start]),
                  after[start..<(start + replacement.count)].elementsEqual(replacement) else { return false }
            shift += replacement.count - edit.range.count
            cursor = edit.range.upperBound
        }
        return after.count == before.count + shift && before[cursor...].elementsEqual(after[(cursor + shift)...])
    }

    @Test func generatedNotesParse() throws {
        for seed in Self.seeds {
            let text = Self.note(seed: seed)
            #expect(throws: Never.self, "seed \(seed)") { try Self.parse(Array(text.utf8)) }
        }
    }

    /// `NoteFixer`, as `fix --unsafe-fixes` runs it: each pass changes only the bytes of its
    /// edits, the run settles, and fixing its result changes nothing.
    @Test func fixesReachAFixedPointChangingOnlyTheirBytes() throws {
        for seed in Self.seeds {
            let bytes = Array(Self.note(seed: seed).utf8)
            let result = FuzzPipeline.fix(bytes)
            #expect(result.unsettled.isEmpty, "seed \(seed): no fixed point after \(NoteFixer.maxPasses) passes")
            let rewrite = try #require(result.rewrites.first)
            var current = bytes
            for (number, pass) in rewrite.passes.enumerated() {
                let next = try EditApplier.apply(pass.map(\.edit), to: current)
                #expect(Self.onlyEdited(pass.map(\.edit), before: current, after: next), "seed \(seed) pass \(number + 1)")
                current = next
            }
            #expect(current == rewrite.result, "seed \(seed): the passes do not give the result")
            let again = try #require(FuzzPipeline.fix(rewrite.result).rewrites.first)
            #expect(!again.isChanged, "seed \(seed): a run after the fixed point changed the note:\n\(String(decoding: rewrite.result, as: UTF8.self))")
        }
    }

    /// Findings about what a citation says or where the author put it, which rendering keeps
    /// as written: a source without a URL, a citation in a table cell.
    static let contentRules: Set<String> = ["citation/malformed", "citation/in-table"]

    @Test func renderedMarkdownHasNoCitationFindings() throws {
        for seed in Self.seeds {
            let cleaned = Self.pipeline.renderer.clean(try Self.parse(Array(Self.note(seed: seed).utf8)))
            let findings = FuzzPipeline.lint(try Self.parse(Array(cleaned.markdown.utf8)))
                .filter { $0.ruleID.hasPrefix("citation/") && !Self.contentRules.contains($0.ruleID) }
            #expect(findings.isEmpty, "seed \(seed): \(findings.map { "\($0.ruleID) \($0.range.start.line): \($0.message)" })\n\(cleaned.markdown)")
        }
    }
}
