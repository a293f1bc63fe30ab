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

    @Test func fixesReachAFixedPointChangingOnlyTheirBytes() throws {
        for seed in Self.seeds {
            var bytes = Array(Self.note(seed: seed).utf8)
            var passes = 0
            while true {
                let (next, applied) = EditApplier.apply(compatible: FuzzPipeline.lint(try Self.parse(bytes)).compactMap(\.fix), to: bytes)
                #expect(Self.onlyEdited(applied.flatMap(\.edits), before: bytes, after: next), "seed \(seed) pass \(passes + 1)")
                if next == bytes { break }
                bytes = next
                passes += 1
                guard passes <= 10 else {
                    Issue.record("seed \(seed): no fixed point after 10 passes:\n\(String(decoding: bytes, as: UTF8.self))")
                    break
                }
            }
            let again = EditApplier.apply(compatible: FuzzPipeline.lint(try Self.parse(bytes)).compactMap(\.fix), to: bytes).bytes
            #expect(again == bytes, "seed \(seed): a pass after the fixed point changed the note")
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
