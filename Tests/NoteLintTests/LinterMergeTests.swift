import Foundation
import NoteConfiguration
@testable import NoteLint
import NoteParser
import Testing

/// `Linter.merge` (the parts' runs put in path order by a stable sort) and `checkNote` (vault
/// rules left out) against plain references kept here, on many generated inputs.
@Suite struct LinterMergeTests {
    /// The merge as it was: runs gathered by path in a dictionary, the paths sorted, each file's
    /// runs joined (in their parts' order) and sorted again where several meet, then capped.
    static func reference(_ parts: [[Finding]], cap: Int) -> [Finding] {
        var runs: [ExactPath: [ArraySlice<Finding>]] = [:]
        for found in parts where !found.isEmpty {
            if ExactPath.same(found[0].path, found[found.count - 1].path) {
                runs[ExactPath(found[0].path), default: []].append(found[...])
                continue
            }
            var start = 0
            while start < found.count {
                var end = start + 1
                while end < found.count, ExactPath.same(found[end].path, found[start].path) { end += 1 }
                runs[ExactPath(found[start].path), default: []].append(found[start..<end])
                start = end
            }
        }
        var findings: [Finding] = []
        for path in runs.keys.sorted() {
            let fileRuns = runs[path] ?? []
            let file = fileRuns.count == 1 ? Array(fileRuns[0]) : Finding.inReportOrder(Array(fileRuns.joined()))
            findings += file.count > cap ? Linter.capped(file) { _ in cap } : file
        }
        return findings
    }

    /// Everything a report shows of a finding, its path as bytes.
    static func shown(_ findings: [Finding]) -> [String] {
        findings.map { "\(Array($0.path.utf8)) \($0.range.start.offset) \($0.ruleID) \($0.severity) \($0.message)" }
    }

    /// Paths that sort close: prefixes, `/` against `.` and digits, case, canonically equal
    /// spellings, CRLF, non-ASCII, empty, long.
    static let paths = ["", "a.md", "a/b.md", "a0.md", "a", "B.md", "b.md", "cafe\u{301}.md", "caf\u{E9}.md", "\u{E9}/x.md",
                        "x\r\n.md", "notes/" + String(repeating: "long name ", count: 8) + ".md", "z.md", "\u{65E5}\u{672C}.md"]

    @Test func mergeMatchesTheDictionaryMerge() throws {
        var random = SeededGenerator(state: 18)
        let note = try NoteParser().parse(bytes: Array("# Note\n".utf8), path: "note.md")
        for round in 0..<2_000 {
            let cap = [1, 2, 3, 5, 1_000][round % 5]
            var configuration = Configuration()
            configuration.limits.maxFindingsPerFile = cap
            let context = NoteContext(note: note, vaultPath: "note.md", configuration: configuration)
            var checks: [Linter.Checked] = []
            for part in 0..<Int.random(in: 0...9, using: &random) {
                // A vault part about several files, or a note's about one.
                let several = Bool.random(using: &random)
                let onePath = Self.paths.randomElement(using: &random) ?? ""
                let found = (0..<Int.random(in: 0...7, using: &random)).map { index in
                    let offset = Int.random(in: 0...3, using: &random)
                    let position = SourcePosition(line: 1, column: offset + 1, offset: offset)
                    return Finding(path: several ? Self.paths.randomElement(using: &random) ?? "" : onePath,
                                   range: SourceRange(start: position, end: position), ruleID: ["a/rule", "b/rule"].randomElement(using: &random) ?? "",
                                   severity: Bool.random(using: &random) ? .warning : .error, message: "\(part).\(index)")
                }
                checks.append(Linter.Checked(findings: Finding.inReportOrder(found), uses: [:]))
            }
            let merged = Linter().merge([context], checks)
            #expect(Self.shown(merged) == Self.shown(Self.reference(checks.map(\.findings), cap: cap)), "round \(round)")
        }
    }

    /// `checkNote` runs only the note rules: the same findings as every rule's `check(_:)`, configured.
    @Test func checkNoteMatchesEveryRuleRun() throws {
        let linter = Linter()
        var texts: [String] = []
        for rule in linter.rules {
            let description = type(of: rule).description
            texts += (description.triggering + description.nonTriggering).flatMap { $0.files.map(\.text) }
            texts += description.corrections.map(\.before)
        }
        #expect(texts.count > 100)
        for text in texts {
            let source = text.replacingOccurrences(of: RuleExample.marker, with: "")
            let note = try NoteParser().parse(bytes: Array(source.utf8), path: "note.md")
            let context = NoteContext(note: note, vaultPath: "note.md", configuration: Configuration())
            let every = linter.checkVault(findings: linter.rules.flatMap { $0.check(context) }, of: context)
            #expect(Self.shown(linter.checkNote(context).findings) == Self.shown(every.findings))
        }
    }

    /// `Linter.vault` keeps notes already in vault order as they come (a run over the whole vault
    /// has them in walk order) and sorts others: against the stable sort by path bytes it replaced,
    /// on generated arrangements of paths that repeat, differ in case or normalisation only, are
    /// prefixes of one another or hold CRLF and non-ASCII, split anyhow into linted and context notes.
    @Test func vaultNotesComeInPathOrder() throws {
        let paths = ["a.md", "B.md", "b.md", "a/b.md", "a.md", "caf\u{E9}.md", "cafe\u{301}.md", "a b.md", "\u{65E5}.md", "x/\r\n.md",
                     "a-b.md", "a/c.md", "", "a"]
        let notes = try paths.map { path in
            NoteContext(note: try NoteParser().parse(bytes: Array("x\n".utf8), path: path), vaultPath: path, configuration: Configuration())
        }
        var generator = SeededGenerator(state: 0x0DE5)
        var sortedRuns = 0
        for round in 0..<2_000 {
            var arranged = Array(notes.prefix(1 + Int(generator.next() % UInt64(notes.count))))
            arranged.shuffle(using: &generator)
            if round % 3 == 0 {
                // In order already (equal paths in the order given).
                arranged = arranged.enumerated().sorted { ExactPath($0.1.vaultPath) < ExactPath($1.1.vaultPath)
                    || ExactPath($0.1.vaultPath) == ExactPath($1.1.vaultPath) && $0.0 < $1.0 }.map(\.1)
                sortedRuns += 1
            }
            let cut = Int(generator.next() % UInt64(arranged.count + 1))
            let (linted, others) = (Array(arranged[..<cut]), Array(arranged[cut...]))
            let expected = (linted + others).map { (ExactPath($0.vaultPath), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            let vault = Linter.vault(linted, context: others, vaultFiles: [])
            #expect(vault.notes.count == expected.count && zip(vault.notes, expected).allSatisfy { $0 === $1 }, "\(arranged.map(\.vaultPath))")
        }
        #expect(sortedRuns > 500)
    }
}
